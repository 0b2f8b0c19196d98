// Offsets -> 1-based line:col. Receives a text (a whole input or one piece of
// a stream, with the line number its first line has); guarantees O(log n)
// lookups through a table of line starts. The table is filled only as far as
// lookups reach: a piece that waits for a value still open (64 MiB of `[`
// lines) costs no table at all. Columns count UTF-16 code units, as editors
// and the browser's textarea do.

export interface Position {
  line: number;
  col: number;
}

/** What locating an issue needs of a text: the position of an offset. */
export interface Positions {
  position(offset: number): Position;
}

export class LineTable implements Positions {
  private starts = new Int32Array(64);
  private known = 1;
  /** every line start is recorded */
  private done = false;

  constructor(
    private readonly text: string,
    /** line number of the text's first line */
    readonly firstLine = 1,
  ) {}

  /** Records the next line start; false at the end of the text. */
  private scanOne(): boolean {
    if (this.done) return false;
    const nl = this.text.indexOf('\n', this.starts[this.known - 1]!);
    if (nl < 0) {
      this.done = true;
      return false;
    }
    if (this.known === this.starts.length) {
      const grown = new Int32Array(this.known * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.known++] = nl + 1;
    return true;
  }

  /** every line of the text: reads the whole table */
  get lineCount(): number {
    while (this.scanOne());
    return this.known;
  }

  /** offset of the start of the n-th line of the text (0-based), or Infinity past the last line */
  lineStart(n: number): number {
    while (this.known <= n && this.scanOne());
    return n < this.known ? this.starts[n]! : Infinity;
  }

  /** 0-based index of the line containing offset */
  lineIndex(offset: number): number {
    while (this.starts[this.known - 1]! <= offset && this.scanOne());
    const s = this.starts;
    let lo = 0;
    let hi = this.known - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** lineIndex(offset) for offsets visited in increasing order: starts from a previous answer and walks forward */
  lineIndexFrom(hint: number, offset: number): number {
    const s = this.starts;
    if (hint < 0 || hint >= this.known || s[hint]! > offset) return this.lineIndex(offset);
    let i = hint;
    for (;;) {
      const next = i + 1 < this.known ? s[i + 1]! : this.lineStart(i + 1);
      if (next > offset) return i;
      if (++i - hint > 8) return this.lineIndex(offset);
    }
  }

  position(offset: number): Position {
    const idx = this.lineIndex(offset);
    return { line: this.firstLine + idx, col: offset - this.starts[idx]! + 1 };
  }
}

/** The number of line breaks in text[from, to), counted without a table. */
export function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
