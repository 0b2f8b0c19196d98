// query-qmp-schema replies we wrote ourselves: every form the reader accepts
// (bare array, {"return": …}, a dump, a '->' / '<-' transcript with prose, the
// QMP greeting's version), what each SchemaInfo becomes in the model, the
// validator on an introspected 'int', and positioned errors for bad replies.
import { describe, expect, it } from 'vitest';
import { QapiError } from '../../lib/qapi/error';
import { createRng } from '../../lib/qapi/fuzz/mutate';
import { looksLikeIntrospection, readIntrospection } from '../../lib/qapi/introspect/index';
import { buildIndex, type Entity } from '../../lib/qapi/model';
import { createValidator } from '../../lib/validate/index';

/** A small QEMU: one command with every member kind, one event, a union, an alternate. */
const INFOS = [
  {
    name: 'query-thing',
    'meta-type': 'command',
    'arg-type': '1',
    'ret-type': '[2]',
    'allow-oob': true,
    features: ['unstable'],
  },
  { name: 'stop', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '0' },
  { name: 'device_add', 'meta-type': 'command', 'arg-type': '5', 'ret-type': '0' },
  { name: 'THING_CHANGED', 'meta-type': 'event', 'arg-type': '3' },
  { name: 'STOP', 'meta-type': 'event', 'arg-type': '0' },
  { name: '0', 'meta-type': 'object', members: [] },
  {
    name: '1',
    'meta-type': 'object',
    members: [
      { name: 'id', type: 'str' },
      { name: 'size', type: 'int', default: null },
      { name: 'old', type: 'bool', default: null, features: ['deprecated'] },
    ],
  },
  { name: '[2]', 'meta-type': 'array', 'element-type': '2' },
  {
    name: '2',
    'meta-type': 'object',
    members: [
      { name: 'kind', type: '4' },
      { name: 'how', type: '6', default: null },
    ],
    tag: 'kind',
    variants: [
      { case: 'disk', type: '1' },
      { case: 'net', type: '0' },
    ],
  },
  { name: '3', 'meta-type': 'object', members: [{ name: 'kind', type: '4' }] },
  {
    name: '4',
    'meta-type': 'enum',
    values: ['disk', 'net'],
    members: [{ name: 'disk' }, { name: 'net', features: ['deprecated'] }],
  },
  { name: '5', 'meta-type': 'object', members: [{ name: 'driver', type: 'str' }] },
  { name: '6', 'meta-type': 'alternate', members: [{ type: 'str' }, { type: 'int' }] },
  { name: 'str', 'meta-type': 'builtin', 'json-type': 'string' },
  { name: 'int', 'meta-type': 'builtin', 'json-type': 'int' },
  { name: 'bool', 'meta-type': 'builtin', 'json-type': 'boolean' },
];

const pretty = (v: unknown): string => JSON.stringify(v, null, 2);

/** libvirt's .replies layout: pretty JSON, blank-line separated, command then reply. */
const DUMP = [
  { execute: 'qmp_capabilities', id: 'libvirt-1' },
  { return: {}, id: 'libvirt-1' },
  { execute: 'query-version', id: 'libvirt-2' },
  { return: { qemu: { micro: 1, minor: 2, major: 9 }, package: 'qemu-9.2.1-3.fc42' }, id: 'libvirt-2' },
  { execute: 'query-target', id: 'libvirt-3' },
  { return: { arch: 'riscv64' }, id: 'libvirt-3' },
  { execute: 'query-qmp-schema', id: 'libvirt-4' },
  { return: INFOS, id: 'libvirt-4' },
]
  .map(pretty)
  .join('\n\n');

function entity(name: string): Entity {
  const e = buildIndex(readIntrospection(JSON.stringify(INFOS), 'x')).get(name);
  if (!e) throw new Error(`no ${name}`);
  return e;
}

function errorOf(text: string): string {
  try {
    readIntrospection(text, 'reply.json');
  } catch (err) {
    expect(err).toBeInstanceOf(QapiError);
    return String(err);
  }
  throw new Error('no error');
}

describe('reading a query-qmp-schema reply', () => {
  it.each([
    ['a bare array', JSON.stringify(INFOS)],
    ['{"return": [...]}', JSON.stringify({ return: INFOS })],
    ['a libvirt-style dump', DUMP],
    [
      'a transcript with markers and prose',
      `Connected.\n-> { "execute": "query-qmp-schema" }\n<- ${pretty({ return: INFOS })}\nbye\n`,
    ],
  ])('finds it in %s', (_, text) => {
    expect(looksLikeIntrospection(text)).toBe(true);
    const model = readIntrospection(text, 'x');
    expect(model.entities.map((e) => e.name)).toEqual(INFOS.map((i) => i.name));
    expect(model.origin?.kind).toBe('introspection');
    expect(model.modules.map((m) => [m.name, m.entities.length])).toEqual([
      ['./builtin', 3],
      ['query-qmp-schema', INFOS.length - 3],
    ]);
  });

  it('records the version and target of a dump, or of the QMP greeting', () => {
    expect(readIntrospection(DUMP, 'x').origin).toEqual({
      kind: 'introspection',
      qemuVersion: '9.2.1',
      qemuPackage: 'qemu-9.2.1-3.fc42',
      target: 'riscv64',
    });
    const greeting = JSON.stringify({
      QMP: { version: { qemu: { micro: 0, minor: 0, major: 10 }, package: '' }, capabilities: ['oob'] },
    });
    expect(readIntrospection(`${greeting}\n${JSON.stringify({ return: INFOS })}\n`, 'x').origin).toEqual({
      kind: 'introspection',
      qemuVersion: '10.0.0',
    });
  });

  it('takes the first schema reply of a dump', () => {
    const second = [{ name: 'only-in-second', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '0' }, INFOS[5]];
    const names = readIntrospection(
      `${JSON.stringify({ return: INFOS })}\n${JSON.stringify({ return: second })}\n`,
      'x',
    ).entities.map((e) => e.name);
    expect(names).not.toContain('only-in-second');
  });

  it('tells QAPI source from introspection by content', () => {
    expect(looksLikeIntrospection("# comment\n{ 'include': 'a.json' }\n")).toBe(false);
    expect(looksLikeIntrospection("{ 'command': 'x', 'data': { 'meta-type': 'str' } }")).toBe(false);
    expect(looksLikeIntrospection('{"return": []}')).toBe(true);
  });
});

describe('SchemaInfo -> model, with introspect.json semantics', () => {
  it('commands: arg-type / ret-type, with the empty object meaning none; allow-oob; features', () => {
    const cmd = entity('query-thing');
    expect(cmd).toMatchObject({
      meta: 'command',
      argType: '1',
      returns: '[2]',
      allowOob: true,
      gen: true,
      successResponse: true,
    });
    expect(cmd.features).toEqual([{ name: 'unstable', special: true }]);
    const stop = entity('stop');
    expect(stop.meta === 'command' && [stop.argType, stop.returns, stop.allowOob]).toEqual([
      undefined,
      undefined,
      false,
    ]);
    // device_add takes the device's own properties (QEMU's 'gen': false)
    expect(entity('device_add')).toMatchObject({ gen: false, argType: '5' });
    expect(entity('STOP')).toMatchObject({ meta: 'event' });
    expect((entity('STOP') as { argType?: string }).argType).toBeUndefined();
  });

  it("objects: 'default' makes a member optional; tag + variants make a union", () => {
    expect(entity('1')).toMatchObject({
      meta: 'struct',
      members: [
        { name: 'id', type: 'str', optional: false, definedIn: '1' },
        { name: 'size', type: 'int', optional: true },
        { name: 'old', type: 'bool', optional: true, features: [{ name: 'deprecated', special: true }] },
      ],
    });
    expect(entity('2')).toMatchObject({
      meta: 'union',
      discriminator: 'kind',
      tagType: '4',
      branches: [
        { value: 'disk', type: '1' },
        { value: 'net', type: '0' },
      ],
    });
  });

  it("enums from 'members' (with features), arrays, alternates, builtins; masked names stay names", () => {
    expect(entity('4')).toMatchObject({
      meta: 'enum',
      values: [
        { name: 'disk', features: [] },
        { name: 'net', features: [{ name: 'deprecated', special: true }] },
      ],
    });
    const older = readIntrospection(JSON.stringify([{ name: 'e', 'meta-type': 'enum', values: ['a', 'b'] }]), 'x')
      .entities[0];
    expect(older).toMatchObject({ meta: 'enum', values: [{ name: 'a' }, { name: 'b' }] });
    expect(entity('[2]')).toMatchObject({ meta: 'array', elementType: '2' });
    expect(entity('6')).toMatchObject({ meta: 'alternate', alternatives: [{ type: 'str' }, { type: 'int' }] });
    expect(entity('int')).toMatchObject({ meta: 'builtin', jsonType: 'int', anyInteger: true, module: './builtin' });
    expect(entity('str')).not.toHaveProperty('anyInteger');
  });
});

describe('validating against an introspection', () => {
  const validator = createValidator(readIntrospection(DUMP, 'x'));
  const verdicts = (text: string) =>
    validator.validateText(text).messages.map((m) => [m.valid, m.issues.map((i) => `${i.path} ${i.code}`)]);

  it("an introspected 'int' takes any QAPI integer, and says why when it cannot", () => {
    const big = '{"execute": "query-thing", "arguments": {"id": "a", "size": 18446744073709551615}}';
    expect(verdicts(big)).toEqual([[true, ['/execute unstable']]]);
    const tooBig = validator.validateText(
      '{"execute": "query-thing", "arguments": {"id": "a", "size": 18446744073709551616}}',
    );
    const issue = tooBig.messages[0]!.issues.find((i) => i.code === 'integer-range')!;
    expect(issue.path).toBe('/arguments/size');
    expect(issue.text).toContain('-9223372036854775808..18446744073709551615');
  });

  it('checks commands, replies and events by the introspected shapes', () => {
    const text = [
      '{"execute": "query-thing", "arguments": {"id": "a"}, "id": 1}',
      '{"return": [{"kind": "disk", "id": "x", "how": 3}, {"kind": "net", "how": "fast"}], "id": 1}',
      '{"execute": "stop", "id": 2}',
      '{"return": {"x": 1}, "id": 2}',
      '{"event": "THING_CHANGED", "data": {"kind": "floppy"}, "timestamp": {"seconds": 1, "microseconds": 2}}',
      '{"execute": "device_add", "arguments": {"driver": "virtio-net", "netdev": "n0"}}',
    ].join('\n');
    const v = verdicts(text);
    expect(v[0]).toEqual([true, ['/execute unstable']]);
    expect(v[1]![0]).toBe(true);
    expect(v[2]).toEqual([true, []]);
    expect(v[3]![0]).toBe(false);
    expect(v[4]).toEqual([false, ['/data/kind enum-value']]);
    expect(v[5]).toEqual([true, []]);
  });
});

describe('bad replies: a positioned error, never a crash', () => {
  const text = pretty({ return: INFOS });

  it.each([
    ['truncated', text.slice(0, 400), /^reply\.json:\d+:\d+: bad query-qmp-schema reply: unexpected end of input/],
    [
      'a stray comma',
      text.replace('"arg-type": "3"', '"arg-type": "3",,'),
      /^reply\.json:\d+:\d+: bad query-qmp-schema reply: expected a string key, found ','/,
    ],
    [
      'an unknown meta-type',
      text.replace('"meta-type": "alternate"', '"meta-type": "sometimes"'),
      /reply\.json:\d+:\d+: .*\[12\]\.meta-type: unknown meta-type 'sometimes' \('6'\)/,
    ],
    [
      'a type that is not defined',
      text.replace('"element-type": "2"', '"element-type": "99"'),
      /\[7\]\.element-type: type '99' is not defined in the reply/,
    ],
    ['a name defined twice', text.replace('"name": "5"', '"name": "4"'), /\[11\]\.name: '4' is defined twice/],
    [
      'a tag that is no member',
      text.replace('"tag": "kind"', '"tag": "sort"'),
      /\[8\]\.tag: the tag 'sort' is not one of the members/,
    ],
    [
      'a builtin with a wrong JSON type',
      text.replace('"json-type": "int"', '"json-type": "string"'),
      /builtin 'int' is sent as 'int', not 'string'/,
    ],
  ])('%s', (_, bad, expected) => {
    expect(errorOf(bad)).toMatch(expected);
  });

  it('the position is where the fault is', () => {
    const bad = text.replace('"element-type": "2"', '"element-type": "99"');
    const line = bad.slice(0, bad.indexOf('"99"')).split('\n').length;
    const col = bad.indexOf('"99"') - bad.lastIndexOf('\n', bad.indexOf('"99"'));
    expect(errorOf(bad)).toMatch(new RegExp(`^reply\\.json:${line}:${col}: `));
  });

  it('a union whose variants lead back to itself', () => {
    const loop = [
      { name: 'e', 'meta-type': 'enum', values: ['a'] },
      {
        name: 'u',
        'meta-type': 'object',
        members: [{ name: 't', type: 'e' }],
        tag: 't',
        variants: [{ case: 'a', type: 'u' }],
      },
    ];
    expect(errorOf(JSON.stringify(loop))).toMatch(/the variants of 'u' contain 'u' again/);
  });

  it('an array of itself, an alternate of an alternate', () => {
    const arrays = [
      { name: '[a]', 'meta-type': 'array', 'element-type': '[b]' },
      { name: '[b]', 'meta-type': 'array', 'element-type': '[a]' },
    ];
    expect(errorOf(JSON.stringify(arrays))).toMatch(
      /^reply\.json:1:\d+: .*\[0\]\.element-type: the array '\[a\]' contains itself/,
    );
    const alternates = [
      { name: 'a', 'meta-type': 'alternate', members: [{ type: 'str' }, { type: 'b' }] },
      { name: 'b', 'meta-type': 'alternate', members: [{ type: 'str' }] },
      { name: 'str', 'meta-type': 'builtin', 'json-type': 'string' },
    ];
    expect(errorOf(JSON.stringify(alternates))).toMatch(
      /\[0\]\.members\[1\]\.type: an alternative of 'a' cannot be an alternate/,
    );
  });

  it('broken values nested many times over are read once (linear time)', () => {
    // 1,000,501 lines: reading again from every line would take hours, far past the test's timeout
    const text = ('[\n' + '[],\n'.repeat(2000)).repeat(500);
    expect(errorOf(text)).toMatch(/^reply\.json:1000501:1: unexpected end of input/);
  });

  it('no schema reply at all, with or without broken JSON', () => {
    expect(errorOf('{"return": {}}\n')).toBe(
      'reply.json: no query-qmp-schema reply (a JSON array of SchemaInfo objects, alone or as {"return": [...]}) found',
    );
    expect(errorOf('prose\n{"return": [1,,2]}\n')).toMatch(
      /^reply\.json:2:15: unexpected ',': expected a JSON value; and no query-qmp-schema reply/,
    );
    expect(errorOf('['.repeat(100_000))).toMatch(/nested deeper than 512 levels/);
  });
});

const MESSAGES = [
  '{"execute": "query-thing", "arguments": {"id": "a", "size": 1, "old": true}, "id": 1}',
  '{"return": [{"kind": "disk", "id": "x", "how": 3}, {"kind": "net", "how": "fast"}], "id": 1}',
  '{"execute": "device_add", "arguments": {"driver": "e1000"}}',
  '{"event": "THING_CHANGED", "data": {"kind": "net"}, "timestamp": {"seconds": 1, "microseconds": 2}}',
  '{"event": "STOP", "timestamp": {"seconds": 1, "microseconds": 2}}',
].join('\n');

describe('mutants of a reply: a model or a QapiError, nothing else', () => {
  it('3,000 seeded mutants (cuts, deletions, insertions, swapped values)', () => {
    const base = pretty({ return: INFOS });
    const rng = createRng(20261127);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      'null',
      '1e999',
      '"0"',
      '"int"',
      '"object"',
      '"tag"',
      '"variants"',
      '[]',
      '{}',
      '"__proto__"',
    ];
    let models = 0;
    let errors = 0;
    for (let n = 0; n < 3000; n++) {
      let text = base;
      for (let k = 1 + Math.floor(rng() * 3); k > 0; k--) {
        const at = Math.floor(rng() * text.length);
        const op = Math.floor(rng() * 3);
        if (op === 0) text = text.slice(0, at);
        else if (op === 1) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rng() * 20));
        else text = text.slice(0, at) + pick(pieces) + text.slice(at);
      }
      let model;
      try {
        model = readIntrospection(text, 'm.json');
        models++;
      } catch (err) {
        if (!(err instanceof QapiError)) throw new Error(`mutant ${n} crashed: ${String(err)}\n${text}`);
        expect(String(err)).toMatch(/^m\.json(:\d+:\d+)?: /);
        errors++;
        continue;
      }
      // whatever the reader accepts, the validator can use
      createValidator(model).validateText(MESSAGES);
    }
    expect(models + errors).toBe(3000);
    expect(errors).toBeGreaterThan(1000);
  });

  it('2,000 seeded rewirings of type references', () => {
    const rng = createRng(7);
    const names = INFOS.map((i) => i.name);
    const refKeys = ['type', 'element-type', 'arg-type', 'ret-type'];
    let models = 0;
    for (let n = 0; n < 2000; n++) {
      const infos = JSON.parse(JSON.stringify(INFOS)) as Record<string, unknown>[];
      const refs: Record<string, unknown>[] = [];
      const collect = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(collect);
        else if (v && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          if (refKeys.some((k) => typeof o[k] === 'string')) refs.push(o);
          Object.values(o).forEach(collect);
        }
      };
      collect(infos);
      for (let k = 1 + Math.floor(rng() * 3); k > 0; k--) {
        const o = refs[Math.floor(rng() * refs.length)]!;
        const key = refKeys.find((r) => typeof o[r] === 'string')!;
        o[key] = names[Math.floor(rng() * names.length)];
      }
      let model;
      try {
        model = readIntrospection(JSON.stringify(infos), 'r.json');
      } catch (err) {
        if (!(err instanceof QapiError)) throw err;
        continue;
      }
      models++;
      createValidator(model).validateText(MESSAGES);
    }
    expect(models).toBeGreaterThan(100);
  });
});
