// The client's side of opening a QMP session, as `watch` opens one: wait for
// the greeting, then send qmp_capabilities, query-version and
// query-qmp-schema, each once the previous one is answered. Nothing else is
// ever sent: the session is only read from then on. Receives the server's
// pieces in order (framing.ts); guarantees at each step what to send, to go
// on waiting, a fault (what went wrong, in words a user can act on), or that
// the session is open. Events may come between the replies once
// capabilities are negotiated (qmp-spec: none come before); keeping them is
// the caller's business, as is every message's text.
import type { Piece } from './framing';
import { readServerMessage, type Greeting } from './message';

/** The only commands a watching client sends, in this order. */
export const WATCH_COMMANDS = ['qmp_capabilities', 'query-version', 'query-qmp-schema'] as const;

export type HandshakeStep =
  { kind: 'send'; text: string } | { kind: 'wait' } | { kind: 'fault'; message: string } | { kind: 'open' };

/** A piece of text as a message quotes it: a bounded prefix, control characters escaped by JSON's rules. */
function shown(text: string): string {
  const max = 60;
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

export class Handshake {
  /** -1: waiting for the greeting; k: for the reply to WATCH_COMMANDS[k]; WATCH_COMMANDS.length: open */
  private step = -1;
  private greetingSeen: Greeting | null = null;

  get greeting(): Greeting | null {
    return this.greetingSeen;
  }

  get isOpen(): boolean {
    return this.step === WATCH_COMMANDS.length;
  }

  /** The command awaiting its reply, if any. */
  get awaiting(): string | null {
    return this.step >= 0 && !this.isOpen ? WATCH_COMMANDS[this.step]! : null;
  }

  receive(piece: Piece): HandshakeStep {
    if (this.isOpen) return { kind: 'wait' };
    if (piece.kind === 'too-large') return this.fault(`a message over the size cap (${shown(piece.text)})`);
    if (piece.kind === 'junk') return this.fault(`${shown(piece.text)}, which is not JSON`);
    const m = readServerMessage(piece.text);
    if (this.step < 0) {
      if (m.kind !== 'greeting') return this.fault(`${shown(piece.text)} where a QMP greeting {"QMP": …} belongs`);
      this.greetingSeen = m;
      return this.next();
    }
    const command = WATCH_COMMANDS[this.step]!;
    const ours = m.kind === 'return' || m.kind === 'error' ? m.id === idOf(this.step) : false;
    if (m.kind === 'error' && (ours || m.id === undefined)) {
      const why = `${m.class || 'error'}: ${m.desc || '(no description)'}`;
      const what = this.step === 0 ? 'refused capabilities negotiation (qmp_capabilities)' : `refused ${command}`;
      return { kind: 'fault', message: `QEMU ${what}: ${why}` };
    }
    if (m.kind === 'return' && ours) {
      if (command === 'query-qmp-schema' && !Array.isArray(m.value))
        return { kind: 'fault', message: 'the reply to query-qmp-schema is not a list of SchemaInfo' };
      return this.next();
    }
    if (m.kind === 'not-json' || m.kind === 'greeting')
      return this.fault(`${shown(piece.text)} where the reply to ${command} belongs`);
    return { kind: 'wait' };
  }

  /** What it means when the connection ends before the session is open; `held`: characters of a message begun. */
  endedEarly(held: number): string {
    if (this.step < 0)
      return held > 0
        ? `the connection closed in the middle of the greeting (after ${held} characters of it)`
        : 'the connection closed before any greeting (not a QMP server, or QEMU is shutting down)';
    return `the connection closed before QEMU answered ${WATCH_COMMANDS[this.step]!}`;
  }

  /** What it means when nothing more comes for `seconds` before the session is open. */
  timedOut(seconds: number): string {
    if (this.step < 0)
      return (
        `no QMP greeting within ${seconds} s: not a QMP server, or a monitor already serving another client ` +
        '(QEMU serves one client per monitor: give watch one of its own, e.g. a second -qmp)'
      );
    return `QEMU did not answer ${WATCH_COMMANDS[this.step]!} within ${seconds} s`;
  }

  private next(): HandshakeStep {
    this.step++;
    if (this.isOpen) return { kind: 'open' };
    return { kind: 'send', text: JSON.stringify({ execute: WATCH_COMMANDS[this.step], id: idOf(this.step) }) };
  }

  private fault(what: string): HandshakeStep {
    const before = this.step < 0 ? 'not a QMP server: it sent' : 'not a QMP server: after its greeting it sent';
    return { kind: 'fault', message: `${before} ${what}` };
  }
}

/** The id of the k-th command: named after the command line, so it stands out in the record. */
const idOf = (k: number): string => `watch-${k + 1}`;
