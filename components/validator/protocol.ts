// Messages between the validator page and its web worker. Plain data only
// (structured clone); ids let the page ignore answers it no longer waits for.
// A result of many messages arrives in slices ('result-part', then 'result'
// with the last slice): the page decodes each in its own short task instead
// of one long one.
import type { MessageResult, ValidationResult } from '@/lib/validate/types';
import type { PageKindCode } from '@/lib/site/validator-model';

export interface CheckOptions {
  mode: 'strict' | 'lenient';
  deprecated: 'warn' | 'error';
}

export type ToWorker =
  | { type: 'validate'; id: number; modelUrl: string; text: string; options: CheckOptions }
  | { type: 'sample'; id: number; modelUrl: string; name: string };

export type FromWorker =
  | { type: 'model'; modelUrl: string; kinds: Record<string, PageKindCode>; events: string[] }
  | { type: 'progress'; id: number; done: number; total: number; messages: number }
  | { type: 'result-part'; id: number; messages: MessageResult[] }
  /** result.messages holds the messages after the last 'result-part' of this id */
  | { type: 'result'; id: number; result: ValidationResult; ms: number }
  | { type: 'sample'; id: number; name: string; text: string | null }
  | { type: 'failed'; id: number; message: string };
