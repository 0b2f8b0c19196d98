// The record of a watch session (--record FILE): a transcript as QEMU's docs
// write one, a message a line, "-> " before what watch sent and "<- " before
// what QEMU sent, each as it came (a pretty-printed one on one line). It is
// what `validate` and /validate read like any transcript, and, holding the
// greeting and the replies to query-version and query-qmp-schema, it is the
// running QEMU's schema too: `qapi-explorer validate --schema rec rec` checks
// the session again as watch did, positions and all, since watch validates
// this very text. Receives a direction and a message's text; returns the line.

export type Direction = '->' | '<-';

export function recordLine(direction: Direction, text: string): string {
  return `${direction} ${text}\n`;
}
