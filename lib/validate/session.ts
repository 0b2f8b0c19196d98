// The reading loop: receives text piece by piece (whole lines) or at once;
// guarantees every message of the input, in order, as a MessageResult with its
// line:col range, and every skipped elision or prose line as a Note. Decides
// on the first 64 KiB whether the input is JSON values (values.ts) or needs
// line-wise reading (mixed.ts); keeps only the unfinished part of the input
// between pieces, so a large input is read in linear time and bounded memory
// (a message still open after the cap is reported and skipped).
import { skipWhitespace } from './json';
import { LineTable } from './lines';
import { pointIssue } from './reporter';
import { looksMixed, MIXED_WINDOW } from './split';
import type { InputForm, MessageResult, ValidationSession } from './types';
import { ValueReader } from './values';

export class Session extends ValueReader implements ValidationSession {
  /** the first non-blank character of the input, for "no QMP message found" */
  private firstText: { line: number; col: number; offset: number } | null = null;
  /** where line-wise reading began after JSON values (-1: not yet) */
  private mixedFrom = -1;
  /** after a value ran past the end of the buffer: wait until the buffer is this long (keeps a huge array linear) */
  private retryAt = 0;

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
    const text =
      'no QMP message found: the input holds no JSON object, transcript, libvirt log line or qmp-shell command';
    const issue = pointIssue(at, 'no-message', 'no QMP message found', text);
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
    // iotests filter timestamps to placeholders: rewritten only where there are any (events alone always have "seconds")
    if (this.layout === 'mixed' && (this.buf.includes(' TIMESTAMP') || this.buf.includes('SECS"'))) {
      this.buf = unfilterTimestamps(this.buf);
    }
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

  /**
   * A value still open after the cap on one message: reported once, and what was read of it dropped; reading
   * resumes, as after a syntax error, at a line that can start something.
   */
  private overCap(at: number): MessageResult[] {
    const cap = `${Math.round(this.ctx.maxMessage / 1048576) || this.ctx.maxMessage} ${this.ctx.maxMessage >= 1048576 ? 'MiB' : 'characters'}`;
    const text = `a message still open after ${cap}, the cap on one message: not checked, skipped up to here`;
    const issue = pointIssue(this.lines.position(at), 'too-large', 'message too large', text);
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
}

/** iotests' filtered timestamps (`"seconds":  TIMESTAMP`, `"seconds": "SECS"`) as numbers of the same width, so columns hold. */
function unfilterTimestamps(text: string): string {
  return text.replace(
    /("(?:micro)?seconds": )( TIMESTAMP|"U?SECS")/g,
    (_m, key: string, v: string) => key + ' '.repeat(v.length - 1) + '0',
  );
}
