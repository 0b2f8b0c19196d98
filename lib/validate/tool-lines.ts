// Lines written by tools around QMP: libvirt's log lines (log-lines.ts finds
// the message in them) and qmp-shell's command lines (qmp-shell.ts converts
// them). Receives one such line of the buffer; guarantees its message checked
// once, libvirt's second copy of a message (its debug level logs each twice)
// skipped, and a shell command checked as the JSON the shell sends unless the
// shell's echo of that JSON follows. Extended by the line-wise reader
// (mixed.ts), which finds these lines.
import { checkMessage } from './messages';
import { fastEnd, readFast, BAIL } from './json-fast';
import { parseJson, skipWhitespace, type JsonNode } from './json';
import { locateIssue } from './locate';
import type { LogSlot } from './log-lines';
import { shellCommand, type ShellState } from './qmp-shell';
import { NO_ISSUES, noteText, Reporter } from './reporter';
import { indentOf, lineEndOf, skipBlank } from './split';
import { MAX_NESTING, toWireValue, type WireValue } from './wire';

export abstract class ToolLineReader extends Reporter {
  /** seen a log or shell line */
  protected sawLog = false;
  /** libvirt: the line after a sent message may be its probe's tail (` fd=-1`) */
  protected sentTail = false;
  /** libvirt: the last `Line [...]` (its RECV_* probe repeats it), messages sent and not yet seen in IO_WRITE */
  private lastReceived: string | null = null;
  private recentSent: string[] = [];
  private shell: ShellState = { actions: null };

  /** A message in a log line; libvirt's second copy of a message (debug level logs each twice) is skipped. */
  protected logMessage(slot: Extract<LogSlot, { kind: 'json' }>, e: number): number {
    const text = this.buf;
    const p = skipWhitespace(text, slot.at, slot.end);
    let value: WireValue | typeof BAIL = readFast(text, p, slot.end);
    let end = fastEnd();
    let node: JsonNode | null = null;
    if (value === BAIL) {
      const r = parseJson(text, p, slot.end);
      if (!r.ok || r.depth > MAX_NESTING) {
        if (!slot.dup) {
          this.note(
            'prose',
            skipBlank(text, this.lines.lineStart(this.lines.lineIndex(p)), e),
            e,
            noteText(text, p, e),
          );
          return e;
        }
        this.sawLog = true;
        if (!r.ok) this.syntaxError(p, r.error.offset, r.error.message, slot.direction);
        else this.tooDeep(p, r.end, slot.direction);
        return e;
      }
      end = r.end;
      node = r.node;
      value = toWireValue(node);
    }
    if (skipWhitespace(text, end, slot.end) < slot.end) {
      if (!slot.dup) {
        const s = this.lines.lineStart(this.lines.lineIndex(p));
        this.note('prose', skipBlank(text, s, e), e, noteText(text, skipBlank(text, s, e), e));
        return e;
      }
    }
    this.sawLog = true;
    const json = text.slice(p, end);
    if (slot.dup === 'recv-first') this.lastReceived = json;
    else if (slot.dup === 'recv-second' && this.lastReceived === json) {
      this.lastReceived = null;
      return e;
    } else if (slot.dup === 'send-first' || slot.dup === 'send-second') {
      this.sentTail = true;
      if (slot.dup === 'send-second') {
        const k = this.recentSent.findIndex((t) => t.endsWith(json));
        if (k >= 0) {
          this.recentSent.splice(k, 1);
          return e;
        }
      } else {
        this.recentSent.push(json);
        if (this.recentSent.length > 16) this.recentSent.shift();
      }
    }
    this.emit(value, node, p, end, slot.direction);
    return e;
  }

  /**
   * A qmp-shell command line: checked as the JSON the shell sends, unless the shell's verbose echo of that JSON
   * follows (then the echo is the message); "not checkable" with the reason when it cannot be converted.
   */
  protected shellLine(l: number, p: number, e: number, final: boolean): number {
    const text = this.buf;
    const lines = this.lines;
    this.sawLog = true;
    let k = l + 1;
    while (k < lines.lineCount && indentOf(text, lines.lineStart(k), lineEndOf(lines, k, text.length)) < 0) k++;
    const q = lines.lineStart(k);
    if (q === Infinity || lines.lineStart(k + 1) === Infinity) {
      if (!final) return -1;
    }
    let echoed = false;
    if (q !== Infinity) {
      const at = skipBlank(text, q, text.length);
      if (text.charCodeAt(at) === 0x7b) {
        const r = parseJson(text, at, text.length);
        if (!r.ok && r.error.eof && !final) return -1;
        echoed =
          r.ok && r.node.kind === 'object' && r.node.members.some((m) => m.key === 'execute' || m.key === 'exec-oob');
      }
    }
    const step = shellCommand(text.slice(p, e), this.shell);
    if (echoed || step.kind === 'pending') return e;
    if (step.kind === 'unchecked') {
      this.note('unchecked', p, e, `qmp-shell command not checkable: ${step.reason}`);
      const cmd = step.name ? this.ctx.index.get(step.name) : undefined;
      if (cmd?.meta === 'command') this.ctx.pending.push({ command: cmd, id: undefined });
      return e;
    }
    const r = parseJson(step.json) as { node: JsonNode };
    const verdict = checkMessage(this.ctx, toWireValue(r.node));
    const issues = verdict.issues.length
      ? verdict.issues.map((raw) => locateIssue(raw, null, { start: p, end: e }, lines))
      : NO_ISSUES;
    this.push(verdict.kind, verdict.name, '->', p, e, issues);
    return e;
  }
}
