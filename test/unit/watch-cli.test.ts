// `qapi-explorer watch` against a fake monitor that replays what Debian's
// QEMU 7.2.22 said (../shared/qemu-builds: its greeting, version and schema;
// RECORDED_EVENTS: events it sent): one verdict per event in arrival order,
// validate's JSON records, a --record that validate and the /validate
// page's worker read back to the same verdicts, the ways a watch ends, and
// exit 2 with its message for each way a session cannot open.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerCore } from '../../components/validator/worker-core';
import type { FromWorker } from '../../components/validator/protocol';
import { run as validate } from '../../cli/validate';
import { run } from '../../cli/watch';
import { readIntrospection } from '../../lib/qapi/introspect/index';
import {
  eventStream,
  RECORDED_EVENTS,
  startFakeQmp,
  streamIndex,
  type FakeQmp,
  type FakeQmpOptions,
} from '../../scripts/fake-qmp';
import { runCommand } from '../support/cli-io';
import { describeWithQemu, describeWithShared, qemuTree, ROOT, sharedPath } from '../support/shared';
import { startWatch } from '../support/watch-run';

const dir = mkdtempSync(path.join(tmpdir(), 'qapi-watch-'));
const SEED = '10.2.2+vfio-migration-prepare';
/** An event 7.2.22 lacks (it came with the seed patch), and a RESET whose reason is no ShutdownCause. */
const VFIO =
  '{"timestamp": {"seconds": 1, "microseconds": 2}, "event": "VFIO_MIGRATION_PREPARE", "data": {"device-id": "v0", ' +
  '"qom-path": "/machine/peripheral/v0", "device-state": "stop-copy"}}';
const BAD_RESET =
  '{"timestamp": {"seconds": 1, "microseconds": 3}, "event": "RESET", "data": {"guest": false, "reason": "bogus"}}';

/** The names of RECORDED_EVENTS, the order eventStream cycles through them. */
const NAMES = ['STOP', 'RESUME', 'RESET', 'SHUTDOWN'];

let servers: FakeQmp[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function fake(options: Partial<FakeQmpOptions> = {}): Promise<FakeQmp> {
  const recording = readFileSync(sharedPath('qemu-builds', 'qemu-7.2.22-x86_64.qmp'), 'utf8');
  const server = await startFakeQmp({ recording, ...options });
  servers.push(server);
  return server;
}

const fails = async (args: string[]) => {
  const r = await runCommand(run, args);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  return r.stderr;
};

const lines = (out: string[]) => out.join('').trimEnd().split('\n');
const records = (out: string[]) => lines(out).map((l) => JSON.parse(l) as Record<string, unknown>);

describeWithShared('watch: a session', () => {
  it('one verdict per event, in order, against the QEMU own schema; only the three commands are sent', async () => {
    const server = await fake({ events: () => eventStream(8) });
    const w = startWatch([server.address]);
    expect(await w.done).toBe(0);
    expect(server.received.map((c) => (JSON.parse(c) as { execute: string }).execute)).toEqual([
      'qmp_capabilities',
      'query-version',
      'query-qmp-schema',
    ]);
    expect(lines(w.out)).toEqual([
      ...Array.from(
        { length: 8 },
        (_, i) => `2026-12-06T10:14:03.${String(i).padStart(6, '0')}Z event ${NAMES[i % 4]}: valid`,
      ),
      expect.stringMatching(/^events: 8 valid, 0 invalid in \d+\.\d s; QEMU closed the connection$/),
    ]);
    expect(w.err).toEqual([
      `qapi-explorer watch: QEMU 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3) at ${server.address}, 52 events in its schema\n`,
    ]);
  });

  it('--until ends after the first such event, --duration after its time, an interrupt at once: each with its summary', async () => {
    const until = startWatch([(await fake({ events: () => eventStream(8), hold: true })).address, '--until', 'RESET']);
    expect(await until.done).toBe(0);
    expect(lines(until.out).map((l) => l.replace(/^\d\S+ /, ''))).toEqual([
      'event STOP: valid',
      'event RESUME: valid',
      'event RESET: valid',
      expect.stringMatching(/^events: 3 valid, 0 invalid in .* s; RESET arrived \(--until\)$/),
    ]);
    const duration = startWatch([(await fake({ hold: true })).address, '--duration', '0.2']);
    expect(await duration.done).toBe(0);
    expect(lines(duration.out)).toEqual([
      expect.stringMatching(/^events: 0 valid, 0 invalid in .* s; --duration 0.2 s reached$/),
    ]);
    const ctrlC = new AbortController();
    const interrupted = startWatch([(await fake({ hold: true })).address], { interrupt: ctrlC.signal });
    await interrupted.opened;
    ctrlC.abort();
    expect(await interrupted.done).toBe(0);
    expect(lines(interrupted.out)).toEqual([expect.stringMatching(/; interrupted$/)]);
  });

  it('Ctrl-C (SIGINT) to the command ends it with its summary, exit 0', async () => {
    const server = await fake({ events: () => eventStream(2), hold: true });
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'qapi-explorer.cjs'), 'watch', server.address]);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (t: Buffer) => t.includes(' events in its schema') && resolve()),
    );
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toMatch(/event RESUME: valid\nevents: 2 valid, 0 invalid in \S+ s; interrupted\n$/);
  });

  it('--until an event the QEMU does not have: exit 2, with the names it has that are near', async () => {
    const r = startWatch([(await fake({ hold: true })).address, '--until', 'STOPP']);
    expect(await r.done).toBe(2);
    expect(r.err.at(-1)).toMatch(/: --until STOPP: QEMU 7\.2\.22 has no such event \(did you mean 'STOP'/);
  });
});

describeWithQemu(SEED, 'watch: accepted by, --format json, --record read back', () => {
  const events = [RECORDED_EVENTS[0]!, VFIO, BAD_RESET, RECORDED_EVENTS[3]!];

  it("validate's records with 'accepted' for each --schema; the record is read back by validate to the same records", async () => {
    const server = await fake({ events: () => events });
    const record = path.join(dir, 'session.qmp');
    const schema = ['--schema', qemuTree(SEED)];
    const w = startWatch([server.address, '--format', 'json', '--record', record, ...schema]);
    expect(await w.done).toBe(1);
    const watched = records(w.out);
    expect(watched.map((r) => [r.name, r.valid, r.accepted])).toEqual([
      ['STOP', true, { '7.2.22': true, [SEED]: true }],
      ['VFIO_MIGRATION_PREPARE', false, { '7.2.22': false, [SEED]: true }],
      ['RESET', false, { '7.2.22': false, [SEED]: false }],
      ['SHUTDOWN', true, { '7.2.22': true, [SEED]: true }],
    ]);
    expect(watched[2]!.issues).toEqual([expect.objectContaining({ code: 'enum-value', path: '/data/reason' })]);
    expect(w.err.at(-1)).toMatch(/^events: 2 valid, 2 invalid in .* s; QEMU closed the connection\n$/);
    // the record is the session: its schema and its messages, one a line, in order
    const text = readFileSync(record, 'utf8');
    expect(text.split('\n').filter((l) => l.startsWith('<- {"timestamp"'))).toEqual(events.map((e) => `<- ${e}`));
    const again = await runCommand(validate, ['--format', 'json', '--schema', record, ...schema, record]);
    expect(again.status).toBe(1);
    const validated = lines([again.stdout]).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(validated.filter((r) => r.kind === 'event')).toEqual(watched);
  });

  it('the /validate page reads the record back: its schema as "your QEMU", its events to the same verdicts', async () => {
    const server = await fake({ events: () => events });
    const record = path.join(dir, 'page.qmp');
    const w = startWatch([server.address, '--format', 'json', '--record', record]);
    expect(await w.done).toBe(1);
    const text = readFileSync(record, 'utf8');
    const posted: FromWorker[] = [];
    const core = new WorkerCore(
      () => Promise.reject(new Error('no release models here')),
      (m) => posted.push(m),
      undefined,
      async () => undefined,
      async (t, name) => readIntrospection(t, name),
    );
    await core.handle({ type: 'introspect', id: 1, key: 'rec', fileName: 'page.qmp', text });
    expect(posted[0]).toMatchObject({ type: 'introspected', name: '7.2.22' });
    const options = { mode: 'strict', deprecated: 'warn' } as const;
    await core.handle({ type: 'validate', id: 2, modelUrl: 'own:rec', text, options });
    const result = posted.find((m) => m.type === 'result') as Extract<FromWorker, { type: 'result' }>;
    const onPage = result.result.messages
      .filter((m) => m.kind === 'event')
      .map((m) => ({ name: m.name, valid: m.valid, issues: m.issues.map((i) => [i.code, i.path, i.line, i.col]) }));
    const watched = records(w.out).map((r) => ({
      name: r.name,
      valid: r.valid,
      issues: (r.issues as { code: string; path: string; line: number; col: number }[]).map((i) => [
        i.code,
        i.path,
        i.line,
        i.col,
      ]),
    }));
    expect(onPage).toEqual(watched);
  });
});

describe('watch: a session that cannot open exits 2, saying why', () => {
  it('no such socket; a file that is not a socket; nothing listening on a port', async () => {
    const missing = path.join(dir, 'missing.sock');
    expect(await fails([missing])).toBe(`qapi-explorer watch: ${missing}: no such socket\n`);
    const file = path.join(dir, 'plain-file');
    writeFileSync(file, 'not a socket');
    expect(await fails([file])).toBe(`qapi-explorer watch: ${file}: not a socket\n`);
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await fails([`127.0.0.1:${port}`])).toBe(
      `qapi-explorer watch: 127.0.0.1:${port}: connection refused (nothing listens there)\n`,
    );
  });

  it('a plain TCP echo server (it waits to be spoken to), and one that answers in its own protocol', async () => {
    const echo = net.createServer((s) => s.pipe(s));
    const http = net.createServer((s) => s.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n'));
    for (const s of [echo, http]) await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const at = (s: net.Server) => `127.0.0.1:${(s.address() as net.AddressInfo).port}`;
    try {
      expect(await fails([at(echo), '--timeout', '0.5'])).toBe(
        `qapi-explorer watch: ${at(echo)}: no QMP greeting within 0.5 s: not a QMP server, or a monitor already ` +
          'serving another client (QEMU serves one client per monitor: give watch one of its own, e.g. a second -qmp)\n',
      );
      expect(await fails([at(http)])).toBe(
        `qapi-explorer watch: ${at(http)}: not a QMP server: it sent "HTTP/1.1 400 Bad Request", which is not JSON\n`,
      );
    } finally {
      for (const s of [echo, http]) s.close();
    }
  });

  it('usage errors: no address, a bad address, a bad number of seconds, an unknown option', async () => {
    for (const [args, first] of [
      [[], "qapi-explorer watch: missing the monitor's address (a Unix socket's path, or host:port)"],
      [['host:99999'], "qapi-explorer watch: 'host:99999': the port must be 1 to 65535"],
      [['a.sock', '--duration', 'soon'], "qapi-explorer watch: --duration takes a number of seconds, not 'soon'"],
      [['a.sock', '--nope'], "qapi-explorer watch: unknown option '--nope'"],
      [['a.sock', '--record'], 'qapi-explorer watch: --record needs a value'],
    ] as const) {
      expect((await fails([...args])).split('\n')[0]).toBe(first);
    }
  });
});

describeWithShared('watch: a QEMU that breaks off the opening exits 2, saying why', () => {
  it('a QEMU that closes in the middle of its greeting; one that refuses capabilities negotiation', async () => {
    const half = await fake({ fault: 'half-greeting' });
    expect(await fails([half.address])).toMatch(
      /: the connection closed in the middle of the greeting \(after \d+ characters of it\)\n$/,
    );
    const refuses = await fake({ fault: 'refuse' });
    expect(await fails([refuses.address])).toBe(
      `qapi-explorer watch: ${refuses.address}: QEMU refused capabilities negotiation (qmp_capabilities): ` +
        'CommandNotFound: Capabilities negotiation is already complete, command ignored\n',
    );
  });
});

describeWithShared('watch: what a QEMU says is shown, never obeyed; what it sends is bounded', () => {
  it('control and bidi characters in its build string and event names are escaped on the terminal', async () => {
    const hostile = '\u001b]0;owned\u0007\u202e';
    const recording = readFileSync(sharedPath('qemu-builds', 'qemu-7.2.22-x86_64.qmp'), 'utf8').replace(
      '"package": "Debian',
      `"package": ${JSON.stringify(hostile).slice(0, -1)} Debian`,
    );
    const event = `{"timestamp": {"seconds": 1, "microseconds": 0}, "event": ${JSON.stringify(`X${hostile}`)}}`;
    const server = await startFakeQmp({ recording, events: () => [event] });
    servers.push(server);
    const w = startWatch([server.address]);
    expect(await w.done).toBe(1);
    const said = w.out.join('') + w.err.join('');
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(said).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(w.err[0]).toContain('(\\u001b]0;owned\\u0007\\u202e Debian 1:7.2+dfsg-7+deb12u18+b3)');
    expect(w.out[0]).toContain('event X\\u001b]0;owned\\u0007\\u202e: INVALID');
  });

  it('a QEMU that sends events but never answers: given up once the cap on the opening is reached, exit 2', async () => {
    const server = await fake({ fault: 'mute', events: () => eventStream(5000), hold: true });
    const w = startWatch([server.address], { maxOpening: 100_000 });
    expect(await w.done).toBe(2);
    expect(w.err.at(-1)).toBe(
      `qapi-explorer watch: ${server.address}: over 100000 characters came without the reply to query-version: given up\n`,
    );
  });
});

describeWithShared('watch: a flood of events', () => {
  it(
    '100,000 events: each seen once, in order; memory after 100,000 as after 10,000',
    { timeout: 600_000 },
    async () => {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      const heap = () => {
        gc();
        const m = process.memoryUsage();
        return m.heapUsed + m.external;
      };
      const COUNT = 100_000;
      // from the session's opening on: no backlog of events that came while it opened is still in hand at 10,000
      const server = await fake({ events: () => eventStream(COUNT), eventsFrom: 'schema' });
      let seen = 0;
      let pending = '';
      const samples: Record<number, number> = {};
      const w = startWatch([server.address], {
        onOut: (text) => {
          const lines = (pending + text).split('\n');
          pending = lines.pop()!;
          for (const line of lines) {
            if (line.startsWith('events: ')) continue;
            // the time says which event of the stream this is (eventStream: one microsecond apart)
            const m = /^(\S+) event (\w+): valid$/.exec(line);
            expect(m, line).not.toBeNull();
            const [, time, name] = m!;
            expect(streamIndex(Date.parse(time!.slice(0, 19) + 'Z') / 1000, Number(time!.slice(20, 26)))).toBe(seen);
            expect(name).toBe(NAMES[seen % 4]);
            seen++;
            if (seen === 10_000 || seen === COUNT) samples[seen] = heap();
          }
        },
      });
      expect(await w.done).toBe(0);
      expect(seen).toBe(COUNT);
      // flat: what 90,000 more events leave behind is under 4 MiB (a leak of 50 bytes an event would show)
      expect(samples[COUNT]! - samples[10_000]!).toBeLessThan(4 * 1024 * 1024);
    },
  );
});
