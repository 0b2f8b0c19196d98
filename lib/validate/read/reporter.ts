// Where the formats' findings become results: receives spans of the piece
// being read (a message's value, a fault, a skipped line) and the piece's
// line table; guarantees each a MessageResult or a Note with its line:col
// range in the whole input, messages numbered in order, issues located in the
// message (locate.ts), and a run of prose lines folded into one note. Handed
// to every format by the reading loop; the session moves it from piece to
// piece.
import { checkMessage } from '../messages';
import type { MessageContext } from '../message-context';
import { parseJson, type JsonNode } from '../json';
import type { LineTable, Position, Positions } from '../lines';
import { locateIssue } from '../locate';
import { duplicateKeyIssues } from '../duplicates';
import { quote } from '../quote';
import type { Issue, IssueCode, MessageResult, Note } from '../types';
import { MAX_NESTING, type WireValue } from '../wire';
import type { Arrow } from './line-tests';
import type { ReadFault, ValueRead } from './read-value';

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

/**
 * Text a value was read from in place of the piece's own, of the same width (iotests' timestamps restored):
 * its offset `o` is the piece's `base + o`.
 */
export interface Source {
  text: string;
  base: number;
}

export class Reporter {
  readonly notes: Note[] = [];
  /** the results of the piece being read */
  out: MessageResult[] = [];
  /** messages so far, and those of them read whole (not a fault) */
  count = 0;
  read = 0;
  /** the latest message, which a stray bracket on a later line still belongs to */
  private last: MessageResult | null = null;
  private text = '';
  private lines: LineTable | null = null;
  /** offset of the piece in the whole input */
  private offset = 0;
  /** line index of the last message's end: messages come in order, so lookups start there */
  private lineHint = 0;
  /** the first line's text and the length of the latest run of prose lines (one note) */
  private proseFirst = '';
  private proseRun = 0;

  constructor(private readonly ctx: MessageContext) {}

  /** The next piece of input: its text, line table and offset in the whole input. */
  begin(text: string, lines: LineTable, offset: number): void {
    this.text = text;
    this.lines = lines;
    this.offset = offset;
    this.out = [];
    this.lineHint = 0;
  }

  get hasMessage(): boolean {
    return this.last !== null;
  }

  position(at: number): Position {
    return this.lines!.position(at);
  }

  /** A value read as a message: checked, its issues located in its text. */
  message(read: ValueRead, start: number, direction: Arrow | null, source?: Source): void {
    this.read++;
    const verdict = checkMessage(this.ctx, read.value);
    const base = source?.base ?? 0;
    let issues: Issue[] = NO_ISSUES;
    if (verdict.issues.length || read.node) {
      const tree = read.node ?? (parseJson(source?.text ?? this.text, start, read.end) as { node: JsonNode }).node;
      const raw = read.node ? [...duplicateKeyIssues(tree), ...verdict.issues] : verdict.issues;
      if (raw.length) {
        const at: Positions = base ? { position: (o) => this.position(base + o) } : this.lines!;
        issues = raw.map((r) => locateIssue(r, tree, { start, end: read.end }, at));
      }
    }
    this.push(verdict.kind, verdict.name, direction, base + start, base + read.end, issues);
  }

  /** A message a tool line stands for (qmp-shell's command): checked, its issues on the line's span. */
  standIn(value: WireValue, start: number, end: number, direction: Arrow | null): void {
    const verdict = checkMessage(this.ctx, value);
    const issues = verdict.issues.length
      ? verdict.issues.map((raw) => locateIssue(raw, null, { start, end }, this.lines!))
      : NO_ISSUES;
    this.push(verdict.kind, verdict.name, direction, start, end, issues);
  }

  /** A value that could not be read: one issue where reading stopped. */
  fault(start: number, fault: ReadFault, direction: Arrow | null): void {
    const deepEnd = fault.deep?.end;
    const end = deepEnd ?? Math.max(fault.offset, start);
    // a whole value nested too deeply is one fault of the message, placed where it starts
    const issue =
      deepEnd !== undefined
        ? pointIssue(
            this.position(start),
            'json-syntax',
            'nested too deeply',
            `nesting deeper than ${MAX_NESTING} levels: QEMU's JSON parser refuses it`,
          )
        : pointIssue(this.position(fault.offset), 'json-syntax', 'invalid JSON', fault.message);
    this.push('unknown', null, direction, start, end, [issue]);
  }

  /** A message that could not be read at all (too large, not found): one issue at `at`. */
  unread(at: number, code: IssueCode, message: string, text: string): void {
    this.push('unknown', null, null, at, at, [pointIssue(this.position(at), code, message, text)]);
  }

  /** JSON-looking text after a message's value (a misplaced closing brace, say): the message is not what it seems. */
  trailingJson(at: number): void {
    const last = this.last;
    if (!last) return;
    const text = `unexpected ${JSON.stringify(this.text[at])} after the end of the message: a closing bracket too early?`;
    last.issues = [...last.issues, pointIssue(this.position(at), 'json-syntax', 'invalid JSON', text)];
    last.valid = false;
  }

  note(code: Note['code'], start: number, end: number, text: string): void {
    const a = this.position(start);
    const b = this.position(end);
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

  private push(
    kind: MessageResult['kind'],
    name: string | null,
    direction: Arrow | null,
    start: number,
    end: number,
    issues: Issue[],
  ): void {
    const lines = this.lines!;
    const a = lines.lineIndexFrom(this.lineHint, start);
    const b = end >= lines.lineStart(a + 1) ? lines.lineIndexFrom(a, end) : a;
    this.lineHint = b;
    let valid = true;
    for (const i of issues) if (i.severity === 'error') valid = false;
    this.last = new Result(
      this.count++,
      kind,
      name,
      direction,
      lines.firstLine + a,
      start - lines.lineStart(a) + 1,
      lines.firstLine + b,
      end - lines.lineStart(b) + 1,
      this.offset + start,
      this.offset + end,
      valid,
      issues,
    );
    this.out.push(this.last);
  }
}

/**
 * A message's result, made by a constructor rather than an object literal: every result outlives the reading, so
 * V8 moves a literal's allocation site to the old generation, where making a result took as long as `JSON.parse`
 * of its line (bench:validate's profile). Plain data all the same: own fields only, cloned as any object.
 */
class Result implements MessageResult {
  constructor(
    public index: number,
    public kind: MessageResult['kind'],
    public name: string | null,
    public direction: Arrow | null,
    public line: number,
    public col: number,
    public endLine: number,
    public endCol: number,
    public start: number,
    public end: number,
    public valid: boolean,
    public issues: Issue[],
  ) {}
}
