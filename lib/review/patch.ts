// A message body's diff as files and hunks whose every line knows its patch
// line. jsdiff's parsePatch reads the diff (git's dialect: quoted names,
// renames, copies, new and deleted files, binary markers; prose before, between
// and after files is skipped); what is ours is placing its hunks back on the
// body's lines (the k-th '@@ ' line is the k-th hunk: parsePatch takes every
// one outside a hunk as a hunk header), the `index` line's blob hashes, and
// refusing paths that leave the tree. Receives the messages read from the
// input; guarantees the files in series order, or a refusal with its line.
import { parsePatch } from 'diff/lib/patch/parse.js';
import type { StructuredPatch } from 'diff';
import type { ReadMessage } from './input/formats';
import type { SourceLine } from './input/lines';
import type { ApplyFailure, FilePatch, FileStatus, Hunk, HunkLine } from './types';

/** The directories of QEMU's schema roots: their *.json files are schema files. */
export const SCHEMA_ROOTS = ['qapi/qapi-schema.json', 'qga/qapi-schema.json', 'storage-daemon/qapi/qapi-schema.json'];
const SCHEMA_FILE = /^(qapi|qga|storage-daemon\/qapi)\/[^/]+\.json$/;

const HUNK_HEADER = /^@@\s/;
const FILE_START = /^(diff --git |Index:\s|diff(?: -r \w+)+\s|--- )/;
const INDEX_LINE = /^index ([0-9a-f]{4,64})\.\.([0-9a-f]{4,64})(?: [0-7]+)?\s*$/;
const BINARY = /^(GIT binary patch|Binary files .* differ)$/;

export interface ParsedPatch {
  files: FilePatch[];
  refused?: ApplyFailure;
}

export function parseMessages(messages: ReadMessage[]): ParsedPatch {
  const files: FilePatch[] = [];
  for (const [i, m] of messages.entries()) {
    const parsed = parseBody(m.body, i);
    if ('refused' in parsed) return { files, refused: parsed.refused };
    files.push(...parsed.files);
  }
  return { files };
}

function parseBody(whole: SourceLine[], message: number): { files: FilePatch[] } | { refused: ApplyFailure } {
  const body = withoutSignature(whole);
  const texts = body.map((l) => l.text);
  let indexes: StructuredPatch[];
  try {
    indexes = parsePatch(texts.join('\n'));
  } catch (err) {
    // jsdiff names the line by its 1-based number in the text it was given
    const text = String((err as Error).message ?? err);
    const at = /line (\d+)/.exec(text);
    const line = at ? (body[Number(at[1]) - 1]?.line ?? null) : null;
    return {
      refused: { text: `malformed patch: ${text.replace(/ at line \d+| line \d+/, '')}`, file: null, patchLine: line },
    };
  }
  const files: FilePatch[] = [];
  let cursor = 0;
  for (const index of indexes) {
    if (index.oldFileName === undefined && index.newFileName === undefined && !index.hunks.length) continue;
    const start = findLine(texts, cursor, (t) => FILE_START.test(t));
    const firstHunk = index.hunks.length ? findLine(texts, start, (t) => HUNK_HEADER.test(t)) : -1;
    const headerEnd = firstHunk >= 0 ? firstHunk : nextFileStart(texts, start + 1);
    const header = texts.slice(start, headerEnd);
    const hashes = header.map((t) => INDEX_LINE.exec(t)).find(Boolean);
    const binary = Boolean(index.isBinary) || header.some((t) => BINARY.test(t));
    const oldPath = treePath(index.oldFileName);
    const newPath = treePath(index.newFileName);
    const patchLine = body[start]?.line ?? null;
    for (const p of [oldPath, newPath]) {
      const bad = p && unsafePath(p);
      if (bad) return { refused: { text: `refused: '${p}' ${bad}`, file: null, patchLine } };
    }
    const path = newPath ?? oldPath;
    const schema = path !== null && SCHEMA_FILE.test(path);
    if (binary && schema)
      return { refused: { text: `refused: a binary patch of the schema file ${path}`, file: path, patchLine } };
    const hunks: Hunk[] = [];
    cursor = start + 1;
    for (const h of index.hunks) {
      const at = findLine(texts, cursor, (t) => HUNK_HEADER.test(t));
      hunks.push(placeHunk(h, body, at));
      cursor = at + 1 + h.lines.length;
    }
    files.push({
      message,
      oldPath,
      newPath,
      status: statusOf(index, oldPath, newPath),
      ...(hashes ? { oldHash: hashes[1], newHash: hashes[2] } : {}),
      schema: schema && !binary,
      patchLine,
      hunks,
    });
    if (!index.hunks.length) cursor = Math.max(cursor, headerEnd);
  }
  return { files };
}

/**
 * The body without its signature: git format-patch ends a mail with '-- '
 * and git's version, which a diff reader would take for one more removed line.
 */
function withoutSignature(body: SourceLine[]): SourceLine[] {
  let sig = body.length - 1;
  while (sig >= 0 && body[sig]!.text !== '-- ') sig--;
  if (sig < 0 || body.slice(sig + 1).some((l) => /^(@@ |diff --git )/.test(l.text))) return body;
  return body.slice(0, sig);
}

function findLine(texts: string[], from: number, test: (t: string) => boolean): number {
  for (let i = Math.max(0, from); i < texts.length; i++) if (test(texts[i]!)) return i;
  return Math.max(0, from);
}

function nextFileStart(texts: string[], from: number): number {
  for (let i = from; i < texts.length; i++) if (/^(diff --git |Index:\s)/.test(texts[i]!)) return i;
  return texts.length;
}

function placeHunk(h: StructuredPatch['hunks'][number], body: SourceLine[], at: number): Hunk {
  const lines: HunkLine[] = [];
  let oldLine = h.oldLines === 0 ? h.oldStart - 1 : h.oldStart;
  let newLine = h.newLines === 0 ? h.newStart - 1 : h.newStart;
  for (const [i, raw] of h.lines.entries()) {
    const patchLine = body[at + 1 + i]?.line ?? null;
    if (raw.startsWith('\\')) {
      const last = lines[lines.length - 1];
      if (last) last.newline = false;
      continue;
    }
    const kind = raw === '' ? ' ' : (raw[0] as HunkLine['kind']);
    const line: HunkLine = { kind, text: raw.slice(1), newline: true, patchLine };
    if (kind !== '+') line.oldLine = oldLine++;
    if (kind !== '-') line.newLine = newLine++;
    lines.push(line);
  }
  return {
    header: body[at]?.text ?? '',
    patchLine: body[at]?.line ?? null,
    oldStart: h.oldStart,
    oldLines: h.oldLines,
    newStart: h.newStart,
    newLines: h.newLines,
    lines,
  };
}

/** A name of the patch as a path from the tree's top: git's a/ and b/ removed; null for /dev/null. */
function treePath(name: string | undefined): string | null {
  if (name === undefined || name === '/dev/null') return null;
  return name.replace(/^[ab]\//, '');
}

/** Why a path must not be read or written, or null: nothing outside the tree, ever. */
export function unsafePath(path: string): string | null {
  if (path.startsWith('/')) return 'is an absolute path';
  if (path.split('/').includes('..')) return 'climbs out of the tree';
  if (path === '' || /[\0\\]/.test(path)) return 'is not a file name';
  return null;
}

function statusOf(index: StructuredPatch, oldPath: string | null, newPath: string | null): FileStatus {
  if (oldPath === null || index.isCreate) return 'added';
  if (newPath === null || index.isDelete) return 'deleted';
  if (index.isRename) return 'renamed';
  if (index.isCopy) return 'copied';
  return 'modified';
}
