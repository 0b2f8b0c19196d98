// Input formats beyond JSON and transcripts, each sample written here from its
// writer's definition: libvirt's debug log (virlog.c line format, the monitor's
// PROBE lines and `Line [%s]`, each message logged twice at debug level),
// qmp-shell sessions (qmp_shell.py's command syntax), QEMU iotests output
// (filtered timestamps) and JSON after any prefix; mixed freely with
// transcripts and JSON lines; garbage says "no QMP message found" once.
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../lib/validate/index';
import type { MessageResult, ValidationResult } from '../../lib/validate/types';
import { MINI_MODEL } from '../fixtures/validate/mini-model';

const v = createValidator(MINI_MODEL);
const brief = (m: MessageResult) =>
  `${m.kind} ${m.name ?? '-'} ${m.direction ?? '.'} ${m.line}:${m.col} ${m.valid ? 'ok' : 'BAD'}`;
const TS = '{"seconds": 1714644002, "microseconds": 1000}';

/** Validates the input (lines are joined), expects its messages in brief to be `want`, and returns the result. */
function expectMessages(input: string | string[], want: string[]): ValidationResult {
  const r = v.validateText(Array.isArray(input) ? input.join('\n') : input);
  expect(r.messages.map(brief)).toEqual(want);
  return r;
}

/** one line as virLogOutputToFd writes it: timestamp, then virLogFormatString's "tid: prio : func:line : msg" */
const lv = (prio: string, func: string, msg: string) =>
  `2024-05-02 10:00:01.123+0000: 1310: ${prio} : ${func} : ${msg}`;

describe('libvirt debug logs', () => {
  const sent = '{"execute":"widget-add","arguments":{"id":"w1"},"id":"libvirt-5"}';
  const reply = '{"return": {"id": "w1", "color": "red"}, "id": "libvirt-5"}';
  const event = `{"timestamp": ${TS}, "event": "PING"}`;
  const log = [
    lv('info', '', 'libvirt version: 11.3.0').replace(' :  : ', ' : '),
    lv('debug', 'qemuMonitorOpenInternal:585', 'QEMU_MONITOR_NEW: mon=0x7f8c00123 fd=27'),
    lv('info', 'qemuMonitorSend:836', `QEMU_MONITOR_SEND_MSG: mon=0x7f8c00123 msg=${sent}\r`),
    ' fd=-1',
    lv('info', 'qemuMonitorIOWrite:339', `QEMU_MONITOR_IO_WRITE: mon=0x7f8c00123 buf=${sent}\r`),
    ' len=66 ret=66 errno=0',
    lv('debug', 'qemuMonitorJSONIOProcessLine:193', `Line [${reply}]`),
    lv('info', 'qemuMonitorJSONIOProcessLine:212', `QEMU_MONITOR_RECV_REPLY: mon=0x7f8c00123 reply=${reply}`),
    lv('debug', 'virDomainObjSetState:42', 'state={"not": "a message"} reason=5'),
    lv('debug', 'qemuMonitorJSONIOProcessLine:193', `Line [${event}]`),
    lv('info', 'qemuMonitorJSONIOProcessLine:207', `QEMU_MONITOR_RECV_EVENT: mon=0x7f8c00123 event=${event}`),
    lv(
      'info',
      'qemuMonitorJSONIOProcessLine:207',
      `QEMU_MONITOR_RECV_EVENT: mon=0x7f8c00123 event={"timestamp": ${TS}, "event": "PONG"}`,
    ),
  ].join('\n');

  it('checks each message once, at the exact column of its JSON, with the direction the log gives', () => {
    const col = (line: number, json: string) => log.split('\n')[line - 1]!.indexOf(json) + 1;
    const r = expectMessages(log, [
      `command widget-add -> 3:${col(3, sent)} ok`,
      `return widget-add <- 7:${col(7, reply)} ok`,
      `event PING <- 10:${col(10, event)} ok`,
      `event PONG <- 12:${col(12, '{"timestamp"')} BAD`,
    ]);
    expect(r.form).toBe('log');
    expect(r.notes).toEqual([]);
  });

  it('the RECV probe alone (info level) and IO_WRITE alone are checked too', () => {
    const info = log
      .split('\n')
      .filter((l) => !l.includes('SEND_MSG') && !l.includes('Line [') && l !== ' fd=-1')
      .join('\n');
    expect(v.validateText(info).messages.map((m) => `${m.kind} ${m.name}`)).toEqual([
      'command widget-add',
      'return widget-add',
      'event PING',
      'event PONG',
    ]);
  });

  it('an invalid message is reported at its place inside the line', () => {
    const line = lv(
      'info',
      'qemuMonitorJSONIOProcessLine:207',
      `QEMU_MONITOR_RECV_EVENT: mon=0x1 event={"timestamp": ${TS}, "event": "PING", "data": {}}`,
    );
    const r = v.validateText(line);
    expect(r.messages[0]!.issues[0]).toMatchObject({
      code: 'unexpected-data',
      line: 1,
      col: line.indexOf('"data"') + 1,
    });
  });
});

describe('qmp-shell sessions', () => {
  const session = [
    'Welcome to the QMP low-level shell!',
    'Connected to QEMU 10.2.2',
    '',
    '(QEMU) widget-add id=w1 size=4096',
    '{"return": {"id": "w1", "color": "red"}}',
    '(QEMU) widget-add id=w2 size=big',
    '{"return": {"id": "w2", "color": "pink"}}',
    "(QEMU) widget-add id=w3 opts={'a':True}",
    '{"return": {"id": "w3", "color": "blue", "gpu": 1}}',
    '(QEMU) widget-list',
    '{',
    '    "arguments": {},',
    '    "execute": "widget-list"',
    '}',
    '{',
    '    "return": ["w1"]',
    '}',
  ];

  it('turns commands into the JSON the shell sends, checks them and the replies after them', () => {
    const r = expectMessages(session, [
      'command widget-add -> 4:8 ok',
      'return widget-add . 5:1 ok',
      'command widget-add -> 6:8 BAD',
      'return widget-add . 7:1 BAD',
      'return widget-add . 9:1 BAD',
      // the verbose echo of the JSON sent is the message; the command line is not counted twice
      'command widget-list . 11:1 ok',
      'return widget-list . 15:1 ok',
    ]);
    expect(r.messages[2]!.issues[0]!.text).toContain('size');
    // the banner's two lines are one prose note
    expect(r.notes.map((n) => `${n.code} ${n.line}-${n.endLine}`)).toEqual(['prose 1-2', 'unchecked 8-8']);
    expect(r.notes[0]!.text).toBe('Welcome to the QMP low-level shell! (and 1 more line)');
    expect(r.notes[1]!.text).toContain("'opts' is a Python literal");
  });

  it('a transaction spread over TRANS> lines is one command', () => {
    const r = expectMessages('(QEMU) transaction(\nTRANS> widget-reset\nTRANS> )\n{"return": {}}', [
      'command transaction -> 3:8 BAD',
      // a schema without the command answers it only with CommandNotFound
      'return transaction . 4:1 BAD',
    ]);
    expect(r.messages[0]!.issues[0]!.text).toContain("'transaction' is not a command");
  });
});

describe('iotests output and prefixed lines', () => {
  it('reads filtered timestamps (TIMESTAMP, SECS/USECS) as valid, keeping columns', () => {
    const out = [
      'QA output created by 999',
      'QMP_VERSION',
      '{"execute": "widget-reset"}',
      '{"return": {}}',
      '{"timestamp": {"seconds":  TIMESTAMP, "microseconds":  TIMESTAMP}, "event": "PING"}',
      '{"event": "PING", "timestamp": {"microseconds": "USECS", "seconds": "SECS"}}',
      '{"event": "PONG", "timestamp": {"microseconds": "USECS", "seconds": "SECS"}}',
      '*** done',
    ];
    const r = expectMessages(out, [
      'command widget-reset . 3:1 ok',
      'return widget-reset . 4:1 ok',
      'event PING . 5:1 ok',
      'event PING . 6:1 ok',
      'event PONG . 7:1 BAD',
    ]);
    expect(r.messages[4]!.issues[0]).toMatchObject({ line: 7, col: 11 });
  });

  it('one JSON object after any prefix is a message; the prefix may give the direction', () => {
    const r = expectMessages(
      `12:00:01 qmp recv: {"timestamp": ${TS}, "event": "PONG"}\n12:00:02 send -> {"execute": "widget-reset"}\nno json here {or this}`,
      ['event PONG <- 1:20 BAD', 'command widget-reset -> 2:18 ok'],
    );
    expect(r.notes.map((n) => n.code)).toEqual(['prose']);
  });
});

describe('transcripts mix with other forms', () => {
  it('every JSON message is checked, whatever else the input holds', () => {
    const text = [
      `{"timestamp": ${TS}, "event": "SHUTDOWN", "data": 1}`,
      '{"execute": "no-such-command"}',
      '-> {"execute": "widget-reset"}',
      '<- {"return": {}}',
      'some prose',
      `{"timestamp": ${TS}, "event": "PING"}`,
    ];
    const r = expectMessages(text, [
      'event SHUTDOWN . 1:1 BAD',
      'command no-such-command . 2:1 BAD',
      'command widget-reset -> 3:4 ok',
      'return widget-reset <- 4:4 ok',
      'event PING . 6:1 ok',
    ]);
    expect(r.counts).toMatchObject({ valid: 3, invalid: 2 });
    expect(r.notes.map((n) => `${n.code} ${n.line}`)).toEqual(['prose 5']);
  });
});

describe('no QMP message at all', () => {
  it.each([
    ['base64', 'eyJldmVudCI6ICJQSU5HIn0KZXlKbGRtVnVkQ0k2SUNKUVNVNUhJbjA9\nSGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQ=\n'],
    ['garbage', '\u0001\u0002binary%%%\n@@@ nothing\n'],
  ])('%s says "no QMP message found" once', (_n, text) => {
    const r = v.validateText(text);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]!.issues.map((i) => i.message)).toEqual(['no QMP message found']);
    expect(r.valid).toBe(false);
    // the lines themselves are one prose note, not one per line
    expect(r.notes.map((n) => `${n.code} ${n.line}-${n.endLine}`)).toEqual(['prose 1-2']);
  });
});

describe('JSON values that turn into a log after the first 64 KiB', () => {
  it('switches to line-wise reading at the first marker or log line, and still checks every message', () => {
    const ping = `{"timestamp": ${TS}, "event": "PING"}`;
    const head = Array.from({ length: 1500 }, () => ping).join('\n');
    const tail = [
      `<- {"timestamp": ${TS}, "event": "PONG"}`,
      lv(
        'info',
        'qemuMonitorJSONIOProcessLine:207',
        `QEMU_MONITOR_RECV_EVENT: mon=0x1 event={"timestamp": ${TS}, "event": "PANG"}`,
      ),
      '{"execute": "nope"}',
    ];
    const text = `${head}\n${tail.join('\n')}\n`;
    expect(head.length).toBeGreaterThan(65536);
    for (const r of [
      v.validateText(text),
      (() => {
        const s = v.session();
        const messages = [
          ...s.feed(text.slice(0, text.indexOf('\n', 70000) + 1)),
          ...s.feed(text.slice(text.indexOf('\n', 70000) + 1)),
          ...s.end(),
        ];
        return { messages };
      })(),
    ]) {
      expect(r.messages).toHaveLength(1503);
      expect(r.messages.filter((m) => !m.valid).map((m) => `${m.kind} ${m.name} ${m.line}`)).toEqual([
        'event PONG 1501',
        'event PANG 1502',
        'command nope 1503',
      ]);
    }
  });
});
