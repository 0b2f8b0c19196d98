// The expression checks read each release's rules (releases.ts): the same
// definition is judged as QEMU 5.2 and as later releases judge it. QEMU's own
// suites (test/conformance) cover most of these; the cases here pin the rows
// those suites do not tell apart and the malformed inputs QEMU 5.2 either
// rejects by Python truthiness or would crash on.
import { describe, expect, it } from 'vitest';
import { QapiError } from '@/lib/qapi/error';
import { loadSchema } from '@/lib/qapi/load';
import { optionsForTree } from '@/lib/qapi/options';
import { memoryHost } from '../support/memory-schema';

/** The message of the first fault in `schema` as `release` reads it ('ok' when there is none). */
function verdict(schema: string, release: string): string {
  try {
    loadSchema('t.json', memoryHost({ 't.json': schema }), optionsForTree(release));
    return 'ok';
  } catch (err) {
    if (!(err instanceof QapiError)) throw err;
    // without the "t.json: In META 'NAME':" line and the location
    return String(err)
      .replace(/^t\.json: In .*\n/, '')
      .replace(/^t\.json:\d+: /, '');
  }
}

const EXACTLY_ONE_META =
  "expression must have exactly one key 'enum', 'struct', 'union', 'alternate', 'command', 'event'";
const NOT_LOWER = (what: string) => `name of ${what} must not use uppercase or '_'`;

describe('expression checks per release', () => {
  it.each([
    // the meta key: the first found (5.2) or exactly one (later)
    ["{ 'foo': 'Str' }", 'expression is missing metatype', EXACTLY_ONE_META],
    [
      "{ 'struct': 'Str', 'union': 'Uni', 'data': {} }",
      "union has unknown key 'struct'\nValid keys are 'base', 'data', 'discriminator', 'features', 'if', 'union'.",
      EXACTLY_ONE_META,
    ],
    // alternates with array branches came after 5.2
    ["{ 'alternate': 'Alt', 'data': { 'a': ['int'], 'b': 'str' } }", "'data' member 'a' cannot be an array", 'ok'],
    // names: valid and lower case (5.2), conventions (later)
    ["{ 'struct': 'SKind', 'data': {} }", "struct name should not end in 'Kind'", 'ok'],
    [
      "{ 'command': 'c', 'data': { 'Aa': 'int' } }",
      "'data' member 'Aa' uses uppercase in name",
      NOT_LOWER("'data' member 'Aa'"),
    ],
    ["{ 'command': 'c', 'data': { 'a_b': 'int' } }", 'ok', NOT_LOWER("'data' member 'a_b'")],
    ["{ 'command': 'c', 'data': { '*has-a': 'int' } }", 'ok', "'data' member '*has-a' uses reserved name"],
    [
      "{ 'enum': 'Enm', 'data': [ '1a', 'B' ] }",
      "'data' member 'B' uses uppercase in name",
      NOT_LOWER("'data' member 'B'"),
    ],
    [
      "{ 'enum': 'Enm', 'data': [ { 'name': 'a', 'features': [ 'f' ] } ] }",
      "'data' member has unknown key 'features'\nValid keys are 'if', 'name'.",
      'ok',
    ],
    // 'if': C strings (5.2), config-symbol expressions (later)
    [
      "{ 'struct': 'Str', 'data': {}, 'if': [ 'defined(X)', ' ' ] }",
      "'if' condition ' ' of struct makes no sense",
      "'if' condition of struct must be a string or an object",
    ],
    // unions: simple ones only in 5.2
    [
      "{ 'union': 'Uni', 'base': 'B', 'data': { 'a': 'int' } }",
      "'base' requires 'discriminator'",
      "union misses key 'discriminator'",
    ],
    // Python truthiness, as QEMU 5.2 reads 'data' and 'boxed'
    ["{ 'alternate': 'Alt', 'data': [] }", "'data' must not be empty", "'data' must not be empty"],
    ["{ 'command': 'c', 'boxed': [] }", "flag 'boxed' may only use true value", "flag 'boxed' may only use true value"],
    // where QEMU 5.2 crashes, the later releases' message
    ["{ 'alternate': 'Alt', 'data': [ 'x' ] }", "'data' must be an object", "'data' must be an object"],
    ["{ 'union': 'Uni', 'data': 'x' }", "'data' must be an object", "union misses keys 'base', 'discriminator'"],
  ])('%s', (schema, as52, as102) => {
    expect(verdict(schema, '5.2')).toBe(as52);
    expect(verdict(schema, '10.2')).toBe(as102);
  });
});
