// QEMU iotests output (tests/qemu-iotests/*.out): JSON messages whose
// timestamps the tests' filters replaced with placeholders (`_filter_qmp`:
// `"seconds":  TIMESTAMP`; iotests.py's filter_qmp_event: `"SECS"`, `"USECS"`).
// Owns a message whose text holds one; it is read with numbers of the same
// width in their place, so every column still points into the line as written.
import { type Cursor, type InputFormat, type Line, WAIT } from '../cursor';
import { bracketEnd } from '../line-tests';
import { readValue } from '../read-value';

const PLACEHOLDER = /("(?:micro)?seconds": )( TIMESTAMP|"U?SECS")/g;

/** The placeholders as zeros, padded to the same width. */
function unfilter(text: string): string {
  return text.replace(PLACEHOLDER, (_m, key: string, v: string) => key + ' '.repeat(v.length - 1) + '0');
}

/** one pass over the text, not one per placeholder */
const ANY_PLACEHOLDER = / TIMESTAMP|SECS"/;

function hasPlaceholder(text: string): boolean {
  return ANY_PLACEHOLDER.test(text);
}

export function iotests(): InputFormat {
  /** the piece holds a placeholder at all (most inputs do not: then no message is looked at twice) */
  let filtered = false;

  /** The message's text: from its `{` to its closing bracket, or to where it may extend if it does not close. */
  function messageEnd(line: Line, cx: Cursor): number {
    const region = cx.regionEnd(line.index);
    const close = bracketEnd(line.text, line.first, region);
    return close < 0 ? region : close;
  }

  return {
    begin(text) {
      filtered = hasPlaceholder(text);
    },
    owns(line, cx) {
      return (
        filtered &&
        line.text.charCodeAt(line.first) === 0x7b &&
        hasPlaceholder(line.text.slice(line.first, messageEnd(line, cx)))
      );
    },
    read(line, cx) {
      const { text, first } = line;
      const end = messageEnd(line, cx);
      if (!cx.final && end >= text.length) return WAIT;
      const source = { text: unfilter(text.slice(first, end)), base: first };
      const r = readValue(source.text, 0, source.text.length);
      if ('fault' in r) {
        // offsets in the copy, moved to the piece
        const { offset, deep } = r.fault;
        const end = deep?.end === undefined ? undefined : first + deep.end;
        cx.report.fault(
          first,
          { ...r.fault, offset: first + offset, deep: end === undefined ? undefined : { end } },
          null,
        );
        return end ?? cx.resync(line.index, first - line.start);
      }
      cx.report.message(r, 0, null, source);
      return first + r.end;
    },
  };
}
