// Log lines of any tool: owns a line with a `{`, and checks the JSON object
// that runs from the first `{` to the line's end as a message; `->`, `<-`,
// send or recv words in the prefix give its direction. A line where that is
// not one JSON object is prose.
import { skipWhitespace } from '../../json';
import type { Cursor, InputFormat, Line } from '../cursor';
import type { Arrow } from '../line-tests';
import { noteText } from '../reporter';
import { readValue } from '../read-value';

export const prefixedLines: InputFormat = {
  owns: (line) => braceOf(line) >= 0,
  read(line, cx) {
    const brace = braceOf(line);
    const direction = prefixDirection(line.text.slice(line.start, Math.min(brace, line.start + 200)));
    if (!logMessage(cx, brace, line.end, direction))
      cx.report.note('prose', line.first, line.end, noteText(line.text, line.first, line.end));
    return line.end;
  },
};

function braceOf(line: Line): number {
  const at = line.text.slice(line.start, line.end).indexOf('{');
  return at < 0 ? -1 : line.start + at;
}

/**
 * The JSON object at `at`, checked as a message if it runs to `end` (the line's end, or what a log format
 * encloses it in): false, with nothing reported, if it is not one JSON object there.
 */
export function logMessage(cx: Cursor, at: number, end: number, direction: Arrow | null): boolean {
  const r = readValue(cx.text, at, end);
  if ('fault' in r || skipWhitespace(cx.text, r.end, end) < end) return false;
  cx.sawLog = true;
  cx.report.message(r, at, direction);
  return true;
}

/** A direction the prefix states: an arrow, or a word such as "send" / "recv". */
export function prefixDirection(prefix: string): Arrow | null {
  if (/(->|-->|>>>|\bsen[dt]|\bsending|\btx\b)/i.test(prefix)) return '->';
  if (/(<-|<--|<<<|\brecv|\breceived?|\brx\b)/i.test(prefix)) return '<-';
  return null;
}
