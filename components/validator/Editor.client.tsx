'use client';
// The input area: a plain textarea (no editor dependency: fast for 50 MB and
// accessible as-is) with a line-number gutter and issue underlines drawn in
// an overlay. Only the lines in view are rendered, so a million-line paste
// costs the same as a short one. Lines never wrap, which keeps line:col ->
// pixel arithmetic exact for a monospace font (tabs expand to 8 columns).
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';

export interface Mark {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  severity: 'error' | 'warning';
  title: string;
}

export interface EditorHandle {
  /** select line:col..endLine:endCol (1-based, UTF-16 columns) and scroll it into view */
  select(line: number, col: number, endLine: number, endCol: number): void;
  focus(): void;
}

interface Props {
  value: string;
  /** pasted: the change came from a paste or drop (validate at once, no debounce) */
  onText(text: string, pasted: boolean): void;
  /** sorted by line */
  marks: Mark[];
  onDropFile(file: File): void;
  /** read-only until the stored text is loaded, so nothing typed early is overwritten */
  readOnly?: boolean;
}

const LINE_HEIGHT = 20;
const PAD = 8;
const TAB = 8;

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/** Offset of a 1-based line:col, clamped into the text. */
export function offsetOf(starts: number[], textLength: number, line: number, col: number): number {
  const l = Math.min(Math.max(line, 1), starts.length);
  const lineEnd = l < starts.length ? starts[l]! - 1 : textLength;
  return Math.min(starts[l - 1]! + Math.max(col, 1) - 1, lineEnd);
}

function visualCol(lineText: string, upto: number): number {
  let v = 0;
  for (let i = 0; i < upto && i < lineText.length; i++) v = lineText.charCodeAt(i) === 9 ? v + TAB - (v % TAB) : v + 1;
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

export const Editor = forwardRef<EditorHandle, Props>(function Editor({ value, onText, marks, onDropFile, readOnly }, ref) {
  const area = useRef<HTMLTextAreaElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0, height: 400 });
  const [charWidth, setCharWidth] = useState(7.8);
  const [dragging, setDragging] = useState(false);
  const frame = useRef(0);
  const starts = useMemo(() => lineStartsOf(value), [value]);

  // programmatic replacements (examples, shared links, restore) reach the textarea here
  useLayoutEffect(() => {
    const t = area.current;
    if (t && t.value !== value) t.value = value;
  }, [value]);

  useEffect(() => {
    const w = probe.current?.getBoundingClientRect().width;
    if (w) setCharWidth(w / 64);
    const t = area.current;
    if (!t) return;
    const observer = new ResizeObserver(() => setScroll((s) => ({ ...s, height: t.clientHeight })));
    observer.observe(t);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const t = area.current;
      if (t) setScroll({ top: t.scrollTop, left: t.scrollLeft, height: t.clientHeight });
    });
  }, []);

  useImperativeHandle(ref, () => ({
    focus: () => area.current?.focus(),
    select(line, col, endLine, endCol) {
      const t = area.current;
      if (!t) return;
      const text = t.value;
      const s = lineStartsOf(text);
      const a = offsetOf(s, text.length, line, col);
      const b = Math.max(a, offsetOf(s, text.length, endLine, endCol));
      t.focus({ preventScroll: true });
      t.setSelectionRange(a, b === a ? Math.min(a + 1, text.length) : b);
      t.scrollTop = Math.max(0, (line - 1) * LINE_HEIGHT - t.clientHeight / 3);
      const x = visualCol(text.slice(s[line - 1] ?? 0, a), a - (s[line - 1] ?? 0)) * charWidth;
      t.scrollLeft = x < t.clientWidth - 40 ? 0 : x - t.clientWidth / 2;
      onScroll();
    },
  }), [charWidth, onScroll]);

  const lineCount = starts.length;
  const first = Math.floor(scroll.top / LINE_HEIGHT);
  const count = Math.min(lineCount - first, Math.ceil(scroll.height / LINE_HEIGHT) + 2);
  const severityByLine = new Map<number, 'error' | 'warning'>();
  const visibleMarks: { key: string; top: number; left: number; width: number; mark: Mark }[] = [];
  for (let k = firstMarkAtOrAfter(marks, first + 1); k < marks.length && marks[k]!.line <= first + count; k++) {
    const m = marks[k]!;
    if (severityByLine.get(m.line) !== 'error') severityByLine.set(m.line, m.severity);
    const ls = starts[m.line - 1];
    if (ls === undefined) continue;
    const le = m.line < starts.length ? starts[m.line]! - 1 : value.length;
    const lineText = value.slice(ls, Math.min(le, ls + 4000));
    const from = visualCol(lineText, m.col - 1);
    const to = m.endLine === m.line && m.endCol > m.col ? visualCol(lineText, m.endCol - 1) : Math.max(from + 1, visualCol(lineText, lineText.length));
    visibleMarks.push({
      key: `${k}`,
      top: PAD + (m.line - 1) * LINE_HEIGHT - scroll.top,
      left: PAD + from * charWidth - scroll.left,
      width: Math.max(1, to - from) * charWidth,
      mark: m,
    });
  }
  const gutterDigits = Math.max(3, String(lineCount).length);

  return (
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
          {Array.from({ length: Math.max(0, count) }, (_, i) => {
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
          onInput={(e) => {
            const kind = (e.nativeEvent as InputEvent).inputType ?? '';
            onText(e.currentTarget.value, kind === 'insertFromPaste' || kind === 'insertFromDrop');
          }}
          onScroll={onScroll}
        />
        <div className="ve-marks" aria-hidden="true">
          {visibleMarks.map((v) => (
            <span
              key={v.key}
              className={`ve-mark ve-mark-${v.mark.severity}`}
              style={{ top: v.top, left: v.left, width: v.width }}
              title={v.mark.title}
            />
          ))}
        </div>
        <span ref={probe} className="ve-probe" aria-hidden="true">
          {'0'.repeat(64)}
        </span>
      </div>
    </div>
  );
});
