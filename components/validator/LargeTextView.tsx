// The read-only view of an input too large for a textarea (LARGE_INPUT): a
// scroll box as tall as all the lines that draws only the ones in view, each
// cut at MAX_DRAWN_LINE characters. A paste into it replaces the whole text.
import { forwardRef, useMemo } from 'react';
import { LINE_HEIGHT, MAX_DRAWN_LINE, PAD, lineEnd } from './text-geometry';

interface Props {
  value: string;
  starts: number[];
  top: number;
  height: number;
  charWidth: number;
  /** what the text is ('QMP messages to validate' by default) */
  label?: string;
  onScroll(): void;
  onPasteText(text: string): void;
}

export const LargeTextView = forwardRef<HTMLDivElement, Props>(function LargeTextView(
  { value, starts, top, height, charWidth, label = 'QMP messages to validate', onScroll, onPasteText },
  ref,
) {
  const lineCount = starts.length;
  const widest = useMemo(() => {
    let w = 0;
    for (let l = 1; l <= lineCount && w < MAX_DRAWN_LINE; l++)
      w = Math.max(w, lineEnd(starts, value.length, l) - starts[l - 1]!);
    return Math.min(w, MAX_DRAWN_LINE);
  }, [starts, value, lineCount]);
  const first = Math.floor(top / LINE_HEIGHT);
  const count = Math.max(0, Math.min(lineCount - first, Math.ceil(height / LINE_HEIGHT) + 2));
  const lines = [];
  for (let l = first + 1; l <= first + count; l++) {
    const s = starts[l - 1]!;
    const e = lineEnd(starts, value.length, l);
    lines.push((e - s > MAX_DRAWN_LINE ? value.slice(s, s + MAX_DRAWN_LINE) + ' …' : value.slice(s, e)) + '\n');
  }
  return (
    <div
      ref={ref}
      className="ve-viewer"
      tabIndex={0}
      role="textbox"
      aria-readonly="true"
      aria-multiline="true"
      aria-label={`${label} (${lineCount} lines, read-only view)`}
      onScroll={onScroll}
      onPaste={(e) => {
        const text = e.clipboardData.getData('text/plain');
        if (!text) return;
        e.preventDefault();
        onPasteText(text);
      }}
    >
      <div style={{ height: 2 * PAD + lineCount * LINE_HEIGHT, width: 2 * PAD + widest * charWidth }} />
      <pre className="ve-lines" style={{ top: PAD + first * LINE_HEIGHT }}>
        {lines}
      </pre>
    </div>
  );
});
