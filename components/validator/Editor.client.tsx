'use client';
// The input area: a plain textarea (no editor dependency, accessible as-is)
// with a line-number gutter and issue underlines drawn in an overlay, only
// for what is in view; a toggle wraps long lines. Inputs beyond LARGE_INPUT,
// or with a line over LONG_LINE, switch to a read-only virtual view (a
// textarea lays out all of its text, seconds for 10 MB, and a line whole);
// the user can still ask for the textarea.
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { EditorBar } from './EditorBar';
import { EditorGutter } from './EditorGutter';
import { EditorText } from './EditorText';
import { LargeTextView } from './LargeTextView';
import { MarkLayer } from './MarkLayer';
import { revealSpot, type Spot } from './reveal-spot';
import { placeMarks, type MarkSet } from './place-marks';
import { unwrappedLayout, wrappedLayout } from './row-layout';
import { ColumnCache, LINE_HEIGHT, PAD, lineStartsOf, needsLargeView } from './text-geometry';
import { useEditorViewport } from './useEditorViewport';
import { useFileDrop } from '@/components/island/useFileDrop';

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
  /** what the text is, for assistive technology, and the hint in the empty textarea (the validator's by default) */
  label?: string;
  placeholder?: string;
}

export const Editor = forwardRef<EditorHandle, Props>(function Editor(
  { value, onText, onReplace, marks, onDropFile, readOnly, label, placeholder },
  ref,
) {
  const area = useRef<HTMLTextAreaElement>(null);
  const viewer = useRef<HTMLDivElement>(null);
  const { dragging, drop } = useFileDrop(onDropFile);
  const [editAsText, setEditAsText] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [highlight, setHighlight] = useState<Spot | null>(null);
  const needsView = useMemo(() => needsLargeView(value), [value]);
  const large = needsView && !editAsText;
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
    if (!needsView) setEditAsText(false);
    setHighlight(null);
  }, [value, needsView]);

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
        revealSpot(
          s,
          { line, col, endLine, endCol },
          { textLength: value.length, starts, columns, layout, charWidth },
          setHighlight,
        );
        onScroll();
      },
    }),
    [charWidth, onScroll, starts, value.length, large, columns, layout],
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
      <EditorBar
        length={value.length}
        lineCount={starts.length}
        needsView={needsView}
        large={large}
        wrapped={wrapped}
        onWrap={setWrap}
        onEditAsText={setEditAsText}
      />
      <div
        className={`ve-editor${dragging ? ' ve-dragging' : ''}${wrapped ? ' ve-wrapped' : ''}`}
        style={{ ['--ve-lh' as string]: `${LINE_HEIGHT}px`, ['--ve-pad' as string]: `${PAD}px` }}
        {...drop}
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
              label={label}
              onScroll={onScroll}
              onPasteText={onReplace}
            />
          ) : (
            <EditorText
              ref={area}
              value={value}
              wrap={wrapped}
              readOnly={readOnly}
              label={label}
              placeholder={placeholder}
              onText={onText}
              onScroll={onScroll}
            />
          )}
          <MarkLayer placed={placed} lit={lit} />
          <span ref={probe} className="ve-probe" aria-hidden="true">
            {'0'.repeat(64)}
          </span>
        </div>
      </div>
    </div>
  );
});
