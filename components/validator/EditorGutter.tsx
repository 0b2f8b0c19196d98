// Line numbers beside the editor, only for the lines in view; a line with an
// issue is marked with its worst severity. A wrapped line's number is as tall
// as its rows.
import type { RowLayout } from './row-layout';
import { LINE_HEIGHT, PAD } from './text-geometry';

interface Props {
  layout: RowLayout;
  lineCount: number;
  top: number;
  height: number;
  severityByLine: Map<number, 'error' | 'warning'>;
}

export function EditorGutter({ layout, lineCount, top, height, severityByLine }: Props) {
  const firstRow = Math.max(0, Math.floor((top - PAD) / LINE_HEIGHT));
  const first = layout.lineAt(firstRow);
  const last = Math.min(lineCount, layout.lineAt(Math.floor((top + height) / LINE_HEIGHT) + 1));
  const digits = Math.max(3, String(lineCount).length);
  const wrapped = Number.isFinite(layout.cols);
  const lines = [];
  for (let n = first; n <= last; n++) {
    const sev = severityByLine.get(n);
    lines.push(
      <div
        key={n}
        className={sev ? `ve-ln ve-ln-${sev}` : 've-ln'}
        data-line={n}
        style={wrapped ? { height: layout.rowsOf(n) * LINE_HEIGHT } : undefined}
      >
        {n}
      </div>,
    );
  }
  return (
    <div className="ve-gutter" aria-hidden="true" style={{ width: `${digits + 2}ch` }}>
      <div style={{ transform: `translateY(${PAD + layout.rowOf(first) * LINE_HEIGHT - top}px)` }}>{lines}</div>
    </div>
  );
}
