// Line-by-line reading of anything that is not plain JSON values: receives
// the session's buffer and line table; guarantees every message in it checked
// once, wherever it sits: after a `->`/`<-` marker, at the start of a line
// (several on one line too), in a libvirt log line (log-lines.ts), as a
// qmp-shell command (qmp-shell.ts), or after any prefix; every other line is
// a prose note. After a syntax error reading resumes at the next line that can
// start something, in this piece of input or the next, so streaming gives the
// same results as one call.
import { checkMessage, skipElidedReply, type MessageContext } from './messages';
import { fastEnd, readFast, BAIL } from './json-fast';
import { parseJson, skipWhitespace, type JsonNode } from './json';
import { LineTable } from './lines';
import { locateIssue } from './locate';
import { isSentTail, logSlot, type LogSlot } from './log-lines';
import { shellCommand, shellPrompt, type ShellState } from './qmp-shell';
import { quote } from './quote';
import { hasElision, indentOf, lineEndOf, markerOf, type Marker } from './split';
import type { Issue, MessageResult, Note } from './types';
import { MAX_NESTING, toWireValue, type WireValue } from './wire';

/** shared by every message without issues (results are read-only data) */
export const NO_ISSUES = Object.freeze([]) as unknown as Issue[];

export abstract class MixedReader {
  protected buf = '';
  protected lines = new LineTable('');
  protected out: MessageResult[] = [];
  /** where reading resumes in buf */
  protected resume = 0;
  /** the latest message, which a stray bracket on a later line still belongs to */
  protected last: MessageResult | null = null;
  /** seen a `->`/`<-` marker; a log or shell line */
  protected sawMarker = false;
  protected sawLog = false;
  /** libvirt: the last `Line [...]` (its RECV_* probe repeats it), messages sent and not yet seen in IO_WRITE */
  private lastReceived: string | null = null;
  private recentSent: string[] = [];
  /** libvirt: the line after a sent message may be its probe's tail (` fd=-1`) */
  private sentTail = false;
  private shell: ShellState = { actions: null };
  /** the next marker line after markerFrom (a cache: lookups move forward) */
  protected markerFrom = 0;
  protected markerLine = -1;
  /** after a syntax error: skipping lines until one, no deeper than this, can start something */
  protected skipIndent = -1;

  constructor(protected readonly ctx: MessageContext) {}

  protected abstract scanArray(open: number, final: boolean): number;
  protected abstract emit(
    value: WireValue,
    node: JsonNode | null,
    start: number,
    end: number,
    direction: Marker | null,
  ): void;
  protected abstract push(
    kind: MessageResult['kind'],
    name: string | null,
    direction: Marker | null,
    start: number,
    end: number,
    issues: Issue[],
  ): void;
  protected abstract note(code: Note['code'], start: number, end: number, text: string): void;
  protected abstract syntaxError(start: number, at: number, message: string, direction: Marker | null): void;
  protected abstract tooDeep(start: number, end: number, direction: Marker | null): void;
  protected abstract trailingJson(at: number): void;

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

  /** A message in a log line; libvirt's second copy of a message (debug level logs each twice) is skipped. */
  protected logMessage(slot: Extract<LogSlot, { kind: 'json' }>, e: number): number {
    const text = this.buf;
    const p = skipWhitespace(text, slot.at, slot.end);
    let value: WireValue | typeof BAIL = readFast(text, p, slot.end);
    let end = fastEnd();
    let node: JsonNode | null = null;
    if (value === BAIL) {
      const r = parseJson(text, p, slot.end);
      if (!r.ok || r.depth > MAX_NESTING) {
        if (!slot.dup) {
          this.note(
            'prose',
            skipBlank(text, this.lines.lineStart(this.lines.lineIndex(p)), e),
            e,
            noteText(text, p, e),
          );
          return e;
        }
        this.sawLog = true;
        if (!r.ok) this.syntaxError(p, r.error.offset, r.error.message, slot.direction);
        else this.tooDeep(p, r.end, slot.direction);
        return e;
      }
      end = r.end;
      node = r.node;
      value = toWireValue(node);
    }
    if (skipWhitespace(text, end, slot.end) < slot.end) {
      if (!slot.dup) {
        const s = this.lines.lineStart(this.lines.lineIndex(p));
        this.note('prose', skipBlank(text, s, e), e, noteText(text, skipBlank(text, s, e), e));
        return e;
      }
    }
    this.sawLog = true;
    const json = text.slice(p, end);
    if (slot.dup === 'recv-first') this.lastReceived = json;
    else if (slot.dup === 'recv-second' && this.lastReceived === json) {
      this.lastReceived = null;
      return e;
    } else if (slot.dup === 'send-first' || slot.dup === 'send-second') {
      this.sentTail = true;
      if (slot.dup === 'send-second') {
        const k = this.recentSent.findIndex((t) => t.endsWith(json));
        if (k >= 0) {
          this.recentSent.splice(k, 1);
          return e;
        }
      } else {
        this.recentSent.push(json);
        if (this.recentSent.length > 16) this.recentSent.shift();
      }
    }
    this.emit(value, node, p, end, slot.direction);
    return e;
  }

  /**
   * A qmp-shell command line: checked as the JSON the shell sends, unless the shell's verbose echo of that JSON
   * follows (then the echo is the message); "not checkable" with the reason when it cannot be converted.
   */
  protected shellLine(l: number, p: number, e: number, final: boolean): number {
    const text = this.buf;
    const lines = this.lines;
    this.sawLog = true;
    let k = l + 1;
    while (k < lines.lineCount && indentOf(text, lines.lineStart(k), lineEndOf(lines, k, text.length)) < 0) k++;
    const q = lines.lineStart(k);
    if (q === Infinity || lines.lineStart(k + 1) === Infinity) {
      if (!final) return -1;
    }
    let echoed = false;
    if (q !== Infinity) {
      const at = skipBlank(text, q, text.length);
      if (text.charCodeAt(at) === 0x7b) {
        const r = parseJson(text, at, text.length);
        if (!r.ok && r.error.eof && !final) return -1;
        echoed =
          r.ok && r.node.kind === 'object' && r.node.members.some((m) => m.key === 'execute' || m.key === 'exec-oob');
      }
    }
    const step = shellCommand(text.slice(p, e), this.shell);
    if (echoed || step.kind === 'pending') return e;
    if (step.kind === 'unchecked') {
      this.note('unchecked', p, e, `qmp-shell command not checkable: ${step.reason}`);
      const cmd = step.name ? this.ctx.index.get(step.name) : undefined;
      if (cmd?.meta === 'command') this.ctx.pending.push({ command: cmd, id: undefined });
      return e;
    }
    const r = parseJson(step.json) as { node: JsonNode };
    const verdict = checkMessage(this.ctx, toWireValue(r.node));
    const issues = verdict.issues.length
      ? verdict.issues.map((raw) => locateIssue(raw, null, { start: p, end: e }, lines))
      : NO_ISSUES;
    this.push(verdict.kind, verdict.name, '->', p, e, issues);
    return e;
  }
}

/** iotests' filtered timestamps (`"seconds":  TIMESTAMP`, `"seconds": "SECS"`) as numbers of the same width, so columns hold. */
export function unfilterTimestamps(text: string): string {
  return text.replace(
    /("(?:micro)?seconds": )( TIMESTAMP|"U?SECS")/g,
    (_m, key: string, v: string) => key + ' '.repeat(v.length - 1) + '0',
  );
}

/** After a syntax error: can this line start something (a marker, a value, a log line), no deeper than `indent`? */
export function startsSomething(text: string, s: number, e: number, indent: number): boolean {
  const ind = indentOf(text, s, e);
  if (ind < 0 || ind > indent) return false;
  if (markerOf(text, s, e) !== null) return true;
  // what can only continue a value: a closing bracket, a member name, a separator, a number (not a log's date)
  return !/^(?:[}\]"',:-]|\d(?!\d{3}-\d\d-\d\d[ T]))/.test(text.slice(s + ind, s + ind + 11));
}

export function skipBlank(text: string, i: number, end: number): number {
  while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i;
}

/** `"`, a digit, `-`, `t`, `f`, `n`: a line that may be one scalar JSON value */
function startsScalar(c: number): boolean {
  return c === 0x22 || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e;
}

/** A note's text: the line, quoted up to a bounded prefix. */
function noteText(text: string, start: number, end: number): string {
  return quote(text.slice(start, Math.min(end, start + 4096)).trim(), end - start);
}
