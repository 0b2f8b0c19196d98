'use client';
// Windowing for the results list: only the rows in (or near) the scroll
// box's view are rendered, so 50,000 verdicts cost what 30 do. Rows have
// different heights (a message with issues is taller): each starts from an
// estimate and is measured once rendered; the spacers above and below keep
// the scrollbar's length. Receives the row count, an estimate per row and the
// scroll box; returns the window and a ref callback that measures a row.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';

const OVERSCAN_PX = 600;

export interface RowWindow {
  first: number;
  /** exclusive */
  end: number;
  padTop: number;
  padBottom: number;
}

export function useVirtualRows(
  count: number,
  estimate: (i: number) => number,
  box: React.RefObject<HTMLElement | null>,
  resetKey: unknown,
): RowWindow {
  const heights = useRef(new Map<number, number>());
  const [view, setView] = useState({ top: 0, height: 600 });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    heights.current.clear();
    setVersion((v) => v + 1);
  }, [resetKey]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setView({ top: el.scrollTop, height: Math.max(el.clientHeight, 300) }));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [box]);

  // prefix sums of the row heights: O(rows) once per measurement round, not per row
  const offsets = useMemo(() => {
    const out = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) out[i + 1] = out[i]! + (heights.current.get(i) ?? estimate(i));
    return out;
    // `version` is a dependency on purpose: it changes when a row is measured (heights is a ref)
  }, [count, estimate, version]);

  const firstAt = (y: number) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid + 1]! <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const first = firstAt(Math.max(0, view.top - OVERSCAN_PX));
  const end = Math.min(count, firstAt(view.top + view.height + OVERSCAN_PX) + 1);

  // rows are measured by a ResizeObserver, after the browser's own layout: reading
  // offsetHeight here would force a layout of the page inside the render's task
  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    const ro = new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const i = Number((e.target as HTMLElement).dataset.row);
        const h = e.borderBoxSize[0]?.blockSize ?? 0;
        if (h > 0 && heights.current.get(i) !== h) {
          heights.current.set(i, h);
          changed = true;
        }
      }
      if (changed) setVersion((v) => v + 1);
    });
    observer.current = ro;
    return () => ro.disconnect();
  }, []);
  useLayoutEffect(() => {
    const ro = observer.current;
    if (!ro) return;
    ro.disconnect();
    for (const el of box.current?.querySelectorAll<HTMLElement>('[data-row]') ?? []) ro.observe(el);
  });

  return { first, end, padTop: offsets[first]!, padBottom: offsets[count]! - offsets[end]! };
}
