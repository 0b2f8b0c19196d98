// The envelope of a message, checked by hand (qmp-spec "Issuing Commands",
// "Asynchronous events"): receives the message object and what its envelope
// may hold; returns RawIssues for keys outside it, for a name that is not a
// string and for a name the schema does not have (with the nearest ones).
import type { PathSeg, RawIssue } from './explain';
import { nearestNames } from './suggest';
import { quote } from './quote';
import type { WireValue } from './wire';

export function rawIssue(
  severity: RawIssue['severity'],
  code: RawIssue['code'],
  path: PathSeg[],
  anchor: RawIssue['anchor'],
  message: string,
  text: string,
): RawIssue {
  return { severity, code, path, anchor, message, text };
}

/** Issues for keys outside `allowed`; allocates nothing in the common case of none. */
export function envelopeKeys(
  value: Record<string, WireValue>,
  allowed: string[],
  what: string,
  severity: RawIssue['severity'],
): RawIssue[] {
  let extra = false;
  for (const key in value) if (allowed.indexOf(key) < 0) extra = true;
  if (!extra) return [];
  const out: RawIssue[] = [];
  for (const key in value) {
    if (allowed.indexOf(key) < 0) {
      out.push(
        rawIssue(
          key.startsWith('__') ? 'warning' : severity,
          'envelope',
          [key],
          'key',
          'unexpected key',
          `'${quote(key)}' is not part of ${what}, which has only ${allowed.map((k) => `'${k}'`).join(', ')}`,
        ),
      );
    }
  }
  return out;
}

/** The value at `path` is not of the JSON kind the envelope needs (an object, all of them). */
export function wrongJsonType(path: PathSeg[], text: string): RawIssue {
  return rawIssue('error', 'wrong-type', path, 'value', 'wrong JSON type', text);
}

type Named = 'event' | 'command';

/** The `key` that names the event or command holds something else than a string. */
export function nameNotString(what: Named, key: string): RawIssue {
  return rawIssue(
    'error',
    'envelope',
    [key],
    'value',
    `${what} name not a string`,
    `'${key}' must be a string naming the ${what}`,
  );
}

const UNKNOWN = {
  event: { code: 'unknown-event', article: 'an', downstreamNote: ' (a downstream extension)' },
  command: { code: 'unknown-command', article: 'a', downstreamNote: '' },
} as const;

/**
 * The nearest known names, once per name and list: a log or an older release's
 * check meets the same unknown name again and again, and each search folds
 * and measures every name of the schema.
 */
const nearestOf = new WeakMap<string[], Map<string, string[]>>();

function nearestKnown(name: string, known: string[]): string[] {
  let byName = nearestOf.get(known);
  if (!byName) nearestOf.set(known, (byName = new Map()));
  let near = byName.get(name);
  if (near === undefined) {
    near = nearestNames(name, known);
    // bounded: a paste of ever new names does not grow it without end
    if (byName.size < 10_000) byName.set(name, near);
  }
  return near;
}

/** `name` (at `key`) is no event or command of this schema: an error, a warning for a downstream `__` name. */
export function unknownName(what: Named, key: string, name: string, known: string[]): RawIssue {
  const { code, article, downstreamNote } = UNKNOWN[what];
  const near = nearestKnown(name, known);
  const downstream = name.startsWith('__');
  return rawIssue(
    downstream ? 'warning' : 'error',
    code,
    [key],
    'value',
    `unknown ${what}`,
    `'${quote(name)}' is not ${article} ${what} of this schema${downstream ? downstreamNote : ''}${near.length ? `; nearest: ${near.join(', ')}` : ''}`,
  );
}
