'use client';
// The review of the page's text, in the worker (review.worker.ts): sent after
// a pause in typing (at once after a paste, a file, a sample or a link),
// answered by the view, then the previews in slices that each become one
// short render. A review runs to its end once started (QEMU's generator is
// not interruptible): newer input terminates the worker and starts another,
// so the page never waits on an obsolete review.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { FromReviewWorker, PreviewView, ReviewView, ToReviewWorker } from './protocol';
import { spawnReviewWorker } from './spawn-worker';

export interface ReviewState {
  status: 'idle' | 'reviewing' | 'done' | 'failed';
  /** what the worker is doing, while reviewing */
  stage: string;
  view: ReviewView | null;
  previews: PreviewView[];
  /** every preview of the view has arrived */
  previewsDone: boolean;
  error: string | null;
  /** the text the patch view shows: the input `view` is about, or its decoded text */
  text: string;
  /** the length of the input `view` (or the failure) is about */
  inputLength: number;
  /** messages that brought previews */
  slices: number;
}

const IDLE: ReviewState = {
  status: 'idle',
  stage: '',
  view: null,
  previews: [],
  previewsDone: true,
  error: null,
  text: '',
  inputLength: 0,
  slices: 0,
};

const delayFor = (length: number) => (length < 100_000 ? 400 : 1000);

export function useReview(
  text: string,
  base: string,
  index: string,
  ready: boolean,
  immediate: RefObject<boolean>,
): ReviewState {
  const [state, setState] = useState<ReviewState>(IDLE);
  const worker = useRef<Worker | null>(null);
  /** the newest review asked for, and its text */
  const latest = useRef({ id: 0, text: '' });
  const running = useRef(false);

  /** A worker whose answers update the state (only those to the newest review count). */
  const start = useCallback((): Worker => {
    const w = spawnReviewWorker();
    w.onmessage = (ev: MessageEvent<FromReviewWorker>) => {
      const msg = ev.data;
      if (msg.id !== latest.current.id) return;
      if (msg.type === 'progress') setState((s) => ({ ...s, stage: msg.stage }));
      else if (msg.type === 'result') {
        running.current = msg.view.previews > 0;
        setState({
          ...IDLE,
          status: 'done',
          view: msg.view,
          previewsDone: msg.view.previews === 0,
          text: msg.view.patchText ?? latest.current.text,
          inputLength: latest.current.text.length,
        });
      } else if (msg.type === 'previews') {
        if (msg.done) running.current = false;
        setState((s) => ({
          ...s,
          previews: [...s.previews, ...msg.previews],
          previewsDone: msg.done,
          slices: s.slices + 1,
        }));
      } else {
        running.current = false;
        setState({ ...IDLE, status: 'failed', error: msg.message, inputLength: latest.current.text.length });
      }
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      running.current = false;
      worker.current = null;
      w.terminate();
      setState({
        ...IDLE,
        status: 'failed',
        error: `the review stopped (${ev.message || 'the worker failed'})`,
        inputLength: latest.current.text.length,
      });
    };
    return w;
  }, []);

  useEffect(() => () => worker.current?.terminate(), []);

  // the worker is started (its script compiled, the index of base trees fetched) before any patch comes
  useEffect(() => {
    if (!ready) return;
    worker.current ??= start();
    worker.current.postMessage({ type: 'warm', index } satisfies ToReviewWorker);
  }, [ready, index, start]);

  useEffect(() => {
    if (!ready) return;
    if (!text.trim()) {
      latest.current = { id: latest.current.id + 1, text };
      setState(IDLE);
      return;
    }
    const delay = immediate.current ? 0 : delayFor(text.length);
    immediate.current = false;
    const timer = setTimeout(() => {
      const id = latest.current.id + 1;
      latest.current = { id, text };
      if (running.current) {
        worker.current?.terminate();
        worker.current = null;
      }
      const w = (worker.current ??= start());
      running.current = true;
      setState((s) => ({ ...s, status: 'reviewing', stage: 'Starting…', error: null }));
      w.postMessage({ type: 'review', id, text, base, index } satisfies ToReviewWorker);
    }, delay);
    return () => clearTimeout(timer);
  }, [text, base, index, ready, immediate, start]);

  return state;
}
