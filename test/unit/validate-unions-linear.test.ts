// Hostile shapes of a "your QEMU" schema, read as the worker reads a stored
// one: unions nested 20 levels deep, two per level, each level's branches
// being the next level's unions (a 8 KB dump that took 72 s and 4 GB when
// shared branches were expanded again for every path), a chain of 2,000
// unions and one of 3,000 structs (never a stack overflow), and a schema past
// the validator's budget (refused, named, on import and on a later visit).
// The work is asserted by what is compiled, never by the time it takes.
import { beforeAll, describe, expect, it } from 'vitest';
import { readIntrospection } from '../../lib/qapi/introspect/index';
import { buildIndex, type SchemaModel } from '../../lib/qapi/model';
import { createValidator } from '../../lib/validate/index';
import { ZodCompiler } from '../../lib/validate/compile';
import { PrecheckCompiler } from '../../lib/validate/precheck';
import { schemaCost, SCHEMA_BUDGET } from '../../lib/validate/budget';
import { manyValuesDump, nestedUnionsCommand, nestedUnionsDump } from '../../lib/validate/fuzz';
import { WorkerCore } from '../../components/validator/worker-core';
import type { FromWorker } from '../../components/validator/protocol';

const memberCount = (m: SchemaModel) =>
  m.entities.reduce((n, e) => n + (e.meta === 'struct' || e.meta === 'union' ? e.members.length : 0), 0);

describe('unions nested 20 levels deep, two per level', () => {
  let model: SchemaModel;
  beforeAll(() => {
    model = readIntrospection(nestedUnionsDump(20, 2), 'nested.json');
  });

  it('a message through all 20 levels is checked with each union compiled once', () => {
    const index = buildIndex(model);
    const zod = new ZodCompiler(index, 'input');
    const pre = new PrecheckCompiler(index, 'input');
    const args = JSON.parse(nestedUnionsCommand(20)).arguments as Record<string, unknown>;
    expect(pre.check('u0_0')(args)).toBe(true);
    expect(zod.typeSchema('u0_0').safeParse(args).success).toBe(true);
    const wrong = { ...args, t12: 'v1', t19: 'v9', extra: 1 };
    expect(pre.check('u0_0')(wrong)).toBe(false);
    expect(zod.typeSchema('u0_0').safeParse(wrong).success).toBe(false);
    // 2^20 paths through the levels; 40 unions and a leaf with 81 members in all
    expect(memberCount(model)).toBe(81);
    expect(pre.membersLaidOut).toBeLessThanOrEqual(memberCount(model));
    expect(zod.membersCompiled).toBeLessThanOrEqual(2 * memberCount(model));
  });

  it('the issues are those of the branch each discriminator selects', () => {
    const v = createValidator(model);
    expect(v.validateText(nestedUnionsCommand(20)).valid).toBe(true);
    const cmd = JSON.parse(nestedUnionsCommand(20)) as { arguments: Record<string, unknown> };
    delete cmd.arguments.t19;
    cmd.arguments.t3 = 'v1';
    cmd.arguments.bogus = 1;
    const issues = v.validateText(JSON.stringify(cmd)).messages[0]!.issues;
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual(['missing-member /arguments/t19']);
    expect(issues[0]!.text).toContain("missing discriminator 't19'");
    cmd.arguments.t19 = 'v0';
    const unknown = v.validateText(JSON.stringify(cmd)).messages[0]!.issues;
    expect(unknown.map((i) => `${i.code} ${i.path}`)).toEqual(['unknown-member /arguments/bogus']);
  });
});

describe('chains as deep as the schema makes them', () => {
  it('2,000 unions, each the only branch of the one before: no stack overflow, the issue at its level', () => {
    const v = createValidator(readIntrospection(nestedUnionsDump(2000, 1), 'chain.json'));
    expect(v.validateText(nestedUnionsCommand(2000)).valid).toBe(true);
    const cmd = JSON.parse(nestedUnionsCommand(2000)) as { arguments: Record<string, unknown> };
    delete cmd.arguments.t1999;
    const issues = v.validateText(JSON.stringify(cmd)).messages[0]!.issues;
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual(['missing-member /arguments/t1999']);
  });

  it('3,000 structs, each a member of the one before, and a value 1,000 deep: one issue where it is', () => {
    const infos: object[] = [
      { name: 'str', 'meta-type': 'builtin', 'json-type': 'string' },
      { name: 'empty', 'meta-type': 'object', members: [] },
      { name: 'deep', 'meta-type': 'command', 'arg-type': 's0', 'ret-type': 'empty' },
    ];
    for (let k = 0; k < 3000; k++)
      infos.push({
        name: `s${k}`,
        'meta-type': 'object',
        members: [{ name: 'm', type: k + 1 < 3000 ? `s${k + 1}` : 'str', default: null }],
      });
    const v = createValidator(readIntrospection(JSON.stringify({ return: infos }), 'structs.json'));
    let value = '{"x": 1}';
    for (let k = 0; k < 1000; k++) value = `{"m": ${value}}`;
    const issues = v.validateText(`{"execute": "deep", "arguments": ${value}}`).messages[0]!.issues;
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([`unknown-member /arguments${'/m'.repeat(1000)}/x`]);
  });
});

describe('the budget', () => {
  const huge = manyValuesDump(SCHEMA_BUDGET + 1);

  it('is far above what QEMU schemas cost', () => {
    const dump = nestedUnionsDump(20, 2);
    expect(schemaCost(readIntrospection(dump, 'd'))).toBeLessThan(SCHEMA_BUDGET / 100);
  });

  it('a dump past it is refused when opened, and on a later visit the page is told which, to forget it', async () => {
    const posted: FromWorker[] = [];
    const stored = new Map<string, string>();
    const core = () =>
      new WorkerCore(
        async (url) => readIntrospection(stored.get(url.slice('own:'.length)) ?? huge, 'your QEMU'),
        (msg) => posted.push(msg),
        undefined,
        async (key, text) => void stored.set(key, text),
        async (text, fname) => readIntrospection(text, fname),
      );
    await core().handle({ type: 'introspect', id: 1, key: 'k', fileName: 'huge.json', text: huge });
    expect(posted).toEqual([
      {
        type: 'failed',
        id: 1,
        message: expect.stringMatching(/^the schema is too large for the validator: it has 200,00\d definitions/),
      },
    ]);
    expect(stored.size).toBe(0);
    // kept by an earlier version of the page: refused, the page told which model, the text unharmed
    posted.length = 0;
    const later = core();
    const options = { mode: 'strict', deprecated: 'warn' } as const;
    await later.handle({ type: 'validate', id: 2, modelUrl: 'own:k', text: '{"event": "HUGE"}', options });
    expect(posted.map((m) => m.type).sort()).toEqual(['failed', 'refused']);
    expect(posted.find((m) => m.type === 'refused')).toMatchObject({
      modelUrl: 'own:k',
      message: expect.stringContaining('too large'),
    });
  });
});
