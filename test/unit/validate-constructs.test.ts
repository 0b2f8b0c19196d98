// One table per construct: the given message (as text, so number literals stay
// exact) against the hand-written mini model; want = validity and the issues
// as "severity code path".
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../lib/validate/index';
import type { ValidatorOptions } from '../../lib/validate/types';
import { MINI_MODEL } from '../fixtures/validate/mini-model';
import { buildIndex } from '../../lib/qapi/model';
import { ZodCompiler } from '../../lib/validate/compile';
import { IntegralFloat } from '../../lib/validate/wire';

const TS = '"timestamp": {"seconds": 1700000000, "microseconds": 5}';
const ev = (name: string, data?: string): string =>
  `{"event": "${name}", ${data === undefined ? '' : `"data": ${data}, `}${TS}}`;
const widget = (members: string): string =>
  ev('WIDGET_CHANGED', `{"widget": {"id": "w1", "color": "red", "gpu": "g"${members ? ', ' + members : ''}}}`);

interface Want {
  valid: boolean;
  issues: string[];
}
/** Valid, with these issues (warnings). */
const ok = (...issues: string[]): Want => ({ valid: true, issues });
/** Invalid, with these issues. */
const bad = (...issues: string[]): Want => ({ valid: false, issues });
type Table = [name: string, given: string, want: Want, options?: ValidatorOptions][];

function verdict(text: string, options?: ValidatorOptions): Want & { texts: string[] } {
  const r = createValidator(MINI_MODEL, options).validateText(text);
  expect(r.messages.length, 'one message').toBeGreaterThan(0);
  const issues = r.messages.flatMap((m) => m.issues);
  return {
    valid: r.messages.every((m) => m.valid),
    issues: issues.map((i) => `${i.severity} ${i.code} ${i.path}`),
    texts: issues.map((i) => i.text),
  };
}

function runTable(table: Table): void {
  it.each(table)('%s', (_name, given, want, options) => {
    const got = verdict(given, options);
    expect({ valid: got.valid, issues: got.issues }).toEqual(want);
  });
}

describe('integers: literal kind and width, exact beyond 2^53', () => {
  runTable([
    ['uint8 in range', widget('"count": 255'), ok()],
    ['uint8 overflow', widget('"count": 256'), bad('error integer-range /data/widget/count')],
    ['uint8 negative', widget('"count": -1'), bad('error integer-range /data/widget/count')],
    ['1.0 is not an integer', widget('"count": 1.0'), bad('error not-integer /data/widget/count')],
    ['1e3 is not an integer', widget('"offset": 1e3'), bad('error not-integer /data/widget/offset')],
    ['int64 max exactly', widget('"offset": 9223372036854775807'), ok()],
    ['int64 max + 1', widget('"offset": 9223372036854775808'), bad('error integer-range /data/widget/offset')],
    ['int64 min exactly', widget('"offset": -9223372036854775808'), ok()],
    ['size = 2^64-1', widget('"size": 18446744073709551615'), ok()],
    ['size = 2^64', widget('"size": 18446744073709551616'), bad('error integer-range /data/widget/size')],
    ['negative size in an event', widget('"size": -1'), bad('error negative-unsigned /data/widget/size')],
    [
      'huge integer literal',
      widget('"offset": 123456789012345678901234567890'),
      bad('error integer-range /data/widget/offset'),
    ],
    [
      'number takes integers and floats',
      widget('"ratio": 1') + '\n' + widget('"ratio": 0.5') + '\n' + widget('"ratio": 1e300'),
      ok(),
    ],
    ['number: a string is not one', widget('"ratio": "1"'), bad('error wrong-type /data/widget/ratio')],
  ]);

  it('says which rule applies to a negative uint64/size', () => {
    const t = verdict(widget('"size": -5')).texts[0]!;
    expect(t).toContain('only on command input');
  });
  it('accepts a negative size on command input (it wraps)', () => {
    expect(verdict('{"execute": "widget-add", "arguments": {"id": "a", "size": -5}}').valid).toBe(true);
    expect(verdict('{"execute": "widget-add", "arguments": {"id": "a", "size": -9223372036854775809}}').issues).toEqual(
      ['error integer-range /arguments/size'],
    );
  });
});

describe('str, bool, null, enums, arrays', () => {
  runTable([
    ['enum value', widget('"tags": ["a", "b"]'), ok()],
    [
      'enum: case matters',
      ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "Red"}}'),
      bad('error enum-value /data/widget/color'),
    ],
    [
      'enum: a number',
      ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": 1}}'),
      bad('error wrong-type /data/widget/color'),
    ],
    ['conditional enum value accepted', ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "blue"}}'), ok()],
    ['array element wrong', widget('"tags": ["a", 2]'), bad('error wrong-type /data/widget/tags/1')],
    ['array: not an array', widget('"tags": "a"'), bad('error wrong-type /data/widget/tags')],
    [
      'bool: 0 is not false',
      widget('"fancy": 0'),
      bad('error wrong-type /data/widget/fancy', 'warning unstable /data/widget/fancy'),
    ],
    [
      'str: null is not a string',
      ev('WIDGET_CHANGED', '{"widget": {"id": null, "color": "red"}}'),
      bad('error wrong-type /data/widget/id'),
    ],
  ]);
  it('lists allowed values, marks the conditional one, and guesses', () => {
    const t = verdict(ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "gren"}}')).texts[0]!;
    expect(t).toContain("did you mean 'green'");
    expect(t).toContain("'blue' (only if CONFIG_BLUE)");
    expect(t).toContain('enum Color');
  });
});

describe('structs: required, optional, null, unknown and downstream members', () => {
  runTable([
    ['optional absent, conditional absent', ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "red"}}'), ok()],
    [
      'missing required inherited member',
      ev('WIDGET_CHANGED', '{"widget": {"color": "red"}}'),
      bad('error missing-member /data/widget/id'),
    ],
    ['optional null is not absent', widget('"count": null'), bad('error wrong-type /data/widget/count')],
    ['unknown member: strict', widget('"colour": "red"'), bad('error unknown-member /data/widget/colour')],
    [
      'unknown member: lenient',
      widget('"colour": "red"'),
      ok('warning unknown-member /data/widget/colour'),
      { mode: 'lenient' },
    ],
    [
      'downstream member always warns',
      widget('"__com.example_x": 1'),
      ok('warning downstream-member /data/widget/__com.example_x'),
    ],
    [
      'recursive struct',
      widget('"next": {"id": "w2", "color": "green", "next": {"id": "w3", "color": 5}}'),
      bad('error wrong-type /data/widget/next/next/color'),
    ],
    [
      '__proto__ is an ordinary unknown key',
      widget('"__proto__": {"x": 1}'),
      ok('warning downstream-member /data/widget/__proto__'),
    ],
    [
      'constructor is an ordinary unknown key',
      widget('"constructor": 1'),
      bad('error unknown-member /data/widget/constructor'),
    ],
  ]);
  it('names the type and the owner of a missing member, and guesses unknown ones', () => {
    const missing = verdict(ev('WIDGET_CHANGED', '{"widget": {"color": "red"}}')).texts[0]!;
    expect(missing).toContain("'id'");
    expect(missing).toContain('struct Widget');
    expect(missing).toContain('declared in Base');
    expect(missing).toContain('str');
    const unknown = verdict(widget('"colour": "red"')).texts[0]!;
    expect(unknown).toContain("did you mean 'color'");
    expect(unknown).toContain('gpu (only if CONFIG_GPU)');
  });
});

describe('flat unions, nested unions, alternates', () => {
  runTable([
    ['branch members', ev('SHAPED', '{"shape": {"kind": "leaf", "sock": {"type": "unix", "path": "/p"}}}'), ok()],
    [
      'recursive union',
      ev('SHAPED', '{"shape": {"kind": "pair", "left": {"kind": "none"}, "right": {"kind": "leaf"}}}'),
      ok(),
    ],
    [
      'empty branch allows base members only',
      ev('SHAPED', '{"shape": {"kind": "none", "label": "x", "sock": {}}}'),
      bad('error unknown-member /data/shape/sock'),
    ],
    [
      'member of another branch',
      ev('SHAPED', '{"shape": {"kind": "leaf", "left": {"kind": "none"}}}'),
      bad('error unknown-member /data/shape/left'),
    ],
    [
      'bad discriminator',
      ev('SHAPED', '{"shape": {"kind": "triangle"}}'),
      bad('error bad-discriminator /data/shape/kind'),
    ],
    ['missing discriminator', ev('SHAPED', '{"shape": {"label": "x"}}'), bad('error missing-member /data/shape/kind')],
    [
      'nested union in the same object',
      ev('SHAPED', '{"shape": {"kind": "none"}, "route": {"via": "leaf", "type": "inet", "host": "h", "port": "1"}}'),
      ok(),
    ],
    [
      'nested union: inner branch checked',
      ev('SHAPED', '{"shape": {"kind": "none"}, "route": {"via": "leaf", "type": "inet", "path": "/p"}}'),
      bad(
        'error missing-member /data/route/host',
        'error missing-member /data/route/port',
        'error unknown-member /data/route/path',
      ),
    ],
    [
      'nested union: bad inner discriminator',
      ev('SHAPED', '{"shape": {"kind": "none"}, "route": {"via": "leaf", "type": "tcp"}}'),
      bad('error bad-discriminator /data/route/type'),
    ],
    [
      'alternate: string branch',
      ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "red"}, "why": "because"}'),
      ok(),
    ],
    ['alternate: null branch', ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "red"}, "why": null}'), ok()],
    [
      'alternate: no branch for the kind',
      ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "red"}, "why": 3}'),
      bad('error no-alternative /data/why'),
    ],
    [
      'alternate: chosen branch strict, no fallback',
      ev('SHAPED', '{"shape": {"kind": "none"}, "either": 1.5}'),
      bad('error not-integer /data/either'),
    ],
    [
      'alternate: object branch',
      ev('SHAPED', '{"shape": {"kind": "none"}, "either": {"id": "w", "color": "pink"}}'),
      bad('error enum-value /data/either/color'),
    ],
  ]);
  it('says which branch applied and why', () => {
    const t = verdict(ev('SHAPED', '{"shape": {"kind": "leaf", "left": 1}}')).texts[0]!;
    expect(t).toContain("branch 'leaf' of union Shape, selected by kind: 'leaf'");
    expect(verdict(ev('SHAPED', '{"shape": {"kind": "pear"}}')).texts[0]).toMatch(/did you mean .*'pair'/);
  });
});

describe('features: deprecated and unstable', () => {
  runTable([
    ['deprecated member warns', widget('"old": true'), ok('warning deprecated /data/widget/old')],
    [
      'deprecated member is an error on request',
      widget('"old": true'),
      bad('error deprecated /data/widget/old'),
      { deprecated: 'error' },
    ],
    [
      'deprecated enum value',
      ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "grey"}}'),
      ok('warning deprecated /data/widget/color'),
    ],
    ['deprecated event', ev('OLD_PING'), ok('warning deprecated /event')],
    [
      'unstable stays a warning',
      widget('"fancy": true'),
      ok('warning unstable /data/widget/fancy'),
      { deprecated: 'error' },
    ],
  ]);
});

describe('event envelope', () => {
  runTable([
    ['no data', ev('PING'), ok()],
    ['data on an event without data', ev('PING', '{}'), bad('error unexpected-data /data')],
    [
      'data on an event without data, lenient',
      ev('PING', '{}'),
      ok('warning unexpected-data /data'),
      { mode: 'lenient' },
    ],
    ['all-optional data may be absent', ev('MAYBE'), ok()],
    ['all-optional data present', ev('MAYBE', '{"note": "n"}'), ok()],
    ['required data missing', ev('WIDGET_CHANGED'), bad('error missing-data ')],
    ['data not an object', ev('WIDGET_CHANGED', '[]'), bad('error wrong-type /data')],
    ['unknown event', ev('PONG'), bad('error unknown-event /event')],
    ['downstream event', ev('__ORG_PING'), ok('warning unknown-event /event')],
    ['extra envelope key', '{"event": "PING", "id": 1, ' + TS + '}', bad('error envelope /id')],
    ['missing timestamp', '{"event": "PING"}', bad('error missing-timestamp ')],
    ['timestamp -1/-1', '{"event": "PING", "timestamp": {"seconds": -1, "microseconds": -1}}', ok()],
    [
      'timestamp half -1',
      '{"event": "PING", "timestamp": {"seconds": -1, "microseconds": 5}}',
      bad('error bad-timestamp /timestamp/microseconds'),
    ],
    [
      'microseconds too big',
      '{"event": "PING", "timestamp": {"seconds": 1, "microseconds": 1000000}}',
      bad('error bad-timestamp /timestamp/microseconds'),
    ],
    [
      'seconds a float',
      '{"event": "PING", "timestamp": {"seconds": 1.5, "microseconds": 0}}',
      bad('error bad-timestamp /timestamp/seconds'),
    ],
    [
      'timestamp extra key',
      '{"event": "PING", "timestamp": {"seconds": 1, "microseconds": 0, "nanoseconds": 0}}',
      bad('error bad-timestamp /timestamp/nanoseconds'),
    ],
  ]);
  it('suggests the nearest event names', () => {
    expect(verdict(ev('WIDGET_CHANGE', '{}')).texts[0]).toContain('WIDGET_CHANGED');
  });
});

describe('commands, replies, errors, greeting', () => {
  runTable([
    ['command with arguments', '{"execute": "widget-add", "arguments": {"id": "a"}, "id": 7}', ok()],
    ['missing argument', '{"execute": "widget-add"}', bad('error missing-member /arguments/id')],
    [
      'unknown argument',
      '{"execute": "widget-add", "arguments": {"id": "a", "idd": 1}}',
      bad('error unknown-member /arguments/idd'),
    ],
    [
      'gen: false takes extra members',
      '{"execute": "device_add", "arguments": {"driver": "virtio-net", "mac": "x"}}',
      ok(),
    ],
    [
      'gen: false still checks declared ones',
      '{"execute": "device_add", "arguments": {"mac": "x"}}',
      bad('error missing-member /arguments/driver'),
    ],
    [
      'command without arguments given some',
      '{"execute": "widget-reset", "arguments": {"x": 1}}',
      bad('error unknown-member /arguments/x'),
    ],
    ['unknown command', '{"execute": "widget-ad"}', bad('error unknown-command /execute')],
    ['exec-oob allowed', '{"exec-oob": "oob-ping", "id": 1}', ok()],
    ['exec-oob not allowed', '{"exec-oob": "widget-reset", "id": 1}', bad('error envelope /exec-oob')],
    [
      'reply checked against the preceding command',
      '{"execute": "widget-list"}\n{"return": ["a", 1]}',
      bad('error wrong-type /return/1'),
    ],
    [
      'reply matched by id',
      '{"execute": "widget-list", "id": "L"}\n{"execute": "widget-reset", "id": "R"}\n{"return": ["a"], "id": "L"}\n{"return": {}, "id": "R"}',
      ok(),
    ],
    [
      'reply of a command returning nothing',
      '{"execute": "widget-reset"}\n{"return": {"x": 1}}',
      bad('error wrong-type /return'),
    ],
    ['orphan reply', '{"return": {}}', ok('warning orphan-reply /return')],
    ['error reply', '{"execute": "widget-reset"}\n{"error": {"class": "GenericError", "desc": "no"}}', ok()],
    ['error reply without desc', '{"error": {"class": "GenericError"}}', bad('error missing-member /error/desc')],
    [
      'greeting',
      '{"QMP": {"version": {"qemu": {"micro": 2, "minor": 2, "major": 10}, "package": ""}, "capabilities": ["oob"]}}',
      ok(),
    ],
    ['not a QMP message', '{"status": "running"}', bad('error unknown-message ')],
    ['not an object', '"out"', bad('error not-an-object ')],
  ]);
});

describe('the compiled zod schemas themselves', () => {
  const index = buildIndex(MINI_MODEL);
  const output = new ZodCompiler(index, 'output');
  const input = new ZodCompiler(index, 'input');

  it('are cached per type name and handle recursion lazily', () => {
    expect(output.typeSchema('Widget')).toBe(output.typeSchema('Widget'));
    const deep = { id: 'a', color: 'red', next: { id: 'b', color: 'green', next: { id: 'c', color: 'blue' } } };
    expect(output.typeSchema('Widget').safeParse(deep).success).toBe(true);
    const bad = output
      .typeSchema('Widget')
      .safeParse({ ...deep, next: { ...deep.next, next: { id: 'c', color: 'x' } } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('/'))).toEqual(['next/next/color']);
  });

  it('take exact integers: numbers up to 15 characters, BigInt beyond, IntegralFloat never', () => {
    const size = output.typeSchema('size');
    expect(size.safeParse(18446744073709551615n).success).toBe(true);
    expect(size.safeParse(18446744073709551616n).success).toBe(false);
    expect(size.safeParse(-1).success).toBe(false);
    expect(input.typeSchema('size').safeParse(-1).success).toBe(true);
    expect(output.typeSchema('int8').safeParse(new IntegralFloat(1, '1.0')).success).toBe(false);
    expect(output.typeSchema('number').safeParse(new IntegralFloat(1, '1.0')).success).toBe(true);
  });

  it('pick a union branch by discriminator and an alternative by JSON kind', () => {
    const shape = output.typeSchema('Shape');
    expect(shape.safeParse({ kind: 'pair', left: { kind: 'none' }, right: { kind: 'none' } }).success).toBe(true);
    expect(shape.safeParse({ kind: 'none', left: { kind: 'none' } }).success).toBe(false);
    const alt = output.typeSchema('IntOrWidget');
    expect(alt.safeParse(5).success).toBe(true);
    expect(alt.safeParse('5').success).toBe(false);
    expect(alt.safeParse({ id: 'w', color: 'red' }).success).toBe(true);
  });
});

describe('a message that is not an object', () => {
  it.each([
    ['123456789012345678901234567890', 'got a number'],
    ['[[1, 2]]', 'got an array'], // an array of messages whose first is an array
    ['null', 'got null'],
    ['"out"', 'got a string'],
  ])('%s is named by its JSON kind', (given, want) => {
    const [message] = createValidator(MINI_MODEL).validateText(given).messages;
    expect(message.issues.map((i) => i.text)).toEqual([`a QMP message is a JSON object, ${want}`]);
  });
});
