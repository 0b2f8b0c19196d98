'use client';
// Runs validation in the web worker for the page. Receives the text, the
// options and the model URL; guarantees the latest result for the latest
// input (debounced while typing, at once after a paste), progress for large
// inputs, and that an obsolete run never delays a newer one: a busy worker is
// terminated and replaced. The last result stays on screen while the next
// one is computed, so nothing flickers. "Accepted by" arrives after the
// result, for that result only; requests to read an own schema share the worker.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageResult, ValidationResult } from '@/lib/validate/types';
import type { PageKindCode } from '@/lib/site/validator-model';
import { addMarks, emptyMarks, finishMarks, type MarkSet } from './place-marks';
import type { AcceptedBy, CheckOptions, FromWorker, ReleaseRef, ToWorker } from './protocol';

export interface ValidationState {
  result: ValidationResult | null;
  /** the result's issues as the editor's underlines */
  marks: MarkSet;
  /** length of the text `result` is for, and how long the worker took */
  resultLength: number;
  ms: number;
  status: 'idle' | 'checking' | 'done' | 'failed';
  progress: { done: number; total: number; messages: number } | null;
  error: string | null;
  kinds: Record<string, PageKindCode>;
  events: string[];
  /** the check `result` came from, and which releases accept its messages (null until known) */
  resultId: number;
  accepted: AcceptedBy | null;
}

type Introspected = Extract<FromWorker, { type: 'introspected' }>;

const INITIAL: ValidationState = {
  result: null,
  marks: emptyMarks(),
  resultLength: 0,
  ms: 0,
  status: 'idle',
  progress: null,
  error: null,
  kinds: {},
  events: [],
  resultId: 0,
  accepted: null,
};

/** A running check of more input than this is cut short when newer input arrives. */
const OBSOLETE_TERMINATES = 200_000;

function delayFor(length: number): number {
  return length < 100_000 ? 120 : length < 2_000_000 ? 300 : 600;
}

export function useValidation(
  text: string,
  options: CheckOptions,
  modelUrl: string,
  immediate: { current: boolean },
  releases: ReleaseRef[],
) {
  const [state, setState] = useState<ValidationState>(INITIAL);
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
    // the standalone bundle (postexport) names its worker file on the root; under Next the bundler resolves it
    const bundled = document.getElementById('validator-root')?.dataset.workerUrl;
    const w = bundled
      ? new Worker(bundled)
      : new Worker(new URL('./validator.worker.ts', import.meta.url), { type: 'module' });
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
      new Promise<Introspected | { type: 'failed'; message: string }>((resolve) => {
        const id = nextId.current++;
        samples.current.set(id, (msg) =>
          resolve(
            msg?.type === 'introspected'
              ? msg
              : {
                  type: 'failed',
                  message: msg?.type === 'failed' ? msg.message : 'the validator stopped before reading it',
                },
          ),
        );
        send({ type: 'introspect', id, key, fileName, text });
      }),
    [send],
  );

  return { ...state, requestSample, requestIntrospection };
}
