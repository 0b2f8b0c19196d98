// JSON values: one value, a top-level array of messages, JSON Lines,
// concatenated or pretty-printed values. Owns a line that starts a value
// (`{`, `[`, or a scalar that is the whole line), and a line that can only
// continue one (a closing bracket, a separator, a member name after a message
// that closed too early: an issue on that message). An array's elements are
// read one by one, so a malformed element costs only itself.
import { parseJson, skipWhitespace, type JsonNode } from '../../json';
import { toWireValue } from '../../wire';
import { type Cursor, type InputFormat, type Line, WAIT } from '../cursor';
import { bracketEnd, markerOf, skipBlank } from '../line-tests';
import { readMessage } from '../message';
import { noteText } from '../reporter';
import { readValue, type ReadFault } from '../read-value';

export const jsonValues: InputFormat = {
  owns(line, cx) {
    const c = line.text.charCodeAt(line.first);
    if (isBracket(c) || c === 0x7d || c === 0x5d || c === 0x2c || c === 0x3a) return true;
    // a byte order mark before JSON: QEMU's parser refuses it, and so does this one, with the reason
    if (c === 0xfeff) return isBracket(line.text.charCodeAt(line.first + 1));
    return memberName(line, cx) || (startsScalar(c) && scalarLine(line) !== null);
  },
  read(line, cx) {
    const { text, first, end } = line;
    const c = text.charCodeAt(first);
    if (isBracket(c) || c === 0xfeff) return readValues(cx, line.index, first, first - line.start);
    const scalar = memberName(line, cx) ? null : startsScalar(c) ? scalarLine(line) : null;
    if (scalar) {
      cx.topValues++;
      cx.report.message({ value: toWireValue(scalar), end: scalar.end, node: scalar }, first, null);
    } else if (cx.report.hasMessage) cx.report.trailingJson(first);
    else cx.report.note('prose', first, end, noteText(text, first, end));
    return end;
  },
};

/** A value at `p` outside any marker: a top-level array is read element by element, anything else is one message. */
export function readValues(cx: Cursor, l: number, p: number, indent: number): number {
  const array = cx.text.charCodeAt(p) === 0x5b;
  const read = cx.report.read;
  const after = array ? readArray(cx, p) : readMessage(cx, l, p, indent, null);
  if (after !== WAIT && (array || cx.report.read > read) && ++cx.topValues === 1) cx.firstIsArray = array;
  return after;
}

/**
 * A top-level array: each element is a message. Read within the brackets that close it (the text's end if none
 * do), so a piece of a stream gives what the whole text gives. Returns the offset after the array, or WAIT.
 */
function readArray(cx: Cursor, open: number): number {
  const { text, lines } = cx;
  const close = bracketEnd(text, open, text.length);
  if (!cx.final && (close < 0 || close >= text.length)) return WAIT;
  const n = close < 0 ? text.length : close;
  const unterminated = "unterminated array: expected ']'";
  let j = open + 1;
  for (;;) {
    j = skipWhitespace(text, j, n);
    if (j >= n) {
      cx.report.fault(open, { offset: n, message: unterminated, eof: true }, null);
      return n;
    }
    if (text.charCodeAt(j) === 0x5d) return j + 1;
    const element = j;
    const r = readValue(text, j, n);
    let fault: ReadFault | null = null;
    if (!('fault' in r)) {
      cx.report.message(r, j, null);
      j = r.end;
    } else if (r.fault.deep) {
      cx.report.fault(j, r.fault, null);
      j = r.fault.deep.end;
    } else fault = r.fault;
    if (!fault) {
      j = skipWhitespace(text, j, n);
      const c = text.charCodeAt(j);
      if (c === 0x2c) {
        j++;
        continue;
      }
      if (c === 0x5d) return j + 1;
      if (j >= n) {
        cx.report.fault(j, { offset: j, message: unterminated, eof: true }, null);
        return n;
      }
      fault = { offset: j, message: "expected ',' or ']' after an array element", eof: false };
    }
    // report, then resume at the next line that can start an element at this element's indentation (the line
    // where the fault is, too: after a whole element, a marker line ends the array)
    cx.report.fault(j, fault, null);
    const line = lines.lineIndex(element);
    const from = lines.lineIndex(fault.offset) > line ? lines.lineIndex(fault.offset) - 1 : line;
    const at = cx.resync(from, Math.max(0, element - lines.lineStart(line)));
    // a log line, a marker or prose ends the array: the line-by-line reading takes over there
    const c = text.charCodeAt(skipBlank(text, at, n));
    if (at >= n || markerOf(text, at, cx.lineEnd(lines.lineIndex(at))) || !isBracket(c)) return at;
    cx.skipIndent = -1;
    j = at;
  }
}

function isBracket(c: number): boolean {
  return c === 0x7b || c === 0x5b;
}

/** `"name":` after a message, as when `-> { "execute": "x" }` closed before its `"arguments": …` line */
function memberName(line: Line, cx: Cursor): boolean {
  return (
    line.text.charCodeAt(line.first) === 0x22 &&
    cx.report.hasMessage &&
    /^"[^"]*"\s*:/.test(line.text.slice(line.first, line.first + 200))
  );
}

/** `"`, a digit, `-`, `t`, `f`, `n`: a line that may be one scalar JSON value */
function startsScalar(c: number): boolean {
  return c === 0x22 || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e;
}

/** The line as one scalar value, or null when it is not exactly that. */
function scalarLine(line: Line): JsonNode | null {
  if (!mayBeScalar(line)) return null;
  const r = parseJson(line.text, line.first, line.end);
  return r.ok && skipWhitespace(line.text, r.end, line.end) >= line.end ? r.node : null;
}

/**
 * Whether the line can be one scalar at all, tested without reading it: a number's characters up to its end, a
 * string closed at its end, a literal's length (a log line starting with its date is not read as JSON first).
 */
function mayBeScalar(line: Line): boolean {
  const { text, first } = line;
  let e = line.end;
  while (e > first && (text.charCodeAt(e - 1) === 0x20 || text.charCodeAt(e - 1) === 0x09)) e--;
  const c = text.charCodeAt(first);
  if (c === 0x22) return e - first >= 2 && text.charCodeAt(e - 1) === 0x22;
  if (c === 0x74 || c === 0x66 || c === 0x6e) return e - first <= 5;
  for (let i = first; i < e; i++) {
    const d = text.charCodeAt(i);
    if (!((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x2d || d === 0x2b || d === 0x65 || d === 0x45)) return false;
  }
  return true;
}
