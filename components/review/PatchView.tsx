'use client';
// A read-only view of the patch as it was reviewed (the input, or the
// decoded text of a base64 mail): a scroll box as tall as all its lines
// that draws only those in view (a patch of 10,000 hunks has 100,000), each
// cut at MAX_DRAWN_LINE characters; diff lines coloured, lines with findings
// numbered in their severity's colour, and the line a finding's link names
// highlighted and scrolled a third down the box.
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { LINE_HEIGHT, MAX_DRAWN_LINE, lineEnd, lineStartsOf } from '@/components/validator/text-geometry';
import { useEditorViewport } from '@/components/validator/useEditorViewport';

export interface PatchViewHandle {
  /** highlight the 1-based line and scroll it into view */
  show(line: number): void;
}

interface Props {
  text: string;
  severityByLine: ReadonlyMap<number, 'error' | 'warning'>;
  /** the highlighted line */
  line: number | null;
}

/** What a line of a patch is, quoted ('> ') or not. */
function kindOf(line: string): string {
  const bare = line.replace(/^(> ?)+/, '');
  if (bare.startsWith('@@ ')) return 'hunk';
  if (/^(diff --git |index |--- |\+\+\+ )/.test(bare)) return 'file';
  if (bare.startsWith('+')) return 'add';
  if (bare.startsWith('-')) return 'del';
  return 'ctx';
}

export const PatchView = forwardRef<PatchViewHandle, Props>(function PatchView({ text, severityByLine, line }, ref) {
  const box = useRef<HTMLDivElement>(null);
  const starts = useMemo(() => lineStartsOf(text), [text]);
  const { view, onScroll } = useEditorViewport(() => box.current, text);

  useImperativeHandle(
    ref,
    () => ({
      show(target) {
        const b = box.current;
        if (!b) return;
        b.scrollTop = Math.max(0, (target - 1) * LINE_HEIGHT - b.clientHeight / 3);
        b.scrollIntoView({ block: 'nearest' });
        onScroll();
      },
    }),
    [onScroll],
  );
  useEffect(onScroll, [text, onScroll]);

  const first = Math.floor(view.top / LINE_HEIGHT);
  const count = Math.max(0, Math.min(starts.length - first, Math.ceil(view.height / LINE_HEIGHT) + 2));
  const rows = [];
  for (let l = first + 1; l <= first + count; l++) {
    const s = starts[l - 1]!;
    const e = lineEnd(starts, text.length, l);
    const body = e - s > MAX_DRAWN_LINE ? `${text.slice(s, s + MAX_DRAWN_LINE)} …` : text.slice(s, e);
    const severity = severityByLine.get(l);
    rows.push(
      <div
        key={l}
        className={`rv-pl rv-pl-${kindOf(body)}${l === line ? ' rv-pl-target' : ''}`}
        data-line={l}
        aria-current={l === line ? 'true' : undefined}
      >
        <span className={`rv-pl-n${severity ? ` rv-pl-n-${severity}` : ''}`}>{l}</span>
        {body}
      </div>,
    );
  }
  return (
    <div
      ref={box}
      id="rv-patch"
      className="rv-patch"
      tabIndex={0}
      role="region"
      aria-label={`The patch as reviewed (${starts.length.toLocaleString('en')} lines, read-only)`}
      onScroll={onScroll}
    >
      <div className="rv-patch-height" style={{ height: starts.length * LINE_HEIGHT }} />
      <div className="rv-patch-lines" style={{ top: first * LINE_HEIGHT }}>
        {rows}
      </div>
    </div>
  );
});
