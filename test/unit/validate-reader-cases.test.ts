// The paste reader on the cases the issue tracker found, against QEMU 10.2.2's
// real schema: `...` before a message hides nothing, a libvirt line whose JSON
// follows a key we don't know is checked, skipped lines are counted, and an
// input with nothing to check does not pass the CLI.
import { expect, it } from 'vitest';
import { run } from '../../cli/validate';
import { loadModelFromDisk } from '../../lib/qapi/node';
import { createValidator } from '../../lib/validate/index';
import type { MessageResult } from '../../lib/validate/types';
import { runCommand } from '../support/cli-io';
import { describeWithQemu, qemuTree } from '../support/shared';

const brief = (m: MessageResult) => `${m.kind} ${m.name ?? '-'} ${m.line}:${m.col} ${m.valid ? 'ok' : 'BAD'}`;
const TS = '"timestamp": {"seconds": 1714644002, "microseconds": 1000}';
/** STOP has no data: an invalid message */
const BAD_STOP = `{${TS}, "event": "STOP", "data": {"reason": "x"}}`;
const RESUME = `{${TS}, "event": "RESUME"}`;

describeWithQemu('10.2.2', 'the paste reader on the tracker\u2019s cases', () => {
  const tree = qemuTree('10.2.2');
  const v = createValidator(loadModelFromDisk(tree));

  it('`... {json}`: the elision is the `...`, the message after it is checked (issue 24 item 5)', async () => {
    for (const input of [
      `... ${BAD_STOP}`,
      `-> { "execute": "stop" }\n<- ... ${BAD_STOP}`,
      `<- {"return": {}} ... ${BAD_STOP}`,
    ]) {
      const r = v.validateText(input);
      const line = input.split('\n').length;
      const col = input.split('\n')[line - 1]!.indexOf('{"timestamp"') + 1;
      expect(r.messages.map(brief)).toContain(`event STOP ${line}:${col} BAD`);
      expect(r.notes.filter((n) => n.code === 'elided').map((n) => n.text)).toEqual(['...']);
    }
    const cli = await runCommand(run, ['--schema', tree, '--format', 'json', '-'], { stdin: `... ${BAD_STOP}\n` });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('"name":"STOP"');
  });

  it("QEMU's own elisions stay notes: `...` alone, `{...more...},`, a list's `...`", () => {
    const r = v.validateText(
      [
        '-> { "execute": "query-chardev" }',
        '<- { "return": [',
        '      {...more...},',
        '      ...',
        '   ] }',
        '...',
        `<- ${RESUME}`,
      ].join('\n'),
    );
    expect(r.messages.map(brief)).toEqual(['command query-chardev 1:4 ok', 'event RESUME 7:4 ok']);
    expect(r.notes.map((n) => `${n.code} ${n.line}`)).toEqual(['elided 2', 'elided 6']);
  });

  it('a libvirt line whose JSON follows a key we do not know is checked; one we skip is counted (issue 19 item 7)', () => {
    const lv = (func: string, msg: string) => `2024-05-02 10:00:01.123+0000: 1310: debug : ${func} : ${msg}`;
    const log = [
      lv('qemuMonitorJSONIOProcessEvent:180', `mon_event=${BAD_STOP}`),
      lv('qemuMonitorEmitEvent:1212', `mon=0x7f8c00123 event=${RESUME}`),
      lv('virDomainObjSetState:42', 'state={"not": "a message"} reason=5'),
    ].join('\n');
    const r = v.validateText(log);
    expect(r.form).toBe('log');
    expect(r.messages.map(brief)).toEqual([
      `event STOP 1:${log.indexOf('{') + 1} BAD`,
      `event RESUME 2:${log.split('\n')[1]!.indexOf('{') + 1} ok`,
    ]);
    expect(r.notes.map((n) => `${n.code} ${n.line}`)).toEqual(['prose 3']);
  });

  it('qmp-shell: a key of 5,000 dotted levels and a 10 MB `1_1_…` integer are verdicts, not stack overflows (issue 24 item 6)', () => {
    const deep = `(QEMU) migrate-set-parameters ${Array.from({ length: 5000 }, () => 'a').join('.')}=1`;
    const r = v.validateText(deep);
    expect(r.messages.map(brief)).toEqual(['unknown - 1:8 BAD']);
    expect(r.messages[0]!.issues[0]!.text).toContain('nesting deeper than 1024 levels');
    // Python's int() takes at most 4,300 digits: past them qmp-shell sends the text as a string
    const big = v.validateText(`(QEMU) migrate-set-parameters downtime-limit=${'1_'.repeat(5_000_000)}1`);
    expect(big.messages.map(brief)).toEqual(['command migrate-set-parameters 1:8 BAD']);
    expect(big.messages[0]!.issues[0]!.text).toMatch(/^expected uint64 .*, got string "1_1_1/);
    const fits = v.validateText(`(QEMU) migrate-set-parameters downtime-limit=${'1_'.repeat(2149)}1`);
    expect(fits.messages[0]!.issues[0]!.text).toMatch(/^(?!.*got string)/);
  });

  it('an input with nothing to check exits 1 with "no QMP message found" (issue 24 item 10)', async () => {
    for (const stdin of ['', '\n\n  \n', '...\n']) {
      const text = await runCommand(run, ['--schema', tree, '-'], { stdin });
      expect(text.status).toBe(1);
      expect(text.stdout).toContain('<stdin>:1:1: error [no-message]: no QMP message found');
      const json = await runCommand(run, ['--schema', tree, '--format', 'json', '-'], { stdin });
      expect(json.status).toBe(1);
      expect(JSON.parse(json.stdout.trim().split('\n').pop()!)).toMatchObject({
        valid: false,
        issues: [{ code: 'no-message' }],
      });
    }
  });
});
