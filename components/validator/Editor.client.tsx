'use client';
// The input area: a plain textarea (no editor dependency, accessible as-is)
// with a line-number gutter and issue underlines drawn in an overlay, only
// for what is in view; a toggle wraps long lines. Inputs beyond LARGE_INPUT
// switch to a read-only virtual view (a textarea would freeze the page for
// seconds laying out 10 MB); the user can still ask for the textarea.
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { boundText } from './bounded-text';
import { EditorGutter } from './EditorGutter';
import { EditorText } from './EditorText';
import { LargeTextView } from './LargeTextView';
import { placeMarks, type MarkSet } from './place-marks';
import { unwrappedLayout, wrappedLayout } from './row-layout';
import { ColumnCache, LARGE_INPUT, LINE_HEIGHT, PAD, lineStartsOf, offsetOf } from './text-geometry';
import { useEditorViewport } from './useEditorViewport';

export interface EditorHandle {
  /** select line:col..endLine:endCol (1-based, UTF-16 columns) and scroll it into view */
  select(line: number, col: number, endLine: number, endCol: number): void;
}

interface Props {
  value: string;
  /** pasted: the change came from a paste or drop (validate at once, no debounce) */
  onText(text: string, pasted: boolean): void;
  /** a whole new text from a paste into the read-only view (the caller keeps the old one restorable) */
  onReplace(text: string): void;
  marks: MarkSet;
  onDropFile(file: File): void;
  /** read-only until the stored text is loaded, so nothing typed early is overwritten */
  readOnly?: boolean;
}

const formatSize = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);

export const Editor = forwardRef<EditorHandle, Props>(function Editor(
  { value, onText, onReplace, marks, onDropFile, readOnly },
  ref,
) {
  const area = useRef<HTMLTextAreaElement>(null);
  const viewer = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  const [editAsText, setEditAsText] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [highlight, setHighlight] = useState<{ line: number; col: number; endLine: number; endCol: number } | null>(
    null,
  );
  const large = value.length > LARGE_INPUT && !editAsText;
  const wrapped = wrap && !large;
  const { view, charWidth, probe, onScroll } = useEditorViewport(
    () => (large ? viewer.current : area.current),
    `${large}${wrapped}`,
  );
  const starts = useMemo(() => lineStartsOf(value), [value]);
  const columns = useMemo(() => new ColumnCache(value, starts), [value, starts]);
  const cols = Math.max(8, Math.floor((view.width - 2 * PAD) / charWidth));
  const layout = useMemo(
    () => (wrapped ? wrappedLayout(starts, value.length, cols) : unwrappedLayout(starts.length)),
    [wrapped, starts, value.length, cols],
  );

  useEffect(() => {
    if (value.length <= LARGE_INPUT) setEditAsText(false);
    setHighlight(null);
  }, [value]);

  // programmatic replacements (examples, shared links, restore) reach the textarea here
  useLayoutEffect(() => {
    const t = area.current;
    if (t && t.value !== value) t.value = value;
  }, [value, large]);

  useImperativeHandle(
    ref,
    () => ({
      select(line, col, endLine, endCol) {
        const s = large ? viewer.current : area.current;
        if (!s) return;
        const a = offsetOf(starts, value.length, line, col);
        const b = Math.max(a, offsetOf(starts, value.length, endLine, endCol));
        s.focus({ preventScroll: true });
        // 'backward' keeps the caret at the start: the browser reveals the start, not the end of a long line
        if (s instanceof HTMLTextAreaElement)
          s.setSelectionRange(a, b === a ? Math.min(a + 1, value.length) : b, 'backward');
        else setHighlight({ line, col, endLine, endCol });
        s.closest('.ve-editor')?.scrollIntoView({ block: 'nearest' });
        const l = Math.min(Math.max(line, 1), starts.length);
        const v = columns.visual(l, a - starts[l - 1]!);
        const row = layout.rowOf(l) + (wrapped ? Math.floor(v / layout.cols) : 0);
        s.scrollTop = Math.max(0, row * LINE_HEIGHT - s.clientHeight / 3);
        const x = wrapped ? 0 : v * charWidth;
        s.scrollLeft = x < s.clientWidth - 40 ? 0 : x - s.clientWidth / 2;
        onScroll();
      },
    }),
    [charWidth, onScroll, starts, value, large, columns, layout, wrapped],
  );

  const placed = useMemo(
    () => placeMarks(marks, columns, layout, { ...view, charWidth }),
    [marks, columns, layout, view, charWidth],
  );
  const lit = useMemo(
    () =>
      highlight
        ? placeMarks(
            { marks: [{ ...highlight, severity: 'error', text: '' }], severityByLine: new Map() },
            columns,
            layout,
            { ...view, charWidth },
          )[0]
        : undefined,
    [highlight, columns, layout, view, charWidth],
  );

  return (
    <div className="ve-wrap">
      <div className="ve-bar">
        <label
          className="ve-wrap-toggle"
          title={large ? 'The read-only view of a large input does not wrap' : undefined}
        >
          <input type="checkbox" checked={wrapped} disabled={large} onChange={(e) => setWrap(e.target.checked)} /> Wrap
          long lines
        </label>
        {value.length > LARGE_INPUT && (
          <span className="ve-large-note" role="status">
            Large input ({formatSize(value.length)}, {starts.length.toLocaleString('en')} lines){' '}
            {large
              ? 'is shown read-only so the page stays fast; paste here to replace it. '
              : 'is in the text editor, which may be slow. '}
            <button type="button" onClick={() => setEditAsText(!large ? false : true)}>
              {large ? 'Edit as text (slow)' : 'Back to the fast view'}
            </button>
          </span>
        )}
      </div>
      <div
        className={`ve-editor${dragging ? ' ve-dragging' : ''}${wrapped ? ' ve-wrapped' : ''}`}
        style={{ ['--ve-lh' as string]: `${LINE_HEIGHT}px`, ['--ve-pad' as string]: `${PAD}px` }}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (!file) return;
          e.preventDefault();
          onDropFile(file);
        }}
      >
        <EditorGutter
          layout={layout}
          lineCount={starts.length}
          top={view.top}
          height={view.height}
          severityByLine={marks.severityByLine}
        />
        <div className="ve-main">
          {large ? (
            <LargeTextView
              ref={viewer}
              value={value}
              starts={starts}
              top={view.top}
              height={view.height}
              charWidth={charWidth}
              onScroll={onScroll}
              onPasteText={onReplace}
            />
          ) : (
            <EditorText
              ref={area}
              value={value}
              wrap={wrapped}
              readOnly={readOnly}
              onText={onText}
              onScroll={onScroll}
            />
          )}
          <div className="ve-marks" aria-hidden="true">
            {lit && <span className="ve-highlight" style={{ top: lit.top, left: lit.left, width: lit.width }} />}
            {placed.map((v) => (
              <span
                key={v.key}
                className={`ve-mark ve-mark-${v.mark.severity}`}
                style={{ top: v.top, left: v.left, width: v.width }}
                title={`${v.mark.severity}: ${boundText(v.mark.text, 200)}`}
              />
            ))}
          </div>
          <span ref={probe} className="ve-probe" aria-hidden="true">
            {'0'.repeat(64)}
          </span>
        </div>
      </div>
    </div>
  );
});
