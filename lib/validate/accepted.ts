// "Accepted by": which of several schemas (releases) accept each message, and
// why not, in one line per release. Receives each release's verdicts on the
// same input (messages matched by their offset in the text, which no schema
// changes); guarantees per message and release either "accepted" or one line
// naming the first error ("missing member `children`, mandatory since 10.2.2"),
// the "since" being the oldest release from which that same error holds
// without a break (releases ordered by their version number, not as given),
// refined by the member's own "(since X)" when X falls between the release
// that accepted the message and the one that no longer does.
// An unknown event or command says where it exists. Pure.
import type { SchemaModel } from '../qapi/model';
import { compareQemuVersions, findQemuVersion, releaseOrder } from '../qapi/version';
import type { Issue, MessageResult } from './types';

export { releaseOrder };

/** What one release says of one message: null = accepted; else its first error. */
export type Rejection = (Pick<Issue, 'code' | 'path' | 'message'> & { def?: string }) | null;

/** The verdicts of one release, aligned with the reference messages (undefined: that release did not see it). */
export type ReleaseVerdicts = (Rejection | undefined)[];

export function rejectionOf(m: MessageResult): Rejection {
  if (m.valid) return null;
  const e = m.issues.find((i) => i.severity === 'error');
  if (!e) return { code: 'envelope', path: '', message: 'invalid' };
  return e.def
    ? { code: e.code, path: e.path, message: e.message, def: e.def }
    : { code: e.code, path: e.path, message: e.message };
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

const sameError = (a: Rejection | undefined, b: Rejection | undefined) =>
  !!a && !!b && a.code === b.code && a.path === b.path;

/** The last segment of a JSON pointer, unescaped. */
function lastSegment(pointer: string): string {
  const seg = pointer.slice(pointer.lastIndexOf('/') + 1);
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

function errorLine(r: NonNullable<Rejection>): string {
  const name = lastSegment(r.path);
  switch (r.code) {
    case 'missing-member':
      return `missing member \`${name}\``;
    case 'unknown-member':
      return `unknown member \`${name}\``;
    default:
      return r.path ? `${r.message} at ${r.path}` : r.message;
  }
}

export interface Acceptance {
  label: string;
  accepted: boolean;
  /** one line, without the label, when not accepted */
  reason?: string;
}

/** A documented "since" that falls after the release `after` and no later than `upTo`, else undefined. */
function docSinceBetween(doc: string | undefined, after: string, upTo: string): string | undefined {
  const d = doc ? findQemuVersion(doc) : null;
  const a = findQemuVersion(after);
  const u = findQemuVersion(upTo);
  return d && a && u && compareQemuVersions(d, a) > 0 && compareQemuVersions(d, u) <= 0 ? doc : undefined;
}

/** releaseOrder of `labels` and each release's place in it, once per labels array (asked once per message). */
const orders = new WeakMap<readonly string[], { order: number[]; rank: Map<number, number> }>();

function orderOf(labels: readonly string[]): { order: number[]; rank: Map<number, number> } {
  let o = orders.get(labels);
  if (!o) {
    const order = releaseOrder(labels);
    orders.set(labels, (o = { order, rank: new Map(order.map((r, k) => [r, k])) }));
  }
  return o;
}

/**
 * Per release (in the order of `labels`), whether it accepts message `i`, and why not.
 * `since` optionally maps a definition name (or 'Type.member') to its own `Since:` text, quoted for unknown
 * events and commands, and for a missing member when it falls between the releases that disagree.
 */
export function acceptanceOf(
  labels: readonly string[],
  verdicts: readonly ReleaseVerdicts[],
  i: number,
  name: string | null,
  since?: (name: string) => string | undefined,
): Acceptance[] {
  const { order, rank } = orderOf(labels);
  return labels.map((label, r) => {
    const v = verdicts[r]![i];
    if (v === undefined) return { label, accepted: false, reason: 'not checked' };
    if (v === null) return { label, accepted: true };
    if (v.code === 'unknown-event' || v.code === 'unknown-command') {
      const where = labels.filter((_, o) => {
        const w = verdicts[o]![i];
        return w !== undefined && !(w && w.code === v.code);
      });
      const doc = name && since ? since(name) : undefined;
      const tail = where.length
        ? `; in ${order
            .filter((o) => where.includes(labels[o]!))
            .map((o) => labels[o])
            .join(', ')}`
        : '; in none of these';
      return { label, accepted: false, reason: `not in ${label}${tail}${where.length && doc ? `, since ${doc}` : ''}` };
    }
    // walk back (oldest-first order) while the older release fails the same way
    let k = rank.get(r)!;
    while (k > 0 && sameError(verdicts[order[k - 1]!]![i], v)) k--;
    const before = k > 0 ? verdicts[order[k - 1]!]![i] : undefined;
    let reason = errorLine(v);
    // a definition the older release lacks altogether is "not in", not a change with a "since"
    const absent = before && (before.code === 'unknown-event' || before.code === 'unknown-command');
    if (before !== undefined && !absent) {
      const member =
        v.code === 'missing-member' && v.def && since ? since(`${v.def}.${lastSegment(v.path)}`) : undefined;
      const from = docSinceBetween(member, labels[order[k - 1]!]!, labels[order[k]!]!) ?? labels[order[k]!];
      reason += v.code === 'missing-member' ? `, mandatory since ${from}` : `, since ${from}`;
    }
    return { label, accepted: false, reason };
  });
}

/** '(since: 10.1)' or '(Since 2.12)' in a member's description. */
const MEMBER_SINCE = /\(since:?\s*(\d+\.\d+(?:\.\d+)?)\)/i;

/**
 * Commands' and events' own `Since:` texts, and members' "(since X)" as 'Type.member', across models (the first
 * model that documents one wins).
 */
export function sinceTexts(models: readonly SchemaModel[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  const put = (key: string, text: string | undefined) => {
    if (text && !(key in out)) out[key] = text;
  };
  for (const model of models)
    for (const e of model.entities) {
      if (e.meta === 'event' || e.meta === 'command') put(e.name, e.doc?.since);
      if (e.meta === 'struct' || e.meta === 'union')
        for (const m of e.members)
          if (!m.optional) put(`${e.name}.${m.name}`, MEMBER_SINCE.exec(m.description?.text ?? '')?.[1]);
    }
  return out;
}
