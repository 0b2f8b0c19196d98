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
type Table = [string, { given: string; want: Want; options?: ValidatorOptions }][];

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
  it.each(table)('%s', (_name, { given, want, options }) => {
    const got = verdict(given, options);
    expect({ valid: got.valid, issues: got.issues }).toEqual(want);
  });
}

describe('integers: literal kind and width, exact beyond 2^53', () => {
  runTable([
    ['uint8 in range', { given: widget('"count": 255'), want: { valid: true, issues: [] } }],
    [
      'uint8 overflow',
      { given: widget('"count": 256'), want: { valid: false, issues: ['error integer-range /data/widget/count'] } },
    ],
    [
      'uint8 negative',
      { given: widget('"count": -1'), want: { valid: false, issues: ['error integer-range /data/widget/count'] } },
    ],
    [
      '1.0 is not an integer',
      { given: widget('"count": 1.0'), want: { valid: false, issues: ['error not-integer /data/widget/count'] } },
    ],
    [
      '1e3 is not an integer',
      { given: widget('"offset": 1e3'), want: { valid: false, issues: ['error not-integer /data/widget/offset'] } },
    ],
    ['int64 max exactly', { given: widget('"offset": 9223372036854775807'), want: { valid: true, issues: [] } }],
    [
      'int64 max + 1',
      {
        given: widget('"offset": 9223372036854775808'),
        want: { valid: false, issues: ['error integer-range /data/widget/offset'] },
      },
    ],
    ['int64 min exactly', { given: widget('"offset": -9223372036854775808'), want: { valid: true, issues: [] } }],
    ['size = 2^64-1', { given: widget('"size": 18446744073709551615'), want: { valid: true, issues: [] } }],
    [
      'size = 2^64',
      {
        given: widget('"size": 18446744073709551616'),
        want: { valid: false, issues: ['error integer-range /data/widget/size'] },
      },
    ],
    [
      'negative size in an event',
      { given: widget('"size": -1'), want: { valid: false, issues: ['error negative-unsigned /data/widget/size'] } },
    ],
    [
      'huge integer literal',
      {
        given: widget('"offset": 123456789012345678901234567890'),
        want: { valid: false, issues: ['error integer-range /data/widget/offset'] },
      },
    ],
    [
      'number takes integers and floats',
      {
        given: widget('"ratio": 1') + '\n' + widget('"ratio": 0.5') + '\n' + widget('"ratio": 1e300'),
        want: { valid: true, issues: [] },
      },
    ],
    [
      'number: a string is not one',
      { given: widget('"ratio": "1"'), want: { valid: false, issues: ['error wrong-type /data/widget/ratio'] } },
    ],
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
    ['enum value', { given: widget('"tags": ["a", "b"]'), want: { valid: true, issues: [] } }],
    [
      'enum: case matters',
      {
        given: ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "Red"}}'),
        want: { valid: false, issues: ['error enum-value /data/widget/color'] },
      },
    ],
    [
      'enum: a number',
      {
        given: ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": 1}}'),
        want: { valid: false, issues: ['error wrong-type /data/widget/color'] },
      },
    ],
    [
      'conditional enum value accepted',
      { given: ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "blue"}}'), want: { valid: true, issues: [] } },
    ],
    [
      'array element wrong',
      { given: widget('"tags": ["a", 2]'), want: { valid: false, issues: ['error wrong-type /data/widget/tags/1'] } },
    ],
    [
      'array: not an array',
      { given: widget('"tags": "a"'), want: { valid: false, issues: ['error wrong-type /data/widget/tags'] } },
    ],
    [
      'bool: 0 is not false',
      {
        given: widget('"fancy": 0'),
        want: { valid: false, issues: ['error wrong-type /data/widget/fancy', 'warning unstable /data/widget/fancy'] },
      },
    ],
    [
      'str: null is not a string',
      {
        given: ev('WIDGET_CHANGED', '{"widget": {"id": null, "color": "red"}}'),
        want: { valid: false, issues: ['error wrong-type /data/widget/id'] },
      },
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
    [
      'optional absent, conditional absent',
      { given: ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "red"}}'), want: { valid: true, issues: [] } },
    ],
    [
      'missing required inherited member',
      {
        given: ev('WIDGET_CHANGED', '{"widget": {"color": "red"}}'),
        want: { valid: false, issues: ['error missing-member /data/widget/id'] },
      },
    ],
    [
      'optional null is not absent',
      { given: widget('"count": null'), want: { valid: false, issues: ['error wrong-type /data/widget/count'] } },
    ],
    [
      'unknown member: strict',
      {
        given: widget('"colour": "red"'),
        want: { valid: false, issues: ['error unknown-member /data/widget/colour'] },
      },
    ],
    [
      'unknown member: lenient',
      {
        given: widget('"colour": "red"'),
        options: { mode: 'lenient' },
        want: { valid: true, issues: ['warning unknown-member /data/widget/colour'] },
      },
    ],
    [
      'downstream member always warns',
      {
        given: widget('"__com.example_x": 1'),
        want: { valid: true, issues: ['warning downstream-member /data/widget/__com.example_x'] },
      },
    ],
    [
      'recursive struct',
      {
        given: widget('"next": {"id": "w2", "color": "green", "next": {"id": "w3", "color": 5}}'),
        want: { valid: false, issues: ['error wrong-type /data/widget/next/next/color'] },
      },
    ],
    [
      '__proto__ is an ordinary unknown key',
      {
        given: widget('"__proto__": {"x": 1}'),
        want: { valid: true, issues: ['warning downstream-member /data/widget/__proto__'] },
      },
    ],
    [
      'constructor is an ordinary unknown key',
      {
        given: widget('"constructor": 1'),
        want: { valid: false, issues: ['error unknown-member /data/widget/constructor'] },
      },
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
    [
      'branch members',
      {
        given: ev('SHAPED', '{"shape": {"kind": "leaf", "sock": {"type": "unix", "path": "/p"}}}'),
        want: { valid: true, issues: [] },
      },
    ],
    [
      'recursive union',
      {
        given: ev('SHAPED', '{"shape": {"kind": "pair", "left": {"kind": "none"}, "right": {"kind": "leaf"}}}'),
        want: { valid: true, issues: [] },
      },
    ],
    [
      'empty branch allows base members only',
      {
        given: ev('SHAPED', '{"shape": {"kind": "none", "label": "x", "sock": {}}}'),
        want: { valid: false, issues: ['error unknown-member /data/shape/sock'] },
      },
    ],
    [
      'member of another branch',
      {
        given: ev('SHAPED', '{"shape": {"kind": "leaf", "left": {"kind": "none"}}}'),
        want: { valid: false, issues: ['error unknown-member /data/shape/left'] },
      },
    ],
    [
      'bad discriminator',
      {
        given: ev('SHAPED', '{"shape": {"kind": "triangle"}}'),
        want: { valid: false, issues: ['error bad-discriminator /data/shape/kind'] },
      },
    ],
    [
      'missing discriminator',
      {
        given: ev('SHAPED', '{"shape": {"label": "x"}}'),
        want: { valid: false, issues: ['error missing-member /data/shape/kind'] },
      },
    ],
    [
      'nested union in the same object',
      {
        given: ev(
          'SHAPED',
          '{"shape": {"kind": "none"}, "route": {"via": "leaf", "type": "inet", "host": "h", "port": "1"}}',
        ),
        want: { valid: true, issues: [] },
      },
    ],
    [
      'nested union: inner branch checked',
      {
        given: ev('SHAPED', '{"shape": {"kind": "none"}, "route": {"via": "leaf", "type": "inet", "path": "/p"}}'),
        want: {
          valid: false,
          issues: [
            'error missing-member /data/route/host',
            'error missing-member /data/route/port',
            'error unknown-member /data/route/path',
          ],
        },
      },
    ],
    [
      'nested union: bad inner discriminator',
      {
        given: ev('SHAPED', '{"shape": {"kind": "none"}, "route": {"via": "leaf", "type": "tcp"}}'),
        want: { valid: false, issues: ['error bad-discriminator /data/route/type'] },
      },
    ],
    [
      'alternate: string branch',
      {
        given: ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "red"}, "why": "because"}'),
        want: { valid: true, issues: [] },
      },
    ],
    [
      'alternate: null branch',
      {
        given: ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "red"}, "why": null}'),
        want: { valid: true, issues: [] },
      },
    ],
    [
      'alternate: no branch for the kind',
      {
        given: ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "red"}, "why": 3}'),
        want: { valid: false, issues: ['error no-alternative /data/why'] },
      },
    ],
    [
      'alternate: chosen branch strict, no fallback',
      {
        given: ev('SHAPED', '{"shape": {"kind": "none"}, "either": 1.5}'),
        want: { valid: false, issues: ['error not-integer /data/either'] },
      },
    ],
    [
      'alternate: object branch',
      {
        given: ev('SHAPED', '{"shape": {"kind": "none"}, "either": {"id": "w", "color": "pink"}}'),
        want: { valid: false, issues: ['error enum-value /data/either/color'] },
      },
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
    [
      'deprecated member warns',
      { given: widget('"old": true'), want: { valid: true, issues: ['warning deprecated /data/widget/old'] } },
    ],
    [
      'deprecated member is an error on request',
      {
        given: widget('"old": true'),
        options: { deprecated: 'error' },
        want: { valid: false, issues: ['error deprecated /data/widget/old'] },
      },
    ],
    [
      'deprecated enum value',
      {
        given: ev('WIDGET_CHANGED', '{"widget": {"id": "w", "color": "grey"}}'),
        want: { valid: true, issues: ['warning deprecated /data/widget/color'] },
      },
    ],
    ['deprecated event', { given: ev('OLD_PING'), want: { valid: true, issues: ['warning deprecated /event'] } }],
    [
      'unstable stays a warning',
      {
        given: widget('"fancy": true'),
        options: { deprecated: 'error' },
        want: { valid: true, issues: ['warning unstable /data/widget/fancy'] },
      },
    ],
  ]);
});

describe('event envelope', () => {
  runTable([
    ['no data', { given: ev('PING'), want: { valid: true, issues: [] } }],
    [
      'data on an event without data',
      { given: ev('PING', '{}'), want: { valid: false, issues: ['error unexpected-data /data'] } },
    ],
    [
      'data on an event without data, lenient',
      {
        given: ev('PING', '{}'),
        options: { mode: 'lenient' },
        want: { valid: true, issues: ['warning unexpected-data /data'] },
      },
    ],
    ['all-optional data may be absent', { given: ev('MAYBE'), want: { valid: true, issues: [] } }],
    ['all-optional data present', { given: ev('MAYBE', '{"note": "n"}'), want: { valid: true, issues: [] } }],
    ['required data missing', { given: ev('WIDGET_CHANGED'), want: { valid: false, issues: ['error missing-data '] } }],
    [
      'data not an object',
      { given: ev('WIDGET_CHANGED', '[]'), want: { valid: false, issues: ['error wrong-type /data'] } },
    ],
    ['unknown event', { given: ev('PONG'), want: { valid: false, issues: ['error unknown-event /event'] } }],
    ['downstream event', { given: ev('__ORG_PING'), want: { valid: true, issues: ['warning unknown-event /event'] } }],
    [
      'extra envelope key',
      { given: '{"event": "PING", "id": 1, ' + TS + '}', want: { valid: false, issues: ['error envelope /id'] } },
    ],
    ['missing timestamp', { given: '{"event": "PING"}', want: { valid: false, issues: ['error missing-timestamp '] } }],
    [
      'timestamp -1/-1',
      {
        given: '{"event": "PING", "timestamp": {"seconds": -1, "microseconds": -1}}',
        want: { valid: true, issues: [] },
      },
    ],
    [
      'timestamp half -1',
      {
        given: '{"event": "PING", "timestamp": {"seconds": -1, "microseconds": 5}}',
        want: { valid: false, issues: ['error bad-timestamp /timestamp/microseconds'] },
      },
    ],
    [
      'microseconds too big',
      {
        given: '{"event": "PING", "timestamp": {"seconds": 1, "microseconds": 1000000}}',
        want: { valid: false, issues: ['error bad-timestamp /timestamp/microseconds'] },
      },
    ],
    [
      'seconds a float',
      {
        given: '{"event": "PING", "timestamp": {"seconds": 1.5, "microseconds": 0}}',
        want: { valid: false, issues: ['error bad-timestamp /timestamp/seconds'] },
      },
    ],
    [
      'timestamp extra key',
      {
        given: '{"event": "PING", "timestamp": {"seconds": 1, "microseconds": 0, "nanoseconds": 0}}',
        want: { valid: false, issues: ['error bad-timestamp /timestamp/nanoseconds'] },
      },
    ],
  ]);
  it('suggests the nearest event names', () => {
    expect(verdict(ev('WIDGET_CHANGE', '{}')).texts[0]).toContain('WIDGET_CHANGED');
  });
});

describe('commands, replies, errors, greeting', () => {
  runTable([
    [
      'command with arguments',
      { given: '{"execute": "widget-add", "arguments": {"id": "a"}, "id": 7}', want: { valid: true, issues: [] } },
    ],
    [
      'missing argument',
      { given: '{"execute": "widget-add"}', want: { valid: false, issues: ['error missing-member /arguments/id'] } },
    ],
    [
      'unknown argument',
      {
        given: '{"execute": "widget-add", "arguments": {"id": "a", "idd": 1}}',
        want: { valid: false, issues: ['error unknown-member /arguments/idd'] },
      },
    ],
    [
      'gen: false takes extra members',
      {
        given: '{"execute": "device_add", "arguments": {"driver": "virtio-net", "mac": "x"}}',
        want: { valid: true, issues: [] },
      },
    ],
    [
      'gen: false still checks declared ones',
      {
        given: '{"execute": "device_add", "arguments": {"mac": "x"}}',
        want: { valid: false, issues: ['error missing-member /arguments/driver'] },
      },
    ],
    [
      'command without arguments given some',
      {
        given: '{"execute": "widget-reset", "arguments": {"x": 1}}',
        want: { valid: false, issues: ['error unknown-member /arguments/x'] },
      },
    ],
    [
      'unknown command',
      { given: '{"execute": "widget-ad"}', want: { valid: false, issues: ['error unknown-command /execute'] } },
    ],
    ['exec-oob allowed', { given: '{"exec-oob": "oob-ping", "id": 1}', want: { valid: true, issues: [] } }],
    [
      'exec-oob not allowed',
      { given: '{"exec-oob": "widget-reset", "id": 1}', want: { valid: false, issues: ['error envelope /exec-oob'] } },
    ],
    [
      'reply checked against the preceding command',
      {
        given: '{"execute": "widget-list"}\n{"return": ["a", 1]}',
        want: { valid: false, issues: ['error wrong-type /return/1'] },
      },
    ],
    [
      'reply matched by id',
      {
        given:
          '{"execute": "widget-list", "id": "L"}\n{"execute": "widget-reset", "id": "R"}\n{"return": ["a"], "id": "L"}\n{"return": {}, "id": "R"}',
        want: { valid: true, issues: [] },
      },
    ],
    [
      'reply of a command returning nothing',
      {
        given: '{"execute": "widget-reset"}\n{"return": {"x": 1}}',
        want: { valid: false, issues: ['error wrong-type /return'] },
      },
    ],
    ['orphan reply', { given: '{"return": {}}', want: { valid: true, issues: ['warning orphan-reply /return'] } }],
    [
      'error reply',
      {
        given: '{"execute": "widget-reset"}\n{"error": {"class": "GenericError", "desc": "no"}}',
        want: { valid: true, issues: [] },
      },
    ],
    [
      'error reply without desc',
      {
        given: '{"error": {"class": "GenericError"}}',
        want: { valid: false, issues: ['error missing-member /error/desc'] },
      },
    ],
    [
      'greeting',
      {
        given:
          '{"QMP": {"version": {"qemu": {"micro": 2, "minor": 2, "major": 10}, "package": ""}, "capabilities": ["oob"]}}',
        want: { valid: true, issues: [] },
      },
    ],
    [
      'not a QMP message',
      { given: '{"status": "running"}', want: { valid: false, issues: ['error unknown-message '] } },
    ],
    ['not an object', { given: '"out"', want: { valid: false, issues: ['error not-an-object '] } }],
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
