// Moves the editor to a line:col range: selects it in the textarea (or asks
// the read-only view to highlight it) and scrolls so that its start is in
// view, a third down, never to the end of a long line. DOM only, no React.
import type { RowLayout } from './row-layout';
import { LINE_HEIGHT, offsetOf, type ColumnCache } from './text-geometry';

export interface Spot {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

interface Geometry {
  textLength: number;
  starts: number[];
  columns: ColumnCache;
  layout: RowLayout;
  charWidth: number;
}

export function revealSpot(scroller: HTMLElement, spot: Spot, g: Geometry, highlight: (spot: Spot) => void): void {
  const a = offsetOf(g.starts, g.textLength, spot.line, spot.col);
  const b = Math.max(a, offsetOf(g.starts, g.textLength, spot.endLine, spot.endCol));
  scroller.focus({ preventScroll: true });
  // 'backward' keeps the caret at the start: the browser reveals the start, not the end of a long line
  if (scroller instanceof HTMLTextAreaElement)
    scroller.setSelectionRange(a, b === a ? Math.min(a + 1, g.textLength) : b, 'backward');
  else highlight(spot);
  scroller.closest('.ve-editor')?.scrollIntoView({ block: 'nearest' });
  const line = Math.min(Math.max(spot.line, 1), g.starts.length);
  const v = g.columns.visual(line, a - g.starts[line - 1]!);
  const wrapped = Number.isFinite(g.layout.cols);
  const row = g.layout.rowOf(line) + (wrapped ? Math.floor(v / g.layout.cols) : 0);
  scroller.scrollTop = Math.max(0, row * LINE_HEIGHT - scroller.clientHeight / 3);
  const x = wrapped ? 0 : v * g.charWidth;
  scroller.scrollLeft = x < scroller.clientWidth - 40 ? 0 : x - scroller.clientWidth / 2;
}
