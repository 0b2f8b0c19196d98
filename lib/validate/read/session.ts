// The reading session: receives text piece by piece (whole lines) or at once;
// guarantees every message of the input, in order, as a MessageResult with its
// line:col range, and every skipped elision or prose line as a Note. Hands each
// piece to the line-by-line reading (read-lines.ts) with this session's
// formats (formats.ts) and reporter; keeps only the unfinished part of the
// input between pieces, so a large input is read in linear time and bounded
// memory (a message still open after the cap is reported and skipped).
import { skipWhitespace } from '../json';
import { countLineBreaks, LineTable } from '../lines';
import type { MessageContext } from '../message-context';
import type { InputForm, MessageResult, Note, ValidationSession } from '../types';
import { Cursor, oneShape } from './cursor';
import { FORMATS } from './formats';
import { readLines } from './read-lines';
import { pointIssue, Reporter } from './reporter';

export class Session implements ValidationSession {
  private readonly report: Reporter;
  private readonly cursor: Cursor;
  private readonly formats = FORMATS.map((create) => oneShape(create()));
  /** the unfinished part of the input, its first line's number and its offset in the whole input */
  private buf = '';
  private bufLine = 1;
  private bufOffset = 0;
  /** where reading resumes in buf */
  private resume = 0;
  /** after a value ran past the end of the buffer: wait until the buffer is this long (keeps a huge array linear) */
  private retryAt = 0;
  /** the first non-blank character of the input, for "no QMP message found" */
  private firstText: { line: number; col: number; offset: number } | null = null;

  constructor(private readonly ctx: MessageContext) {
    this.report = new Reporter(ctx);
    this.cursor = new Cursor(ctx, this.report);
  }

  get notes(): Note[] {
    return this.report.notes;
  }

  get form(): InputForm {
    const { sawMarker, sawLog, topValues, firstIsArray } = this.cursor;
    const count = this.report.count;
    if (sawMarker || sawLog || this.notes.length) return sawMarker ? 'transcript' : sawLog || !count ? 'log' : 'stream';
    if (topValues === 0) return count ? 'stream' : 'empty';
    if (topValues === 1) return firstIsArray ? 'array' : count > 1 ? 'stream' : 'value';
    return 'stream';
  }

  feed(text: string): MessageResult[] {
    this.buf = this.buf.length ? this.buf + text : text;
    if (this.buf.length < this.retryAt) return [];
    return this.read(false);
  }

  end(): MessageResult[] {
    const out = this.read(true);
    if (this.report.count === 0 && this.firstText && !this.notes.some((n) => n.code !== 'prose'))
      out.push(this.noMessage(this.firstText));
    return out;
  }

  /** Input with text but not one message in it (base64, a binary, prose): said once. */
  private noMessage(at: { line: number; col: number; offset: number }): MessageResult {
    const text =
      'no QMP message found: the input holds no JSON object, transcript, libvirt log line or qmp-shell command';
    return {
      index: this.report.count++,
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
      issues: [pointIssue(at, 'no-message', 'no QMP message found', text)],
    };
  }

  private read(final: boolean): MessageResult[] {
    const text = this.buf;
    const lines = new LineTable(text, this.bufLine);
    this.report.begin(text, lines, this.bufOffset);
    this.cursor.begin(text, lines, final);
    for (const format of this.formats) format.begin?.(text);
    if (!this.firstText) {
      const p = skipWhitespace(text, this.resume, text.length);
      if (p < text.length) this.firstText = { ...lines.position(p), offset: this.bufOffset + p };
    }
    const consumed = readLines(this.cursor, this.formats, this.resume);
    if (!final && text.length - consumed > this.ctx.maxMessage) return this.overCap(consumed);
    const stalled = consumed === this.resume && !final;
    const li = lines.lineIndex(consumed);
    const ls = lines.lineStart(li);
    this.buf = text.slice(ls);
    this.bufLine += li;
    this.bufOffset += ls;
    this.resume = consumed - ls;
    // waiting doubles the buffer between tries, but never past the cap: a value open beyond it is cut there
    this.retryAt = stalled ? Math.min(2 * this.buf.length, this.resume + this.ctx.maxMessage + 1) : 0;
    return this.report.out;
  }

  /**
   * A value still open after the cap on one message: reported once, and what was read of it dropped; reading
   * resumes, as after a syntax error, at a line that can start something.
   */
  private overCap(at: number): MessageResult[] {
    const max = this.ctx.maxMessage;
    const cap = `${Math.round(max / 1048576) || max} ${max >= 1048576 ? 'MiB' : 'characters'}`;
    const text = `a message still open after ${cap}, the cap on one message: not checked, skipped up to here`;
    this.report.unread(at, 'too-large', 'message too large', text);
    const ls = this.buf.lastIndexOf('\n') + 1;
    this.cursor.skipIndent = 0;
    this.bufLine += countLineBreaks(this.buf, 0, ls);
    this.bufOffset += ls;
    this.buf = this.buf.slice(ls);
    this.resume = 0;
    this.retryAt = 0;
    return this.report.out;
  }
}
