// Line:col <-> offsets <-> pixels for the validator's editor. Lines never
// wrap and the font is monospace, so a position is (line - 1) * LINE_HEIGHT
// down and its visual column (tabs expanded to 8) * character width across.
// Columns are UTF-16 code units, as lib/validate reports them. No React.

export const LINE_HEIGHT = 20;
export const PAD = 8;
const TAB = 8;
/** Inputs longer than this are shown in the read-only virtual view: a textarea needs seconds to lay out 10 MB. */
export const LARGE_INPUT = 400_000;
/** The virtual view draws at most this many characters of a line. */
export const MAX_DRAWN_LINE = 4000;

export interface Mark {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  severity: 'error' | 'warning';
  title: string;
}

export interface PlacedMark {
  key: number;
  top: number;
  left: number;
  width: number;
  mark: Mark;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
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

function firstMarkAtOrAfter(marks: Mark[], line: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pixel boxes of the marks on lines first+1 .. first+count, and the worst severity per line. */
export function placeMarks(
  marks: Mark[],
  text: string,
  starts: number[],
  view: { first: number; count: number; top: number; left: number; charWidth: number },
): { placed: PlacedMark[]; severityByLine: Map<number, 'error' | 'warning'> } {
  const placed: PlacedMark[] = [];
  const severityByLine = new Map<number, 'error' | 'warning'>();
  for (let k = firstMarkAtOrAfter(marks, view.first + 1); k < marks.length && marks[k]!.line <= view.first + view.count; k++) {
    const m = marks[k]!;
    if (severityByLine.get(m.line) !== 'error') severityByLine.set(m.line, m.severity);
    const ls = starts[m.line - 1];
    if (ls === undefined) continue;
    const lineText = text.slice(ls, Math.min(lineEnd(starts, text.length, m.line), ls + MAX_DRAWN_LINE));
    const from = visualCol(lineText, m.col - 1);
    const to = m.endLine === m.line && m.endCol > m.col ? visualCol(lineText, m.endCol - 1) : Math.max(from + 1, visualCol(lineText, lineText.length));
    placed.push({
      key: k,
      top: PAD + (m.line - 1) * LINE_HEIGHT - view.top,
      left: PAD + from * view.charWidth - view.left,
      width: Math.max(1, to - from) * view.charWidth,
      mark: m,
    });
  }
  return { placed, severityByLine };
}
