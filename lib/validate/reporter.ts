// Where the readers' findings become results: receives spans of the buffer
// (a message's value, a syntax error, a skipped line) and the buffer's line
// table; guarantees each a MessageResult or a Note with its line:col range in
// the whole input, messages numbered in order, issues located in the message
// (locate.ts), and a run of prose lines folded into one note. The readers
// extend it (tool-lines.ts, mixed.ts, values.ts); session.ts moves the buffer
// along the input.
import { checkMessage } from './messages';
import type { MessageContext } from './message-context';
import { parseJson, type JsonNode } from './json';
import { LineTable, type Position } from './lines';
import { locateIssue } from './locate';
import { duplicateKeyIssues } from './duplicates';
import { quote } from './quote';
import type { Marker } from './split';
import type { Issue, IssueCode, MessageResult, Note } from './types';
import { MAX_NESTING, type WireValue } from './wire';

/** shared by every message without issues (results are read-only data) */
export const NO_ISSUES = Object.freeze([]) as unknown as Issue[];

/** An error on the one character at `at`. */
export function pointIssue(at: Position, code: IssueCode, message: string, text: string): Issue {
  const { line, col } = at;
  return { severity: 'error', code, path: '', line, col, endLine: line, endCol: col + 1, message, text };
}

/** A note's text: the line, quoted up to a bounded prefix. */
export function noteText(text: string, start: number, end: number): string {
  return quote(text.slice(start, Math.min(end, start + 4096)).trim(), end - start);
}

export abstract class Reporter {
  readonly notes: Note[] = [];
  protected buf = '';
  protected lines = new LineTable('');
  protected out: MessageResult[] = [];
  /** the latest message, which a stray bracket on a later line still belongs to */
  protected last: MessageResult | null = null;
  /** messages so far */
  protected count = 0;
  /** line number and offset of buf in the whole input */
  protected bufLine = 1;
  protected bufOffset = 0;
  /** line index of the last message's end: messages come in order, so lookups start there */
  protected lineHint = 0;
  /** the first line's text and the length of the latest run of prose lines (one note) */
  private proseFirst = '';
  private proseRun = 0;

  constructor(protected readonly ctx: MessageContext) {}

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

  /** An 'invalid JSON' issue on the one character at `at`. */
  private syntaxIssue(at: number, text: string): Issue {
    return pointIssue(this.lines.position(at), 'json-syntax', 'invalid JSON', text);
  }

  protected syntaxError(start: number, at: number, message: string, direction: Marker | null): void {
    this.push('unknown', null, direction, start, Math.max(at, start), [this.syntaxIssue(at, message)]);
  }

  protected tooDeep(start: number, end: number, direction: Marker | null): void {
    const text = `nesting deeper than ${MAX_NESTING} levels: QEMU's JSON parser refuses it`;
    const issue = pointIssue(this.lines.position(start), 'json-syntax', 'nested too deeply', text);
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
