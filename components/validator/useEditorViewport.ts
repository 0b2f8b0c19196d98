'use client';
// Where the editor's scroll box is looking: scroll offsets and size (read
// once per animation frame on scroll and on resize) and the width of one
// character of its monospace font (measured from a probe of 64 zeros).
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Viewport {
  top: number;
  left: number;
  height: number;
  width: number;
}

export function useEditorViewport(scroller: () => HTMLElement | null, mode: unknown) {
  const [view, setView] = useState<Viewport>({ top: 0, left: 0, height: 480, width: 600 });
  const [charWidth, setCharWidth] = useState(7.8);
  const probe = useRef<HTMLSpanElement>(null);
  const frame = useRef(0);
  const scrollerRef = useRef(scroller);
  scrollerRef.current = scroller;

  useEffect(() => {
    const w = probe.current?.getBoundingClientRect().width;
    if (w) setCharWidth(w / 64);
  }, []);

  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const s = scrollerRef.current();
      if (s) setView({ top: s.scrollTop, left: s.scrollLeft, height: s.clientHeight, width: s.clientWidth });
    });
  }, []);

  useEffect(() => {
    const s = scrollerRef.current();
    if (!s) return;
    onScroll();
    const observer = new ResizeObserver(onScroll);
    observer.observe(s);
    return () => observer.disconnect();
  }, [mode, onScroll]);

  return { view, charWidth, probe, onScroll };
}
