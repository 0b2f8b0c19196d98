// Line-by-line reading of anything that is not plain JSON values: receives
// the session's buffer and line table; guarantees every message in it checked
// once, wherever it sits: after a `->`/`<-` marker, at the start of a line
// (several on one line too), in a libvirt log line (log-lines.ts), as a
// qmp-shell command (qmp-shell.ts), or after any prefix; every other line is
// a prose note. After a syntax error reading resumes at the next line that can
// start something, in this piece of input or the next, so streaming gives the
// same results as one call.
import { skipElidedReply } from './message-pending';
import { fastEnd, readFast, BAIL } from './json-fast';
import { parseJson, skipWhitespace, type JsonNode } from './json';
import { isSentTail, logSlot } from './log-lines';
import { shellPrompt } from './qmp-shell';
import { noteText } from './reporter';
import { hasElision, lineEndOf, markerOf, skipBlank, startsSomething, type Marker } from './split';
import { ToolLineReader } from './tool-lines';
import { MAX_NESTING, toWireValue, type WireValue } from './wire';

export abstract class MixedReader extends ToolLineReader {
  /** where reading resumes in buf */
  protected resume = 0;
  /** seen a `->`/`<-` marker */
  protected sawMarker = false;
  /** the next marker line after markerFrom (a cache: lookups move forward) */
  protected markerFrom = 0;
  protected markerLine = -1;
  /** after a syntax error: skipping lines until one, no deeper than this, can start something */
  protected skipIndent = -1;

  protected abstract scanArray(open: number, final: boolean): number;

  /**
   * Any mix of forms, line by line: transcript markers, JSON values at the start of a line (several per line
   * too), libvirt log lines, qmp-shell commands, JSON after a log prefix; every other line is prose.
   */
  protected scanMixed(final: boolean): number {
    const text = this.buf;
    const lines = this.lines;
    const n = text.length;
    let i = this.resume;
    let l = lines.lineIndex(i);
    while (i < n) {
      l = lines.lineIndexFrom(l, i);
      const s = lines.lineStart(l);
      const next = lines.lineStart(l + 1);
      if (next === Infinity && !final) return i; // the last line may be incomplete
      let e = next === Infinity ? n : next - 1;
      if (e > s && text.charCodeAt(e - 1) === 0x0d) e--;
      if (i === s && this.skipIndent >= 0) {
        if (!startsSomething(text, s, e, this.skipIndent)) {
          i = Math.min(n, next);
          continue;
        }
        this.skipIndent = -1;
      }
      const after = i > s ? this.restOfLine(i, e, final) : this.mixedLine(l, s, e, final);
      if (after < 0) return i;
      i = after === e ? Math.min(n, next) : after;
    }
    return n;
  }

  /** A whole line; returns where reading goes on (the line's end, or after a value on it), or -1 to wait. */
  protected mixedLine(l: number, s: number, e: number, final: boolean): number {
    const text = this.buf;
    const sentTail = this.sentTail;
    this.sentTail = false;
    const first = skipBlank(text, s, e);
    if (first >= e) return e;
    if (sentTail && isSentTail(text, s, e)) return e;
    const m = markerOf(text, s, e);
    if (m) {
      this.sawMarker = true;
      const p = skipWhitespace(text, m.after, e);
      if (p >= e) {
        this.syntaxError(m.after, m.after, `expected a JSON message after '${m.marker}'`, m.marker);
        return e;
      }
      return this.readMessage(l, p, first - s, m.marker, final);
    }
    const prompt = shellPrompt(text, s, e);
    if (prompt >= 0) return this.shellLine(l, prompt, e, final);
    const c = text.charCodeAt(first);
    if (c === 0x7b || c === 0x5b) return this.readMessage(l, first, first - s, null, final);
    if (c === 0x7d || c === 0x5d || c === 0x2c || c === 0x3a) {
      if (this.last) this.trailingJson(first);
      else this.note('prose', first, e, noteText(text, first, e));
      return e;
    }
    if (text.startsWith('...', first)) {
      this.note('elided', first, e, noteText(text, first, e));
      return e;
    }
    // a member name after a message that closed too early: `-> { "execute": "x" }` then `"arguments": …`
    if (c === 0x22 && this.last && /^"[^"]*"\s*:/.test(text.slice(first, first + 200))) {
      this.trailingJson(first);
      return e;
    }
    const slot = logSlot(text, s, e);
    if (slot.kind === 'skip') {
      this.sawLog = true;
      return e;
    }
    if (slot.kind === 'json') return this.logMessage(slot, e);
    if (startsScalar(c)) {
      const r = parseJson(text, first, e);
      if (r.ok && skipWhitespace(text, r.end, e) >= e) {
        this.emit(toWireValue(r.node), r.node, first, r.end, null);
        return e;
      }
    }
    this.note(text.startsWith('...', first) ? 'elided' : 'prose', first, e, noteText(text, first, e));
    return e;
  }

  /** What follows a value on its line: another value, an elision, a stray bracket, or prose. */
  protected restOfLine(i: number, e: number, final: boolean): number {
    const text = this.buf;
    const at = skipBlank(text, i, e);
    if (at >= e) return e;
    const c = text.charCodeAt(at);
    // another value first: the elision scan runs over the rest of the line only once, not once per value
    if (c === 0x7b || c === 0x5b) return this.readMessage(this.lines.lineIndex(at), at, -1, null, final);
    if (hasElision(text, at, e)) this.note('elided', at, e, noteText(text, at, e));
    else if (/^["{}[\],:0-9-]/.test(text[at]!)) this.trailingJson(at);
    else this.note('prose', at, e, noteText(text, at, e));
    return e;
  }

  /**
   * One message at `p` (after a marker, or a value starting a line), read up to the next marker line. A syntax
   * error is one issue; reading resumes at the next line, no deeper than `indent`, that can start something.
   */
  protected readMessage(l: number, p: number, indent: number, direction: Marker | null, final: boolean): number {
    const text = this.buf;
    const n = text.length;
    if (text.charCodeAt(p) === 0x5b && direction === null) {
      return this.scanArray(p, final);
    }
    const regionEnd = this.nextMarkerStart(l);
    let value: WireValue | typeof BAIL = readFast(text, p, regionEnd);
    let end = fastEnd();
    let node: JsonNode | null = null;
    if (value === BAIL) {
      const r = parseJson(text, p, regionEnd);
      if (!r.ok) {
        if (r.error.eof && !final && regionEnd >= n) return -1;
        const resume = this.resyncMixed(l, indent < 0 ? 0 : indent, final);
        if (hasElision(text, p, Math.min(regionEnd, r.error.offset + 3))) {
          this.note(
            'elided',
            p,
            lineEndOf(this.lines, l, n),
            `elided ${direction ?? ''} message skipped`.replace('  ', ' '),
          );
          skipElidedReply(this.ctx, text.slice(p, Math.min(regionEnd, p + 200)));
        } else this.syntaxError(p, r.error.offset, r.error.message, direction);
        return resume;
      }
      if (!final && r.end >= n) return -1;
      end = r.end;
      if (r.depth > MAX_NESTING) {
        this.tooDeep(p, end, direction);
        return end;
      }
      node = r.node;
      value = toWireValue(node);
    } else if (!final && end >= n) return -1;
    this.emit(value, node, p, end, direction);
    return end;
  }

  /** After a syntax error in a message starting on line `l`: the first later line that can start something. */
  protected resyncMixed(l: number, indent: number, final: boolean): number {
    const text = this.buf;
    const lines = this.lines;
    for (let k = l + 1; k < lines.lineCount; k++) {
      const s = lines.lineStart(k);
      if (!final && lines.lineStart(k + 1) === Infinity) {
        // the last line may be incomplete: decide on it when it is whole
        this.skipIndent = indent;
        return s;
      }
      if (startsSomething(text, s, lineEndOf(lines, k, text.length), indent)) return s;
    }
    return text.length;
  }

  /** The start of the first marker line after line `l` (or the text's end); amortised linear over a scan. */
  protected nextMarkerStart(l: number): number {
    const lines = this.lines;
    if (!(this.markerFrom <= l + 1 && l + 1 <= this.markerLine)) {
      let k = l + 1;
      for (; k < lines.lineCount; k++)
        if (markerOf(this.buf, lines.lineStart(k), lineEndOf(lines, k, this.buf.length))) break;
      this.markerFrom = l + 1;
      this.markerLine = k;
    }
    return Math.min(this.buf.length, lines.lineStart(this.markerLine));
  }
}

/** `"`, a digit, `-`, `t`, `f`, `n`: a line that may be one scalar JSON value */
function startsScalar(c: number): boolean {
  return c === 0x22 || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e;
}
