// One QMP message, already read into its wire value: receives the value and
// the conversation so far (commands still waiting for a reply); returns its
// kind, its name and its issues as RawIssues. Implements qmp-spec "Server
// Greeting", "Issuing Commands", "Commands Responses", "Asynchronous events"
// and QAPI-NOTES section 3 "Event envelope": this file tells the kinds apart,
// message-*.ts check the envelope of each by hand, the payload by the
// compiled zod schemas (compile.ts).
import type { RawIssue } from './explain';
import type { MessageContext, MessageVerdict } from './message-context';
import { checkCommand } from './message-command';
import { rawIssue } from './message-envelope';
import { checkEvent } from './message-event';
import { checkGreeting } from './message-greeting';
import { checkError, checkReturn } from './message-reply';
import { isWireObject, jsonKind, type WireValue } from './wire';

export function checkMessage(ctx: MessageContext, value: WireValue): MessageVerdict {
  if (!isWireObject(value))
    return notAMessage('not-an-object', 'not an object', `a QMP message is a JSON object, got ${kindPhrase(value)}`);
  const event = value.event;
  if (event !== undefined) return checkEvent(ctx, value, event);
  if ('execute' in value || 'exec-oob' in value) return checkCommand(ctx, value);
  if ('return' in value) return checkReturn(ctx, value);
  if ('error' in value) return checkError(ctx, value);
  if ('QMP' in value) return checkGreeting(ctx, value);
  const keys = Object.keys(value);
  return notAMessage(
    'unknown-message',
    'not a QMP message',
    `an object with ${keys.length ? 'keys ' + keys.map((k) => `'${k}'`).join(', ') : 'no keys'} is not a QMP message: it needs 'event', 'execute', 'exec-oob', 'return', 'error' or 'QMP'${keys.length ? ' (a reply must wrap its value in {"return": …})' : ''}`,
  );
}

/** A value of no kind of message: one error on the whole of it. */
function notAMessage(code: RawIssue['code'], message: string, text: string): MessageVerdict {
  return { kind: 'unknown', name: null, issues: [rawIssue('error', code, [], 'value', message, text)] };
}

/** "an array", "a number", "null": the JSON kind of a non-object message, in the user's words. */
function kindPhrase(value: unknown): string {
  const kind = jsonKind(value);
  if (kind === 'null') return 'null';
  return kind === 'array' ? 'an array' : `a ${kind}`;
}
