// One JSON message where a format found one: after a transcript's marker, at
// the start of a line, after an elision. Receives the cursor and the offset;
// guarantees the message checked once, or one issue where its JSON breaks,
// then reading resumes at the next line that can start something. An elision
// (`...`) is QEMU's way to shorten an example: a message with one inside is
// skipped with a note.
import { skipElidedReply } from '../message-pending';
import { noteText } from './reporter';
import { type Cursor, WAIT } from './cursor';
import { elisionAt, type Arrow } from './line-tests';
import { readValue } from './read-value';

/**
 * One message at `p` on line `l`, read up to the next marker line. A syntax error is one issue; reading resumes
 * at the next line, no deeper than `indent`, that can start something.
 */
export function readMessage(cx: Cursor, l: number, p: number, indent: number, direction: Arrow | null): number {
  const { text, final } = cx;
  const n = text.length;
  const regionEnd = cx.regionEnd(l);
  const r = readValue(text, p, regionEnd);
  if ('fault' in r) {
    const fault = r.fault;
    if (fault.eof && !final && regionEnd >= n) return WAIT;
    if (fault.deep?.end !== undefined) {
      cx.report.fault(p, fault, direction);
      return fault.deep.end;
    }
    const resume = cx.resync(l, indent < 0 ? 0 : indent);
    if (elisionAt(text, p, Math.min(regionEnd, fault.offset + 3)) >= 0) {
      const what = direction ? `elided ${direction} message skipped` : 'elided message skipped';
      cx.report.note('elided', p, cx.lineEnd(l), what);
      skipElidedReply(cx.ctx, text.slice(p, Math.min(regionEnd, p + 200)));
    } else cx.report.fault(p, fault, direction);
    return resume;
  }
  if (!final && r.end >= n) return WAIT;
  cx.report.message(r, p, direction);
  return r.end;
}

/** Text from `at` to the line's end `e` that holds an elision: one note. */
export function readElision(cx: Cursor, at: number, e: number): number {
  cx.report.note('elided', at, e, noteText(cx.text, at, e));
  return e;
}
