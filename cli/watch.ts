// `qapi-explorer watch`: check a running QEMU's events as they happen,
// against its own schema. Receives argv after 'watch' (a monitor's address,
// options); connects, opens the session (lib/qmp/handshake.ts: three
// commands, never another), reads the QEMU's schema from its
// query-qmp-schema reply, and guarantees one verdict per event in arrival
// order (with "accepted by" for each --schema), the session in --record as a
// transcript, a summary at the end, and exit 0 (every event valid), 1 (some
// invalid) or 2 (usage, or could not connect or negotiate). Reading pauses
// while output is drained, so memory stays flat however fast events come.
import { closeSync, openSync, writeSync } from 'node:fs';
import type net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ReleaseSessions, acceptedRecord, acceptedText, loadSchemaRoots, type SchemaRoot } from './accepted';
import { isOption, misplacedArgument } from './args';
import type { CliIO } from './main';
import { connectQmp } from './qmp-socket';
import { messageRecord } from './validate';
import { QapiError } from '../lib/qapi/error';
import { readIntrospection } from '../lib/qapi/introspect/index';
import type { SchemaModel } from '../lib/qapi/model';
import { addressText, parseQmpAddress, type QmpAddress } from '../lib/qmp/address';
import { MAX_PIECE, QmpFramer, type Piece } from '../lib/qmp/framing';
import { Handshake } from '../lib/qmp/handshake';
import { timeOf, timeOfMessage } from '../lib/qmp/message';
import { recordLine } from '../lib/qmp/record';
import { summaryLine, type WatchEnd, type WatchTally } from '../lib/qmp/summary';
import { escapeForTerminal, formatLiveMessage } from '../lib/validate/format';
import { quote } from '../lib/validate/quote';
import { createValidator } from '../lib/validate/index';
import { didYouMean } from '../lib/validate/suggest';
import type { MessageResult, ValidationSession, ValidatorOptions } from '../lib/validate/types';

export const WATCH_USAGE = `Usage: qapi-explorer watch <unix-socket-path | host:port> [--schema <root>]… [options]

Check a running QEMU's events as they happen, against its own schema.  Connects
to a QMP monitor, sends qmp_capabilities, query-version and query-qmp-schema
(never anything else), then prints one line per event as it arrives: its time,
name and verdict, each issue at its JSON path, and which schemas accept it.
QEMU sends every event to every QMP monitor: give watch a monitor of its own
(one more -qmp unix:/path,server=on,wait=off), beside the one your management
software uses.  QEMU's own spelling (unix:PATH, tcp:HOST:PORT) is accepted.

Options:
  --schema <root>        also check every event against this schema (a tree's
                         root, or a query-qmp-schema reply); may be repeated:
                         each line then says which schemas accept the event
                         ("accepted by") and why the others do not
  --format text|json     text (default), or one JSON object per message per
                         line, as 'validate --format json' writes them
  --record <file>        write the session to <file> as a transcript ('->' and
                         '<-' lines) that validate and the /validate page read
                         back; it holds the QEMU's schema as well:
                         qapi-explorer validate --schema <file> <file>
  --duration <seconds>   stop after this long
  --until <EVENT>        stop after the first event named EVENT
  --timeout <seconds>    how long to wait for the greeting and for each reply
                         while the session opens (default 10)
  --lenient              unknown members are warnings, not errors
  --deprecated=error     deprecated members, values and events are errors
  -h, --help             show this help

Ends when QEMU closes the connection, on --duration, on --until or on Ctrl-C,
with a summary.  Nothing is retried: a lost connection ends the watch.
Exit status: 0 every event valid, 1 some event invalid, 2 usage error, or the
connection or the session could not be opened.
`;

interface WatchArgs {
  address: QmpAddress;
  schemas: string[];
  format: 'text' | 'json';
  record: string | null;
  durationMs: number | null;
  until: string | null;
  timeoutMs: number;
  options: ValidatorOptions;
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`qapi-explorer watch: ${message}\n\n${WATCH_USAGE}`);
  return 2;
}

const seconds = (v: string): number | null => (/^\d+(\.\d+)?$/.test(v) && Number(v) > 0 ? Number(v) * 1000 : null);

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  lenient: { type: 'boolean' },
  schema: { type: 'string' },
  format: { type: 'string' },
  record: { type: 'string' },
  duration: { type: 'string' },
  until: { type: 'string' },
  timeout: { type: 'string' },
  deprecated: { type: 'string' },
} as const;

function parseWatchArgs(args: string[], io: CliIO): WatchArgs | number {
  // strict: false hands every word back as a token, so the messages below are ours
  const { tokens } = parseArgs({ args, strict: false, allowPositionals: true, tokens: true, options: OPTIONS });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) {
    io.stdout(WATCH_USAGE);
    return 0;
  }
  const out: Omit<WatchArgs, 'address'> = {
    schemas: [],
    format: 'text',
    record: null,
    durationMs: null,
    until: null,
    timeoutMs: 10_000,
    options: {},
  };
  let operand: string | undefined;
  for (const t of tokens) {
    if (t.kind === 'positional') {
      if (operand !== undefined) return usageError(io, misplacedArgument(t.value));
      operand = t.value;
      continue;
    }
    if (t.kind !== 'option') continue;
    const spec = Object.hasOwn(OPTIONS, t.name) ? OPTIONS[t.name as keyof typeof OPTIONS] : undefined;
    if (!spec) return usageError(io, misplacedArgument(t.rawName));
    if (spec.type === 'boolean') {
      if (t.name === 'lenient') out.options.mode = 'lenient';
      continue;
    }
    const v = t.value;
    // a following word that looks like an option is more likely a forgotten value
    if (v === undefined || (isOption(v) && !t.inlineValue)) return usageError(io, `${t.rawName} needs a value`);
    switch (t.name) {
      case 'schema':
        out.schemas.push(v);
        break;
      case 'format':
        if (v !== 'text' && v !== 'json') return usageError(io, `--format takes 'text' or 'json', not '${v}'`);
        out.format = v;
        break;
      case 'record':
        out.record = v;
        break;
      case 'until':
        out.until = v;
        break;
      case 'deprecated':
        if (v !== 'error' && v !== 'warn') return usageError(io, `--deprecated takes 'error' or 'warn', not '${v}'`);
        out.options.deprecated = v;
        break;
      case 'duration':
      case 'timeout': {
        const ms = seconds(v);
        if (ms === null) return usageError(io, `--${t.name} takes a number of seconds, not '${v}'`);
        if (t.name === 'duration') out.durationMs = ms;
        else out.timeoutMs = ms;
        break;
      }
    }
  }
  if (operand === undefined)
    return usageError(io, "missing the monitor's address (a Unix socket's path, or host:port)");
  const address = parseQmpAddress(operand);
  if ('error' in address) return usageError(io, address.error);
  if (address.kind === 'unix') address.path = path.resolve(io.cwd, address.path);
  return { ...out, address };
}

/** What ends a watch early: a fault while the session opens (exit 2), or a chosen end (a summary). */
class Stop extends Error {
  constructor(readonly end: WatchEnd | { kind: 'fault'; message: string }) {
    super(end.kind);
  }
}

/** The running QEMU's schema and the --schema roots, checking the session's transcript as it grows. */
class LiveCheck {
  private readonly session: ValidationSession;
  private readonly others: ReleaseSessions;
  readonly tally: WatchTally = { events: { valid: 0, invalid: 0 }, others: { valid: 0, invalid: 0 } };

  constructor(
    model: SchemaModel,
    label: string,
    roots: SchemaRoot[],
    options: ValidatorOptions,
    private readonly format: 'text' | 'json',
    private readonly recordFile: string | undefined,
  ) {
    this.session = createValidator(model, options).session();
    this.others = new ReleaseSessions([{ file: label, model }, ...roots], options);
  }

  get labels(): string[] {
    return this.others.labels;
  }

  feed(text: string): MessageResult[] {
    this.others.feed(text);
    return this.session.feed(text);
  }

  end(): MessageResult[] {
    this.others.end();
    return this.session.end();
  }

  /** One message's lines of output, counted in the tally. */
  report(m: MessageResult, time: string): string {
    const tally = m.kind === 'event' ? this.tally.events : this.tally.others;
    if (m.valid) tally.valid++;
    else tally.invalid++;
    const accepted = this.others.active ? this.others.of(m) : null;
    if (this.format === 'json') {
      const record = messageRecord(m);
      return JSON.stringify(accepted ? { ...record, accepted: acceptedRecord(accepted) } : record) + '\n';
    }
    return formatLiveMessage(m, time, this.recordFile) + '\n' + (accepted ? acceptedText(accepted) + '\n' : '');
  }
}

/** What a test may set: an interrupt instead of the process's signals, a smaller cap on what may come before the session opens. */
export interface WatchHooks {
  interrupt?: AbortSignal;
  maxOpening?: number;
}

export async function run(args: string[], io: CliIO, hooks: WatchHooks = {}): Promise<number> {
  const parsed = parseWatchArgs(args, io);
  if (typeof parsed === 'number') return parsed;
  const roots = loadSchemaRoots(parsed.schemas, io, 'watch');
  if (typeof roots === 'number') return roots;
  let record: number | null = null;
  if (parsed.record !== null) {
    try {
      record = openSync(path.resolve(io.cwd, parsed.record), 'w');
    } catch (err) {
      io.stderr(`qapi-explorer watch: cannot write ${parsed.record}: ${(err as Error).message}\n`);
      return 2;
    }
  }
  try {
    const socket = await connectQmp(parsed.address, parsed.timeoutMs);
    if ('fault' in socket) {
      io.stderr(`qapi-explorer watch: ${escapeForTerminal(socket.fault)}\n`);
      return 2;
    }
    return await watch(socket, parsed, roots, record, io, hooks);
  } finally {
    if (record !== null) closeSync(record);
  }
}

async function watch(
  socket: net.Socket,
  args: WatchArgs,
  roots: SchemaRoot[],
  record: number | null,
  io: CliIO,
  { interrupt, maxOpening = MAX_PIECE }: WatchHooks,
): Promise<number> {
  const where = addressText(args.address);
  const framer = new QmpFramer();
  const handshake = new Handshake();
  const state = {
    /** the transcript until the session opens, checked at once when the schema is known */
    opening: '',
    live: null as LiveCheck | null,
    openedAt: 0,
    stopped: null as Stop | null,
  };
  const stop = (s: Stop) => {
    state.stopped ??= s;
    socket.destroy();
  };
  /** QEMU's own words (a build string, an error's text) and the address as typed: escaped for the terminal */
  const say = (message: string) => io.stderr(`qapi-explorer watch: ${escapeForTerminal(message)}\n`);
  // the greeting, and each reply, has --timeout seconds to come
  const waitStep = () =>
    setTimeout(
      () => stop(new Stop({ kind: 'fault', message: handshake.timedOut(args.timeoutMs / 1000) })),
      args.timeoutMs,
    );
  let stepTimer = waitStep();
  let durationTimer: NodeJS.Timeout | undefined;
  const onInterrupt = () => stop(new Stop({ kind: 'interrupted' }));
  const signals = interrupt ? [] : (['SIGINT', 'SIGTERM'] as const);
  interrupt?.addEventListener('abort', onInterrupt);
  // once: a second Ctrl-C ends the process the usual way, should the first be stuck
  for (const s of signals) process.once(s, onInterrupt);
  const write = (text: string) => {
    if (record !== null) writeSync(record, text);
  };

  const report = (live: LiveCheck, m: MessageResult, time: string): string => {
    if (args.until !== null && m.kind === 'event' && m.name === args.until)
      stop(new Stop({ kind: 'until', event: args.until }));
    return live.report(m, time);
  };

  /** The schema has come (`schemaReply`): the checks start on what came so far, and report its events. */
  const open = (schemaReply: string): string => {
    let model: SchemaModel;
    try {
      model = readIntrospection(state.opening, where);
    } catch (err) {
      if (!(err instanceof QapiError)) throw err;
      throw new Stop({ kind: 'fault', message: `its query-qmp-schema reply cannot be read: ${String(err)}` });
    }
    const events = model.entities.filter((e) => e.meta === 'event').map((e) => e.name);
    const greeting = handshake.greeting!;
    const qemu = `QEMU ${greeting.version ?? '(no version)'}`;
    if (args.until !== null && !events.includes(args.until)) {
      const near = didYouMean(args.until, events);
      throw new Stop({ kind: 'fault', message: `--until ${args.until}: ${qemu} has no such event${near}` });
    }
    const live = new LiveCheck(model, where, roots, args.options, args.format, args.record ?? undefined);
    state.live = live;
    state.openedAt = Date.now();
    clearTimeout(stepTimer);
    if (args.durationMs !== null) {
      const end = new Stop({ kind: 'duration', seconds: args.durationMs / 1000 });
      durationTimer = setTimeout(() => stop(end), args.durationMs);
    }
    const build = greeting.package ? ` (${quote(greeting.package)})` : '';
    const also = live.labels.length > 1 ? `; also checked against ${live.labels.slice(1).join(', ')}` : '';
    say(`${qemu}${build} at ${where}, ${events.length} events in its schema${also}`);
    const text = withoutSchema(state.opening, schemaReply);
    state.opening = '';
    let out = '';
    for (const m of live.feed(text)) {
      if (m.kind === 'event') out += report(live, m, timeIn(text.slice(m.start, m.end)));
      if (state.stopped) break;
    }
    return out;
  };

  const receive = (piece: Piece): string => {
    if (piece.kind === 'too-large' && state.live) {
      // not kept, so neither recorded nor checked: said, and counted as an invalid message
      state.live.tally.others.invalid++;
      say(`${where}: a message over the size cap skipped: ${JSON.stringify(piece.text.slice(0, 60))}…`);
      return '';
    }
    const line = recordLine('<-', piece.text);
    write(line);
    const live = state.live;
    if (live) {
      let out = '';
      for (const m of live.feed(line)) out += report(live, m, timeIn(piece.text));
      return out;
    }
    state.opening += line;
    if (state.opening.length > maxOpening) {
      const size = maxOpening >= 1 << 20 ? `${maxOpening >> 20} MiB` : `${maxOpening} characters`;
      const message = `over ${size} came without the reply to ${handshake.awaiting ?? 'the greeting'}: given up`;
      throw new Stop({ kind: 'fault', message });
    }
    const step = handshake.receive(piece);
    if (step.kind === 'fault') throw new Stop({ kind: 'fault', message: step.message });
    if (step.kind === 'send') {
      clearTimeout(stepTimer);
      stepTimer = waitStep();
      socket.write(step.text + '\n');
      const sent = recordLine('->', step.text);
      write(sent);
      state.opening += sent;
    }
    return step.kind === 'open' ? open(piece.text) : '';
  };

  try {
    try {
      for await (const chunk of socket as AsyncIterable<string>) {
        let out = '';
        for (const piece of framer.push(chunk)) {
          out += receive(piece);
          if (state.stopped) break;
        }
        if (out) io.stdout(out);
        if (state.stopped) break;
        if (io.drain) await io.drain();
      }
    } catch (err) {
      if (err instanceof Stop) state.stopped ??= err;
      // a socket destroyed by a stop ends the loop with an error of its own; any other is said
      else if (!state.stopped) {
        if ((err as NodeJS.ErrnoException).code === undefined) throw err;
        say(`${where}: ${(err as Error).message}`);
      }
    }
    const end = state.stopped?.end ?? { kind: 'closed' };
    const live = state.live;
    if (end.kind === 'fault' || !live) {
      say(`${where}: ${end.kind === 'fault' ? end.message : handshake.endedEarly(framer.held)}`);
      return 2;
    }
    let out = '';
    // a message the connection's end cut off is checked as it is (and found not to be JSON)
    const cut = end.kind === 'closed' ? framer.end() : null;
    if (cut) out += receive(cut);
    for (const m of live.end()) out += report(live, m, timeOf(Date.now()));
    const summary = summaryLine(live.tally, end, Date.now() - state.openedAt) + '\n';
    if (args.format === 'text') out += summary;
    else io.stderr(summary);
    if (out) io.stdout(out);
    return live.tally.events.invalid + live.tally.others.invalid > 0 ? 1 : 0;
  } finally {
    clearTimeout(stepTimer);
    clearTimeout(durationTimer);
    interrupt?.removeEventListener('abort', onInterrupt);
    for (const s of signals) process.off(s, onInterrupt);
    socket.destroy();
  }
}

/**
 * The opening as the validator gets it: the query-qmp-schema reply, the last line, stands in as an empty list.
 * It is the schema: checking its 200 KB of SchemaInfo against SchemaInfo would hold the first events up for a
 * second, for nothing watch reports. The reply's line stays a line, so every later message keeps its place
 * (line and index) as `validate` of the record finds it.
 */
function withoutSchema(opening: string, reply: string): string {
  const { id } = JSON.parse(reply) as { id?: unknown };
  const standIn = recordLine('<-', JSON.stringify({ return: [], id }));
  return opening.slice(0, opening.length - recordLine('<-', reply).length) + standIn;
}

/** A message's time: an event's own timestamp, else (none, or not a time) the moment it is reported. */
const timeIn = (text: string): string => timeOfMessage(text) ?? timeOf(Date.now());
