// Hostile pastes for the validator's fuzzer: receives a seeded random source
// and the schema's event and command names; returns a paste mixing the shapes
// of hostile input (huge names, `{}` repeated on one line, a lone `->` line,
// members named like Object.prototype properties, control and bidi
// characters, 1e400, deep nesting, unterminated strings, base64 and binary
// garbage, libvirt log lines, qmp-shell commands, iotests lines) with
// messages planted as invalid, each on a line of its own, whose lines it
// lists: whatever surrounds them, each must come back as an invalid message
// starting on that line.

export interface HostilePaste {
  text: string;
  /** 1-based lines where an invalid message starts */
  invalidLines: number[];
}

type Rng = () => number;

const TS = '{"seconds": 1714644002, "microseconds": 1000}';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

function randomText(rng: Rng, n: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
  return s;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const NASTY = '{}[]",:\\-<>. \t\u0000\u001b\u007f\u202e\u2066\ud800\ufeffaZ09';

/** One hostile segment: some lines of text that are not themselves planted messages. */
function hostileSegment(rng: Rng, names: { events: string[]; commands: string[] }): string {
  const event = pick(rng, names.events);
  switch (int(rng, 0, 17)) {
    case 0:
      return `{"event": "${'A'.repeat(int(rng, 1000, 100_000))}", "timestamp": ${TS}}`;
    case 1:
      return '{}'.repeat(int(rng, 1, 30_000));
    case 2:
      return `-> {"execute": "${pick(rng, names.commands)}"}`;
    case 3:
      return `{"event": "${event}", "data": {"constructor": 1, "toString": "x", "__proto__": {"a": 1}, "hasOwnProperty": []}, "timestamp": ${TS}}`;
    case 4:
      return `{"event": "\u001b]0;owned\u0007\u001b[2J${event}\u202e", "timestamp": ${TS}}`;
    case 5:
      return `{"execute": "${pick(rng, names.commands)}", "arguments": {"x": 1e400, "y": -1e400, "z": 123456789012345678901234567890}}`;
    case 6: {
      const d = int(rng, 10, 3000);
      return '['.repeat(d) + ']'.repeat(rng() < 0.5 ? d : int(rng, 0, d));
    }
    case 7:
      return `{"event": "${event}", "data": {"a": "unterminated`;
    case 8:
      return Array.from({ length: int(rng, 1, 20) }, () => randomText(rng, 76, BASE64)).join('\n');
    case 9:
      return randomText(rng, int(rng, 1, 400), NASTY);
    case 10:
      return `2024-05-02 10:00:01.123+0000: 1310: debug : qemuMonitorJSONIOProcessLine:193 : Line [{"timestamp": ${TS}, "event": "${event}"}]`;
    case 11:
      return `2024-05-02 10:00:01.123+0000: 1301: debug : virDomainObjSetState:42 : state={"not": [1, 2, {"deep": "x"}]} ${randomText(rng, 20, NASTY)}`;
    case 12:
      return `(QEMU) ${pick(rng, names.commands)} ${randomText(rng, int(rng, 0, 60), 'ab=.{}[]\'"1 ')}`;
    case 13:
      return `{"timestamp": {"seconds":  TIMESTAMP, "microseconds":  TIMESTAMP}, "event": "${event}"}`;
    case 14:
      return `prose with {"braces": "inside"} and -> arrows <- ${randomText(rng, 30, NASTY)}`;
    case 15:
      return `{"execute": "${pick(rng, names.commands)}", "arguments": {"${'k'.repeat(int(rng, 1, 50_000))}": "${'v'.repeat(int(rng, 1, 50_000))}"}}`;
    case 16:
      return `<- {"return": [ ${'"x", '.repeat(int(rng, 0, 50))}\n     ... ] }`;
    default:
      return `{"event": "${event}", "timestamp": ${TS}, "event": "${event}"} trailing ${randomText(rng, 10, NASTY)}`;
  }
}

/** A message that is invalid however it is read, in one of the forms the validator accepts, on one line. */
function plantedLine(rng: Rng, k: number, names: { commands: string[] }): string {
  const bad = `{"timestamp": ${TS}, "event": "NO_SUCH_EVENT_${k}"}`;
  switch (int(rng, 0, 4)) {
    case 0:
      return bad;
    case 1:
      return `<- ${bad}`;
    case 2:
      return `2024-05-02 10:00:01.123+0000: 1310: info : qemuMonitorJSONIOProcessLine:207 : QEMU_MONITOR_RECV_EVENT: mon=0x7f8c event=${bad}`;
    case 3:
      return `{"execute": "${pick(rng, names.commands)}", "arguments": {"no-such-member-${k}": 1}}`;
    default:
      return `{"execute": "no-such-command-${k}"}`;
  }
}

export function hostilePaste(rng: Rng, names: { events: string[]; commands: string[] }): HostilePaste {
  const lines: string[] = [];
  const invalidLines: number[] = [];
  const parts = int(rng, 1, 12);
  for (let p = 0; p < parts; p++) {
    if (rng() < 0.6) lines.push(...hostileSegment(rng, names).split('\n'));
    if (rng() < 0.5) {
      invalidLines.push(lines.length + 1);
      lines.push(plantedLine(rng, p, names));
    }
  }
  return { text: lines.join(rng() < 0.5 ? '\n' : '\r\n') + (rng() < 0.5 ? '\n' : ''), invalidLines };
}

/**
 * A query-qmp-schema reply whose command `nest` takes unions nested `levels` deep, `width` unions per level, each
 * union's branches being the next level's unions (so every union below the first is shared by `width` others):
 * the shape that made a compile that re-expands shared branches take width^levels steps. `width` 1 is a chain.
 */
export function nestedUnionsDump(levels: number, width: number): string {
  const values = Array.from({ length: width }, (_, i) => `v${i}`);
  const infos: object[] = [
    { name: 'str', 'meta-type': 'builtin', 'json-type': 'string' },
    { name: 'tag', 'meta-type': 'enum', values },
    { name: 'empty', 'meta-type': 'object', members: [] },
    { name: 'leaf', 'meta-type': 'object', members: [{ name: 'x', type: 'str', default: null }] },
    { name: 'nest', 'meta-type': 'command', 'arg-type': 'u0_0', 'ret-type': 'empty' },
  ];
  for (let k = 0; k < levels; k++)
    for (let j = 0; j < width; j++)
      infos.push({
        name: `u${k}_${j}`,
        'meta-type': 'object',
        members: [
          { name: `t${k}`, type: 'tag' },
          { name: `m${k}_${j}`, type: 'str', default: null },
        ],
        tag: `t${k}`,
        variants: values.map((v, i) => ({ case: v, type: k + 1 < levels ? `u${k + 1}_${i}` : 'leaf' })),
      });
  return JSON.stringify({ return: infos });
}

/** A valid `nest` command for nestedUnionsDump(levels, width): every tag takes its first value. */
export function nestedUnionsCommand(levels: number): string {
  const args: Record<string, string> = { x: 'leaf' };
  for (let k = 0; k < levels; k++) args[`t${k}`] = 'v0';
  return JSON.stringify({ execute: 'nest', arguments: args });
}

/** A query-qmp-schema reply whose one enum has `values` values: past the validator's budget when over 200,000. */
export function manyValuesDump(values: number): string {
  return JSON.stringify({
    return: [
      { name: 'str', 'meta-type': 'builtin', 'json-type': 'string' },
      { name: 'e', 'meta-type': 'enum', values: Array.from({ length: values }, (_, i) => `v${i}`) },
      { name: 'a', 'meta-type': 'object', members: [{ name: 'x', type: 'e' }] },
      { name: 'HUGE', 'meta-type': 'event', 'arg-type': 'a' },
    ],
  });
}
