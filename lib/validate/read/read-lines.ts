// The one place that decides, line by line, what a line of pasted text is:
// receives the cursor (the piece, from where reading resumes) and the session's
// formats in the order of the table; asks them in turn, and the first that owns
// the line reads it (a message may take more lines, or end mid-line: what
// follows it on its line is read here). A line no format owns is prose: one
// note per run of lines. After a syntax error, lines are skipped until one can
// start something; the piece's last line waits for the next piece unless the
// input has ended, so streaming gives the same results as one call.
import { type Cursor, type InputFormat, type Line, WAIT } from './cursor';
import { readValues } from './formats/json-values';
import { elisionAt, skipBlank, startsSomething } from './line-tests';
import { readElision } from './message';
import { noteText } from './reporter';

/** Reads lines from `from`; returns where reading stopped (the piece's end, or a line to read again when more input comes). */
export function readLines(cx: Cursor, formats: readonly InputFormat[], from: number): number {
  const { text, lines, final } = cx;
  const n = text.length;
  const line: Line = { text, index: 0, start: 0, end: 0, first: 0 };
  let i = from;
  let l = lines.lineIndex(i);
  let next = lines.lineStart(l + 1);
  while (i < n) {
    // the next line, or the line where a message that took several lines ended
    l = i === next ? l + 1 : lines.lineIndexFrom(l, i);
    const s = lines.lineStart(l);
    next = lines.lineStart(l + 1);
    if (next === Infinity && !final) return i; // the last line may be incomplete
    let e = next === Infinity ? n : next - 1;
    if (e > s && text.charCodeAt(e - 1) === 0x0d) e--;
    if (i === s && cx.skipIndent >= 0) {
      if (!startsSomething(text, s, e, cx.skipIndent)) {
        i = Math.min(n, next);
        continue;
      }
      cx.skipIndent = -1;
    }
    let after: number;
    if (i > s) after = restOfLine(cx, l, i, e);
    else {
      line.index = l;
      line.start = s;
      line.end = e;
      line.first = skipBlank(text, s, e);
      after = line.first >= e ? e : readLine(cx, formats, line);
    }
    if (after === WAIT) return i;
    i = after === e ? Math.min(n, next) : after;
  }
  return n;
}

function readLine(cx: Cursor, formats: readonly InputFormat[], line: Line): number {
  for (const format of formats) if (format.owns(line, cx)) return format.read(line, cx);
  cx.report.note('prose', line.first, line.end, noteText(cx.text, line.first, line.end));
  return line.end;
}

/** What follows a message on its line: another value, an elision, a stray bracket, or prose. */
function restOfLine(cx: Cursor, l: number, i: number, e: number): number {
  const text = cx.text;
  const at = skipBlank(text, i, e);
  if (at >= e) return e;
  const c = text.charCodeAt(at);
  // another value first: the elision scan runs over the rest of the line only once, not once per value
  if (c === 0x7b || c === 0x5b) return readValues(cx, l, at, -1);
  if (elisionAt(text, at, e) >= 0) return readElision(cx, l, at, e);
  if (/^["{}[\],:0-9-]/.test(text[at]!)) cx.report.trailingJson(at);
  else cx.report.note('prose', at, e, noteText(text, at, e));
  return e;
}
