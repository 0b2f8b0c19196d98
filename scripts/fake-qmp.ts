// A fake QMP monitor for the tests and the benchmark of `watch`: it replays
// what a real QEMU said. Receives a recording (any text holding a QMP
// greeting and the replies to query-version and query-qmp-schema, a message
// a line, '->' / '<-' markers allowed: ../shared/qemu-builds/*.qmp, or a
// record of `watch`) and the events to send; listens on an ephemeral TCP port
// of 127.0.0.1 or on a Unix socket. To each client it sends the recorded
// greeting, answers qmp_capabilities, query-version and query-qmp-schema
// with the recorded replies (and any other command with QEMU's
// CommandNotFound), then writes the events as fast as the client reads them
// (honouring backpressure, so a slow client is never buried) or at a given
// rate, and once the session is open closes, as QEMU does when it quits.
// A few faults on request: closing in the middle of the greeting, refusing
// capabilities negotiation, answering nothing after it.
import net from 'node:net';
import { QmpFramer } from '../lib/qmp/framing';

/**
 * Events as Debian 12's qemu-system-x86 (QEMU 7.2.22, `-M none`) sent them to a second monitor after stop, cont,
 * system_reset and quit on the first, byte for byte but for the timestamps (which eventStream rewrites).
 */
export const RECORDED_EVENTS = [
  '{"timestamp": {"seconds": 1796552043, "microseconds": 145854}, "event": "STOP"}',
  '{"timestamp": {"seconds": 1796552043, "microseconds": 146178}, "event": "RESUME"}',
  '{"timestamp": {"seconds": 1796552043, "microseconds": 146516}, "event": "RESET", "data": {"guest": false, "reason": "host-qmp-system-reset"}}',
  '{"timestamp": {"seconds": 1796552043, "microseconds": 668878}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}',
];

/** The first second of eventStream's timestamps: event i is at FIRST_SECOND + i µs. */
export const FIRST_SECOND = 1796552043;

/**
 * `count` events cycling through `templates`, event i stamped FIRST_SECOND + i microseconds, so each says its own
 * place in the stream; made one at a time as the server writes them.
 */
export function* eventStream(count: number, templates: readonly string[] = RECORDED_EVENTS): Generator<string> {
  const parts = templates.map((t) => {
    const m = /"timestamp": \{[^}]*\}/.exec(t);
    if (!m) throw new Error(`no timestamp in ${t}`);
    return [t.slice(0, m.index), t.slice(m.index + m[0].length)] as const;
  });
  for (let i = 0; i < count; i++) {
    const [before, after] = parts[i % parts.length]!;
    const seconds = FIRST_SECOND + Math.floor(i / 1e6);
    yield `${before}"timestamp": {"seconds": ${seconds}, "microseconds": ${i % 1e6}}${after}`;
  }
}

/** The place in eventStream of an event stamped `seconds`, `microseconds`. */
export const streamIndex = (seconds: number, microseconds: number): number =>
  (seconds - FIRST_SECOND) * 1e6 + microseconds;

export interface FakeQmpOptions {
  recording: string;
  /** the events to send after capabilities negotiation, made when the server gets to them */
  events?: () => Iterable<string>;
  /** after the events, keep the connection open (until the client or close() ends it) instead of closing it */
  hold?: boolean;
  /**
   * 'half-greeting': send half of the greeting, then close; 'refuse': answer qmp_capabilities with an error;
   * 'mute': answer qmp_capabilities, then nothing (the events still come)
   */
  fault?: 'half-greeting' | 'refuse' | 'mute';
  /** listen on this Unix socket instead of 127.0.0.1 */
  path?: string;
  /** when the events start: once capabilities are negotiated, as QEMU's do (default), or once the schema is sent */
  eventsFrom?: 'capabilities' | 'schema';
  /** send the events at this many per second (by default, as fast as the client reads them) */
  rate?: number;
  /** called when the events start, with performance.now() */
  onStart?: (at: number) => void;
}

export interface FakeQmp {
  /** what `watch` takes: host:port or the socket's path */
  address: string;
  /** the commands clients sent, as sent */
  received: string[];
  close(): Promise<void>;
}

interface Recorded {
  greeting: string;
  version: unknown;
  schema: unknown;
}

function readRecording(text: string): Recorded {
  let greeting: string | undefined;
  let version: unknown;
  let schema: unknown;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s*(<-|->)\s*/, '').trimEnd();
    if (!line.startsWith('{')) continue;
    const v = JSON.parse(line) as Record<string, unknown>;
    const ret = v.return as Record<string, unknown> | unknown[] | undefined;
    if (v.QMP) greeting ??= line;
    else if (Array.isArray(ret) && ret.length && Object.hasOwn(ret[0] as object, 'meta-type')) schema ??= ret;
    else if (ret && !Array.isArray(ret) && ret.qemu) version ??= ret;
  }
  if (!greeting || version === undefined || schema === undefined)
    throw new Error('the recording lacks a greeting, a query-version reply or a query-qmp-schema reply');
  return { greeting, version, schema };
}

const reply = (value: unknown, id: unknown) =>
  `{"return": ${JSON.stringify(value)}${id === undefined ? '' : `, "id": ${JSON.stringify(id)}`}}\r\n`;

/** Write `text`; resolves once the socket can take more (or has gone away). */
function send(socket: net.Socket, text: string): Promise<void> {
  if (socket.destroyed) return Promise.resolve();
  if (socket.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

/** The events, then (unless held) the end of the connection, once the session has opened (`opened`). */
async function sendEvents(
  socket: net.Socket,
  events: Iterable<string>,
  options: FakeQmpOptions,
  opened: Promise<void>,
): Promise<void> {
  const source = events[Symbol.iterator]();
  const startedAt = performance.now();
  options.onStart?.(startedAt);
  for (let sent = 0, done = false; !done && !socket.destroyed;) {
    // as fast as the client reads, or at `rate`: each pass sends what is due by now, at most 64 KiB
    const due = options.rate ? Math.floor(((performance.now() - startedAt) * options.rate) / 1000) - sent : Infinity;
    let batch = '';
    for (let k = 0; k < due && batch.length < 65536; k++) {
      const next = source.next();
      if ((done = !!next.done)) break;
      batch += next.value + '\r\n';
      sent++;
    }
    if (batch) await send(socket, batch);
    else if (!done) await new Promise((r) => setTimeout(r, 1));
  }
  await opened;
  if (!options.hold) socket.end();
}

export async function startFakeQmp(options: FakeQmpOptions): Promise<FakeQmp> {
  const recorded = readRecording(options.recording);
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    if (options.fault === 'half-greeting') {
      socket.end(recorded.greeting.slice(0, recorded.greeting.length >> 1));
      return;
    }
    socket.write(recorded.greeting + '\r\n');
    const framer = new QmpFramer();
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    socket.on('data', (chunk: string) => {
      for (const piece of framer.push(chunk)) {
        received.push(piece.text);
        if (options.fault === 'mute' && received.length > 1) continue;
        const command = JSON.parse(piece.text) as { execute?: string; id?: unknown };
        if (command.execute === 'qmp_capabilities' && options.fault === 'refuse') {
          const desc = 'Capabilities negotiation is already complete, command ignored';
          socket.write(
            `{"error": {"class": "CommandNotFound", "desc": "${desc}"}, "id": ${JSON.stringify(command.id)}}\r\n`,
          );
        } else if (command.execute === 'qmp_capabilities') {
          socket.write(reply({}, command.id));
          const start = options.eventsFrom === 'schema' ? opened : Promise.resolve();
          void start.then(() => sendEvents(socket, options.events?.() ?? [], options, opened));
        } else if (command.execute === 'query-version') socket.write(reply(recorded.version, command.id));
        else if (command.execute === 'query-qmp-schema') {
          socket.write(reply(recorded.schema, command.id));
          open();
        } else {
          const desc = `The command ${String(command.execute)} has not been found`;
          socket.write(`{"error": {"class": "CommandNotFound", "desc": "${desc}"}}\r\n`);
        }
      }
    });
  });
  await new Promise<void>((resolve) =>
    options.path ? server.listen(options.path, resolve) : server.listen(0, '127.0.0.1', resolve),
  );
  const where = server.address();
  const address = typeof where === 'string' ? where : `127.0.0.1:${where!.port}`;
  return {
    address,
    received,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
