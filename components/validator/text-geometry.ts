// Line:col <-> offsets <-> visual columns for the validator's editor. The
// font is monospace, so a position is its row * LINE_HEIGHT down and its
// visual column (tabs expanded to 8) * character width across. Columns are
// UTF-16 code units, as lib/validate reports them. Every per-position cost is
// bounded: a line's tab stops are computed once per text (ColumnCache), and
// only for its first MAX_DRAWN_LINE characters. No React.

export const LINE_HEIGHT = 20;
export const PAD = 8;
const TAB = 8;
/** Inputs longer than this are shown in the read-only virtual view: a textarea needs seconds to lay out 10 MB. */
export const LARGE_INPUT = 400_000;
/** A line longer than this also sends the input to the read-only view: a textarea lays out a line whole. */
export const LONG_LINE = 20_000;
/** The virtual view draws at most this many characters of a line; tab stops are tracked this far. */
export const MAX_DRAWN_LINE = 4000;

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/** Length of the longest line. */
export function longestLine(starts: number[], textLength: number): number {
  let max = 0;
  for (let l = 1; l <= starts.length; l++) max = Math.max(max, lineEnd(starts, textLength, l) - starts[l - 1]!);
  return max;
}

/** Whether the text needs the read-only view: too long, or with a line too long for a textarea. */
export function needsLargeView(text: string): boolean {
  if (text.length > LARGE_INPUT) return true;
  if (text.length <= LONG_LINE) return false;
  return longestLine(lineStartsOf(text), text.length) > LONG_LINE;
}

export function lineEnd(starts: number[], textLength: number, line: number): number {
  return line < starts.length ? starts[line]! - 1 : textLength;
}

/** Offset of a 1-based line:col, clamped into the text. */
export function offsetOf(starts: number[], textLength: number, line: number, col: number): number {
  const l = Math.min(Math.max(line, 1), starts.length);
  return Math.min(starts[l - 1]! + Math.max(col, 1) - 1, lineEnd(starts, textLength, l));
}

/** The visual column reached after `upto` code units of the line (tabs to the next multiple of 8). */
export function visualCol(lineText: string, upto: number): number {
  let v = 0;
  const n = Math.min(upto, lineText.length);
  for (let i = 0; i < n; i++) v = lineText.charCodeAt(i) === 9 ? v + TAB - (v % TAB) : v + 1;
  return v + Math.max(0, upto - lineText.length);
}

/**
 * Visual columns of one text, computed per line on first use and kept: a
 * line without a tab (nearly all QMP) costs one indexOf, a line with tabs one
 * pass over its first MAX_DRAWN_LINE characters; later lookups are O(1).
 */
export class ColumnCache {
  private readonly lines = new Map<number, Uint32Array | null>();
  constructor(
    private readonly text: string,
    private readonly starts: number[],
  ) {}

  /** Length of the line in code units. */
  length(line: number): number {
    return lineEnd(this.starts, this.text.length, line) - this.starts[line - 1]!;
  }

  /** Visual column after `upto` code units of the line. */
  visual(line: number, upto: number): number {
    let stops = this.lines.get(line);
    if (stops === undefined) {
      const s = this.starts[line - 1]!;
      const e = Math.min(lineEnd(this.starts, this.text.length, line), s + MAX_DRAWN_LINE);
      const tab = this.text.indexOf('\t', s);
      stops = null;
      if (tab !== -1 && tab < e) {
        stops = new Uint32Array(e - s + 1);
        for (let i = 0, v = 0; i < e - s; i++)
          stops[i + 1] = v = this.text.charCodeAt(s + i) === 9 ? v + TAB - (v % TAB) : v + 1;
      }
      this.lines.set(line, stops);
    }
    if (!stops) return upto;
    const n = stops.length - 1;
    return upto <= n ? stops[Math.max(0, upto)]! : stops[n]! + (upto - n);
  }

  /** The code-unit column range that may be drawn between visual columns from..to (tabs only widen). */
  rawRange(line: number, from: number, to: number): [number, number] {
    return this.lines.get(line) ? [Math.floor(from / TAB), to] : [from, to];
  }
}
