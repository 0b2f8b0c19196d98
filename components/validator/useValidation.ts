'use client';
// Runs validation in the web worker for the page. Receives the text, the
// options and the model URL; guarantees the latest result for the latest
// input (debounced while typing, at once after a paste), progress for large
// inputs, and that an obsolete run never delays a newer one: a busy worker is
// terminated and replaced. The last result stays on screen while the next
// one is computed, so nothing flickers. "Accepted by" arrives after the
// result, for that result only; requests to read an own schema share the worker.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageResult } from '@/lib/validate/types';
import { addMarks, emptyMarks, finishMarks, type MarkSet } from './place-marks';
import type { CheckOptions, FromWorker, ReleaseRef, ToWorker } from './protocol';
import { spawnValidatorWorker } from './spawn-worker';
import {
  delayFor,
  INITIAL_VALIDATION,
  introspectionAnswer,
  OBSOLETE_TERMINATES,
  type Introspected,
  type IntrospectFailed,
  type ValidationState,
} from './validation-state';

export function useValidation(
  text: string,
  options: CheckOptions,
  modelUrl: string,
  immediate: { current: boolean },
  releases: ReleaseRef[],
) {
  const [state, setState] = useState<ValidationState>(INITIAL_VALIDATION);
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(1);
  const running = useRef<{ id: number; length: number } | null>(null);
  /** answers awaited by id: samples and own-schema reads (null: the worker went away) */
  const samples = useRef(new Map<number, (msg: FromWorker | null) => void>());
  /** the slices of the running check's result received so far */
  const parts = useRef<MessageResult[]>([]);
  const marks = useRef<MarkSet>(emptyMarks());

  const onMessage = useCallback((ev: MessageEvent<FromWorker>) => {
    const msg = ev.data;
    if (msg.type === 'model') {
      setState((s) => ({ ...s, kinds: msg.kinds, events: msg.events }));
    } else if (msg.type === 'sample' || msg.type === 'introspected') {
      samples.current.get(msg.id)?.(msg);
      samples.current.delete(msg.id);
    } else if (msg.type === 'accepted') {
      setState((s) => (s.resultId === msg.id ? { ...s, accepted: msg.accepted } : s));
    } else if (running.current?.id === msg.id) {
      if (msg.type === 'progress') {
        setState((s) => ({ ...s, progress: { done: msg.done, total: msg.total, messages: msg.messages } }));
      } else if (msg.type === 'result-part') {
        for (const m of msg.messages) parts.current.push(m);
        addMarks(marks.current, msg.messages);
      } else if (msg.type === 'result') {
        const length = running.current.length;
        running.current = null;
        const result = parts.current.length
          ? { ...msg.result, messages: parts.current.concat(msg.result.messages) }
          : msg.result;
        parts.current = [];
        addMarks(marks.current, msg.result.messages);
        const done = finishMarks(marks.current);
        marks.current = emptyMarks();
        setState((s) => ({
          ...s,
          result,
          resultId: msg.id,
          accepted: null,
          marks: done,
          resultLength: length,
          ms: msg.ms,
          status: 'done',
          progress: null,
          error: null,
        }));
      } else {
        running.current = null;
        setState((s) => ({ ...s, status: 'failed', progress: null, error: msg.message }));
      }
    } else if (msg.type === 'failed' && samples.current.has(msg.id)) {
      samples.current.get(msg.id)?.(msg);
      samples.current.delete(msg.id);
    }
  }, []);

  const lastRequest = useRef<ToWorker | null>(null);
  const retries = useRef(0);

  const spawn = useCallback((): Worker => {
    const w = spawnValidatorWorker();
    w.onmessage = (ev: MessageEvent<FromWorker>) => {
      if (ev.data.type === 'result') retries.current = 0;
      onMessage(ev);
    };
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      if (worker.current !== w) return;
      worker.current = null;
      // a worker that failed to start (a chunk fetch cut short, say) gets one more chance
      const retry = lastRequest.current;
      if (retry && running.current?.id === retry.id && retries.current++ < 2) {
        spawn().postMessage(retry);
        return;
      }
      running.current = null;
      setState((s) => ({
        ...s,
        status: 'failed',
        progress: null,
        error: `the validator stopped: ${e.message || 'worker error'}`,
      }));
    };
    worker.current = w;
    return w;
  }, [onMessage]);

  const send = useCallback(
    (msg: ToWorker) => {
      if (msg.type === 'validate') lastRequest.current = msg;
      (worker.current ?? spawn()).postMessage(msg);
    },
    [spawn],
  );

  useEffect(() => () => worker.current?.terminate(), []);

  const { mode, deprecated } = options;
  useEffect(() => {
    const run = () => {
      if (running.current && running.current.length > OBSOLETE_TERMINATES) {
        // a long check of older input: drop it rather than wait for it (small ones just finish; the worker answers in order)
        worker.current?.terminate();
        worker.current = null;
        for (const resolve of samples.current.values()) resolve(null);
        samples.current.clear();
      }
      const id = nextId.current++;
      running.current = { id, length: text.length };
      parts.current = [];
      marks.current = emptyMarks();
      setState((s) => ({ ...s, status: 'checking', error: null }));
      send({ type: 'validate', id, modelUrl, text, options: { mode, deprecated }, releases });
    };
    if (immediate.current) {
      immediate.current = false;
      run();
      return;
    }
    const timer = setTimeout(run, delayFor(text.length));
    return () => clearTimeout(timer);
  }, [text, mode, deprecated, modelUrl, send, immediate, releases]);

  const requestSample = useCallback(
    (name: string) =>
      new Promise<string | null>((resolve) => {
        const id = nextId.current++;
        samples.current.set(id, (msg) => resolve(msg?.type === 'sample' ? msg.text : null));
        send({ type: 'sample', id, modelUrl, name });
      }),
    [modelUrl, send],
  );

  /** Reads (in the worker) and stores an own schema: its name, or why it is not one. */
  const requestIntrospection = useCallback(
    (key: string, fileName: string, text: string) =>
      new Promise<Introspected | IntrospectFailed>((resolve) => {
        const id = nextId.current++;
        samples.current.set(id, (msg) => resolve(introspectionAnswer(msg)));
        send({ type: 'introspect', id, key, fileName, text });
      }),
    [send],
  );

  return { ...state, requestSample, requestIntrospection };
}
