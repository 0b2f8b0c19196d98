// Valid-looking shapes that grew the checker's work or stack with their size
// (lib/qapi/fuzz/shapes.ts; `npm run fuzz:parse` runs them all): a chain of
// 2,000 unions took 189 s in `check`, 22 levels of union diamonds 22 s (QEMU's
// generator walks every path too), a long chain of bases or of unions ended
// in "Maximum call stack size exceeded" blamed on no line at all, and bullets
// nested 2,000 deep in a doc comment killed the site build. Now: each type is
// walked once per union that reaches it, and nesting stops where QEMU's own
// generator runs out of recursion depth (it accepts 490 chained unions and
// fails at 496 with a RecursionError), with an error at the definition.
import { describe, expect, it } from 'vitest';
import { loadModel } from '@/lib/qapi/load';
import { memoryHost } from '@/lib/qapi/fuzz/memory-host';
import { loadRootModel } from '@/lib/qapi/root';
import { optionsForTree } from '@/lib/qapi/options';
import { MAX_OBJECT_NESTING, MAX_UNION_NESTING } from '@/lib/qapi/schema/object';
import { MAX_DUMP_ARRAY_NESTING, MAX_DUMP_UNION_NESTING } from '@/lib/qapi/introspect/to-model';
import {
  arrayChainDump,
  baseChainTree,
  indentedBulletsTree,
  nestedBulletsTree,
  unionChainDump,
  unionChainTree,
  unionDiamondDump,
  unionDiamondTree,
} from '@/lib/qapi/fuzz/shapes';
import { MAX_RST_NESTING } from '@/lib/site/rst/blocks';
import { DefinitionPage } from '@/components/docs-html/DefinitionPage';
import { run as check } from '../../cli/check';
import { memorySite } from '../support/memory-schema';
import { runCommand } from '../support/cli-io';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const tree = (text: string, release = '10.2') =>
  loadModel('s.json', memoryHost(new Map([['s.json', text]])), optionsForTree(release));
const dump = (text: string) => loadRootModel('d.json', memoryHost(new Map([['d.json', text]])));
const errorOf = (load: () => unknown): string => {
  try {
    load();
  } catch (err) {
    return String(err);
  }
  return 'loaded';
};

/** The line of union Chain<i> in unionChainTree (2 header lines, 3 lines per union, the union 2 lines in). */
const chainLine = (i: number, n: number, order: 'outer-first' | 'inner-first') =>
  2 + (order === 'outer-first' ? i : n - 1 - i) * 3 + 2;

describe('unions nested through their branches, in a tree', () => {
  it.each(['outer-first', 'inner-first'] as const)(`${MAX_UNION_NESTING} chained unions, defined %s, load`, (order) => {
    const model = tree(unionChainTree(MAX_UNION_NESTING, order));
    expect(model.entities.filter((e) => e.meta === 'union')).toHaveLength(MAX_UNION_NESTING);
  });

  it.each([
    ['outer-first', 500],
    ['inner-first', 1499],
  ] as const)('2,000 chained unions, defined %s: an error at the union 501 deep (Chain%i)', (order, at) => {
    expect(errorOf(() => tree(unionChainTree(2000, order)))).toBe(
      `s.json: In union 'Chain${at}':\ns.json:${chainLine(at, 2000, order)}: unions nested more than 500 deep through their branches`,
    );
  });

  it('40 levels of union diamonds (2^40 paths) load, and a clash deep down is still found, as QEMU words it', () => {
    expect(tree(unionDiamondTree(40)).entities.filter((e) => e.meta === 'union')).toHaveLength(80);
    // the innermost unions' branch type gets a member named like Left0's discriminator
    const clashing = unionDiamondTree(40).replace(
      "{ 'struct': 'Leaf', 'data': { 'x': 'int' } }",
      "{ 'struct': 'Leaf', 'data': { 'x': 'int', 'left0-tag': 'int' } }",
    );
    // the same text as QEMU 10.2.2's generator gives on 10 levels (where it still finishes)
    expect(errorOf(() => tree(clashing))).toBe(
      "s.json: In union 'Left0':\ns.json:4: member 'left0-tag' of type 'Leaf' collides with member 'left0-tag' of type 'Left0Base'",
    );
  });
});

describe('bases nested deep', () => {
  it(`${MAX_OBJECT_NESTING} structs each the base of the next, defined derived first, load`, () => {
    expect(tree(baseChainTree(MAX_OBJECT_NESTING)).entities.find((e) => e.name === 'Derived999')).toBeDefined();
  });

  it.each([1001, 20_000])('%i: an error at the struct past the bound, not a stack overflow', (n) => {
    const at = n - 1 - MAX_OBJECT_NESTING;
    expect(errorOf(() => tree(baseChainTree(n)))).toBe(
      `s.json: In struct 'Derived${at}':\ns.json:${n - at}: object types nested more than 1000 deep through 'base' and branches`,
    );
  });
});

describe('unions and arrays nested in a query-qmp-schema reply', () => {
  it(`${MAX_DUMP_UNION_NESTING} chained unions and ${MAX_DUMP_ARRAY_NESTING} arrays load; 40 levels of union diamonds load`, () => {
    expect(dump(unionChainDump(MAX_DUMP_UNION_NESTING)).entities.length).toBeGreaterThan(MAX_DUMP_UNION_NESTING);
    expect(dump(arrayChainDump(MAX_DUMP_ARRAY_NESTING)).entities.length).toBeGreaterThan(MAX_DUMP_ARRAY_NESTING);
    expect(dump(unionDiamondDump(40)).entities.length).toBe(84);
  });

  it('5,000 chained unions or 2,000 arrays: an error at line:col of the one past the bound', () => {
    expect(errorOf(() => dump(unionChainDump(5000)))).toBe(
      "d.json:1:505700: bad query-qmp-schema reply at .return[3002].variants: unions nested more than 2000 deep ('u2999')",
    );
    expect(errorOf(() => dump(arrayChainDump(2000)))).toBe(
      "d.json:1:114129: bad query-qmp-schema reply at .return[1938].element-type: arrays nested more than 64 deep ('a1935')",
    );
  });

  it('a cycle through a diamond is still found, at the first union that reaches it', () => {
    const reply = JSON.parse(unionDiamondDump(10)) as { return: { name: string; variants?: { type: string }[] }[] };
    reply.return.find((i) => i.name === 'r9')!.variants![0]!.type = 'l3';
    const looped = JSON.stringify(reply);
    expect(errorOf(() => dump(looped))).toMatch(/at \.return\[3\]\.variants: the variants of 'l0' contain 'l3' again/);
  });
});

describe('the check command on them', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qapi-shapes-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('prints the error with its position and exits 1', async () => {
    const chain = file('chain.json', unionChainTree(2000));
    expect(await runCommand(check, ['--qemu-version', '10.2', chain])).toEqual({
      status: 1,
      stdout: '',
      stderr: `${chain}: In union 'Chain500':\n${chain}:1504: unions nested more than 500 deep through their branches\n`,
    });
    const diamonds = file('diamonds.json', unionDiamondTree(40));
    const r = await runCommand(check, ['--qemu-version', '10.2', diamonds]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('80 union');
  });
});

describe('the site on them', () => {
  it.each([
    ['a chain of 500 unions', unionChainTree(500), 'CHAIN', 'Chain0'],
    ['40 levels of union diamonds', unionDiamondTree(40), 'DIAMOND', 'Left0'],
  ])('%s: every page small, nested unions flattened 4 deep and said so', (_, text, event, union) => {
    const site = memorySite({ 'qapi-schema.json': text }, '10.2.2');
    for (const e of site.model.entities.filter((x) => !x.implicit && x.meta !== 'builtin')) {
      expect(DefinitionPage({ site, entity: e }).value.length, e.name).toBeLessThan(256 * 1024);
    }
    expect(DefinitionPage({ site, entity: site.index.get(event)! }).value).toContain(
      '(its own 2 branches are not shown here)',
    );
    expect(DefinitionPage({ site, entity: site.index.get(union)! }).value).toContain('its own 2 branches');
  });

  it.each([
    ['on one line', nestedBulletsTree(2000)],
    ['indented line by line', indentedBulletsTree(2000)],
  ])(
    `bullets nested 2,000 deep in a doc comment, %s: ${MAX_RST_NESTING} levels, then the rest as written, said so`,
    (_, text) => {
      const site = memorySite({ 'qapi-schema.json': text }, '10.0.13');
      const html = DefinitionPage({ site, entity: site.index.get('BULLETS')! }).value;
      expect(html.match(/<ul>/g)).toHaveLength(MAX_RST_NESTING + 1);
      expect(html).toContain(`Nested more than ${MAX_RST_NESTING} levels deep: the rest is shown as written.`);
      // nothing is lost: the deepest text is on the page, as written
      expect(html).toMatch(/<pre class="literal"><code>[^<]*(- level 1999|- deep)<\/code><\/pre>/);
    },
  );
});
