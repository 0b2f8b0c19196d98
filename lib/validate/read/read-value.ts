// The one way a JSON value is read from pasted text: receives the text and
// the span where one value may lie; returns the value (wire.ts), where it
// ends and, when the exact reader had to run, its node tree; or a fault with
// its offset. Cheapest first: a value that is a whole line of its own (JSON
// Lines) goes to the engine's JSON.parse (json-line.ts), anything else to the
// fast reader (json-fast.ts), which beats JSON.parse on a value after a
// prefix; the exact reader (json.ts) runs only where both give up, and builds
// nodes no deeper than QEMU's nesting limit.
import { parseJson, type JsonNode, type JsonSyntaxError } from '../json';
import { readFast } from '../json-fast';
import { readLine } from '../json-line';
import { MAX_NESTING, toWireValue, type WireValue } from '../wire';

export interface ValueRead {
  value: WireValue;
  /** the offset after the value */
  end: number;
  /** the exact reader's tree, when it ran (issues are located in it; it marks duplicate keys) */
  node?: JsonNode;
}

/** Where a value's text breaks, or that it nests deeper than QEMU reads (`deep`), and where it ends if whole. */
export type ReadFault = JsonSyntaxError;

export type ValueOrFault = ValueRead | { fault: ReadFault };

export function readValue(text: string, start: number, end: number): ValueOrFault {
  const c = text.charCodeAt(start);
  if ((c === 0x7b || c === 0x5b) && (start === 0 || text.charCodeAt(start - 1) === 0x0a)) {
    let e = text.indexOf('\n', start);
    if (e < 0 || e > end) e = end;
    while (e > start && isTrailingSpace(text.charCodeAt(e - 1))) e--;
    const line = readLine(text, start, e);
    if (line) return line;
  }
  const fast = readFast(text, start, end);
  if (fast) return fast;
  const r = parseJson(text, start, end, MAX_NESTING);
  return r.ok ? { value: toWireValue(r.node), end: r.end, node: r.node } : { fault: r.error };
}

function isTrailingSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}
