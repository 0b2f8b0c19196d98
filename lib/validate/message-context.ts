// What checking one message needs besides the message: the schema, its
// compiled validators, the options, the conversation so far (commands still
// waiting for a reply) and per-event facts; and what a check returns. Built
// once per session by createValidator() (index.ts); read by messages.ts and
// the message-*.ts checks of each kind of message.
import type * as z from 'zod';
import type { Command, Event, SchemaIndex } from '../qapi/model';
import type { ZodCompiler } from './compile';
import type { RawIssue } from './explain';
import type { Precheck, PrecheckCompiler } from './precheck';
import type { MessageKind } from './types';

/** A command waiting for its reply; `command` null for a name the schema lacks (QEMU answers it CommandNotFound). */
export type PendingCommand = {
  /** canonical text of the id, if the command had one */
  id: string | undefined;
} & ({ command: Command } | { command: null; name: string });

export interface MessageContext {
  index: SchemaIndex;
  input: ZodCompiler;
  output: ZodCompiler;
  inputPrecheck: PrecheckCompiler;
  outputPrecheck: PrecheckCompiler;
  lenient: boolean;
  deprecatedIsError: boolean;
  eventNames: string[];
  commandNames: string[];
  /** commands sent and not yet answered, oldest first */
  pending: PendingCommand[];
  /** the cap on one message still open, in characters */
  maxMessage: number;
  /** per-event facts, filled on first use */
  events: Map<string, EventInfo>;
}

export interface MessageVerdict {
  kind: MessageKind;
  name: string | null;
  issues: RawIssue[];
}

export interface EventInfo {
  event: Event;
  dataType: string | null;
  required: string[];
  memberCount: number;
  schema: z.ZodType | null;
  precheck: Precheck | null;
  /** the verdict of every flawless message of this event, shared (results are read-only) */
  ok: MessageVerdict;
}
