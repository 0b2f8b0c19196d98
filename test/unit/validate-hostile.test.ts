// Hostile and odd input through the validator: members named like
// Object.prototype properties are read as own members; hostile names are
// quoted with a bounded prefix; suggestions stay cheap for huge names; number
// literals beyond double range are reported by their literal; caps on one
// message keep memory bounded, with an error naming the cap.
import { describe, expect, it } from 'vitest';
import type { Entity, SchemaModel } from '../../lib/qapi/model';
import { createValidator } from '../../lib/validate/index';
import { didYouMean, nearestNames } from '../../lib/validate/suggest';
import { MINI_ENTITIES, MINI_MODEL } from '../fixtures/validate/mini-model';

const base = { module: 'mini.json', loc: { file: 'mini.json', line: 1 }, features: [], implicit: false, doc: null };
const member = (name: string, type: string, optional: boolean) => ({
  name,
  type,
  optional,
  features: [],
  definedIn: 'q_obj_PROTO-arg',
});
/** `'*constructor': 'str'`, `'toString': 'int'`, `'*__proto__': 'str'`: legal QAPI member names */
const PROTO_MODEL: SchemaModel = {
  ...MINI_MODEL,
  entities: [
    ...MINI_ENTITIES,
    {
      ...base,
      name: 'q_obj_PROTO-arg',
      meta: 'struct',
      implicit: true,
      members: [member('constructor', 'str', true), member('toString', 'int', false), member('__proto__', 'str', true)],
    } as Entity,
    { ...base, name: 'PROTO', meta: 'event', argType: 'q_obj_PROTO-arg', boxed: false } as Entity,
  ],
};
const TS = '"timestamp": {"seconds": 1, "microseconds": 2}';

describe('members named like Object.prototype properties', () => {
  const v = createValidator(PROTO_MODEL);
  const p = createValidator(PROTO_MODEL, { precheck: false });
  it.each([
    ['only the required member', `{"event": "PROTO", "data": {"toString": 1}, ${TS}}`, true],
    [
      'with the optional ones',
      `{"event": "PROTO", "data": {"toString": 1, "constructor": "c", "__proto__": "p"}, ${TS}}`,
      true,
    ],
    ['the required one missing', `{"event": "PROTO", "data": {"constructor": "c"}, ${TS}}`, false],
    ['a wrong type', `{"event": "PROTO", "data": {"toString": 1, "constructor": 5}, ${TS}}`, false],
  ])('%s', (_n, text, valid) => {
    for (const validator of [v, p]) {
      const r = validator.validateText(text);
      expect(r.messages[0]!.valid, JSON.stringify(r.messages[0]!.issues)).toBe(valid);
    }
    if (!valid) expect(v.validateText(text).messages[0]!.issues[0]!.path).toMatch(/^\/data\/(toString|constructor)$/);
  });
});

/** Candidates that count how many of them a suggestion search looks at. */
function countedNames(names: string[]): { names: Iterable<string>; seen: () => number } {
  let seen = 0;
  return {
    names: {
      *[Symbol.iterator]() {
        for (const n of names) {
          seen++;
          yield n;
        }
      },
    },
    seen: () => seen,
  };
}

describe('hostile names and values are quoted with a bounded prefix', () => {
  const v = createValidator(MINI_MODEL);
  it('a 100,000-character event name: a short text, and no name is compared with it', () => {
    const name = 'A'.repeat(100_000);
    const r = v.validateText(`{"event": "${name}", ${TS}}`);
    const text = r.messages[0]!.issues.find((i) => i.code === 'unknown-event')!.text;
    expect(text).toContain('…, 100000 characters');
    expect(text.length).toBeLessThan(400);
    const events = countedNames(['STOP', 'RESUME', 'A'.repeat(10)]);
    expect(nearestNames(name, events.names)).toEqual([]);
    expect(events.seen()).toBe(0);
  });
  it('a 1,000,000-character enum value gets no suggestion search and a short text', () => {
    const value = 'r' + 'e'.repeat(1_000_000);
    const r = v.validateText(`{"execute": "widget-add", "arguments": {"id": "${value}", "size": "${value}"}}`);
    for (const i of r.messages[0]!.issues) expect(i.text.length).toBeLessThan(600);
    const values = countedNames(['red', 'reed', 'green']);
    expect(didYouMean(value, values.names)).toBe('');
    expect(values.seen()).toBe(0);
    // a name of QAPI's size is still searched
    expect(didYouMean('rede', countedNames(['red', 'reed', 'green']).names)).toBe(" (did you mean 'red' or 'reed'?)");
  });
  it('an unknown member named with a million characters', () => {
    const key = 'x'.repeat(1_000_000);
    const r = v.validateText(`{"execute": "widget-add", "arguments": {"id": "w", "${key}": 1}}`);
    const issue = r.messages[0]!.issues.find((i) => i.code === 'unknown-member')!;
    expect(issue.text).toContain('…, 1000000 characters');
    expect(issue.text.length).toBeLessThan(600);
  });
});

describe('numbers beyond double range', () => {
  it('1e400 is reported by its literal', () => {
    const r = createValidator(MINI_MODEL).validateText(`{"execute": "widget-add", "arguments": {"id": 1e400}}`);
    const text = r.messages[0]!.issues[0]!.text;
    expect(text).toContain('1e400');
    expect(text).not.toContain('Infinity');
  });
});
