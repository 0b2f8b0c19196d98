// The lossless JSON reader (json.ts), the fast reader (json-fast.ts) agreeing
// with it, and hostile input through the whole validator.
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../lib/validate/json';
import { readFast } from '../../lib/validate/json-fast';
import { IntegralFloat, toWireValue } from '../../lib/validate/wire';
import { createValidator } from '../../lib/validate/index';
import { MINI_MODEL } from '../fixtures/validate/mini-model';

type Want = { error: string; offset: number } | { kind: string; end: number };
/** Read whole: a value of this kind, ending at `end`. */
const value = (kind: string, end: number): Want => ({ kind, end });
/** Refused: this message, at `offset`. */
const error = (error: string, offset: number): Want => ({ error, offset });

const table: [name: string, given: string, want: Want][] = [
  ['object', ' {"a": 1} ', value('object', 9)],
  ['nested', '[{"a": [true, false, null]}, "s"]', value('array', 33)],
  ['leading zero', '01', error('numbers must not have leading zeros', 0)],
  ['lone minus', '-', error('expected a digit, found end of input', 1)],
  ['fraction without digits', '1.', error('expected a digit after the decimal point, found end of input', 2)],
  ['exponent without digits', '1e+', error('expected a digit in the exponent, found end of input', 3)],
  ['NaN', '{"a": NaN}', error('NaN is not a JSON value', 6)],
  ['Infinity', '[Infinity]', error('Infinity is not a JSON value', 1)],
  ['-Infinity', '[-Infinity]', error('-Infinity is not a JSON value', 1)],
  ['single quotes', "{'a': 1}", error("expected a member name in double quotes, found '''", 1)],
  ['trailing comma', '{"a": 1,}', error("expected a member name in double quotes, found '}'", 8)],
  ['missing colon', '{"a" 1}', error("expected ':' after a member name, found '1'", 5)],
  ['missing comma', '{"a": 1 "b": 2}', error("expected ',' or '}' after an object member, found '\"'", 8)],
  ['unterminated string', '"abc', error('unterminated string', 0)],
  ['raw control character', '"a\tb"', error('control character U+0009 must be escaped in a string', 2)],
  ['bad escape', '"\\x"', error("invalid escape '\\x' in a string", 1)],
  ['lone high surrogate escape', '"\\ud800"', error('lone surrogate escape in a string (\\ud800)', 1)],
  ['lone low surrogate escape', '"\\udc00x"', error('lone surrogate escape in a string (\\udc00)', 1)],
  ['raw lone surrogate', '"a\ud800b"', error('lone surrogate in a string (invalid UTF-16)', 2)],
  ['byte order mark', '\ufeff{}', error('expected a JSON value, found a byte order mark (U+FEFF)', 0)],
  ['truncated literal', '[tru', error('unexpected end of input', 4)],
];

describe('parseJson', () => {
  it.each(table)('%s', (_name, given, want) => {
    const r = parseJson(given);
    if ('error' in want) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect({ error: r.error.message, offset: r.error.offset }).toEqual(want);
    } else {
      expect(r.ok).toBe(true);
      if (r.ok) expect({ kind: r.node.kind, end: r.end }).toEqual(want);
    }
  });

  it('keeps number text, integer-ness and exact values', () => {
    const r = parseJson('[1, 1.0, 1e3, -0, 18446744073709551615, 0.1]');
    if (!r.ok || r.node.kind !== 'array') throw new Error('parse');
    expect(r.node.items.map((n) => (n.kind === 'number' ? [n.text, n.integer] : null))).toEqual([
      ['1', true],
      ['1.0', false],
      ['1e3', false],
      ['-0', true],
      ['18446744073709551615', true],
      ['0.1', false],
    ]);
    const wire = toWireValue(r.node) as unknown[];
    expect(wire[0]).toBe(1);
    expect(wire[1]).toBeInstanceOf(IntegralFloat);
    expect(wire[4]).toBe(18446744073709551615n);
    expect(wire[5]).toBe(0.1);
  });

  it('marks duplicate keys and keeps key positions', () => {
    const r = parseJson('{"a": 1, "b": 2, "a": 3}');
    if (!r.ok || r.node.kind !== 'object') throw new Error('parse');
    expect(r.node.members.map((m) => [m.key, m.keyStart, m.duplicate])).toEqual([
      ['a', 1, false],
      ['b', 9, false],
      ['a', 17, true],
    ]);
  });

  it('decodes escapes and surrogate pairs', () => {
    const r = parseJson('"a\\n\\u00e9\\ud83d\\ude00\\"/"');
    expect(r.ok && r.node.kind === 'string' && r.node.value).toBe('a\né😀"/');
  });

  it('reads 100,000 levels of nesting without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = parseJson(deep);
    expect(r.ok && r.depth).toBe(100_000);
    const unclosed = parseJson('{"a":'.repeat(100_000));
    expect(unclosed.ok).toBe(false);
    if (!unclosed.ok) expect(unclosed.error.eof).toBe(true);
  });
});

describe('readFast agrees with the exact reader or gives up', () => {
  const samples = [
    '{"event": "X", "data": {"a": [1, -2, 3.5, 1.0, 1e3, -0.5e-3, 123456789012345, 1234567890123456], "b": {"c": null, "d": true, "e": false}}, "t": ""}',
    '[]',
    '{}',
    '[{}]',
    '"plain"',
    '0',
    '-0',
    '12',
    '[1,2 ,3 ]',
    '{ "a" : { } , "b" : [ ] }',
    '{"__proto__": {"polluted": 1}, "constructor": 2}',
  ];
  it.each(samples)('%s', (text) => {
    const fast = readFast(text, 0, text.length);
    const exact = parseJson(text);
    if (!exact.ok) throw new Error('sample must parse');
    expect(fast).not.toBeNull();
    expect(fast!.value).toEqual(toWireValue(exact.node));
    expect(fast!.end).toBe(exact.end);
  });
  const bails = [
    '{"a": 1, "a": 2}',
    '"esc\\n"',
    '[1,]',
    '{"a" 1}',
    '01',
    '[' + '['.repeat(80) + ']'.repeat(81),
    '{"a": 1',
    'nul',
    '1.',
    '"\ud800"',
  ];
  it.each(bails)('gives up on %s', (text) => {
    expect(readFast(text, 0, text.length)).toBeNull();
  });
  it('never pollutes Object.prototype', () => {
    const v = readFast('{"__proto__": {"polluted": 1}}', 0, 31)!.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile input through the validator', () => {
  const v = createValidator(MINI_MODEL);
  const first = (text: string) => v.validateText(text).messages[0]!;

  it('100,000 levels of nesting: one issue, no crash', () => {
    const m = first('{"event": "PING", "data": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}');
    expect(m.valid).toBe(false);
    expect(m.issues[0]!.text).toContain('nesting deeper than 1024');
  });
  it('the same through the JSON Lines path (a trailing newline)', () => {
    const deep = v.validateText('{"event": "PING", "data": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}\n')
      .messages[0]!;
    expect(deep.issues[0]!.text).toContain('nesting deeper than 1024');
    const nan = v.validateText('{"event": "PING", "timestamp": {"seconds": NaN, "microseconds": 1}}\n').messages[0]!;
    expect(nan.issues[0]).toMatchObject({ code: 'json-syntax', line: 1, col: 44 });
    const bom = v.validateText('\ufeff{"event": "PING", "timestamp": {"seconds": 1, "microseconds": 1}}\n')
      .messages[0]!;
    expect(bom.issues[0]).toMatchObject({ code: 'json-syntax', line: 1, col: 1 });
  });
  it('a byte order mark is a syntax error at 1:1', () => {
    const r = v.validateText('\ufeff{"event": "PING", "timestamp": {"seconds": 1, "microseconds": 1}}');
    expect(r.messages[0]!.issues[0]).toMatchObject({ code: 'json-syntax', line: 1, col: 1 });
  });
  it('NaN at its exact place', () => {
    const m = first('{"event": "PING",\n "timestamp": {"seconds": NaN, "microseconds": 1}}');
    expect(m.issues[0]).toMatchObject({ code: 'json-syntax', line: 2, col: 27, text: 'NaN is not a JSON value' });
  });
  it('huge integers are exact and out of range, not rounded into range', () => {
    const m = first('{"event": "PING", "timestamp": {"seconds": 9223372036854775808, "microseconds": 1}}');
    expect(m.issues.map((i) => i.code)).toEqual(['bad-timestamp']);
    expect(first('{"event": "PING", "timestamp": {"seconds": 9223372036854775807, "microseconds": 1}}').valid).toBe(
      true,
    );
  });
  it('__proto__ and constructor keys are ordinary keys', () => {
    const m = first(
      '{"event": "PING", "__proto__": {"event": "X"}, "constructor": 1, "timestamp": {"seconds": 1, "microseconds": 1}}',
    );
    expect(m.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['envelope /__proto__', 'envelope /constructor']);
    expect(({} as Record<string, unknown>).event).toBeUndefined();
  });
  it('duplicate keys are flagged at the repetition', () => {
    const m = first('{"event": "PING", "timestamp": {"seconds": 1, "microseconds": 1}, "event": "PING"}');
    expect(m.issues[0]).toMatchObject({ code: 'duplicate-key', path: '/event', line: 1, col: 67 });
  });
});
