// Messages between the validator page and its web worker. Plain data only
// (structured clone); ids let the page ignore answers it no longer waits for.
// A result of many messages arrives in slices ('result-part', then 'result'
// with the last slice): the page decodes each in its own short task instead
// of one long one. After a result, 'accepted' parts say which of the other
// releases accept each message (computed afterwards, never delaying the
// result, and in slices too). 'introspect' reads a QEMU's query-qmp-schema reply the user opened
// and keeps it in the browser (IndexedDB) as a schema of its own.
import type { MessageResult, ValidationResult } from '@/lib/validate/types';
import type { PageKindCode } from '@/lib/site/validator-model';

export interface CheckOptions {
  mode: 'strict' | 'lenient';
  deprecated: 'warn' | 'error';
}

/** A schema the page offers: a site release (model URL) or the user's own ('own:<key>'). */
export interface ReleaseRef {
  label: string;
  modelUrl: string;
}

export type ToWorker =
  | { type: 'validate'; id: number; modelUrl: string; text: string; options: CheckOptions; releases?: ReleaseRef[] }
  | { type: 'sample'; id: number; modelUrl: string; name: string }
  | { type: 'introspect'; id: number; key: string; fileName: string; text: string };

/**
 * "Accepted by" for the messages [from, from + rejected[0].length) of a result: per release (labels order) -1 if
 * it accepts the message, else the index of the line saying why not in the table of reasons, which each part
 * extends with `reasons`. Typed arrays, parts of a bounded number of messages: 100,000 messages arrive without a
 * long task.
 */
export interface AcceptedPart {
  labels: string[];
  from: number;
  rejected: Int32Array[];
  reasons: string[];
  /** messages in the whole result */
  total: number;
  done: boolean;
}

/** "Accepted by" as the page keeps it: the parts so far merged (messages from `filled` on are still unknown). */
export interface AcceptedBy {
  labels: string[];
  reasons: string[];
  rejected: Int32Array[];
  filled: number;
}

export type FromWorker =
  | { type: 'model'; modelUrl: string; kinds: Record<string, PageKindCode>; events: string[] }
  | { type: 'progress'; id: number; done: number; total: number; messages: number }
  | { type: 'result-part'; id: number; messages: MessageResult[] }
  /** result.messages holds the messages after the last 'result-part' of this id */
  | { type: 'result'; id: number; result: ValidationResult; ms: number }
  | { type: 'sample'; id: number; name: string; text: string | null }
  | { type: 'accepted'; id: number; part: AcceptedPart }
  /** an own schema read and stored: its name (QEMU version and target) and size */
  | { type: 'introspected'; id: number; key: string; name: string; counts: { commands: number; events: number } }
  | { type: 'failed'; id: number; message: string }
  /** a model the worker cannot use (past the budget, no longer stored, not a model): the page offers to forget it */
  | { type: 'refused'; modelUrl: string; message: string };
