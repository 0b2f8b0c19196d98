// Hostile shapes of valid-looking schemas, generated at any size: union chains
// and diamonds, chains of bases, arrays of arrays in a dump, bullets nested in
// a doc comment. Each is what QEMU's grammar allows (QEMU 10.2's generator
// accepts the trees up to its own recursion limit) but grows a reader's work
// or stack with its size. Used by scripts/fuzz-parse.ts and the tests of the
// readers' bounds. Deterministic: the same arguments give the same text.

/** A tree's root file or a query-qmp-schema reply, and how it is read. */
export interface Shape {
  name: string;
  kind: 'tree' | 'dump';
  text: string;
}

const header = "{ 'enum': 'Choice', 'data': [ 'a', 'b' ] }\n{ 'struct': 'Leaf', 'data': { 'x': 'int' } }\n";

/** One union, its base and its two branches (QEMU requires a base holding the discriminator). */
function union(name: string, a: string, b: string): string {
  return (
    `{ 'struct': '${name}Base', 'data': { '${name.toLowerCase()}-tag': 'Choice' } }\n` +
    `{ 'union': '${name}', 'base': '${name}Base', 'discriminator': '${name.toLowerCase()}-tag',\n` +
    `  'data': { 'a': '${a}', 'b': '${b}' } }\n`
  );
}

/**
 * `n` unions, each the first branch of the one before: Chain0 -> Chain1 -> … -> Leaf, under the event CHAIN.
 * `order` is the order of definition: the outermost union first, or the innermost first.
 */
export function unionChainTree(n: number, order: 'outer-first' | 'inner-first' = 'outer-first'): string {
  const defs = Array.from({ length: n }, (_, i) => union(`Chain${i}`, i + 1 < n ? `Chain${i + 1}` : 'Leaf', 'Leaf'));
  if (order === 'inner-first') defs.reverse();
  return `${header}${defs.join('')}{ 'event': 'CHAIN', 'data': 'Chain0', 'boxed': true }\n`;
}

/** `levels` levels of two unions each, both branches of each union being the two unions of the next level. */
export function unionDiamondTree(levels: number): string {
  const defs: string[] = [];
  for (let i = 0; i < levels; i++) {
    const next = i + 1 < levels ? [`Left${i + 1}`, `Right${i + 1}`] : ['Leaf', 'Leaf'];
    defs.push(union(`Left${i}`, next[0]!, next[1]!), union(`Right${i}`, next[0]!, next[1]!));
  }
  return `${header}${defs.join('')}{ 'event': 'DIAMOND', 'data': 'Left0', 'boxed': true }\n`;
}

/** `n` structs, each the base of the next, defined derived first (QEMU recurses once per level). */
export function baseChainTree(n: number): string {
  const defs = Array.from({ length: n }, (_, i) =>
    i === 0
      ? `{ 'struct': 'Derived0', 'data': { 'm0': 'int' } }\n`
      : `{ 'struct': 'Derived${i}', 'base': 'Derived${i - 1}', 'data': { 'm${i}': 'int' } }\n`,
  ).reverse();
  return `${defs.join('')}{ 'event': 'DERIVED', 'data': 'Derived${n - 1}' }\n`;
}

/** A documented event whose description holds bullets nested `depth` deep ('- - - … text', one line). */
export function nestedBulletsTree(depth: number): string {
  return `##\n# @BULLETS:\n#\n# ${'- '.repeat(depth)}deep\n##\n{ 'event': 'BULLETS' }\n`;
}

/** The same, each level a list indented under the item before, as rST nests lists over several lines. */
export function indentedBulletsTree(depth: number): string {
  const lines = Array.from({ length: depth }, (_, i) => `# ${'  '.repeat(i)}- level ${i}\n#`);
  return `##\n# @BULLETS:\n#\n${lines.join('\n')}\n##\n{ 'event': 'BULLETS' }\n`;
}

interface Info {
  name: string;
  'meta-type': string;
  [key: string]: unknown;
}

const dumpBase: Info[] = [
  { name: 'int', 'meta-type': 'builtin', 'json-type': 'int' },
  { name: 'tag', 'meta-type': 'enum', values: ['a', 'b'] },
  { name: 'leaf', 'meta-type': 'object', members: [{ name: 'x', type: 'int' }] },
];

function dumpUnion(name: string, a: string, b: string): Info {
  return {
    name,
    'meta-type': 'object',
    members: [{ name: `${name}-tag`, type: 'tag' }],
    tag: `${name}-tag`,
    variants: [
      { case: 'a', type: a },
      { case: 'b', type: b },
    ],
  };
}

const dump = (infos: Info[]): string => JSON.stringify({ return: infos });

/** A query-qmp-schema reply with `n` chained unions under the event CHAIN (QEMU masks the names: '1', '2' …). */
export function unionChainDump(n: number): string {
  const unions = Array.from({ length: n }, (_, i) => dumpUnion(`u${i}`, i + 1 < n ? `u${i + 1}` : 'leaf', 'leaf'));
  return dump([...dumpBase, ...unions, { name: 'CHAIN', 'meta-type': 'event', 'arg-type': 'u0' }]);
}

/** A reply with `levels` levels of union diamonds (2 unions per level) under the event DIAMOND. */
export function unionDiamondDump(levels: number): string {
  const unions: Info[] = [];
  for (let i = 0; i < levels; i++) {
    const next = i + 1 < levels ? [`l${i + 1}`, `r${i + 1}`] : ['leaf', 'leaf'];
    unions.push(dumpUnion(`l${i}`, next[0]!, next[1]!), dumpUnion(`r${i}`, next[0]!, next[1]!));
  }
  return dump([...dumpBase, ...unions, { name: 'DIAMOND', 'meta-type': 'event', 'arg-type': 'l0' }]);
}

/** A reply whose event's member is an array of an array … of int, `n` deep. */
export function arrayChainDump(n: number): string {
  const arrays = Array.from({ length: n }, (_, i) => ({
    name: `a${i}`,
    'meta-type': 'array',
    'element-type': i + 1 < n ? `a${i + 1}` : 'int',
  }));
  return dump([
    ...dumpBase,
    ...arrays,
    { name: 'holder', 'meta-type': 'object', members: [{ name: 'deep', type: 'a0' }] },
    { name: 'ARRAYS', 'meta-type': 'event', 'arg-type': 'holder' },
  ]);
}

/** Every shape at the sizes that once hung or overflowed a reader, and at sizes just inside the bounds. */
export function hostileShapes(): Shape[] {
  return [
    ...[100, 500, 501, 2_000, 20_000].flatMap((n) => [
      { name: `union chain ${n}, outer first`, kind: 'tree' as const, text: unionChainTree(n) },
      { name: `union chain ${n}, inner first`, kind: 'tree' as const, text: unionChainTree(n, 'inner-first') },
      { name: `union chain ${n} in a dump`, kind: 'dump' as const, text: unionChainDump(n) },
      { name: `array chain ${n} in a dump`, kind: 'dump' as const, text: arrayChainDump(n) },
    ]),
    ...[12, 22, 40].flatMap((n) => [
      { name: `union diamonds ${n} levels`, kind: 'tree' as const, text: unionDiamondTree(n) },
      { name: `union diamonds ${n} levels in a dump`, kind: 'dump' as const, text: unionDiamondDump(n) },
    ]),
    ...[1_000, 1_001, 20_000].map((n) => ({ name: `base chain ${n}`, kind: 'tree' as const, text: baseChainTree(n) })),
    ...[100, 2_000, 20_000].map((n) => ({
      name: `bullets nested ${n} deep`,
      kind: 'tree' as const,
      text: nestedBulletsTree(n),
    })),
    // indented, the text grows with the square of the depth: 2,000 levels are 4 MB
    ...[100, 2_000].map((n) => ({
      name: `bullets indented ${n} deep`,
      kind: 'tree' as const,
      text: indentedBulletsTree(n),
    })),
  ];
}
