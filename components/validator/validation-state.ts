// What the validator page knows of its checks (ValidatorClient keeps it): the
// result on screen with its underlines, progress, the model's names and
// "accepted by"; when a check of new input starts; and how an answer to an
// own-schema request reads. Plain data and pure functions, no React.
import type { ValidationResult } from '@/lib/validate/types';
import type { PageKindCode } from '@/lib/site/validator-model';
import { emptyMarks, type MarkSet } from './place-marks';
import type { AcceptedBy, FromWorker } from './protocol';

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
  /** models the worker refused (past its budget, no longer stored…), and why */
  refused: { modelUrl: string; message: string }[];
}

export const INITIAL_VALIDATION: ValidationState = {
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
  refused: [],
};

/** A running check of more input than this is cut short when newer input arrives. */
export const OBSOLETE_TERMINATES = 200_000;

/** How long typing must pause before the text is checked: longer for longer texts. */
export function delayFor(length: number): number {
  return length < 100_000 ? 120 : length < 2_000_000 ? 300 : 600;
}

export type Introspected = Extract<FromWorker, { type: 'introspected' }>;
export type IntrospectFailed = { type: 'failed'; message: string };

/** The worker's answer to reading an own schema (null: the worker went away first). */
export function introspectionAnswer(msg: FromWorker | null): Introspected | IntrospectFailed {
  if (msg?.type === 'introspected') return msg;
  return { type: 'failed', message: msg?.type === 'failed' ? msg.message : 'the validator stopped before reading it' };
}
