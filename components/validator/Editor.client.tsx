'use client';
// The input area: a plain textarea (no editor dependency, accessible as-is)
// with a line-number gutter and issue underlines drawn in an overlay; only
// the lines in view are drawn. Inputs beyond LARGE_INPUT switch to a
// read-only virtual view (the textarea would freeze the page for seconds
// laying out 10 MB); the user can still ask for the textarea.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LARGE_INPUT, LINE_HEIGHT, MAX_DRAWN_LINE, PAD, lineEnd, lineStartsOf, offsetOf, placeMarks, visualCol, type Mark } from './text-geometry';

export type { Mark } from './text-geometry';

export interface EditorHandle {
  /** select line:col..endLine:endCol (1-based, UTF-16 columns) and scroll it into view */
  select(line: number, col: number, endLine: number, endCol: number): void;
}

interface Props {
  value: string;
  /** pasted: the change came from a paste or drop (validate at once, no debounce) */
  onText(text: string, pasted: boolean): void;
  /** a whole new text from a paste into the read-only view (the caller keeps the old one restorable) */
  onReplace(text: string, message: string): void;
  /** sorted by line */
  marks: Mark[];
  onDropFile(file: File): void;
  /** read-only until the stored text is loaded, so nothing typed early is overwritten */
  readOnly?: boolean;
}

type Span = { line: number; col: number; endLine: number; endCol: number };

function formatSize(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}

export const Editor = forwardRef<EditorHandle, Props>(function Editor({ value, onText, onReplace, marks, onDropFile, readOnly }, ref) {
  const area = useRef<HTMLTextAreaElement>(null);
  const viewer = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0, height: 480 });
  const [charWidth, setCharWidth] = useState(7.8);
  const [dragging, setDragging] = useState(false);
  const [editAsText, setEditAsText] = useState(false);
  const [highlight, setHighlight] = useState<Span | null>(null);
  const frame = useRef(0);
  const starts = useMemo(() => lineStartsOf(value), [value]);
  const large = value.length > LARGE_INPUT && !editAsText;
  const scroller = () => (large ? viewer.current : area.current);

  useEffect(() => {
    if (value.length <= LARGE_INPUT) setEditAsText(false);
    setHighlight(null);
  }, [value]);

  // programmatic replacements (examples, shared links, restore) reach the textarea here
  useLayoutEffect(() => {
    const t = area.current;
    if (t && t.value !== value) t.value = value;
  }, [value, large]);

  useEffect(() => {
    const w = probe.current?.getBoundingClientRect().width;
    if (w) setCharWidth(w / 64);
  }, []);

  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const s = large ? viewer.current : area.current;
      if (s) setScroll({ top: s.scrollTop, left: s.scrollLeft, height: s.clientHeight });
    });
  }, [large]);

  useEffect(() => {
    const s = large ? viewer.current : area.current;
    if (!s) return;
    onScroll();
    const observer = new ResizeObserver(onScroll);
    observer.observe(s);
    return () => observer.disconnect();
  }, [large, onScroll]);

  useImperativeHandle(
    ref,
    () => ({
      select(line, col, endLine, endCol) {
        const s = scroller();
        if (!s) return;
        const a = offsetOf(starts, value.length, line, col);
        const b = Math.max(a, offsetOf(starts, value.length, endLine, endCol));
        if (s instanceof HTMLTextAreaElement) {
          s.focus({ preventScroll: true });
          s.setSelectionRange(a, b === a ? Math.min(a + 1, value.length) : b);
        } else {
          s.focus({ preventScroll: true });
          setHighlight({ line, col, endLine, endCol });
        }
        s.closest('.ve-editor')?.scrollIntoView({ block: 'nearest' });
        s.scrollTop = Math.max(0, (line - 1) * LINE_HEIGHT - s.clientHeight / 3);
        const ls = starts[line - 1] ?? 0;
        const x = visualCol(value.slice(ls, Math.min(a, ls + MAX_DRAWN_LINE)), a - ls) * charWidth;
        s.scrollLeft = x < s.clientWidth - 40 ? 0 : x - s.clientWidth / 2;
        onScroll();
      },
    }),
    [charWidth, onScroll, starts, value, large],
  );

  const lineCount = starts.length;
  const first = Math.floor(scroll.top / LINE_HEIGHT);
  const count = Math.max(0, Math.min(lineCount - first, Math.ceil(scroll.height / LINE_HEIGHT) + 2));
  const view = { first, count, top: scroll.top, left: scroll.left, charWidth };
  const { placed, severityByLine } = placeMarks(marks, value, starts, view);
  const lit = highlight ? placeMarks([{ ...highlight, severity: 'error', title: '' }], value, starts, view).placed[0] : undefined;
  const gutterDigits = Math.max(3, String(lineCount).length);

  let widest = 0;
  if (large) for (let l = 1; l <= lineCount; l++) widest = Math.max(widest, lineEnd(starts, value.length, l) - starts[l - 1]!);

  return (
    <div className="ve-wrap">
      {value.length > LARGE_INPUT && (
        <p className="ve-large-note" role="status">
          Large input ({formatSize(value.length)}, {lineCount.toLocaleString('en')} lines){' '}
          {large ? (
            <>
              is shown read-only so the page stays fast. Paste here to replace it.{' '}
              <button type="button" onClick={() => setEditAsText(true)}>
                Edit as text (slow)
              </button>
            </>
          ) : (
            <>
              is in the text editor, which may be slow.{' '}
              <button type="button" onClick={() => setEditAsText(false)}>
                Back to the fast view
              </button>
            </>
          )}
        </p>
      )}
      <div
        className={`ve-editor${dragging ? ' ve-dragging' : ''}`}
        style={{ ['--ve-lh' as string]: `${LINE_HEIGHT}px`, ['--ve-pad' as string]: `${PAD}px` }}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) {
            e.preventDefault();
            onDropFile(file);
          }
        }}
      >
        <div className="ve-gutter" aria-hidden="true" style={{ width: `${gutterDigits + 2}ch` }}>
          <div style={{ transform: `translateY(${PAD + first * LINE_HEIGHT - scroll.top}px)` }}>
            {Array.from({ length: count }, (_, i) => {
              const n = first + i + 1;
              const sev = severityByLine.get(n);
              return (
                <div key={n} className={sev ? `ve-ln ve-ln-${sev}` : 've-ln'} data-line={n}>
                  {n}
                </div>
              );
            })}
          </div>
        </div>
        <div className="ve-main">
          {large ? (
            <div
              ref={viewer}
              className="ve-viewer"
              tabIndex={0}
              role="textbox"
              aria-readonly="true"
              aria-multiline="true"
              aria-label={`QMP messages to validate (${lineCount} lines, read-only view)`}
              onScroll={onScroll}
              onPaste={(e) => {
                const text = e.clipboardData.getData('text/plain');
                if (!text) return;
                e.preventDefault();
                onReplace(text, 'Replaced the large input with the pasted text.');
              }}
            >
              <div style={{ height: 2 * PAD + lineCount * LINE_HEIGHT, width: 2 * PAD + Math.min(widest, MAX_DRAWN_LINE) * charWidth }} />
              <pre className="ve-lines" style={{ top: PAD + first * LINE_HEIGHT }}>
                {Array.from({ length: count }, (_, i) => {
                  const l = first + i + 1;
                  const s = starts[l - 1]!;
                  const e = lineEnd(starts, value.length, l);
                  return (e - s > MAX_DRAWN_LINE ? value.slice(s, s + MAX_DRAWN_LINE) + ' …' : value.slice(s, e)) + '\n';
                })}
              </pre>
            </div>
          ) : (
            <textarea
              ref={area}
              className="ve-textarea"
              defaultValue={value}
              wrap="off"
              readOnly={readOnly}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              autoCorrect="off"
              aria-label="QMP messages to validate"
              placeholder={'Paste QMP events, commands and replies here (one JSON message, several, a JSON array,\nor a transcript with -> and <- lines), or drop a file.'}
              onPaste={(e) => {
                // a paste that makes the text large never enters the textarea (seconds of layout)
                const ta = e.currentTarget;
                const pasted = e.clipboardData.getData('text/plain');
                if (ta.value.length - (ta.selectionEnd - ta.selectionStart) + pasted.length <= LARGE_INPUT) return;
                e.preventDefault();
                onText(ta.value.slice(0, ta.selectionStart) + pasted + ta.value.slice(ta.selectionEnd), true);
              }}
              onInput={(e) => {
                const kind = (e.nativeEvent as InputEvent).inputType ?? '';
                onText(e.currentTarget.value, kind === 'insertFromPaste' || kind === 'insertFromDrop');
              }}
              onScroll={onScroll}
            />
          )}
          <div className="ve-marks" aria-hidden="true">
            {lit && <span className="ve-highlight" style={{ top: lit.top, left: lit.left, width: lit.width }} />}
            {placed.map((v) => (
              <span key={v.key} className={`ve-mark ve-mark-${v.mark.severity}`} style={{ top: v.top, left: v.left, width: v.width }} title={v.mark.title} />
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
