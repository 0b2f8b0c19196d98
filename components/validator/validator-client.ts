// The validator page's one store of checking state, and the one place the
// worker's messages arrive. Receives the text to check (with its options, its
// model and the releases of "accepted by") and a way to start a worker;
// guarantees the latest result for the latest input (a pause in typing
// first, at once when asked: a paste, an opened file), progress for large
// inputs, results and "accepted by" merged from their slices, and that an
// obsolete run never delays a newer one (a busy worker is terminated and
// replaced; one that fails to start gets two more chances). The last result
// stays while the next is computed, so nothing flickers. Snapshots are
// immutable for React (useSyncExternalStore); no DOM, no React here.
import type { MessageResult } from '@/lib/validate/types';
import { addMarks, emptyMarks, finishMarks, type MarkSet } from './place-marks';
import type { AcceptedBy, AcceptedPart, CheckOptions, FromWorker, ReleaseRef, ToWorker } from './protocol';
import {
  delayFor,
  INITIAL_VALIDATION,
  introspectionAnswer,
  OBSOLETE_TERMINATES,
  type Introspected,
  type IntrospectFailed,
  type ValidationState,
} from './validation-state';

/** What the client needs of a Worker. */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
}

export interface CheckRequest {
  text: string;
  options: CheckOptions;
  modelUrl: string;
  releases: ReleaseRef[];
}

/** Merges a part of "accepted by" into what the page has (a part from 0 starts anew; the arrays are the client's). */
export function mergeAccepted(prev: AcceptedBy | null, part: AcceptedPart): AcceptedBy {
  const into =
    prev && part.from > 0
      ? prev
      : {
          labels: part.labels,
          reasons: [],
          rejected: part.labels.map(() => new Int32Array(part.total).fill(-1)),
          filled: 0,
        };
  part.rejected.forEach((r, k) => into.rejected[k]!.set(r, part.from));
  for (const line of part.reasons) into.reasons.push(line);
  return { ...into, filled: part.from + (part.rejected[0]?.length ?? 0) };
}

export class ValidatorClient {
  private state: ValidationState = INITIAL_VALIDATION;
  private readonly listeners = new Set<() => void>();
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private running: { id: number; length: number } | null = null;
  /** answers awaited by id: samples and own-schema reads (null: the worker went away) */
  private readonly waiters = new Map<number, (msg: FromWorker | null) => void>();
  /** the slices of the running check's result received so far */
  private parts: MessageResult[] = [];
  private marks: MarkSet = emptyMarks();
  private lastRequest: ToWorker | null = null;
  private retries = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** the next check runs without waiting for typing to pause (the first one too) */
  private atOnce = true;

  constructor(private readonly spawnWorker: () => WorkerLike) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ValidationState => this.state;

  private set(change: Partial<ValidationState>): void {
    this.state = { ...this.state, ...change };
    for (const l of this.listeners) l();
  }

  /** The next check starts at once: the text was pasted, opened or restored rather than typed. */
  checkAtOnce(): void {
    this.atOnce = true;
  }

  /** Checks `req` after a pause in typing (longer for longer texts), or at once after checkAtOnce. */
  check(req: CheckRequest): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.atOnce) {
      this.atOnce = false;
      this.run(req);
    } else this.timer = setTimeout(() => this.run(req), delayFor(req.text.length));
  }

  requestSample(modelUrl: string, name: string): Promise<string | null> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.waiters.set(id, (msg) => resolve(msg?.type === 'sample' ? msg.text : null));
      this.send({ type: 'sample', id, modelUrl, name });
    });
  }

  /** Reads (in the worker) and stores an own schema: its name, or why it is not one. */
  readonly requestIntrospection = (
    key: string,
    fileName: string,
    text: string,
  ): Promise<Introspected | IntrospectFailed> =>
    new Promise((resolve) => {
      const id = this.nextId++;
      this.waiters.set(id, (msg) => resolve(introspectionAnswer(msg)));
      this.send({ type: 'introspect', id, key, fileName, text });
    });

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.stopWorker();
  }

  private run(req: CheckRequest): void {
    // a long check of older input: drop it rather than wait for it (small ones just finish; the worker answers in order)
    if (this.running && this.running.length > OBSOLETE_TERMINATES) this.stopWorker();
    const id = this.nextId++;
    this.running = { id, length: req.text.length };
    this.parts = [];
    this.marks = emptyMarks();
    this.set({ status: 'checking', error: null });
    this.send({ type: 'validate', id, ...req });
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const resolve of this.waiters.values()) resolve(null);
    this.waiters.clear();
  }

  private send(msg: ToWorker): void {
    if (msg.type === 'validate') this.lastRequest = msg;
    (this.worker ?? this.spawn()).postMessage(msg);
  }

  private spawn(): WorkerLike {
    const w = this.spawnWorker();
    w.onmessage = (ev) => this.receive(ev.data);
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      if (this.worker !== w) return;
      this.worker = null;
      // a worker that failed to start (a chunk fetch cut short, say) gets two more chances
      const retry = this.lastRequest;
      if (retry && this.running?.id === retry.id && this.retries++ < 2) {
        this.spawn().postMessage(retry);
        return;
      }
      this.running = null;
      this.set({ status: 'failed', progress: null, error: `the validator stopped: ${e.message || 'worker error'}` });
    };
    this.worker = w;
    return w;
  }

  /** Every message of the worker. */
  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'model':
        return this.set({ kinds: msg.kinds, events: msg.events });
      case 'sample':
      case 'introspected':
        return this.answer(msg.id, msg);
      case 'accepted':
        if (msg.id === this.state.resultId) this.set({ accepted: mergeAccepted(this.state.accepted, msg.part) });
        return;
      case 'progress':
        if (this.running?.id === msg.id)
          this.set({ progress: { done: msg.done, total: msg.total, messages: msg.messages } });
        return;
      case 'result-part':
        if (this.running?.id !== msg.id) return;
        for (const m of msg.messages) this.parts.push(m);
        addMarks(this.marks, msg.messages);
        return;
      case 'result': {
        if (this.running?.id !== msg.id) return;
        this.retries = 0;
        const length = this.running.length;
        this.running = null;
        const result = this.parts.length
          ? { ...msg.result, messages: this.parts.concat(msg.result.messages) }
          : msg.result;
        addMarks(this.marks, msg.result.messages);
        const marks = finishMarks(this.marks);
        this.parts = [];
        this.marks = emptyMarks();
        return this.set({
          result,
          resultId: msg.id,
          accepted: null,
          marks,
          resultLength: length,
          ms: msg.ms,
          status: 'done',
          progress: null,
          error: null,
        });
      }
      case 'refused': {
        const others = this.state.refused.filter((r) => r.modelUrl !== msg.modelUrl);
        return this.set({ refused: [...others, { modelUrl: msg.modelUrl, message: msg.message }] });
      }
      case 'failed':
        if (this.running?.id === msg.id) {
          this.running = null;
          this.set({ status: 'failed', progress: null, error: msg.message });
        } else this.answer(msg.id, msg);
    }
  }

  private answer(id: number, msg: FromWorker): void {
    this.waiters.get(id)?.(msg);
    this.waiters.delete(id);
  }
}
