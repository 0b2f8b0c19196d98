// An event's timestamp (qmp-spec "Asynchronous events"): receives the event
// object; returns issues unless `timestamp` is {"seconds": S, "microseconds": U}
// with integer literals, U in 0..999999 and S >= 0, or both -1 (QEMU could
// not read the host clock), and nothing else.
import type { RawIssue } from './explain';
import { describeValue } from './describe';
import { quote } from './quote';
import type { WireValue } from './wire';
import { isWireObject } from './wire';

const INT64_MAX = 2n ** 63n - 1n;

function integerOf(v: WireValue | undefined): bigint | null {
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'bigint') return v;
  return null;
}

function bad(path: (string | number)[], anchor: RawIssue['anchor'], text: string): RawIssue {
  return { severity: 'error', code: 'bad-timestamp', path, anchor, message: 'bad timestamp', text };
}

const NONE: RawIssue[] = [];

/** The common case, decided without allocating: exactly two in-range integer members. */
export function isPlainTimestamp(ts: WireValue | undefined): boolean {
  if (!isWireObject(ts)) return false;
  const s = ts.seconds;
  const u = ts.microseconds;
  if (typeof s !== 'number' || typeof u !== 'number' || !Number.isInteger(s) || !Number.isInteger(u)) return false;
  let n = 0;
  for (const _ in ts) n++;
  return n === 2 && s >= 0 && u >= 0 && u <= 999999;
}

export function checkTimestamp(event: Record<string, WireValue>): RawIssue[] {
  const ts = event.timestamp;
  if (isPlainTimestamp(ts)) return NONE;
  if (ts === undefined) {
    return [
      {
        severity: 'error',
        code: 'missing-timestamp',
        path: [],
        anchor: 'value',
        message: 'missing timestamp',
        text: `an event needs "timestamp": {"seconds": …, "microseconds": …}`,
      },
    ];
  }
  if (!isWireObject(ts))
    return [
      bad(
        ['timestamp'],
        'value',
        `'timestamp' must be an object {"seconds": …, "microseconds": …}, got ${describeValue(ts)}`,
      ),
    ];
  const out: RawIssue[] = [];
  for (const key of Object.keys(ts)) {
    if (key !== 'seconds' && key !== 'microseconds')
      out.push(
        bad(
          ['timestamp', key],
          'key',
          `'${quote(key)}' is not part of a timestamp, which has only 'seconds' and 'microseconds'`,
        ),
      );
  }
  const seconds = integerOf(ts.seconds);
  const micros = integerOf(ts.microseconds);
  for (const [key, n] of [
    ['seconds', seconds],
    ['microseconds', micros],
  ] as const) {
    if (ts[key] === undefined) out.push(bad(['timestamp', key], 'parent', `the timestamp lacks '${key}'`));
    else if (n === null)
      out.push(bad(['timestamp', key], 'value', `'${key}' must be an integer literal, got ${describeValue(ts[key])}`));
  }
  if (seconds === null || micros === null) return out;
  const unavailable = seconds === -1n && micros === -1n;
  if (unavailable) return out;
  if (seconds === -1n || micros === -1n) {
    out.push(
      bad(
        ['timestamp', seconds === -1n ? 'microseconds' : 'seconds'],
        'value',
        'when QEMU cannot read the host time, both seconds and microseconds are -1',
      ),
    );
  } else {
    if (seconds < 0n || seconds > INT64_MAX)
      out.push(
        bad(
          ['timestamp', 'seconds'],
          'value',
          `seconds ${seconds} is out of range: seconds since the Unix epoch, 0..${INT64_MAX} (or -1 with microseconds -1)`,
        ),
      );
    if (micros < 0n || micros > 999999n)
      out.push(bad(['timestamp', 'microseconds'], 'value', `microseconds ${micros} is out of range 0..999999`));
  }
  return out;
}
