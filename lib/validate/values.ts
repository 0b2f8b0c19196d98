// Reading plain JSON values: one value, a top-level array of messages, JSON
// Lines or concatenated values. Receives the session's buffer and line table;
// guarantees every value in it checked once, in order. A valid value takes a
// fast path (JSON Lines: json-line.ts over JSON.parse; otherwise
// json-fast.ts; neither builds a node tree); the exact reader (json.ts) runs
// only where an issue needs a position or the fast readers give up. A syntax
// error is one issue and reading resumes at the next line that can start a
// message; an array's elements are read one by one, so a bad element costs
// only itself. A line no JSON can start (a transcript, a log, prose) hands the
// rest to line-wise reading (mixed.ts, which this extends).
import { fastEnd, readFast, BAIL } from './json-fast';
import { readLine } from './json-line';
import { parseJson, skipWhitespace, type JsonNode } from './json';
import { MixedReader } from './mixed';
import { bracketEnd, indentOf, lineEndOf, markerOf, opensMixed, resyncLine, skipBlank } from './split';
import { MAX_NESTING, toWireValue, type WireValue } from './wire';

export abstract class ValueReader extends MixedReader {
  /** how the input is read: not decided yet, as JSON values, or line by line (from where the values ended) */
  protected layout: 'unknown' | 'values' | 'mixed' = 'unknown';
  protected topValues = 0;
  protected firstIsArray = false;
  /** after a syntax error: skipping lines until one can start a message indented no deeper than this */
  protected resyncIndent = -1;

  /** Top-level values from `resume`: returns where reading stopped (the end, a piece to wait for, a mixed line). */
  protected scanValues(final: boolean): number {
    const text = this.buf;
    const n = text.length;
    const lines = this.lines;
    let i = this.resume;
    for (;;) {
      if (this.resyncIndent >= 0) {
        const next = resyncLine(text, lines, lines.lineIndex(i) - 1, this.resyncIndent);
        if (next < 0) return final ? n : lines.lineStart(lines.lineCount - 1);
        this.resyncIndent = -1;
        i = lines.lineStart(next);
      }
      i = skipWhitespace(text, i, n);
      if (i >= n) return n;
      const c = text.charCodeAt(i);
      if (c !== 0x7b && c !== 0x5b && (i === 0 || isLineStart(text, i)) && opensMixed(text, i, n)) {
        // a transcript, log or prose line among the values: read line by line from here on
        this.layout = 'mixed';
        return i;
      }
      if (c === 0x5b) {
        const after = this.scanArray(i, final);
        if (after < 0) return i;
        i = after;
        continue;
      }
      let value: WireValue | typeof BAIL = BAIL;
      let node: JsonNode | null = null;
      let end = 0;
      // JSON Lines: a value that starts a line and ends it goes through JSON.parse
      const nl = text.indexOf('\n', i);
      if (nl >= 0 && (i === 0 || text.charCodeAt(i - 1) === 0x0a)) {
        let e = nl;
        while (e > i && isSpace(text.charCodeAt(e - 1))) e--;
        value = readLine(text, i, e);
        end = e;
      }
      if (value === BAIL) {
        value = readFast(text, i, n);
        end = fastEnd();
      }
      if (value === BAIL || (!final && end >= n)) {
        const r = parseJson(text, i, n);
        if (!r.ok) {
          if (r.error.eof && !final) return i;
          this.syntaxError(i, r.error.offset, r.error.message, null);
          this.resyncIndent = indentOf(text, lines.lineStart(lines.lineIndex(i)), n);
          if (this.resyncIndent < 0) this.resyncIndent = 0;
          i = lines.lineStart(lines.lineIndex(i) + 1);
          if (i === Infinity) return n; // no next line: nothing left to resynchronise on
          continue;
        }
        if (!final && r.end >= n) return i;
        end = r.end;
        if (r.depth > MAX_NESTING) {
          this.tooDeep(i, end, null);
          i = end;
          continue;
        }
        node = r.node;
        value = toWireValue(node);
      }
      this.topValues++;
      this.emit(value, node, i, end, null);
      i = end;
    }
  }

  /**
   * A top-level array: each element is a message, read one by one, so a malformed element costs only itself.
   * Returns the offset after the array, or -1 to wait for more input.
   */
  protected scanArray(open: number, final: boolean): number {
    const text = this.buf;
    const n = text.length;
    const lines = this.lines;
    if (!final && !this.complete(open)) return -1;
    if (++this.topValues === 1) this.firstIsArray = true;
    let j = open + 1;
    for (;;) {
      j = skipWhitespace(text, j, n);
      if (j >= n) {
        this.syntaxError(open, n, "unterminated array: expected ']'", null);
        return n;
      }
      if (text.charCodeAt(j) === 0x5d) return j + 1;
      let value: WireValue | typeof BAIL = readFast(text, j, n);
      let end = fastEnd();
      let node: JsonNode | null = null;
      let fault: { offset: number; message: string } | null = null;
      let reported = false;
      if (value === BAIL) {
        const r = parseJson(text, j, n);
        if (!r.ok) fault = r.error;
        else if (r.depth > MAX_NESTING) {
          this.tooDeep(j, r.end, null);
          reported = true;
          value = null;
          end = r.end;
        } else {
          node = r.node;
          value = toWireValue(node);
          end = r.end;
        }
      }
      if (!fault && value !== BAIL) {
        if (!reported) this.emit(value, node, j, end, null);
        j = skipWhitespace(text, end, n);
        const c = text.charCodeAt(j);
        if (c === 0x2c) {
          j++;
          continue;
        }
        if (c === 0x5d) return j + 1;
        fault = {
          offset: j,
          message: j >= n ? "unterminated array: expected ']'" : "expected ',' or ']' after an array element",
        };
        if (j >= n) {
          this.syntaxError(j, j, fault.message, null);
          return n;
        }
      }
      if (fault) {
        // report, then resume at the next line that can start an element at this element's indentation
        this.syntaxError(j, fault.offset, fault.message, null);
        const line = lines.lineIndex(j);
        const from = lines.lineIndex(fault.offset) > line ? lines.lineIndex(fault.offset) - 1 : line;
        const indent = Math.max(0, j - lines.lineStart(line));
        if (this.layout === 'mixed') {
          // a log line, a marker or prose ends the array: the mixed reader takes over there
          const at = this.resyncMixed(from, indent, final);
          const c = text.charCodeAt(skipBlank(text, at, n));
          if (at >= n || markerOf(text, at, lineEndOf(lines, lines.lineIndex(at), n)) || (c !== 0x7b && c !== 0x5b))
            return at;
          this.skipIndent = -1;
          j = at;
          continue;
        }
        const next = resyncLine(text, lines, from, indent);
        if (next < 0) return n;
        j = lines.lineStart(next);
      }
    }
  }

  /** Does the array at `at` end inside the buffer? (asked before reading it element by element) */
  private complete(at: number): boolean {
    const end = bracketEnd(this.buf, at);
    return end >= 0 && end < this.buf.length;
  }
}

/** Is offset `i` the first non-blank character of its line? */
function isLineStart(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09)) k--;
  return k < 0 || text.charCodeAt(k) === 0x0a;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}
