// libvirt's debug log, from its writers' sources: src/util/virlog.c
// virLogFormatString with the timestamp of virLogOutputToFd (`2024-05-02
// 10:00:01.123+0000: 1234: info : func:207 : msg`), and the monitor's probes
// (src/qemu/qemu_monitor*.c): `QEMU_MONITOR_RECV_EVENT: mon=%p event=%s`,
// `QEMU_MONITOR_RECV_REPLY: mon=%p reply=%s`, `QEMU_MONITOR_SEND_MSG: mon=%p
// msg=%s fd=%d` and `QEMU_MONITOR_IO_WRITE: mon=%p buf=%s len=%zu ret=%d
// errno=%d` (a sent message ends in its own CR LF, so ` fd=…` / ` len=…` land
// on the next line), and the debug `Line [%s]` logged before each received
// line. The probes are also found after other prefixes (journald prints the
// bare message). At debug level libvirt logs each message twice: it is
// checked once. Any other libvirt line that ends in one JSON object
// (`mon_event={…}`) is checked as a message; one with other JSON is a line
// not checked (a note); one without JSON carries nothing to check.
import { type Cursor, type InputFormat, type Line } from '../cursor';
import { skipWhitespace } from '../../json';
import { readValue } from '../read-value';
import { prefixedLines } from './prefixed-lines';
import type { Arrow } from '../line-tests';

/** Which copy of a message a line holds, where libvirt logs it twice. */
type Copy = 'recv-first' | 'recv-second' | 'send-first' | 'send-second';

/** virLogOutputToFd's timestamp, then virLogFormatString's `tid: priority : [func:line : ]` */
const LIBVIRT_PREFIX =
  /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}[+-]\d{4}: \d+: (?:debug|info|warning|error|unknown) : (?:[\w.]+:\d+ : )?/y;

const PROBES: [string, string, Arrow, Copy][] = [
  ['QEMU_MONITOR_RECV_EVENT: mon=', ' event=', '<-', 'recv-second'],
  ['QEMU_MONITOR_RECV_REPLY: mon=', ' reply=', '<-', 'recv-second'],
  ['QEMU_MONITOR_SEND_MSG: mon=', ' msg=', '->', 'send-first'],
  ['QEMU_MONITOR_IO_WRITE: mon=', ' buf=', '->', 'send-second'],
];

/** The line after a sent message: what follows its CR LF in the probe's format. */
const SENT_TAIL = /^ (?:fd=-?\d+|len=\d+ ret=-?\d+ errno=\d+)\s*$/;

export function libvirtLog(): InputFormat {
  const prefix = new RegExp(LIBVIRT_PREFIX.source, LIBVIRT_PREFIX.flags);
  /** the line number (in the whole input) where a sent message's tail may stand */
  let tailLine = -1;
  /** the last `Line [...]` (its RECV_* probe repeats it), messages sent and not yet seen in IO_WRITE */
  let lastReceived: string | null = null;
  const recentSent: string[] = [];

  /** Where the message of a libvirt line starts (after its prefix), or -1 for a line not libvirt's. */
  function messageStart(line: Line): number {
    prefix.lastIndex = line.start;
    return prefix.test(line.text) ? prefix.lastIndex : -1;
  }

  function isTail(line: Line, cx: Cursor): boolean {
    return (
      cx.lines.firstLine + line.index === tailLine &&
      line.end - line.start < 64 &&
      SENT_TAIL.test(line.text.slice(line.start, line.end))
    );
  }

  /** One of libvirt's two copies of a message: checked once. */
  function copy(cx: Cursor, line: Line, at: number, end: number, direction: Arrow, which: Copy): void {
    const { text } = cx;
    const p = skipWhitespace(text, at, end);
    const r = readValue(text, p, end);
    if ('fault' in r) {
      cx.report.fault(p, r.fault, direction);
      return;
    }
    const json = text.slice(p, r.end);
    if (which === 'recv-first') lastReceived = json;
    else if (which === 'recv-second' && lastReceived === json) {
      lastReceived = null;
      return;
    } else if (which === 'send-first' || which === 'send-second') {
      tailLine = cx.lines.firstLine + line.index + 1;
      if (which === 'send-second') {
        const k = recentSent.findIndex((t) => t.endsWith(json));
        if (k >= 0) {
          recentSent.splice(k, 1);
          return;
        }
      } else {
        recentSent.push(json);
        if (recentSent.length > 16) recentSent.shift();
      }
    }
    cx.report.message(r, p, direction);
  }

  return {
    owns(line, cx) {
      return (
        line.text.slice(line.start, line.end).includes('QEMU_MONITOR_') || messageStart(line) >= 0 || isTail(line, cx)
      );
    },
    read(line, cx) {
      const { text, start, end } = line;
      cx.sawLog = true;
      const probe = text.slice(start, end).indexOf('QEMU_MONITOR_');
      if (probe >= 0)
        for (const [name, field, direction, which] of PROBES) {
          if (!text.startsWith(name, start + probe)) continue;
          const space = text.indexOf(' ', start + probe + name.length);
          if (space < 0 || space >= end || !text.startsWith(field, space)) break;
          copy(cx, line, space + field.length, end, direction, which);
          return end;
        }
      const msg = messageStart(line);
      if (msg >= 0 && text.startsWith('Line [', msg)) {
        const close = start + text.slice(start, end).lastIndexOf(']');
        if (close >= msg + 6) copy(cx, line, msg + 6, close, '<-', 'recv-first');
        return end;
      }
      // any other line of the log: a JSON object at its end is a message (`mon_event={…}`), other JSON a line
      // not checked
      return text.slice(start, end).includes('{') ? prefixedLines.read(line, cx) : end;
    },
  };
}
