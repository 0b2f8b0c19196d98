// The conversation: commands sent and not yet answered (MessageContext.pending).
// A command joins it with its id; a reply takes the command with its id, else
// the latest one waiting (qmp-spec "Commands Responses").
import type { MessageContext, PendingCommand } from './message-context';
import type { WireValue } from './wire';

export function canonicalId(id: WireValue): string {
  return JSON.stringify(id, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** An elided reply (`<- { "return": [ ... ] }`) still answers the latest command waiting. */
export function skipElidedReply(ctx: MessageContext, text: string): void {
  if (/^\s*\{\s*"(return|error)"/.test(text)) ctx.pending.pop();
}

/** The command a reply answers: the one with its id, else the latest one still waiting. */
export function answeredCommand(ctx: MessageContext, value: Record<string, WireValue>): PendingCommand | null {
  const { pending } = ctx;
  let at = -1;
  if ('id' in value) {
    const id = canonicalId(value.id!);
    at = pending.findIndex((p) => p.id === id);
  }
  if (at < 0) at = pending.length - 1;
  if (at < 0) return null;
  return pending.splice(at, 1)[0]!;
}
