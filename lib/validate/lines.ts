// Offsets -> 1-based line:col. Receives a text (a whole input or one chunk of
// a stream, with the line number its first line has); guarantees O(log n)
// lookups through a table of line starts. Columns count UTF-16 code units,
// as editors and the browser's textarea do.

export interface Position {
  line: number;
  col: number;
}

export class LineTable {
  private readonly starts: number[] = [0];

  constructor(
    text: string,
    /** line number of the text's first line */
    private readonly firstLine = 1,
  ) {
    let i = text.indexOf('\n');
    while (i !== -1) {
      this.starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** offset of the start of the n-th line of the text (0-based) */
  lineStart(n: number): number {
    return this.starts[n] ?? Infinity;
  }

  /** 0-based index of the line containing offset */
  lineIndex(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
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
    if (hint < 0 || hint >= s.length || s[hint]! > offset) return this.lineIndex(offset);
    let i = hint;
    while (i + 1 < s.length && s[i + 1]! <= offset) {
      i++;
      if (i - hint > 8) return this.lineIndex(offset);
    }
    return i;
  }

  position(offset: number): Position {
    const idx = this.lineIndex(offset);
    return { line: this.firstLine + idx, col: offset - this.starts[idx]! + 1 };
  }
}
