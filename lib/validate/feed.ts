// Driving a ValidationSession from outside (the worker's large inputs, the
// other releases' checks for "accepted by"): where to cut a text so that every
// piece ends at a line boundary, as feed() needs, and the ValidationResult of
// a finished session, the same as validateText() gives.
import type { MessageResult, ValidationResult, ValidationSession } from './types';

/** The end of the piece of `text` that starts at `at`: `size` characters on, then to the end of that line. */
export function pieceEnd(text: string, at: number, size: number): number {
  const end = Math.min(text.length, at + size);
  if (end === text.length) return end;
  const nl = text.indexOf('\n', end);
  return nl < 0 ? text.length : nl + 1;
}

/** The result of a session that has ended; `messages` are all it returned, from feed() and end(), in order. */
export function sessionResult(session: ValidationSession, messages: MessageResult[]): ValidationResult {
  const elided = session.notes.filter((n) => n.code === 'elided').length;
  let valid = 0;
  for (const m of messages) if (m.valid) valid++;
  return {
    form: session.form,
    messages,
    notes: session.notes,
    valid: valid === messages.length && elided === 0,
    counts: { messages: messages.length, valid, invalid: messages.length - valid, elided },
  };
}
