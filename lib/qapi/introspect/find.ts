// Finds a query-qmp-schema reply in any text that holds one: the bare
// SchemaInfo array, {"return": [...]}, or a whole dump or transcript (JSON
// values one after another, pretty or not, between prose lines or after
// '->' / '<-' markers, as libvirt's .replies files and QMP logs are).
// Receives the text and its name; guarantees the first such reply, with the
// QEMU version and target when the text also holds a query-version reply (or
// a QMP greeting) and a query-target reply, or a QapiError at line:col.
import { QapiError } from '../error';
import { QAPISourceInfo } from '../source';
import { isObject, positionOf, scanJsonValue, type JsonPath, type JsonScanError } from './json-scan';

export interface FoundSchemaReply {
  /** the SchemaInfo list, as JSON.parse read it */
  infos: unknown[];
  /** offset of the JSON value that holds the list */
  start: number;
  /** path of the list inside that value: [] for a bare array, ['return'] for a reply */
  listPath: JsonPath;
  /** 'major.minor.micro' from query-version or the QMP greeting */
  qemuVersion?: string;
  /** query-version's 'package' (a distribution's build string), when not empty */
  qemuPackage?: string;
  /** query-target's 'arch' */
  target?: string;
}

/** A QapiError located at an offset of the introspection text. */
export function errorAt(fname: string, text: string, offset: number, message: string): QapiError {
  const { line, col } = positionOf(text, offset);
  const info = new QAPISourceInfo(fname, null);
  info.line = line;
  return new QapiError(info, message, col);
}

function isSchemaInfoList(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.length > 0 && isObject(v[0]) && Object.hasOwn(v[0], 'meta-type');
}

/** query-version's result: {"qemu": {"major", "minor", "micro"}, "package"} */
function versionOf(v: unknown): { qemuVersion: string; qemuPackage?: string } | null {
  if (!isObject(v) || !isObject(v.qemu)) return null;
  const { major, minor, micro } = v.qemu;
  if (![major, minor, micro].every((n) => Number.isInteger(n))) return null;
  const pkg = typeof v.package === 'string' ? v.package.trim() : '';
  return { qemuVersion: `${major}.${minor}.${micro}`, ...(pkg ? { qemuPackage: pkg } : {}) };
}

/** Where the next value can start at or after `p`: a '{' or '[' after blank space or a '->' / '<-' marker. */
function nextCandidate(text: string, p: number): number {
  const n = text.length;
  while (p < n) {
    while (p < n && /\s/.test(text[p]!)) p++;
    if (text.startsWith('->', p) || text.startsWith('<-', p)) {
      p += 2;
      while (text[p] === ' ' || text[p] === '\t') p++;
    }
    const c = text[p];
    if (c === '{' || c === '[') return p;
    // prose: skip the line
    const nl = text.indexOf('\n', p);
    if (nl < 0) return -1;
    p = nl + 1;
  }
  return -1;
}

export function findSchemaReply(text: string, fname: string): FoundSchemaReply {
  let found: FoundSchemaReply | null = null;
  let version: ReturnType<typeof versionOf> = null;
  let target: string | undefined;
  let firstError: JsonScanError | null = null;
  for (let p = nextCandidate(text, 0); p >= 0;) {
    const scanned = scanJsonValue(text, p);
    if ('error' in scanned) {
      // a broken schema reply is the error to report; a broken other message is skipped
      if (text.slice(p, scanned.error.offset).includes('"meta-type"')) {
        throw errorAt(fname, text, scanned.error.offset, `bad query-qmp-schema reply: ${scanned.error.message}`);
      }
      firstError ??= scanned.error;
      // resume after the error's line: restarting inside the broken value could rescan it again and again
      const nl = text.indexOf('\n', scanned.error.offset);
      p = nl < 0 ? -1 : nextCandidate(text, nl + 1);
      continue;
    }
    const { end } = scanned;
    const slice = text.slice(p, end);
    // only values that can matter are read at all
    if (!found && slice.includes('"meta-type"')) {
      const v: unknown = JSON.parse(slice);
      if (isSchemaInfoList(v)) found = { infos: v, start: p, listPath: [] };
      else if (isObject(v) && isSchemaInfoList(v.return)) found = { infos: v.return, start: p, listPath: ['return'] };
    } else if (!version && slice.includes('"qemu"')) {
      const v: unknown = JSON.parse(slice);
      if (isObject(v)) version = versionOf(v.return) ?? (isObject(v.QMP) ? versionOf(v.QMP.version) : null);
    } else if (target === undefined && slice.includes('"arch"')) {
      const v: unknown = JSON.parse(slice);
      if (
        isObject(v) &&
        isObject(v.return) &&
        typeof v.return.arch === 'string' &&
        Object.keys(v.return).length === 1
      ) {
        target = v.return.arch;
      }
    }
    if (found && version) break;
    p = nextCandidate(text, end);
  }
  if (!found) {
    const what = 'no query-qmp-schema reply (a JSON array of SchemaInfo objects, alone or as {"return": [...]})';
    if (firstError) throw errorAt(fname, text, firstError.offset, `${firstError.message}; and ${what} was found`);
    throw new QapiError(null, `${fname}: ${what} found`);
  }
  if (version) Object.assign(found, version);
  if (target !== undefined) found.target = target;
  return found;
}
