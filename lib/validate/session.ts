// The reading loop: receives text piece by piece (whole lines) or at once;
// guarantees every message of the input, in order, as a MessageResult with its
// line:col range, and every skipped elision or prose line as a Note. A syntax
// error becomes one issue at its exact position and reading resumes at the
// next line that can start a message (an array's elements are read one by
// one, so a bad element costs only itself). Valid messages take a fast path
// (JSON Lines: json-line.ts over JSON.parse; otherwise json-fast.ts; neither
// builds a node tree); the exact reader (json.ts) runs only where an issue
// needs a position or the fast readers give up.
import { checkMessage, skipElidedReply, type MessageContext } from './messages';
import { fastEnd, readFast, BAIL } from './json-fast';
import { readLine } from './json-line';
import { parseJson, skipWhitespace, type JsonNode } from './json';
import { LineTable } from './lines';
import { locateIssue } from './locate';
import { duplicateKeyIssues } from './duplicates';
import { bracketEnd, hasElision, indentOf, lineEndOf, looksLikeTranscript, TRANSCRIPT_WINDOW, markerOf, regionText, resyncLine, type Marker } from './split';
import type { InputForm, Issue, MessageResult, Note, ValidationSession } from './types';
import { MAX_NESTING, toWireValue, type WireValue } from './wire';

/** shared by every message without issues (results are read-only data) */
const NO_ISSUES = Object.freeze([]) as unknown as Issue[];

export class Session implements ValidationSession {
  readonly notes: Note[] = [];
  private buf = '';
  private bufLine = 1;
  /** offset of buf in the whole input */
  private bufOffset = 0;
  private resume = 0;
  private layout: 'unknown' | 'values' | 'transcript' = 'unknown';
  private topValues = 0;
  private firstIsArray = false;
  /** after a syntax error: skipping lines until one can start a message indented no deeper than this */
  private resyncIndent = -1;
  private count = 0;
  /** after a value ran past the end of the buffer: wait until the buffer is this long (keeps a huge array linear) */
  private retryAt = 0;
  private out: MessageResult[] = [];
  private lines = new LineTable('');
  /** line index of the last message's end: messages come in order, so lookups start there */
  private lineHint = 0;

  constructor(private readonly ctx: MessageContext) {}

  get form(): InputForm {
    if (this.layout === 'transcript') return 'transcript';
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
    return this.process(true);
  }

  private process(final: boolean): MessageResult[] {
    this.out = [];
    const text = this.buf;
    this.lines = new LineTable(text, this.bufLine);
    this.lineHint = 0;
    if (this.layout === 'unknown') {
      const p = skipWhitespace(text, this.resume, text.length);
      // a transcript may open with prose: decide on the same 64 KiB window validateText() would see
      if (p < text.length) {
        if (looksLikeTranscript(text, p)) this.layout = 'transcript';
        else if (final || text.length - p >= TRANSCRIPT_WINDOW) this.layout = 'values';
      }
    }
    const consumed = this.layout === 'values' ? this.scanValues(final) : this.layout === 'transcript' ? this.scanTranscript(final) : final ? text.length : this.resume;
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
      if (text.charCodeAt(i) === 0x5b) {
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
  private scanArray(open: number, final: boolean): number {
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
        fault = { offset: j, message: j >= n ? "unterminated array: expected ']'" : "expected ',' or ']' after an array element" };
        if (j >= n) {
          this.syntaxError(j, j, fault.message, null);
          return n;
        }
      }
      if (fault) {
        // report, then resume at the next line that can start an element at this element's indentation
        this.syntaxError(j, fault.offset, fault.message, null);
        const line = lines.lineIndex(j);
        const next = resyncLine(text, lines, lines.lineIndex(fault.offset) > line ? lines.lineIndex(fault.offset) - 1 : line, Math.max(0, j - lines.lineStart(line)));
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

  private scanTranscript(final: boolean): number {
    const text = this.buf;
    const lines = this.lines;
    let spanLine = -1;
    let spanMarker: { marker: Marker; after: number } | null = null;
    let l = lines.lineIndex(this.resume);
    for (; l < lines.lineCount; l++) {
      const s = lines.lineStart(l);
      const e = lineEndOf(lines, l, text.length);
      if (!final && lines.lineStart(l + 1) === Infinity) break; // the last line may be incomplete
      const m = markerOf(text, s, e);
      if (m) {
        if (spanMarker) this.span(spanMarker.marker, spanMarker.after, s);
        spanLine = l;
        spanMarker = m;
      } else if (!spanMarker) {
        const t = regionText(text, s, e);
        if (t) this.note(t.startsWith('...') ? 'elided' : 'prose', s, e, t);
      }
    }
    if (final) {
      if (spanMarker) this.span(spanMarker.marker, spanMarker.after, text.length);
      return text.length;
    }
    return spanLine >= 0 ? lines.lineStart(spanLine) : lines.lineStart(l);
  }

  /** One `->` / `<-` message: from after its marker to the line before the next marker. */
  private span(marker: Marker, after: number, regionEnd: number): void {
    const text = this.buf;
    const p = skipWhitespace(text, after, regionEnd);
    if (p >= regionEnd) {
      this.syntaxError(after, after, `expected a JSON message after '${marker}'`, marker);
      return;
    }
    let value: WireValue | typeof BAIL = readFast(text, p, regionEnd);
    let end = fastEnd();
    let node: JsonNode | null = null;
    if (value === BAIL) {
      const r = parseJson(text, p, regionEnd);
      if (!r.ok) {
        if (hasElision(text, p, regionEnd)) {
          this.note('elided', p, regionEnd, `elided ${marker} message skipped`);
          skipElidedReply(this.ctx, text.slice(p, Math.min(regionEnd, p + 200)));
        }
        else this.syntaxError(p, r.error.offset, r.error.message, marker);
        return;
      }
      end = r.end;
      if (r.depth > MAX_NESTING) return this.tooDeep(p, end, marker);
      node = r.node;
      value = toWireValue(node);
    }
    this.emit(value, node, p, end, marker);
    const rest = regionText(text, end, regionEnd);
    if (!rest) return;
    const at = skipWhitespace(text, end, regionEnd);
    if (hasElision(text, end, regionEnd)) this.note('elided', at, regionEnd, rest);
    else if (/^["{}[\],:0-9-]/.test(rest)) this.trailingJson(at);
    else this.note('prose', at, regionEnd, rest);
  }

  /** JSON-looking text after a message's value (a misplaced closing brace, say): the message is not what it seems. */
  private trailingJson(at: number): void {
    const last = this.out[this.out.length - 1];
    if (!last) return;
    const pos = this.lines.position(at);
    const issue: Issue = {
      severity: 'error',
      code: 'json-syntax',
      path: '',
      line: pos.line,
      col: pos.col,
      endLine: pos.line,
      endCol: pos.col + 1,
      message: 'invalid JSON',
      text: `unexpected ${JSON.stringify(this.buf[at])} after the end of the message: a closing bracket too early?`,
    };
    last.issues = [...last.issues, issue];
    last.valid = false;
  }

  private emit(value: WireValue, node: JsonNode | null, start: number, end: number, direction: Marker | null): void {
    const verdict = checkMessage(this.ctx, value);
    let issues: Issue[] = NO_ISSUES;
    if (verdict.issues.length || node) {
      const tree = node ?? (parseJson(this.buf, start, end) as { node: JsonNode }).node;
      const raw = node ? [...duplicateKeyIssues(tree), ...verdict.issues] : verdict.issues;
      if (raw.length) issues = raw.map((r) => locateIssue(r, tree, { start, end }, this.lines));
    }
    this.push(verdict.kind, verdict.name, direction, start, end, issues);
  }

  private push(kind: MessageResult['kind'], name: string | null, direction: Marker | null, start: number, end: number, issues: Issue[]): void {
    const lines = this.lines;
    const a = lines.lineIndexFrom(this.lineHint, start);
    const b = end >= lines.lineStart(a + 1) ? lines.lineIndexFrom(a, end) : a;
    this.lineHint = b;
    let valid = true;
    for (const i of issues) if (i.severity === 'error') valid = false;
    this.out.push({
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
    });
  }

  private syntaxError(start: number, at: number, message: string, direction: Marker | null): void {
    const pos = this.lines.position(at);
    const issue: Issue = { severity: 'error', code: 'json-syntax', path: '', line: pos.line, col: pos.col, endLine: pos.line, endCol: pos.col + 1, message: 'invalid JSON', text: message };
    this.push('unknown', null, direction, start, Math.max(at, start), [issue]);
  }

  private tooDeep(start: number, end: number, direction: Marker | null): void {
    const a = this.lines.position(start);
    const issue: Issue = { severity: 'error', code: 'json-syntax', path: '', line: a.line, col: a.col, endLine: a.line, endCol: a.col + 1, message: 'nested too deeply', text: `nesting deeper than ${MAX_NESTING} levels: QEMU's JSON parser refuses it` };
    this.push('unknown', null, direction, start, end, [issue]);
  }

  private note(code: Note['code'], start: number, end: number, text: string): void {
    const a = this.lines.position(start);
    const b = this.lines.position(end);
    this.notes.push({ code, line: a.line, col: a.col, endLine: b.line, endCol: b.col, text });
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}
