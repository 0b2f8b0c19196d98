// Which screen row each line starts on. Unwrapped, line n is row n-1. Wrapped
// (the editor's wrap toggle), the textarea breaks anywhere (break-spaces,
// break-all) so a line of L characters takes ceil(L / cols) rows of a
// monospace font: a prefix sum over the lines, computed once per text and
// width, answers both directions by lookup or binary search. No React.

export interface RowLayout {
  /** characters per row; Infinity when lines do not wrap */
  cols: number;
  totalRows: number;
  /** 0-based row of a 1-based line's first row */
  rowOf(line: number): number;
  rowsOf(line: number): number;
  /** the 1-based line on a 0-based row */
  lineAt(row: number): number;
}

export function unwrappedLayout(lineCount: number): RowLayout {
  return {
    cols: Infinity,
    totalRows: lineCount,
    rowOf: (line) => line - 1,
    rowsOf: () => 1,
    lineAt: (row) => Math.min(lineCount, Math.max(1, row + 1)),
  };
}

export function wrappedLayout(starts: number[], textLength: number, cols: number): RowLayout {
  const n = starts.length;
  const first = new Float64Array(n + 1);
  for (let l = 1; l <= n; l++) {
    const len = (l < n ? starts[l]! - 1 : textLength) - starts[l - 1]!;
    first[l] = first[l - 1]! + Math.max(1, Math.ceil(len / cols));
  }
  return {
    cols,
    totalRows: first[n]!,
    rowOf: (line) => first[line - 1]!,
    rowsOf: (line) => first[line]! - first[line - 1]!,
    lineAt(row) {
      let lo = 1;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (first[mid - 1]! <= row) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}
