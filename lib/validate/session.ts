// The reading loop: receives text piece by piece (whole lines) or at once;
// guarantees every message of the input, in order, as a MessageResult with its
// line:col range, and every skipped elision or prose line as a Note. A syntax
// error becomes one issue at its exact position and reading resumes at the
// next line that can start a message (an array's elements are read one by
// one, so a bad element costs only itself). Valid messages take a fast path
// (JSON Lines: json-line.ts over JSON.parse; otherwise json-fast.ts; neither
// builds a node tree); the exact reader (json.ts) runs only where an issue
// needs a position or the fast readers give up. Anything else (transcripts,
// logs, prose) is read line by line by the MixedReader this extends (mixed.ts).
import { checkMessage } from './messages';
import { fastEnd, readFast, BAIL } from './json-fast';
import { readLine } from './json-line';
import { parseJson, skipWhitespace, type JsonNode } from './json';
import { LineTable } from './lines';
import { locateIssue } from './locate';
import { duplicateKeyIssues } from './duplicates';
import {
  bracketEnd,
  indentOf,
  lineEndOf,
  looksMixed,
  MIXED_WINDOW,
  markerOf,
  opensMixed,
  resyncLine,
  type Marker,
} from './split';
import { MixedReader, NO_ISSUES, skipBlank, unfilterTimestamps } from './mixed';
import type { InputForm, Issue, MessageResult, Note, ValidationSession } from './types';
import { MAX_NESTING, toWireValue, type WireValue } from './wire';

export class Session extends MixedReader implements ValidationSession {
  readonly notes: Note[] = [];
  private bufLine = 1;
  /** offset of buf in the whole input */
  private bufOffset = 0;
  private layout: 'unknown' | 'values' | 'mixed' = 'unknown';
  /** the first non-blank character of the input, for "no QMP message found" */
  private firstText: { line: number; col: number; offset: number } | null = null;
  /** the first line's text and the length of the latest run of prose lines (one note) */
  private proseFirst = '';
  private proseRun = 0;
  /** where line-wise reading began after JSON values (-1: not yet) */
  private mixedFrom = -1;
  private topValues = 0;
  private firstIsArray = false;
  /** after a syntax error: skipping lines until one can start a message indented no deeper than this */
  private resyncIndent = -1;
  private count = 0;
  /** after a value ran past the end of the buffer: wait until the buffer is this long (keeps a huge array linear) */
  private retryAt = 0;
  /** line index of the last message's end: messages come in order, so lookups start there */
  private lineHint = 0;

  get form(): InputForm {
    if (this.layout === 'mixed') return this.sawMarker ? 'transcript' : this.sawLog || !this.count ? 'log' : 'stream';
    if (this.topValues === 0) return this.count ? 'stream' : 'empty';
    if (this.topValues === 1) return this.firstIsArray ? 'array' : this.count > 1 ? 'stream' : 'value';
    return 'stream';
  }

  feed(text: string): MessageResult[] {
    this.buf = this.buf.length ? this.buf + text : text;
    if (this.buf.length < this.retryAt) return [];
    return this.process(false);
  }

  end(): MessageResult[] {
    const out = this.process(true);
    if (this.count === 0 && this.firstText && !this.notes.some((n) => n.code !== 'prose'))
      out.push(this.noMessage(this.firstText));
    return out;
  }

  /** Input with text but not one message in it (base64, a binary, prose): said once. */
  private noMessage(at: { line: number; col: number; offset: number }): MessageResult {
    const issue: Issue = {
      severity: 'error',
      code: 'no-message',
      path: '',
      line: at.line,
      col: at.col,
      endLine: at.line,
      endCol: at.col + 1,
      message: 'no QMP message found',
      text: 'no QMP message found: the input holds no JSON object, transcript, libvirt log line or qmp-shell command',
    };
    const m: MessageResult = {
      index: this.count++,
      kind: 'unknown',
      name: null,
      direction: null,
      line: at.line,
      col: at.col,
      endLine: at.line,
      endCol: at.col,
      start: at.offset,
      end: at.offset,
      valid: false,
      issues: [issue],
    };
    return m;
  }

  private process(final: boolean): MessageResult[] {
    this.out = [];
    if (this.layout === 'mixed' && this.buf.includes('"seconds": ')) this.buf = unfilterTimestamps(this.buf);
    const text = this.buf;
    this.lines = new LineTable(text, this.bufLine);
    this.lineHint = 0;
    this.markerFrom = 0;
    this.markerLine = -1;
    if (this.layout === 'unknown') {
      const p = skipWhitespace(text, this.resume, text.length);
      // a transcript or log may open with prose: decide on the same 64 KiB window validateText() would see
      if (p < text.length) {
        if (!this.firstText) this.firstText = { ...this.lines.position(p), offset: this.bufOffset + p };
        if (looksMixed(text, p)) {
          this.layout = 'mixed';
          this.mixedFrom = p;
          return this.process(final);
        } else if (final || text.length - p >= MIXED_WINDOW) this.layout = 'values';
      }
    }
    let consumed =
      this.layout === 'values'
        ? this.scanValues(final)
        : this.layout === 'mixed'
          ? this.scanMixed(final)
          : final
            ? text.length
            : this.resume;
    if (this.layout === 'mixed' && this.mixedFrom < 0) {
      // switched from values to line-wise reading in this call: go on from where the values ended
      this.mixedFrom = consumed;
      this.resume = consumed;
      consumed = this.scanMixed(final);
    }
    if (!final && text.length - consumed > this.ctx.maxMessage) return this.overCap(consumed);
    const stalled = consumed === this.resume && !final;
    const li = this.lines.lineIndex(consumed);
    const ls = this.lines.lineStart(li);
    this.buf = text.slice(ls);
    this.bufLine += li;
    this.bufOffset += ls;
    this.resume = consumed - ls;
    this.retryAt = stalled ? 2 * this.buf.length : 0;
    return this.out;
  }

  private scanValues(final: boolean): number {
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

  /** JSON-looking text after a message's value (a misplaced closing brace, say): the message is not what it seems. */
  protected trailingJson(at: number): void {
    const last = this.last;
    if (!last) return;
    const text = `unexpected ${JSON.stringify(this.buf[at])} after the end of the message: a closing bracket too early?`;
    last.issues = [...last.issues, this.syntaxIssue(at, text)];
    last.valid = false;
  }

  protected emit(value: WireValue, node: JsonNode | null, start: number, end: number, direction: Marker | null): void {
    const verdict = checkMessage(this.ctx, value);
    let issues: Issue[] = NO_ISSUES;
    if (verdict.issues.length || node) {
      const tree = node ?? (parseJson(this.buf, start, end) as { node: JsonNode }).node;
      const raw = node ? [...duplicateKeyIssues(tree), ...verdict.issues] : verdict.issues;
      if (raw.length) issues = raw.map((r) => locateIssue(r, tree, { start, end }, this.lines));
    }
    this.push(verdict.kind, verdict.name, direction, start, end, issues);
  }

  protected push(
    kind: MessageResult['kind'],
    name: string | null,
    direction: Marker | null,
    start: number,
    end: number,
    issues: Issue[],
  ): void {
    const lines = this.lines;
    const a = lines.lineIndexFrom(this.lineHint, start);
    const b = end >= lines.lineStart(a + 1) ? lines.lineIndexFrom(a, end) : a;
    this.lineHint = b;
    let valid = true;
    for (const i of issues) if (i.severity === 'error') valid = false;
    this.last = {
      index: this.count++,
      kind,
      name,
      direction,
      line: this.bufLine + a,
      col: start - lines.lineStart(a) + 1,
      endLine: this.bufLine + b,
      endCol: end - lines.lineStart(b) + 1,
      start: this.bufOffset + start,
      end: this.bufOffset + end,
      valid,
      issues,
    };
    this.out.push(this.last);
  }

  /**
   * A value still open after the cap on one message: reported once, and what was read of it dropped; reading
   * resumes, as after a syntax error, at a line that can start something.
   */
  private overCap(at: number): MessageResult[] {
    const pos = this.lines.position(at);
    const cap = `${Math.round(this.ctx.maxMessage / 1048576) || this.ctx.maxMessage} ${this.ctx.maxMessage >= 1048576 ? 'MiB' : 'characters'}`;
    const issue: Issue = {
      severity: 'error',
      code: 'too-large',
      path: '',
      line: pos.line,
      col: pos.col,
      endLine: pos.line,
      endCol: pos.col + 1,
      message: 'message too large',
      text: `a message still open after ${cap}, the cap on one message: not checked, skipped up to here`,
    };
    this.push('unknown', null, null, at, at, [issue]);
    const last = this.lines.lineCount - 1;
    const ls = this.lines.lineStart(last);
    if (this.layout === 'mixed') this.skipIndent = 0;
    else this.resyncIndent = 0;
    this.buf = this.buf.slice(ls);
    this.bufLine += last;
    this.bufOffset += ls;
    this.resume = 0;
    this.retryAt = 0;
    return this.out;
  }

  /** An 'invalid JSON' issue on the one character at `at`. */
  private syntaxIssue(at: number, text: string): Issue {
    const pos = this.lines.position(at);
    const { line, col } = pos;
    return {
      severity: 'error',
      code: 'json-syntax',
      path: '',
      line,
      col,
      endLine: line,
      endCol: col + 1,
      message: 'invalid JSON',
      text,
    };
  }

  protected syntaxError(start: number, at: number, message: string, direction: Marker | null): void {
    this.push('unknown', null, direction, start, Math.max(at, start), [this.syntaxIssue(at, message)]);
  }

  protected tooDeep(start: number, end: number, direction: Marker | null): void {
    const a = this.lines.position(start);
    const issue: Issue = {
      severity: 'error',
      code: 'json-syntax',
      path: '',
      line: a.line,
      col: a.col,
      endLine: a.line,
      endCol: a.col + 1,
      message: 'nested too deeply',
      text: `nesting deeper than ${MAX_NESTING} levels: QEMU's JSON parser refuses it`,
    };
    this.push('unknown', null, direction, start, end, [issue]);
  }

  protected note(code: Note['code'], start: number, end: number, text: string): void {
    const a = this.lines.position(start);
    const b = this.lines.position(end);
    const last = this.notes[this.notes.length - 1];
    // a run of prose lines (a paragraph, a base64 blob) is one note, not one per line
    if (code === 'prose' && last?.code === 'prose' && last.endLine === a.line - 1 && this.proseFirst) {
      this.proseRun++;
      last.endLine = b.line;
      last.endCol = b.col;
      last.text = `${this.proseFirst} (and ${this.proseRun} more line${this.proseRun > 1 ? 's' : ''})`;
      return;
    }
    this.proseFirst = code === 'prose' ? text : '';
    this.proseRun = 0;
    this.notes.push({ code, line: a.line, col: a.col, endLine: b.line, endCol: b.col, text });
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
