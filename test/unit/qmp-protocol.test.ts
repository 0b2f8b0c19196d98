// lib/qmp, the client's side of QMP as `watch` speaks it: cutting a real
// QEMU's output into messages however it arrives, opening a session (three
// commands, a fault in words for anything else), addresses as typed or as
// QEMU spells them, event times, and the summary line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQmpAddress } from '../../lib/qmp/address';
import { QmpFramer, type Piece } from '../../lib/qmp/framing';
import { Handshake, WATCH_COMMANDS } from '../../lib/qmp/handshake';
import { eventTime, readServerMessage, timeOfMessage } from '../../lib/qmp/message';
import { summaryLine } from '../../lib/qmp/summary';
import { RECORDED_EVENTS } from '../../scripts/fake-qmp';
import { describeWithShared, sharedPath } from '../support/shared';

/** Every piece of `text` fed in chunks of `size` characters. */
function cut(text: string, size: number, framer = new QmpFramer()): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...framer.push(text.slice(i, i + size)));
  return out;
}

describeWithShared('framing a real QEMU session', () => {
  // what QEMU 7.2.22 sent, a message a line, as it sends them: each followed by CRLF
  const messages = readFileSync(sharedPath('qemu-builds', 'qemu-7.2.22-x86_64.qmp'), 'utf8')
    .trimEnd()
    .split('\n')
    .filter((l) => !l.includes('"execute"'));
  const wire = messages.map((m) => m + '\r\n').join('') + RECORDED_EVENTS.map((e) => e + '\r\n').join('');
  const expected = [...messages, ...RECORDED_EVENTS].map((text) => ({ kind: 'message', text }));

  it.each([1, 2, 3, 7, 64, 4096, 65536, wire.length])('chunks of %i characters: each message once, whole', (size) => {
    expect(cut(wire, size)).toEqual(expected);
  });

  it('pretty=on output (a message over many lines) comes out on one line meaning the same', () => {
    const pretty = messages.map((m) => JSON.stringify(JSON.parse(m), null, 4).replace(/\n/g, '\r\n') + '\r\n');
    const pieces = cut(pretty.join(''), 1000);
    expect(pieces.map((p) => p.kind === 'message' && !/[\r\n]/.test(p.text))).toEqual(messages.map(() => true));
    expect(pieces.map((p) => JSON.parse(p.text) as unknown)).toEqual(messages.map((m) => JSON.parse(m) as unknown));
  });
});

describe('framing what is not QMP', () => {
  it('a line that cannot start a message is junk, up to its end; messages around it are whole', () => {
    const text = `HTTP/1.1 400 Bad Request\r\n${RECORDED_EVENTS[0]}\r\nSSH-2.0-OpenSSH_9.2\n`;
    expect(cut(text, 5)).toEqual([
      { kind: 'junk', text: 'HTTP/1.1 400 Bad Request' },
      { kind: 'message', text: RECORDED_EVENTS[0] },
      { kind: 'junk', text: 'SSH-2.0-OpenSSH_9.2' },
    ]);
  });

  it('braces and escapes inside strings do not end a message', () => {
    const text = '{"event": "X", "data": {"s": "}\\"{]"}}{"event": "Y"}';
    expect(cut(text, 3).map((p) => p.text)).toEqual(['{"event": "X", "data": {"s": "}\\"{]"}}', '{"event": "Y"}']);
  });

  it('a message over the cap is reported once and skipped to its end; the next one is whole', () => {
    const framer = new QmpFramer(100);
    const big = `{"event": "BIG", "data": {"s": "${'x'.repeat(1000)}"}}`;
    const pieces = cut(big + RECORDED_EVENTS[1], 30, framer);
    expect(pieces.map((p) => p.kind)).toEqual(['too-large', 'message']);
    expect(pieces[1]!.text).toBe(RECORDED_EVENTS[1]);
    expect(framer.held).toBe(0);
  });

  it('an endless line is junk in pieces of the cap, never held whole', () => {
    const framer = new QmpFramer(100);
    const pieces = cut('A'.repeat(1050), 64, framer);
    expect(pieces.map((p) => p.text.length)).toEqual(Array(10).fill(100));
    expect(framer.held).toBeLessThanOrEqual(100);
  });

  it('the end of the stream gives the message it cut off, as far as it came', () => {
    const framer = new QmpFramer();
    expect(framer.push('{"event": "STOP", "timest')).toEqual([]);
    expect(framer.open).toBe(true);
    expect(framer.end()).toEqual({ kind: 'message', text: '{"event": "STOP", "timest' });
    expect(framer.end()).toBeNull();
  });
});

describeWithShared('opening a session', () => {
  const recorded = readFileSync(sharedPath('qemu-builds', 'qemu-7.2.22-x86_64.qmp'), 'utf8').split('\n');
  const greeting = recorded[0]!;
  const message = (text: string): Piece => ({ kind: 'message', text });

  it('the greeting, then the three commands one after another, each sent once its predecessor is answered', () => {
    const h = new Handshake();
    const sent: string[] = [];
    const step1 = h.receive(message(greeting));
    expect(h.greeting).toMatchObject({ version: '7.2.22', package: 'Debian 1:7.2+dfsg-7+deb12u18+b3' });
    for (let k = 0, step = step1; k < WATCH_COMMANDS.length; k++) {
      expect(step.kind).toBe('send');
      const command = JSON.parse((step as { text: string }).text) as { execute: string; id: string };
      sent.push(command.execute);
      // an event may come first (capabilities are negotiated): the command still waits for its reply
      if (k > 0) expect(h.receive(message(RECORDED_EVENTS[0]!))).toEqual({ kind: 'wait' });
      step = h.receive(message(`{"return": ${k === 2 ? '[{"meta-type": "event"}]' : '{}'}, "id": "${command.id}"}`));
      if (k === 2) expect(step).toEqual({ kind: 'open' });
    }
    expect(sent).toEqual(['qmp_capabilities', 'query-version', 'query-qmp-schema']);
    expect(h.isOpen).toBe(true);
  });

  it.each([
    [
      'junk',
      { kind: 'junk', text: 'HTTP/1.1 400 Bad Request' },
      'not a QMP server: it sent "HTTP/1.1 400 Bad Request", which is not JSON',
    ],
    [
      'a message that is no greeting',
      message('{"execute": "qmp_capabilities"}'),
      'not a QMP server: it sent "{\\"execute\\": \\"qmp_capabilities\\"}" where a QMP greeting {"QMP": …} belongs',
    ],
  ] as const)('before the greeting, %s: not a QMP server', (_, piece, text) => {
    expect(new Handshake().receive(piece as Piece)).toEqual({ kind: 'fault', message: text });
  });

  it('an error in reply to qmp_capabilities is a refusal, with QEMU class and text', () => {
    const h = new Handshake();
    h.receive(message(greeting));
    const refusal =
      '{"error": {"class": "CommandNotFound", "desc": "Capabilities negotiation is already complete, command ignored"}, "id": "watch-1"}';
    expect(h.receive(message(refusal))).toEqual({
      kind: 'fault',
      message:
        'QEMU refused capabilities negotiation (qmp_capabilities): CommandNotFound: Capabilities negotiation is already complete, command ignored',
    });
  });

  it('what an early end or silence means, by how far the session got', () => {
    const h = new Handshake();
    expect(h.endedEarly(0)).toMatch(/closed before any greeting/);
    expect(h.endedEarly(40)).toBe('the connection closed in the middle of the greeting (after 40 characters of it)');
    expect(h.timedOut(10)).toMatch(/^no QMP greeting within 10 s: not a QMP server, or a monitor already serving/);
    h.receive(message(greeting));
    expect(h.endedEarly(0)).toBe('the connection closed before QEMU answered qmp_capabilities');
    expect(h.timedOut(2)).toBe('QEMU did not answer qmp_capabilities within 2 s');
  });
});

describe('addresses', () => {
  it.each([
    ['/run/qemu/mon.sock', { kind: 'unix', path: '/run/qemu/mon.sock' }],
    ['mon.sock', { kind: 'unix', path: 'mon.sock' }],
    ['./a:1', { kind: 'unix', path: './a:1' }],
    ['unix:/tmp/a.sock,server=on,wait=off', { kind: 'unix', path: '/tmp/a.sock' }],
    ['unix:/tmp/a,,b.sock,server=on', { kind: 'unix', path: '/tmp/a,b.sock' }],
    ['127.0.0.1:4444', { kind: 'tcp', host: '127.0.0.1', port: 4444 }],
    ['localhost:4444', { kind: 'tcp', host: 'localhost', port: 4444 }],
    ['[::1]:4444', { kind: 'tcp', host: '::1', port: 4444 }],
    ['tcp:127.0.0.1:4444,server=on,wait=off', { kind: 'tcp', host: '127.0.0.1', port: 4444 }],
    [':4444', { kind: 'tcp', host: 'localhost', port: 4444 }],
  ])('%s', (typed, address) => {
    expect(parseQmpAddress(typed)).toEqual(address);
  });

  it.each([
    ['', 'the address is empty'],
    ['host:0', "'host:0': the port must be 1 to 65535"],
    ['tcp:host', "'tcp:host' is not host:port"],
    ['unix:', "'unix:' names no socket"],
  ])('%j: %s', (typed, error) => {
    expect(parseQmpAddress(typed)).toEqual({ error });
  });
});

describe('messages and times', () => {
  it('an event says its name and its own time, to the microsecond, in UTC', () => {
    expect(readServerMessage(RECORDED_EVENTS[2]!)).toEqual({
      kind: 'event',
      name: 'RESET',
      time: '2026-12-06T10:14:03.146516Z',
    });
  });

  it("QEMU's own layout is read in place, any other through JSON, to the same time", () => {
    for (const e of RECORDED_EVENTS) {
      const reordered = JSON.stringify(JSON.parse(e), [
        'event',
        'data',
        'guest',
        'reason',
        'timestamp',
        'seconds',
        'microseconds',
      ]);
      expect(timeOfMessage(e)).toBe((readServerMessage(e) as { time: string }).time);
      expect(timeOfMessage(reordered)).toBe(timeOfMessage(e));
    }
    expect(timeOfMessage('{"timestamp": {"seconds": 1, "microseconds": 1234567}, "event": "STOP"}')).toBeNull();
    expect(timeOfMessage('{"return": {}}')).toBeNull();
  });

  it.each([
    [{ seconds: 1, microseconds: 1_000_000 }],
    [{ seconds: -1, microseconds: -1 }],
    [{ seconds: 1.5, microseconds: 0 }],
    [{ seconds: 1e300, microseconds: 0 }],
    ['now'],
  ])('no time from %j', (timestamp) => {
    expect(eventTime(timestamp)).toBeNull();
  });

  it('what is not a JSON object, and an object of no known shape', () => {
    expect(readServerMessage('{"event": ')).toEqual({ kind: 'not-json' });
    expect(readServerMessage('[1]')).toEqual({ kind: 'not-json' });
    expect(readServerMessage('{"x": 1}')).toEqual({ kind: 'other' });
  });

  it('the summary counts events apart from anything else, and says why the watch ended', () => {
    const tally = { events: { valid: 3, invalid: 1 }, others: { valid: 0, invalid: 0 } };
    expect(summaryLine(tally, { kind: 'until', event: 'RESET' }, 2345)).toBe(
      'events: 3 valid, 1 invalid in 2.3 s; RESET arrived (--until)',
    );
    const more = { ...tally, others: { valid: 0, invalid: 2 } };
    expect(summaryLine(more, { kind: 'closed' }, 50)).toBe(
      'events: 3 valid, 1 invalid; other messages: 0 valid, 2 invalid in 0.1 s; QEMU closed the connection',
    );
  });
});
