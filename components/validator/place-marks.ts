// Issue underlines for the editor. issueMarks flattens a result's issues once
// per result (sorted by line:col, worst severity per line); placeMarks turns
// the marks in view into pixel boxes. Its cost is bounded by what is visible,
// whatever the input: it visits only the lines in view, on each line only the
// marks that start within the visible columns (found by binary search, plus a
// few before them that may reach in), and at most MAX_PER_LINE of those.
import type { MessageResult, ValidationResult } from '@/lib/validate/types';
import type { RowLayout } from './row-layout';
import { LINE_HEIGHT, PAD, type ColumnCache } from './text-geometry';

export interface Mark {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  severity: 'error' | 'warning';
  /** the issue's text (bounded only when drawn: most marks never are) */
  text: string;
}

export interface MarkSet {
  /** sorted by line, then col */
  marks: Mark[];
  severityByLine: Map<number, 'error' | 'warning'>;
}

export interface PlacedMark {
  key: string;
  top: number;
  left: number;
  width: number;
  mark: Mark;
}

export interface View {
  top: number;
  height: number;
  left: number;
  width: number;
  charWidth: number;
}

const MAX_PER_LINE = 400;
/** Marks before the first visible one that are still checked for reaching into view. */
const LOOK_BACK = 32;

export const emptyMarks = (): MarkSet => ({ marks: [], severityByLine: new Map() });

/** Adds the issues of some messages; called per slice of a result as it arrives, so no one task does them all. */
export function addMarks(set: MarkSet, messages: readonly MessageResult[]): void {
  for (const m of messages)
    for (const i of m.issues) {
      set.marks.push(i); // an issue is a mark: no copies of 100,000 of them
      if (set.severityByLine.get(i.line) !== 'error') set.severityByLine.set(i.line, i.severity);
    }
}

/** Sorts the marks by line:col; issues arrive nearly sorted (message by message), so check before paying for a sort. */
export function finishMarks(set: MarkSet): MarkSet {
  const { marks } = set;
  let sorted = true;
  for (let k = 1; k < marks.length && sorted; k++) {
    const a = marks[k - 1]!;
    const b = marks[k]!;
    sorted = a.line < b.line || (a.line === b.line && a.col <= b.col);
  }
  if (!sorted) marks.sort((a, b) => a.line - b.line || a.col - b.col);
  return set;
}

export function issueMarks(result: ValidationResult | null): MarkSet {
  const set = emptyMarks();
  addMarks(set, result?.messages ?? []);
  return finishMarks(set);
}

/** Index of the first mark at or after line:col. */
function firstAt(marks: Mark[], line: number, col: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = marks[mid]!;
    if (m.line < line || (m.line === line && m.col < col)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Boxes (one per row a mark covers in view) for the marks in view, in content coordinates minus the scroll. */
export function placeMarks(set: MarkSet, columns: ColumnCache, layout: RowLayout, view: View): PlacedMark[] {
  const { marks } = set;
  const placed: PlacedMark[] = [];
  if (!marks.length) return placed;
  const firstRow = Math.max(0, Math.floor((view.top - PAD) / LINE_HEIGHT));
  const lastRow = Math.min(layout.totalRows - 1, Math.floor((view.top + view.height - PAD) / LINE_HEIGHT));
  const wrapped = Number.isFinite(layout.cols);
  for (
    let line = layout.lineAt(firstRow);
    line <= layout.lineAt(lastRow) && placed.length < 20 * MAX_PER_LINE;
    line++
  ) {
    const row0 = layout.rowOf(line);
    const rows = layout.rowsOf(line);
    // the visual columns of this line that are in view
    const vFrom = wrapped
      ? (Math.max(firstRow, row0) - row0) * layout.cols
      : Math.floor((view.left - PAD) / view.charWidth);
    const vTo = wrapped
      ? (Math.min(lastRow, row0 + rows - 1) - row0 + 1) * layout.cols
      : Math.ceil((view.left + view.width) / view.charWidth);
    const [cFrom, cTo] = columns.rawRange(line, Math.max(0, vFrom), vTo);
    const lineLength = columns.length(line);
    let k = Math.max(firstAt(marks, line, 1), firstAt(marks, line, cFrom + 1) - LOOK_BACK);
    for (let n = 0; k < marks.length && n < MAX_PER_LINE; k++) {
      const m = marks[k]!;
      if (m.line !== line || m.col - 1 > cTo) break;
      const from = columns.visual(line, m.col - 1);
      const end = m.endLine === line && m.endCol > m.col ? m.endCol - 1 : Math.max(m.col, lineLength);
      const to = Math.max(from + 1, columns.visual(line, end));
      if (to <= vFrom || from >= vTo) continue;
      n++;
      const a = Math.max(from, vFrom);
      const b = Math.min(to, vTo);
      if (!wrapped) {
        placed.push({
          key: `${k}`,
          top: PAD + row0 * LINE_HEIGHT - view.top,
          left: PAD + a * view.charWidth - view.left,
          width: (b - a) * view.charWidth,
          mark: m,
        });
        continue;
      }
      for (let r = Math.floor(a / layout.cols); r * layout.cols < b; r++) {
        const x0 = Math.max(a, r * layout.cols) - r * layout.cols;
        const x1 = Math.min(b, (r + 1) * layout.cols) - r * layout.cols;
        placed.push({
          key: `${k}.${r}`,
          top: PAD + (row0 + r) * LINE_HEIGHT - view.top,
          left: PAD + x0 * view.charWidth,
          width: (x1 - x0) * view.charWidth,
          mark: m,
        });
      }
    }
  }
  return placed;
}
