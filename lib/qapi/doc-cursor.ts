// A doc reader's place in the source: the '#' line it is on. The parser
// hands the readers (parser-doc.ts, parser-doc-lines.ts) a cursor on a
// block's opening '##' and takes back the cursor they return: on the
// closing '##', or, for a block that is not closed, where the next token
// starts. The readers move only their cursor, never the parser's lexer.
// Guarantees the lines, line numbers, locations and error columns the
// parser's own lexer would give (accept(false): blank lines and Python
// whitespace between '#' lines are skipped).
import { QapiError } from './error';
import { isPySpace } from './pytext';
import type { QAPIDoc } from './doc';
import type { QAPISourceInfo } from './source';

export class DocCursor {
  private lineInfo: QAPISourceInfo;

  constructor(
    readonly src: string,
    /** the location of the opening line: later lines' locations are copies of it */
    info: QAPISourceInfo,
    /** the current '#' line: its '#' */
    public pos: number,
    /** the newline that ends it */
    public end: number,
    /** its line number */
    public line: number,
    /** where that line starts (columns count from there) */
    public linePos: number,
  ) {
    this.lineInfo = info;
  }

  /** The current line's location; one object per line, as the parser makes them. */
  get info(): QAPISourceInfo {
    return (this.lineInfo = this.lineInfo.atLine(this.line));
  }

  /** The current line as its token: '##', '# text', '#'. */
  get text(): string {
    return this.src.slice(this.pos, this.end);
  }

  /**
   * Move to the next '#' line. False, and the cursor on where the next token
   * starts (or on the source's last newline), when the next token is none.
   */
  next(): boolean {
    const src = this.src;
    for (let p = this.end; ; p++) {
      const c = src.charCodeAt(p);
      if (c === 10) {
        if (p + 1 === src.length) return this.stop(p);
        this.line++;
        this.linePos = p + 1;
      } else if (c === 35) {
        this.pos = p;
        this.end = src.indexOf('\n', p + 1);
        return true;
      } else if (c !== 32 && !isPySpace(c)) {
        return this.stop(p);
      }
    }
  }

  private stop(p: number): false {
    this.pos = p;
    this.end = p;
    return false;
  }

  /** QEMU's QAPIParseError at `at` (default: the current line's '#'), with QEMU's column. */
  error(msg: string, at = this.pos): QapiError {
    return new QapiError(this.info, msg, qemuColumn(this.src, this.linePos, at));
  }
}

/** QEMU's column of `pos` in the line starting at `linePos`: tabs to the next multiple of 8, a surrogate pair one. */
export function qemuColumn(src: string, linePos: number, pos: number): number {
  let col = 1;
  for (let i = linePos; i < pos; i++) {
    const c = src.charCodeAt(i);
    if (c === 9) col = ((col + 7) % 8) + 1;
    else if (c >= 0xdc00 && c <= 0xdfff && i > linePos && isHighSurrogate(src.charCodeAt(i - 1))) continue;
    else col += 1;
  }
  return col;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * What a doc reader gives back: the block's docs and its cursor, on the
 * closing '##' (closed) or on the token that came instead. The docs are not
 * yet ended: QEMU reads the token after the block before its last checks.
 */
export interface DocBlock {
  docs: QAPIDoc[];
  cursor: DocCursor;
  closed: boolean;
}

/** Thrown by a reader whose next line is not a '#' line: the block is not closed. */
export class DocNotClosed {}

/** Run a reader on `cursor` (docs, or DocNotClosed): the block it read. */
export function readBlock(cursor: DocCursor, read: () => QAPIDoc[]): DocBlock {
  try {
    return { docs: read(), cursor, closed: true };
  } catch (err) {
    if (err instanceof DocNotClosed) return { docs: [], cursor, closed: false };
    throw err;
  }
}
