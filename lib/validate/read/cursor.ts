// The piece of input being read and what reading it has learnt so far,
// handed with the reporter to every input format: receives the piece from the
// session; gives the formats its text, lines and the questions several of
// them ask (where may a message starting here extend to, where does reading
// resume after a syntax error), and keeps what the session's verdict on the
// input's form needs. One per session: nothing here outlives it.
import type { MessageContext } from '../message-context';
import { LineTable } from '../lines';
import { lineEndOf, markerLineOf, startsSomething } from './line-tests';
import type { Reporter } from './reporter';

/** One line of the piece, as the reading loop offers it to the formats (valid during the call). */
export interface Line {
  text: string;
  /** 0-based index of the line in the piece */
  index: number;
  start: number;
  /** before the line break, and before a CR ahead of it */
  end: number;
  /** the first character that is not a space or a tab */
  first: number;
}

/** What read() returns to wait for more input: the line is read again, whole, with the next piece. */
export const WAIT = -1;

/**
 * One input format: says whether a line is its own, and reads it. Formats are asked in the order of the table
 * (formats.ts); the first that owns a line reads it.
 */
export interface InputFormat {
  /** A format that looks at the whole piece once, before its lines are asked about. */
  begin?(text: string): void;
  owns(line: Line, cx: Cursor): boolean;
  /** Reads the line (a message may go on over later lines): where reading goes on, or WAIT. */
  read(line: Line, cx: Cursor): number;
}

/**
 * The format as an object of the one shape every format gets: the loop asks each line of every format, and
 * calls on objects of one shape stay fast (formats of six shapes made reading JSON Lines a fifth slower).
 */
export function oneShape(format: InputFormat): Required<InputFormat> {
  return { begin: format.begin ?? noBegin, owns: format.owns, read: format.read };
}

function noBegin(): void {}

export class Cursor {
  text = '';
  lines = new LineTable('');
  /** no input follows this piece */
  final = false;
  /** after a syntax error: lines are skipped until one, no deeper than this, can start something (-1: none) */
  skipIndent = -1;
  /** what the input has shown of its form */
  sawMarker = false;
  sawLog = false;
  topValues = 0;
  firstIsArray = false;
  /** the next `->` and `<-` at or after where they were last looked for (lookups move forward: linear in all) */
  private readonly arrows = [
    { arrow: '->', at: -1 },
    { arrow: '<-', at: -1 },
  ];

  constructor(
    readonly ctx: MessageContext,
    readonly report: Reporter,
  ) {}

  begin(text: string, lines: LineTable, final: boolean): void {
    this.text = text;
    this.lines = lines;
    this.final = final;
    for (const a of this.arrows) a.at = -1;
  }

  lineEnd(l: number): number {
    return lineEndOf(this.lines, l, this.text.length);
  }

  /** Where a message starting on line `l` may extend to: the next line with a marker, or the end of the piece. */
  regionEnd(l: number): number {
    const { text } = this;
    const from = Math.min(this.lines.lineStart(l + 1), text.length);
    let found = text.length;
    for (const a of this.arrows) {
      if (a.at < from) a.at = nextArrow(text, a.arrow, from);
      for (; a.at < found; a.at = nextArrow(text, a.arrow, a.at + 1)) {
        const line = markerLineOf(text, a.at);
        if (line >= 0) {
          found = line;
          break;
        }
      }
    }
    return found;
  }

  /** After a syntax error in a message starting on line `l`: the first later line that can start something. */
  resync(l: number, indent: number): number {
    const { text, lines } = this;
    for (let k = l + 1; lines.lineStart(k) !== Infinity; k++) {
      const s = lines.lineStart(k);
      if (!this.final && lines.lineStart(k + 1) === Infinity) {
        // the last line may be incomplete: decide on it when it is whole
        this.skipIndent = indent;
        return s;
      }
      if (startsSomething(text, s, this.lineEnd(k), indent)) return s;
    }
    return text.length;
  }
}

/** The next `arrow` in text at or after `at`, or the text's length. */
function nextArrow(text: string, arrow: string, at: number): number {
  const i = text.indexOf(arrow, at);
  return i < 0 ? text.length : i;
}
