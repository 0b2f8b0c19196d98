// "Accepted by": which of several schemas (releases) accept each message, and
// why not. Receives each release's verdicts on the same input (messages
// matched by their offset in the text, which no schema changes); guarantees
// per message and release either "accepted" or one line giving each of its
// errors (the first few, then "+N more"), each with the change that explains
// it: the releases are ordered by version number, and the neighbours of the
// run of releases that fail the same way say whether the thing was added
// ("added in 8.1", from its own `Since:` or "(since X)" when known, else from
// the release numbers) or removed ("removed in 10.0.13"). An unknown event or
// command says where it exists. No line names a release (so equal lines of
// several releases read as one), and names from the input are cut to a
// bounded prefix. Pure.
import { buildIndex, type SchemaModel } from '../qapi/model';
import {
  compareQemuVersions,
  findQemuVersion,
  majorMinor,
  nextRelease,
  releaseOrder,
  type QemuVersion,
} from '../qapi/version';
import { quote } from './quote';
import type { Issue, MessageResult } from './types';

export { releaseOrder };

/** Distinct errors of one verdict given in its line before "+N more". */
const REASONS_SHOWN = 3;
/** Errors of one verdict kept: enough to tell which of them other releases share, bounded for hostile input. */
const ERRORS_KEPT = 32;

/** One error of a verdict. */
export type ErrorRef = Pick<Issue, 'code' | 'path' | 'message'> & { def?: string };

/** What one release says of one message: null = accepted; else its first errors and how many more it has. */
export type Rejection = { errors: ErrorRef[]; more: number } | null;

/** The verdicts of one release, aligned with the reference messages (undefined: that release did not see it). */
export type ReleaseVerdicts = (Rejection | undefined)[];

export function rejectionOf(m: MessageResult): Rejection {
  if (m.valid) return null;
  const errors: ErrorRef[] = [];
  let more = 0;
  for (const e of m.issues) {
    if (e.severity !== 'error') continue;
    if (errors.length === ERRORS_KEPT) more++;
    else {
      const { code, path, message, def } = e;
      errors.push(def ? { code, path, message, def } : { code, path, message });
    }
  }
  return { errors: errors.length ? errors : [{ code: 'envelope', path: '', message: 'invalid' }], more };
}

/** The verdicts of `messages` aligned with `reference` by start offset. */
export function alignVerdicts(
  reference: readonly MessageResult[],
  messages: readonly MessageResult[],
): ReleaseVerdicts {
  const byStart = new Map<number, MessageResult>();
  for (const m of messages) byStart.set(m.start, m);
  return reference.map((r) => {
    const m = byStart.get(r.start);
    return m ? rejectionOf(m) : undefined;
  });
}

const LACKS = new Set(['unknown-event', 'unknown-command']);
const lacksDefinition = (v: Rejection | undefined) => !!v && v.errors.some((e) => LACKS.has(e.code));
const hasError = (v: Rejection | undefined, e: ErrorRef) =>
  !!v && v.errors.some((x) => x.code === e.code && x.path === e.path);

/** The last segment of a JSON pointer, unescaped. */
function lastSegment(pointer: string): string {
  const seg = pointer.slice(pointer.lastIndexOf('/') + 1);
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

export interface Acceptance {
  label: string;
  accepted: boolean;
  /** one line, naming no release label, when not accepted */
  reason?: string;
}

/** releaseOrder of `labels`, each release's place in it and its version, once per labels array (asked per message). */
interface Order {
  order: number[];
  rank: Map<number, number>;
  versions: (QemuVersion | null)[];
}
const orders = new WeakMap<readonly string[], Order>();

function orderOf(labels: readonly string[]): Order {
  let o = orders.get(labels);
  if (!o) {
    const order = releaseOrder(labels);
    o = { order, rank: new Map(order.map((r, k) => [r, k])), versions: labels.map(findQemuVersion) };
    orders.set(labels, o);
  }
  return o;
}

/** What one message's verdicts are read with. */
interface Context {
  labels: readonly string[];
  verdicts: readonly ReleaseVerdicts[];
  i: number;
  o: Order;
  since?: (name: string) => string | undefined;
}

/**
 * "in X" when release X directly follows `before` (or shares its major.minor), else "between `before` and X": a
 * change seen between 7.2.0 and 10.0.13 happened in one of the releases between.
 */
function when(c: Context, before: number, at: number): string {
  const a = c.o.versions[before]!;
  const b = c.o.versions[at]!;
  const adjacent = majorMinor(a) === majorMinor(b) || majorMinor(nextRelease(a)) === majorMinor(b);
  return adjacent ? `in ${c.labels[at]}` : `between ${c.labels[before]} and ${c.labels[at]}`;
}

/** Releases whose labels have a version number: only between two of them is a change placed in time. */
const versioned = (c: Context, ...releases: number[]) => releases.every((r) => c.o.versions[r] !== null);

/** A documented version `doc` that is newer than release `after` and, when `upTo` has a version, not newer than it. */
function docAfter(c: Context, doc: string | undefined, after: number, upTo?: number): string | undefined {
  const d = doc ? findQemuVersion(doc) : null;
  const a = c.o.versions[after];
  const u = upTo === undefined ? null : c.o.versions[upTo];
  return d && a && compareQemuVersions(d, a) > 0 && (!u || compareQemuVersions(d, u) <= 0) ? doc : undefined;
}

/** "`name`", cut to a bounded prefix. */
const named = (name: string) => `\`${quote(name)}\``;

/** An error of release `r` and the change that explains it, from the releases next to those that fail the same way. */
function errorLine(c: Context, r: number, e: ErrorRef): string {
  const { order, rank } = c.o;
  const v = (k: number) => c.verdicts[order[k]!]![c.i];
  let k0 = rank.get(r)!;
  let k1 = k0;
  while (k0 > 0 && hasError(v(k0 - 1), e)) k0--;
  while (k1 < order.length - 1 && hasError(v(k1 + 1), e)) k1++;
  // a neighbour that saw the message, knows its event or command, and surely does not fail this way (its errors
  // are all kept): the change lies there
  const differs = (k: number) => {
    const w = k >= 0 && k < order.length ? v(k) : undefined;
    return w !== undefined && (w === null || (!lacksDefinition(w) && w.more === 0));
  };
  const first = order[k0]!;
  const last = order[k1]!;
  const older = differs(k0 - 1) && versioned(c, order[k0 - 1]!, first) ? order[k0 - 1]! : -1;
  const newer = differs(k1 + 1) && versioned(c, order[k1 + 1]!, last) ? order[k1 + 1]! : -1;
  const name = lastSegment(e.path);
  const doc = e.def && c.since ? c.since(`${e.def}.${name}`) : undefined;
  const changes: string[] = [];
  let text: string;
  switch (e.code) {
    case 'unknown-member':
      text = `unknown member ${named(name)}`;
      if (older >= 0) changes.push(`removed ${when(c, older, first)}`);
      if (newer >= 0) {
        const added = docAfter(c, doc, last, newer);
        changes.push(added ? `added in ${added}` : `added ${when(c, last, newer)}`);
      }
      break;
    case 'missing-member':
      text = `missing member ${named(name)}`;
      if (older >= 0) {
        const added = docAfter(c, doc, older, first);
        changes.push(added ? `added in ${added}` : `made mandatory ${when(c, older, first)}`);
      }
      if (newer >= 0) changes.push(`no longer mandatory ${when(c, last, newer)}`);
      break;
    case 'enum-value':
    case 'bad-discriminator':
      text = `${e.message} at ${quote(e.path)}`;
      if (older >= 0) changes.push(`removed ${when(c, older, first)}`);
      if (newer >= 0) changes.push(`added ${when(c, last, newer)}`);
      break;
    default:
      text = e.path ? `${e.message} at ${quote(e.path)}` : e.message;
      if (older >= 0) changes.push(`changed ${when(c, older, first)}`);
      if (newer >= 0) changes.push(`changed ${when(c, last, newer)}`);
  }
  return changes.length ? `${text}, ${changes.join(', ')}` : text;
}

/** The line of a release that lacks the message's event or command: where it is, and since when. */
function lacksLine(c: Context, r: number, e: ErrorRef, name: string | null): string {
  const kind = e.code === 'unknown-event' ? 'event' : 'command';
  const { order, rank } = c.o;
  const k = rank.get(r)!;
  const where = order.filter((o) => {
    const w = c.verdicts[o]![c.i];
    return w !== undefined && !lacksDefinition(w);
  });
  let text = name === null ? `no such ${kind}` : `no ${kind} ${named(name)}`;
  if (!where.length) return text;
  const newer = where.filter((o) => rank.get(o)! > k);
  const older = where.filter((o) => rank.get(o)! < k);
  if (!older.length) {
    // the releases after the run of those that lack it
    let last = k;
    while (last + 1 < order.length && !where.includes(order[last + 1]!)) last++;
    const added = name && c.since ? docAfter(c, c.since(name), order[last]!) : undefined;
    if (added) text += `, added in ${added}`;
    else if (versioned(c, order[last]!, newer[0]!)) text += `, added ${when(c, order[last]!, newer[0]!)}`;
  } else if (!newer.length) {
    let firstLacking = k;
    while (firstLacking > 0 && !where.includes(order[firstLacking - 1]!)) firstLacking--;
    const had = older[older.length - 1]!;
    if (versioned(c, had, order[firstLacking]!)) text += `, removed ${when(c, had, order[firstLacking]!)}`;
  }
  return `${text} (in ${where.map((o) => c.labels[o]).join(', ')})`;
}

/**
 * Per release (in the order of `labels`), whether it accepts message `i`, and why not.
 * `since` optionally maps a definition name (or 'Type.member') to its own `Since:` text, quoted for unknown
 * events and commands, and for members added between the releases that disagree.
 */
export function acceptanceOf(
  labels: readonly string[],
  verdicts: readonly ReleaseVerdicts[],
  i: number,
  name: string | null,
  since?: (name: string) => string | undefined,
): Acceptance[] {
  const c: Context = { labels, verdicts, i, o: orderOf(labels), since };
  return labels.map((label, r) => {
    const v = verdicts[r]![i];
    if (v === undefined) return { label, accepted: false, reason: 'not checked' };
    if (v === null) return { label, accepted: true };
    const lacks = v.errors.find((e) => LACKS.has(e.code));
    if (lacks) return { label, accepted: false, reason: lacksLine(c, r, lacks, name) };
    // the same line for several errors (a member of every element of an array) once, with a count
    const counts = new Map<string, number>();
    for (const e of v.errors) {
      const line = errorLine(c, r, e);
      counts.set(line, (counts.get(line) ?? 0) + 1);
    }
    const shown = [...counts].slice(0, REASONS_SHOWN);
    const more = v.errors.length + v.more - shown.reduce((n, [, k]) => n + k, 0);
    const reason = shown.map(([line, k]) => (k > 1 ? `${line} (×${k})` : line)).join('; ');
    return { label, accepted: false, reason: reason + (more ? `; +${more} more` : '') };
  });
}

/** Releases that reject a message, those with the same reason together: [labels, reason], in first-seen order. */
export function groupedReasons(lines: readonly Acceptance[]): [string[], string][] {
  const groups = new Map<string, string[]>();
  for (const a of lines) {
    if (a.accepted) continue;
    const reason = a.reason ?? '';
    const g = groups.get(reason);
    if (g) g.push(a.label);
    else groups.set(reason, [a.label]);
  }
  return [...groups].map(([reason, labels]) => [labels, reason]);
}

/** '(since: 10.1)' or '(Since 2.12)' in a member's description. */
const MEMBER_SINCE = /\(since:?\s*(\d+\.\d+(?:\.\d+)?)\)/i;

/**
 * Older `Since:` texts are left out (the validator page fetches these with each model): no release compared is
 * that old, and without one a change is placed between the releases' own numbers, as precisely as they allow.
 */
const SINCE_FROM = { major: 4, minor: 0, micro: 0 };

/**
 * Commands' and events' own `Since:` texts, and members' "(since X)" as 'Type.member', across models (the first
 * model that documents one wins), from QEMU 4.0 on.
 */
export function sinceTexts(models: readonly SchemaModel[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  const put = (key: string, text: string | undefined) => {
    const v = text ? findQemuVersion(text) : null;
    if (text && v && compareQemuVersions(v, SINCE_FROM) >= 0 && !(key in out)) out[key] = text;
  };
  for (const model of models) {
    const index = buildIndex(model);
    const members = (type: string) => {
      const t = index.get(type);
      return t?.meta === 'struct' || t?.meta === 'union' ? t.members : [];
    };
    for (const e of model.entities) {
      if (e.meta === 'event' || e.meta === 'command') put(e.name, e.doc?.since);
      if (e.meta !== 'struct' && e.meta !== 'union') continue;
      // an unknown member is looked up under the object's type: for a union, its branches' members too
      const all = e.meta === 'union' ? [...e.members, ...e.branches.flatMap((b) => members(b.type))] : e.members;
      for (const m of all) put(`${e.name}.${m.name}`, MEMBER_SINCE.exec(m.description?.text ?? '')?.[1]);
    }
  }
  return out;
}
