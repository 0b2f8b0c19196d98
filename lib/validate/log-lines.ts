// Where QMP messages sit in log lines: receives one line of text (offsets into
// the whole buffer); returns where its JSON starts and ends, the direction the
// log gives it, or that the line holds no message. Formats, from their
// writers' sources:
// - libvirt's debug log (src/util/virlog.c virLogFormatString, with the
//   timestamp of virLogOutputToFd: `2024-05-02 10:00:01.123+0000: 1234: info :
//   func:207 : msg`) and the monitor's probes (src/qemu/qemu_monitor*.c):
//   `QEMU_MONITOR_RECV_EVENT: mon=%p event=%s`, `QEMU_MONITOR_RECV_REPLY: mon=%p
//   reply=%s`, `QEMU_MONITOR_SEND_MSG: mon=%p msg=%s fd=%d` and
//   `QEMU_MONITOR_IO_WRITE: mon=%p buf=%s len=%zu ret=%d errno=%d` (a sent
//   message ends in its own CR LF, so ` fd=…` / ` len=…` land on the next line),
//   and the debug `Line [%s]` logged before each received line. The probes are
//   also found after other prefixes (journald prints the bare message).
// - any other line where one JSON object follows a prefix.
// Nothing here parses JSON: the caller reads the value and decides.

/** Which way a logged message went, as logs draw it: '->' to QEMU, '<-' from it. */
export type Arrow = '->' | '<-';

type Dup = 'recv-first' | 'recv-second' | 'send-first' | 'send-second';

export type LogSlot =
  /** a line of libvirt's that carries no message, or the tail of a sent message (` fd=-1`) */
  | { kind: 'skip' }
  /** a message at `at`, ending at or before `end`; `dup`: libvirt logs this message twice, keyed as given */
  | { kind: 'json'; at: number; end: number; direction: Arrow | null; dup: Dup | null }
  | { kind: 'none' };

const SKIP: LogSlot = { kind: 'skip' };
const NONE: LogSlot = { kind: 'none' };

/** virLogOutputToFd's timestamp, then virLogFormatString's `tid: priority : [func:line : ]` */
const LIBVIRT_PREFIX =
  /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}[+-]\d{4}: \d+: (?:debug|info|warning|error|unknown) : (?:[\w.]+:\d+ : )?/y;

const PROBES: [string, string, Arrow, Dup][] = [
  ['QEMU_MONITOR_RECV_EVENT: mon=', ' event=', '<-', 'recv-second'],
  ['QEMU_MONITOR_RECV_REPLY: mon=', ' reply=', '<-', 'recv-second'],
  ['QEMU_MONITOR_SEND_MSG: mon=', ' msg=', '->', 'send-first'],
  ['QEMU_MONITOR_IO_WRITE: mon=', ' buf=', '->', 'send-second'],
];

/** The line after a sent message: what follows its CR LF in the probe's format. */
const SENT_TAIL = /^ (?:fd=-?\d+|len=\d+ ret=-?\d+ errno=\d+)\s*$/;

export function isSentTail(text: string, start: number, end: number): boolean {
  return end - start < 64 && SENT_TAIL.test(text.slice(start, end));
}

/** `line` is text[start, end) without its line break; `end` excludes a trailing CR. */
export function logSlot(text: string, start: number, end: number): LogSlot {
  // searched within the line: a search through the rest of the text, line after line, is quadratic
  const line = text.slice(start, end);
  const probe = line.indexOf('QEMU_MONITOR_');
  if (probe >= 0) return probeSlot(text, start + probe, end);
  LIBVIRT_PREFIX.lastIndex = start;
  if (LIBVIRT_PREFIX.test(text)) {
    const msg = LIBVIRT_PREFIX.lastIndex;
    if (!text.startsWith('Line [', msg)) return SKIP;
    const close = start + line.lastIndexOf(']');
    if (close < msg + 6) return SKIP;
    return { kind: 'json', at: msg + 6, end: close, direction: '<-', dup: 'recv-first' };
  }
  const brace = start + line.indexOf('{');
  if (brace < start) return NONE;
  return {
    kind: 'json',
    at: brace,
    end,
    direction: prefixDirection(text.slice(start, Math.min(brace, start + 200))),
    dup: null,
  };
}

function probeSlot(text: string, probe: number, end: number): LogSlot {
  for (const [name, field, direction, dup] of PROBES) {
    if (!text.startsWith(name, probe)) continue;
    const mon = probe + name.length;
    const space = text.indexOf(' ', mon);
    if (space < 0 || space >= end || !text.startsWith(field, space)) return SKIP;
    const at = space + field.length;
    return { kind: 'json', at, end, direction, dup };
  }
  return SKIP;
}

/** A direction the prefix states: an arrow, or a word such as "send" / "recv". */
function prefixDirection(prefix: string): Arrow | null {
  if (/(->|-->|>>>|\bsen[dt]|\bsending|\btx\b)/i.test(prefix)) return '->';
  if (/(<-|<--|<<<|\brecv|\breceived?|\brx\b)/i.test(prefix)) return '<-';
  return null;
}
