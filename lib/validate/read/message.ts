// One JSON message where a format found one: after a transcript's marker, at
// the start of a line, after an elision. Receives the cursor and the offset;
// guarantees the message checked once, or one issue where its JSON breaks,
// then reading resumes at the next line that can start something. An elision
// (`...`) is QEMU's way to shorten an example: a message with one inside is
// skipped with a note. `...` before a message elides what came before it, not
// the message: `... {json}` is a note for the `...` and the message checked.
import { skipElidedReply } from '../message-pending';
import { noteText } from './reporter';
import { type Cursor, WAIT } from './cursor';
import { elisionAt, skipBlank, type Arrow } from './line-tests';
import { readValue } from './read-value';

/**
 * One message at `p` on line `l`, read up to the next marker line. A syntax error is one issue; reading resumes
 * at the next line, no deeper than `indent`, that can start something.
 */
export function readMessage(cx: Cursor, l: number, p: number, indent: number, direction: Arrow | null): number {
  const { text, final } = cx;
  const n = text.length;
  const regionEnd = cx.regionEnd(l);
  const elision = objectAfterElision(text, p, cx.lineEnd(l)) >= 0 ? p : -1;
  if (elision >= 0) p = skipBlank(text, p + 3, n);
  const r = readValue(text, p, regionEnd);
  if ('fault' in r) {
    const fault = r.fault;
    if (fault.eof && !final && regionEnd >= n) return WAIT;
    if (elision >= 0 && !fault.deep) {
      // no whole message after the `...`: the line is an elision, as QEMU's `... {...more...},`
      cx.report.note('elided', elision, cx.lineEnd(l), noteText(text, elision, cx.lineEnd(l)));
      return cx.lineEnd(l);
    }
    if (elision >= 0) cx.report.note('elided', elision, elision + 3, '...');
    if (fault.deep) {
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
  if (elision >= 0) cx.report.note('elided', elision, elision + 3, '...');
  cx.report.message(r, p, direction);
  return r.end;
}

/**
 * Text from `at` to the line's end `e` that holds an elision: one note; but `...` then a JSON object is an
 * elision before a message, and the message is read.
 */
export function readElision(cx: Cursor, l: number, at: number, e: number): number {
  if (objectAfterElision(cx.text, at, e) >= 0) return readMessage(cx, l, at, -1, null);
  cx.report.note('elided', at, e, noteText(cx.text, at, e));
  return e;
}

/** `...` at `at`, then (after blanks) a `{` on the same line: the offset of the `{`, or -1. */
function objectAfterElision(text: string, at: number, e: number): number {
  if (!text.startsWith('...', at)) return -1;
  const p = skipBlank(text, at + 3, e);
  return p < e && text.charCodeAt(p) === 0x7b ? p : -1;
}
