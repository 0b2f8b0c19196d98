// What a QMP server's message is, as a client sees it (qmp-spec "QMP
// Specification"): the greeting, a success or error response (with its id),
// an event (name and timestamp), or none of these. Receives one message's
// text, as the framer cut it; guarantees a tagged value and never throws.
// This is the protocol's view, for driving a session; whether a message
// matches the schema is the validator's business.

export interface Greeting {
  kind: 'greeting';
  /** 'major.minor.micro', or null when the greeting says none */
  version: string | null;
  /** the distribution's build string ("Debian 1:7.2+dfsg-7+deb12u18+b3"), or '' */
  package: string;
  capabilities: string[];
}

export type ServerMessage =
  | Greeting
  | { kind: 'return'; id: unknown; value: unknown }
  | { kind: 'error'; id: unknown; class: string; desc: string }
  | { kind: 'event'; name: string; time: string | null }
  /** a JSON object of none of those shapes */
  | { kind: 'other' }
  /** not a JSON object at all */
  | { kind: 'not-json' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readServerMessage(text: string): ServerMessage {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { kind: 'not-json' };
  }
  if (!isObject(v)) return { kind: 'not-json' };
  if (isObject(v.QMP)) return greetingOf(v.QMP);
  if (typeof v.event === 'string') return { kind: 'event', name: v.event, time: eventTime(v.timestamp) };
  if (Object.hasOwn(v, 'return')) return { kind: 'return', id: v.id, value: v.return };
  if (isObject(v.error)) {
    const { class: errorClass, desc } = v.error;
    return {
      kind: 'error',
      id: v.id,
      class: typeof errorClass === 'string' ? errorClass : '',
      desc: typeof desc === 'string' ? desc : '',
    };
  }
  return { kind: 'other' };
}

function greetingOf(qmp: Record<string, unknown>): Greeting {
  const version = isObject(qmp.version) ? qmp.version : {};
  const qemu = isObject(version.qemu) ? version.qemu : {};
  const { major, minor, micro } = qemu;
  const numbers = [major, minor, micro].every((n) => Number.isInteger(n));
  return {
    kind: 'greeting',
    version: numbers ? `${String(major)}.${String(minor)}.${String(micro)}` : null,
    package: typeof version.package === 'string' ? version.package.trim() : '',
    capabilities: Array.isArray(qmp.capabilities)
      ? qmp.capabilities.filter((c): c is string => typeof c === 'string')
      : [],
  };
}

/**
 * An event's timestamp (qmp-spec "Asynchronous events": seconds and microseconds since the Unix epoch, host
 * time) in UTC to the microsecond, "2026-12-06T10:00:43.145854Z"; null when it is missing or not a time.
 */
export function eventTime(timestamp: unknown): string | null {
  if (!isObject(timestamp)) return null;
  const { seconds, microseconds } = timestamp;
  if (!Number.isSafeInteger(seconds) || !Number.isInteger(microseconds)) return null;
  const us = microseconds as number;
  const date = secondOf(seconds as number);
  return date === null || us < 0 || us > 999_999 ? null : `${date}.${String(us).padStart(6, '0')}Z`;
}

/** The last second written, and how: a busy QEMU sends thousands of events within one. */
let lastSecond = NaN;
let lastDate: string | null = null;

function secondOf(seconds: number): string | null {
  if (seconds !== lastSecond) {
    const date = new Date(seconds * 1000);
    lastSecond = seconds;
    // toISOString ends in '.sssZ'; years past 9999 grow at the front
    lastDate = Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, -5);
  }
  return lastDate;
}

/** QEMU's own way of writing a timestamp (monitor/qmp.c): read where it is, without parsing the whole message. */
const QEMU_TIMESTAMP = /^\{"timestamp": \{"seconds": (-?\d{1,15}), "microseconds": (-?\d{1,7})\}, "event": "/;

/** The time of the message `text` if it is an event, as eventTime says it; else null. */
export function timeOfMessage(text: string): string | null {
  const m = QEMU_TIMESTAMP.exec(text);
  if (m) return eventTime({ seconds: Number(m[1]), microseconds: Number(m[2]) });
  const message = readServerMessage(text);
  return message.kind === 'event' ? message.time : null;
}

/** A moment as eventTime writes one (for what has no timestamp of its own: the time it arrived). */
export function timeOf(ms: number): string {
  return eventTime({ seconds: Math.floor(ms / 1000), microseconds: Math.floor(ms % 1000) * 1000 }) ?? '';
}
