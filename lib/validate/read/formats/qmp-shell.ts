// qmp-shell sessions (QEMU's scripts/qmp/qmp-shell): owns a line with the
// shell's prompt, `(QEMU) cmd key=val` or `TRANS> ` inside a transaction, and
// checks the JSON the shell sends for it (shell-command.ts converts), unless
// the shell's verbose echo of that JSON follows (then the echo is the message,
// read as JSON values); "not checkable" with the reason when it cannot be
// converted. The replies after it are checked against that command.
import { isWireObject } from '../../wire';
import { type InputFormat, WAIT } from '../cursor';
import { indentOf, skipBlank } from '../line-tests';
import { readValue } from '../read-value';
import { shellCommand, shellPrompt, type ShellState } from './shell-command';

export function qmpShell(): InputFormat {
  const shell: ShellState = { actions: null };
  return {
    owns: (line) => shellPrompt(line.text, line.start, line.end) >= 0,
    read(line, cx) {
      const { text, lines, final, report, ctx } = cx;
      const n = text.length;
      const p = shellPrompt(text, line.start, line.end);
      const e = line.end;
      cx.sawLog = true;
      let k = line.index + 1;
      while (lines.lineStart(k) !== Infinity && indentOf(text, lines.lineStart(k), cx.lineEnd(k)) < 0) k++;
      const q = lines.lineStart(k);
      if ((q === Infinity || lines.lineStart(k + 1) === Infinity) && !final) return WAIT;
      let echoed = false;
      const at = q === Infinity ? n : skipBlank(text, q, n);
      if (text.charCodeAt(at) === 0x7b) {
        const r = readValue(text, at, n);
        if ('fault' in r && r.fault.eof && !final) return WAIT;
        echoed =
          'value' in r &&
          isWireObject(r.value) &&
          (Object.hasOwn(r.value, 'execute') || Object.hasOwn(r.value, 'exec-oob'));
      }
      const step = shellCommand(text.slice(p, e), shell);
      if (echoed || step.kind === 'pending') return e;
      if (step.kind === 'unchecked') {
        report.note('unchecked', p, e, `qmp-shell command not checkable: ${step.reason}`);
        const cmd = step.name ? ctx.index.get(step.name) : undefined;
        if (cmd?.meta === 'command') ctx.pending.push({ command: cmd, id: undefined });
        return e;
      }
      if (step.kind === 'too-deep') {
        report.fault(p, { offset: p, message: 'nested too deeply', eof: false, deep: { end: e } }, '->');
        return e;
      }
      const r = readValue(step.json, 0, step.json.length);
      if ('value' in r) report.standIn(r.value, p, e, '->');
      return e;
    },
  };
}
