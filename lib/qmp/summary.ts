// The last line of a watch session: how many events were valid and invalid,
// how long it ran, and why it ended. Receives the tallies; returns the line.

export type WatchEnd =
  | { kind: 'closed' }
  | { kind: 'duration'; seconds: number }
  | { kind: 'until'; event: string }
  | { kind: 'interrupted' };

export interface WatchTally {
  events: { valid: number; invalid: number };
  /** anything but an event after the session opened (QEMU sends none unasked): counted apart */
  others: { valid: number; invalid: number };
}

const ENDS: { [K in WatchEnd['kind']]: (end: Extract<WatchEnd, { kind: K }>) => string } = {
  closed: () => 'QEMU closed the connection',
  duration: (e) => `--duration ${e.seconds} s reached`,
  until: (e) => `${e.event} arrived (--until)`,
  interrupted: () => 'interrupted',
};

export function summaryLine(tally: WatchTally, end: WatchEnd, ms: number): string {
  const { events, others } = tally;
  const other =
    others.valid + others.invalid ? `; other messages: ${others.valid} valid, ${others.invalid} invalid` : '';
  const why = (ENDS[end.kind] as (e: WatchEnd) => string)(end);
  return `events: ${events.valid} valid, ${events.invalid} invalid${other} in ${(ms / 1000).toFixed(1)} s; ${why}`;
}
