// Seeded mutations of QAPI schema text, for the parser fuzzer.
// Receives a file's text and a seed; guarantees the same mutant for the same
// (text, seed) on every machine, so any crash is reproducible from its seed.
// Mutations work on bytes (characters), tokens of the QAPI dialect (strings,
// punctuation, words, comments; spec: qapi-code-gen.rst "Schema syntax") and
// lines (doc-comment structure is line based, see QEMU scripts/qapi/parser.py).

/** mulberry32: tiny, fast, good enough to pick mutations; never crypto. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mix a base seed with a mutant index into an independent 32-bit seed. */
export function mutantSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

type Rng = () => number;
const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)];

/** A token with its character span; whitespace is not a token. */
interface Token {
  start: number;
  end: number;
}

/**
 * Split text into the QAPI dialect's tokens. Deliberately forgiving (it runs
 * on already-mutated text): an unterminated string ends at the line's end.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const start = i;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === "'") {
      i++;
      while (i < text.length && text[i] !== "'" && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i = Math.min(text.length, i + 1);
    } else if ('{}[]:,'.includes(c)) {
      i++;
    } else {
      while (i < text.length && !" \n\t\r{}[]:,'#".includes(text[i])) i++;
    }
    tokens.push({ start, end: i });
  }
  return tokens;
}

/** Characters and snippets that hit the lexer's and doc parser's edge cases. */
export const JUNK: readonly string[] = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  "'",
  '"',
  '#',
  '##',
  '\n',
  '\n##\n',
  '\t',
  ' ',
  '\\',
  "\\'",
  '\\u0041',
  'true',
  'false',
  'null',
  '123',
  '-1',
  '1.5',
  '@',
  '@x:',
  '# @foo:',
  'Since:',
  'Returns:',
  'Features:',
  "'include'",
  "'pragma'",
  "{ 'include': 'qapi-schema.json' }",
  "{ 'include': 'nonexistent.json' }",
  "'if'",
  "'features'",
  "'data'",
  "'base'",
  "'discriminator'",
  "'boxed': true",
  "'deprecated'",
  "{'not': {}}",
  "{'all': []}",
  "'*'",
  "'q_obj_x'",
  "'__org.qemu_x-'",
  "'xList'",
  '\u00e9',
  '\u2028',
  '\u0000',
  '\ud83d\ude00',
  '\r\n',
  '.. qmp-example::',
  '    ',
  '  ',
];

type Mutation = (text: string, rng: Rng) => string;

function span(text: string, rng: Rng, maxLen: number): [number, number] {
  const start = int(rng, text.length + 1);
  const len = 1 + int(rng, maxLen);
  return [start, Math.min(text.length, start + len)];
}

const byteMutations: Record<string, Mutation> = {
  deleteBytes: (t, r) => {
    const [a, b] = span(t, r, 16);
    return t.slice(0, a) + t.slice(b);
  },
  duplicateBytes: (t, r) => {
    const [a, b] = span(t, r, 64);
    return t.slice(0, b) + t.slice(a, b) + t.slice(b);
  },
  swapBytes: (t, r) => {
    const [a, b] = span(t, r, 8);
    const [c, d] = span(t, r, 8);
    if (b > c) return t;
    return t.slice(0, a) + t.slice(c, d) + t.slice(b, c) + t.slice(a, b) + t.slice(d);
  },
  truncate: (t, r) => t.slice(0, int(r, t.length + 1)),
  insertJunk: (t, r) => {
    const at = int(r, t.length + 1);
    return t.slice(0, at) + pick(r, JUNK) + t.slice(at);
  },
  flipChar: (t, r) => {
    const at = int(r, t.length);
    return t.slice(0, at) + String.fromCharCode(32 + int(r, 95)) + t.slice(at + 1);
  },
  deepNesting: (t, r) => {
    const at = int(r, t.length + 1);
    const open = pick(r, ['[', '{', "{ 'a': ", "[ { 'if': { 'not': "]);
    return t.slice(0, at) + open.repeat(1000 + int(r, 20000)) + t.slice(at);
  },
};

function withTokens(f: (t: string, toks: Token[], r: Rng) => string): Mutation {
  return (t, r) => {
    const toks = tokenize(t);
    return toks.length ? f(t, toks, r) : t;
  };
}

const tokenMutations: Record<string, Mutation> = {
  deleteToken: withTokens((t, toks, r) => {
    const k = pick(r, toks);
    return t.slice(0, k.start) + t.slice(k.end);
  }),
  duplicateToken: withTokens((t, toks, r) => {
    const k = pick(r, toks);
    return t.slice(0, k.end) + ' ' + t.slice(k.start, k.end) + t.slice(k.end);
  }),
  swapTokens: withTokens((t, toks, r) => {
    let x = pick(r, toks);
    let y = pick(r, toks);
    if (x.start > y.start) [x, y] = [y, x];
    if (x.end > y.start) return t;
    return (
      t.slice(0, x.start) + t.slice(y.start, y.end) + t.slice(x.end, y.start) + t.slice(x.start, x.end) + t.slice(y.end)
    );
  }),
  replaceToken: withTokens((t, toks, r) => {
    const k = pick(r, toks);
    const other = pick(r, toks);
    return t.slice(0, k.start) + t.slice(other.start, other.end) + t.slice(k.end);
  }),
  insertToken: withTokens((t, toks, r) => {
    const k = pick(r, toks);
    return t.slice(0, k.start) + pick(r, JUNK) + ' ' + t.slice(k.start);
  }),
};

function withLines(f: (lines: string[], r: Rng) => string[]): Mutation {
  return (t, r) => f(t.split('\n'), r).join('\n');
}

const lineMutations: Record<string, Mutation> = {
  deleteLine: withLines((ls, r) => {
    const i = int(r, ls.length);
    return [...ls.slice(0, i), ...ls.slice(i + 1)];
  }),
  duplicateLine: withLines((ls, r) => {
    const i = int(r, ls.length);
    return [...ls.slice(0, i), ls[i], ...ls.slice(i)];
  }),
  swapLines: withLines((ls, r) => {
    const i = int(r, ls.length);
    const j = int(r, ls.length);
    const out = ls.slice();
    [out[i], out[j]] = [out[j], out[i]];
    return out;
  }),
  reindentLine: withLines((ls, r) => {
    const i = int(r, ls.length);
    const out = ls.slice();
    out[i] = out[i].replace(
      /^(#?)( *)/,
      (_m, hash: string, sp: string) => hash + ' '.repeat(Math.max(0, sp.length + int(r, 7) - 3)),
    );
    return out;
  }),
};

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  ...byteMutations,
  ...tokenMutations,
  ...lineMutations,
};

/** Relative weights: nesting bombs are slow for everyone, so keep them rare. */
const WEIGHTS: Record<string, number> = { deepNesting: 0.2, truncate: 0.5 };
const NAMES = Object.keys(MUTATIONS);
const TOTAL_WEIGHT = NAMES.reduce((n, k) => n + (WEIGHTS[k] ?? 1), 0);

function pickMutation(rng: Rng): string {
  let x = rng() * TOTAL_WEIGHT;
  for (const name of NAMES) {
    x -= WEIGHTS[name] ?? 1;
    if (x < 0) return name;
  }
  return NAMES[NAMES.length - 1];
}

export interface Mutant {
  text: string;
  /** names of the mutations applied, in order */
  applied: string[];
}

/** Apply 1-3 seeded mutations to text. */
export function mutate(text: string, seed: number): Mutant {
  const rng = createRng(seed);
  const count = 1 + int(rng, 3);
  const applied: string[] = [];
  let out = text;
  for (let i = 0; i < count; i++) {
    const name = pickMutation(rng);
    applied.push(name);
    out = MUTATIONS[name](out, rng);
  }
  return { text: out, applied };
}
