// The parser and doc-comment reader (lib/qapi/parser.ts, parser-doc.ts, doc.ts,
// doc-model.ts, options.ts) against hand-written edge cases and QEMU's real data.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { joinIncludePath, parseSchema, type QAPIObject, type SchemaHost } from '../../lib/qapi/parser';
import { QapiError } from '../../lib/qapi/error';
import { type QAPIDoc } from '../../lib/qapi/doc';
import { docToModel } from '../../lib/qapi/doc-model';
import { DEFAULT_OPTIONS, LEGACY_OPTIONS, optionsForTree, type QapiOptions } from '../../lib/qapi/options';
import { QAPISourceInfo } from '../../lib/qapi/source';
import { JUNK } from '../../lib/qapi/fuzz/mutate';
import { describeWithQemu, hasQemu, qemuTree, sharedPath } from '../support/shared';
import { listCases } from '../../scripts/conformance';

const SUITE = sharedPath('qemu', '10.2.2', 'tests/qapi-schema');
/** QEMU 10.2.2's conformance suite is there (its doc-good.json and friends). */
const haveSuite = hasQemu('10.2.2');

/** Files from a map; counts reads so "each file read once" can be checked. */
function memHost(files: Record<string, string>, errors: Record<string, string> = {}) {
  const reads: string[] = [];
  const host: SchemaHost = {
    readFile(p) {
      reads.push(p);
      if (errors[p]) throw Object.assign(new Error(`${errors[p]}: ${p}`), { code: errors[p] });
      if (!Object.hasOwn(files, p)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return files[p];
    },
    resolve: joinIncludePath,
  };
  return { host, reads };
}

/** The text QEMU would print for `src` as file t.json, or '' when it parses. */
function parseError(src: string, options?: Partial<QapiOptions>): string {
  try {
    parseSchema('t.json', memHost({ 't.json': src }).host, options);
    return '';
  } catch (err) {
    expect(err).toBeInstanceOf(QapiError);
    return String(err);
  }
}

/** String(err) of the QapiError that `fn` throws: what QEMU prints. */
function errorText(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(QapiError);
    return String(err);
  }
  throw new Error('expected a QapiError');
}

const diskHost: SchemaHost = { readFile: (p) => readFileSync(p, 'utf8'), resolve: joinIncludePath };

/** Suite files by their names relative to the suite directory, as QEMU's test runner names them. */
const suiteHost: SchemaHost = {
  readFile: (p) => readFileSync(path.resolve(SUITE, p), 'utf8'),
  resolve: joinIncludePath,
};

function parseSuiteFile(name: string) {
  return parseSchema(name, suiteHost);
}

describe('lexer and expression grammar', () => {
  it.each([
    ["{ 'a': 123 }", "t.json:1:8: stray '123'"],
    ['{ \'a\': "x" }', `t.json:1:8: stray '"x"'`],
    ["{ 'a': truex }", "t.json:1:12: stray 'x'"],
    ["{ 'a': null }", "t.json:1:8: stray 'null'"],
    ["\n\n  { 'a' 'b' }", "t.json:3:9: expected ':'"],
    ["{ 'a': 'b', }", 't.json:1:13: expected string'],
    ["{ 'a': ['b',] }", "t.json:1:13: expected '{', '[', string, or boolean"],
    ["{ 'a': [ : ] }", "t.json:1:10: expected '{', '[', ']', string, or boolean"],
    ["{ 'a': 'b' 'c' }", "t.json:1:12: expected ',' or '}'"],
    ["{ 'a': ['b' 'c'] }", "t.json:1:13: expected ',' or ']'"],
    ["{ 'a': 'x', 'a': 'y' }", "t.json:1:18: duplicate key 'a'"],
    ["{ 'a': 'x\\'' }", "t.json:1:8: unknown escape \\'"],
    ["{ 'a': 'x\\\\y\\n' }", 't.json:1:8: unknown escape \\n'],
    ["{ 'a': 'caf\u00e9' }", 't.json:1:8: funny character in string'],
    ["{ 'a': 'open\n }", `t.json:1:8: missing terminating "'"`],
    ["[ 'a' ]", 't.json:1: top-level expression must be an object'],
    ["{ 'include': 'x', 'y': 'z' }", "t.json:1: invalid 'include' directive"],
    ["{ 'include': ['x'] }", "t.json:1: value of 'include' must be a string"],
    ["{ 'pragma': 'x' }", "t.json:1: value of 'pragma' must be an object"],
    ["{ 'pragma': { 'doc-required': 'yes' } }", "t.json:1: pragma 'doc-required' must be boolean"],
    [
      "{ 'pragma': { 'member-name-exceptions': [ true ] } }",
      't.json:1: pragma member-name-exceptions must be a list of strings',
    ],
    ["{ 'pragma': { 'nope': [] } }", "t.json:1: unknown pragma 'nope'"],
    // QEMU's tab formula (col + 7) % 8 + 1 is not real tab stops: it is reproduced as is
    ['\tx', "t.json:1:1: stray 'x'"],
    ['  \tx', "t.json:1:3: stray 'x'"],
    // Python's whitespace: \x1c is a separator there, \ufeff is not
    ["\x1c{ 'a': 'b' }\ufeff", "t.json:1:14: stray '\ufeff'"],
  ])('%j -> %s', (src, want) => {
    expect(parseError(src)).toBe(want);
  });

  it('keeps source key order for digit-only keys and treats __proto__ as a plain key', () => {
    const { exprs } = parseSchema('t.json', memHost({ 't.json': "{ 'b': 'x', '1': true, '__proto__': [ {} ] }" }).host);
    const expr = exprs[0].expr;
    expect([...expr.keys()]).toEqual(['b', '1', '__proto__']);
    expect(expr.get('1')).toBe(true);
    expect(expr.get('__proto__')).toEqual([new Map()]);
    expect(Object.getPrototypeOf(expr)).toBe(Map.prototype);
  });

  it('reads the only escape, \\\\, as one backslash', () => {
    const { exprs } = parseSchema('t.json', memHost({ 't.json': "{ 'a': 'x\\\\y' }" }).host);
    expect(exprs[0].expr.get('a')).toBe('x\\y');
  });

  it('gives each expression the line where it starts', () => {
    const { exprs } = parseSchema(
      't.json',
      memHost({ 't.json': "# c\n{ 'a': 'b' }\n\n{ 'c':\n  'd' } { 'e': 'f' }" }).host,
    );
    expect(exprs.map((e) => e.info.line)).toEqual([2, 4, 5]);
  });

  it('turns absurd nesting into a QapiError instead of a stack overflow', () => {
    expect(parseError("{ 'a': " + '['.repeat(200_000))).toMatch(/^t\.json:1:\d+: expressions nested too deeply$/);
    expect(parseError("{ 'a': " + '['.repeat(500) + ']'.repeat(500) + ' }')).toBe('');
  });
});

describe('include and pragma directives', () => {
  it('resolves includes relative to the including file, splices them in order, reads each file once', () => {
    const { host, reads } = memHost({
      'top.json': "{ 'include': 'sub/a.json' }\n{ 'include': 'sub/a.json' }\n{ 'enum': 'T', 'data': [] }",
      'sub/a.json': "{ 'include': 'b.json' }\n{ 'enum': 'A', 'data': [] }",
      'sub/b.json': "{ 'include': '../sub/./a.json/../b.json' }\n{ 'enum': 'B', 'data': [] }",
    });
    expect(errorText(() => parseSchema('top.json', host))).toBe(
      'In file included from top.json:1:\nIn file included from sub/a.json:1:\nsub/b.json:1: inclusion loop for ../sub/./a.json/../b.json',
    );
    reads.length = 0;
    const ok = memHost({
      'top.json': "{ 'include': 'sub/a.json' }\n{ 'include': 'sub/a.json' }\n{ 'enum': 'T', 'data': [] }",
      'sub/a.json': "{ 'include': 'b.json' }\n{ 'enum': 'A', 'data': [] }",
      'sub/b.json': "{ 'enum': 'B', 'data': [] }",
    });
    const { exprs } = parseSchema('top.json', ok.host);
    const summary = exprs.map((e) => `${e.info.fname}:${e.info.line} ${[...e.expr.values()][0]}`);
    expect(summary).toEqual([
      'top.json:1 sub/a.json',
      'sub/a.json:1 sub/b.json',
      'sub/b.json:1 B',
      'sub/a.json:2 A',
      'top.json:2 sub/a.json',
      'top.json:3 T',
    ]);
    expect(ok.reads).toEqual(['top.json', 'sub/a.json', 'sub/b.json']);
    expect(exprs[2].info.parent?.parent?.fname).toBe('top.json');
  });

  it("reports unreadable files with QEMU's strerror texts", () => {
    const { host } = memHost({ 'r.json': "\n{ 'include': 'gone.json' }" });
    expect(errorText(() => parseSchema('r.json', host))).toBe(
      "r.json:2: can't read include file 'gone.json': No such file or directory",
    );
    const denied = memHost({ 'r.json': "{ 'include': 'd/x.json' }" }, { 'd/x.json': 'EACCES' }).host;
    expect(errorText(() => parseSchema('r.json', denied))).toBe(
      "r.json:1: can't read include file 'd/x.json': Permission denied",
    );
    const dir = memHost({ 'r.json': "{ 'include': 'd' }" }, { d: 'EISDIR' }).host;
    expect(errorText(() => parseSchema('r.json', dir))).toBe("r.json:1: can't read include file 'd': Is a directory");
    let err: unknown;
    try {
      parseSchema('missing.json', host);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QapiError);
    expect(String(err)).toBe("can't read schema file 'missing.json': No such file or directory");
  });

  it('shares one pragma object across all included files', () => {
    const { host } = memHost({
      'r.json': "{ 'include': 's.json' }",
      's.json':
        "{ 'pragma': { 'doc-required': true, 'documentation-exceptions': [ 'X' ] } }\n{ 'enum': 'E', 'data': [] }",
    });
    const { exprs } = parseSchema('r.json', host);
    expect(exprs[0].info.pragma.docRequired).toBe(true);
    expect(exprs[1].info.pragma.documentationExceptions).toEqual(['X']);
  });
});

describe('doc comments', () => {
  it.each([
    ['## x\n##', "t.json:1:1: junk after '##' at start of documentation comment"],
    ['##\n# @foo:\n## x', "t.json:3:1: junk after '##' at end of documentation comment"],
    ['##\n#@foo:\n##', 't.json:2:1: missing space after #'],
    ['##\n# @foo\n##', "t.json:2:1: line should end with ':'"],
    ['##\n# @:\n##', "t.json:2:1: name required after '@'"],
    ['##\n# @foo:\n{}', "t.json:3:1: documentation comment must end with '##'"],
    ['##\n# @foo:\n##\n', "t.json:1: documentation for 'foo' is not followed by the definition"],
    ['##\n# text\n##\n{ }', 't.json:1: definition documentation required'],
    ['##\n# free\n# @a: b\n##', "t.json:3:1: '@a:' not allowed in free-form documentation"],
    ['##\n# @foo:\n# Since: 1\n# @a: x\n##\n{}', "t.json:4:1: description of '@a:' follows a section"],
    [
      '##\n# @foo:\n# Notes: x\n##\n{}',
      "t.json:3:1: The 'Notes' section is no longer supported. Please use rST's '.. note::' or '.. admonition:: notes' directives, or another suitable admonition instead.",
    ],
    ['##\n# @foo:\n# Since: 1\n# Since: 2\n##\n{}', "t.json:4: duplicated 'Since' section"],
    ['##\n# @foo:\n# Since:\n##\n{}', "t.json:3: text required after 'Since:'"],
    ['##\n# @foo:\n# @a:\n##\n{}', "t.json:3: text required after 'Member:'"],
    ['##\n# @foo:\n# Features:\n# text\n##\n{}', 't.json:4:1: feature descriptions expected'],
    [
      '##\n# @foo:\n# @a: one\n#   two\n# three\n##\n{}',
      't.json:5:1: unexpected de-indent (expected at least 2 spaces)',
    ],
    ['##\n# @foo:\n# ' + 'x'.repeat(69) + '\n##\n{}', 't.json:3:1: documentation line longer than 70 characters'],
    [
      '##\n# @foo:\n# One. Two.\n##\n{}',
      't.json:3:7: Use two spaces between sentences\nIf this not the end of a sentence, please report a bug.',
    ],
    // the lint counts code points (Python str), not UTF-16 units
    [
      '##\n# @foo:\n# \u{1F600} foo. Bar\n##\n{}',
      't.json:3:9: Use two spaces between sentences\nIf this not the end of a sentence, please report a bug.',
    ],
  ])('%j -> %s', (src, want) => {
    expect(parseError(src)).toBe(want);
  });

  it('exempts e.g., numbered lists, URL lines and literal blocks from the lint', () => {
    const ok = [
      '##',
      '# @foo:',
      '#',
      '# See e.g. This one.',
      '#',
      '# 1. First',
      '#',
      '# ' + 'https://example.org/' + 'x'.repeat(80),
      '#',
      '# ::',
      '#',
      '#     literal. Single ' + 'y'.repeat(60),
      '#',
      '# back to text.  Fine.',
      '##',
      '{}',
    ].join('\n');
    expect(parseError(ok)).toBe('');
  });

  it('turns both lint rules off for QEMU 10.0 trees, in one place', () => {
    expect(optionsForTree('10.0.13')).toEqual(LEGACY_OPTIONS);
    expect(optionsForTree('../shared/qemu/10.0.13/qapi/qapi-schema.json')).toEqual(LEGACY_OPTIONS);
    expect(optionsForTree('9.2.0').docLineLength).toBeNull();
    expect(optionsForTree('9.2.0').release).toBe('7.2');
    expect(optionsForTree('5.2.0').release).toBe('5.2');
    expect(optionsForTree('6.2.0').release).toBe('7.2');
    expect(optionsForTree('10.1.0')).toEqual(DEFAULT_OPTIONS);
    expect(optionsForTree('10.2.2+vfio-migration-prepare')).toEqual(DEFAULT_OPTIONS);
    expect(optionsForTree('content/qapi-schema.json')).toEqual(DEFAULT_OPTIONS);
    const long = '##\n# @foo:\n# ' + 'x'.repeat(69) + '\n##\n{}';
    expect(parseError(long, optionsForTree('10.0.13'))).toBe('');
    expect(parseError(long, { docLineLength: 80 })).toBe('');
  });

  it.skipIf(!haveSuite)("reads doc-good.json's blocks exactly as QEMU's test dump shows them", () => {
    const { docs } = parseSuiteFile('doc-good.json');
    const dump: string[] = [];
    for (const doc of docs) {
      dump.push(doc.symbol ? `doc symbol=${doc.symbol}` : 'doc freeform');
      dump.push(`    body=\n${doc.body.text}`);
      for (const [name, s] of doc.args) dump.push(`    arg=${name}\n${s.text}`);
      for (const [name, s] of doc.features) dump.push(`    feature=${name}\n${s.text}`);
      for (const s of doc.sections) dump.push(`    section=${s.kind}\n${s.text}`);
    }
    const out = readFileSync(path.join(SUITE, 'doc-good.out'), 'utf8');
    // QEMU's dump also holds the stubs that connectMember adds later (schema.ts):
    // undocumented members of symbols in 'documentation-exceptions'
    const want = out.slice(out.indexOf('\ndoc ') + 1).replace(/ {4}arg=(two|var1|b|arg3)\n\n/g, '');
    expect(dump.join('\n') + '\n').toBe(want);
  });

  it.skipIf(!haveSuite)('keeps the source line of every section and of the definition doc', () => {
    const { docs } = parseSuiteFile('doc-good.json');
    const cmd = docs.find((d) => d.symbol === 'cmd')!;
    const src = readFileSync(path.join(SUITE, 'doc-good.json'), 'utf8').split('\n');
    expect(src[cmd.info.line - 1]).toBe('##');
    expect(src[cmd.info.line]).toBe('# @cmd:');
    for (const s of cmd.allSections) {
      for (const [i, text] of s.text.split('\n').entries()) {
        if (text.trim()) expect(src[s.lineNos[i] - 1]).toContain(text.trim());
      }
    }
    const since = cmd.since!;
    expect(src[since.info.line - 1]).toMatch(/^# Since:/);
  });
});

describe('doc model', () => {
  it.skipIf(!haveSuite)("gives doc-good.json's examples their options, dedented lines and source lines", () => {
    const { docs } = parseSuiteFile('doc-good.json');
    const byName = (n: string) =>
      docToModel(
        docs.find((d) => d.symbol === n)!,
        'doc-good.json',
      );
    const cmd = byName('cmd');
    expect(cmd.examples).toEqual([
      {
        title: 'Ideal fast-food burger situation',
        annotated: false,
        line: 183,
        lines: [
          { text: '-> "in"', line: 186 },
          { text: '<- "out"', line: 187 },
        ],
      },
    ]);
    // 'Examples::' is a plain literal block, not an example
    expect(cmd.sections.some((s) => s.text.includes('Examples::'))).toBe(true);
    expect(cmd.since).toBe('2.10');
    expect(cmd.returns).toEqual({ text: '@Object', line: 170 });
    expect(cmd.errors).toEqual({ text: 'some', line: 172 });
    expect(cmd.sections.map((s) => s.kind)).toEqual([
      'plain',
      'member',
      'member',
      'feature',
      'feature',
      'plain',
      'returns',
      'errors',
      'todo',
      'plain',
      'since',
    ]);
    expect(cmd.features['cmd-feat2']).toEqual({ text: 'another feature', line: 166 });
    const boxed = byName('cmd-boxed');
    expect(boxed.examples).toHaveLength(1);
    expect(boxed.examples[0].lines).toEqual([
      { text: '-> "this example"', line: 217 },
      { text: '', line: 218 },
      { text: '<- ... has no title ...', line: 219 },
    ]);
    expect(boxed.examples[0].title).toBeUndefined();
  });

  it('keeps member names such as __proto__ as plain keys', () => {
    const src = "##\n# @S:\n#\n# @__proto__: P.\n#\n# @toString: T.\n##\n{ 'struct': 'S', 'data': {} }";
    const { exprs } = parseSchema('t.json', memHost({ 't.json': src }).host);
    const doc = docToModel(exprs[0].doc!, 't.json');
    expect(Object.keys(doc.args)).toEqual(['__proto__', 'toString']);
    expect(doc.args['__proto__']).toEqual({ text: 'P.', line: 4 });
    expect(Object.getPrototypeOf(doc.args)).toBe(Object.prototype);
  });
});

describe('QAPIDoc linking (used by schema.ts)', () => {
  function docFor(src: string): QAPIDoc {
    const { exprs } = parseSchema('t.json', memHost({ 't.json': src }).host);
    return exprs[exprs.length - 1].doc!;
  }

  it('inserts a stub for an undocumented member only under documentation-exceptions', () => {
    const src =
      "{ 'pragma': { 'documentation-exceptions': [ 'S' ] } }\n" +
      "##\n# @S:\n#\n# Intro.\n#\n# @a: A.\n#\n# Since: 1.0\n##\n{ 'struct': 'S', 'data': { 'a': 'int', 'b': 'int' } }";
    const doc = docFor(src);
    const info = new QAPISourceInfo('t.json', null);
    info.pragma.documentationExceptions = ['S'];
    doc.connectMember({ name: 'a', info, role: 'member' });
    doc.connectMember({ name: 'b', info, role: 'member' });
    expect(doc.allSections.map((s) => s.kind + ('name' in s ? `:${s.name}` : ''))).toEqual([
      'Plain',
      'Member:a',
      'Member:b',
      'Since',
    ]);
    const strict = new QAPISourceInfo('t.json', null);
    strict.line = 11;
    expect(
      errorText(() => docFor(src.replace("'S' ]", "'T' ]")).connectMember({ name: 'b', info: strict, role: 'member' })),
    ).toBe("t.json:11: member 'b' lacks documentation");
    doc.check();
  });

  it('reports documented members and features that do not exist at their description', () => {
    const doc = docFor(
      "##\n# @S:\n#\n# @x: X.\n#\n# @y: Y.\n#\n# Features:\n# @f: F.\n##\n{ 'struct': 'S', 'data': {} }",
    );
    expect(errorText(() => doc.check())).toBe("t.json:4: documented members 'x', 'y' do not exist");
    doc.connectMember({ name: 'x', info: doc.info, role: 'member' });
    doc.connectMember({ name: 'y', info: doc.info, role: 'member' });
    expect(errorText(() => doc.check())).toBe("t.json:9: documented feature 'f' does not exist");
    expect(errorText(() => doc.connectFeature({ name: 'g', info: doc.info }))).toBe(
      "t.json:1: feature 'g' lacks documentation",
    );
  });

  it("places the stub 'Returns' as QEMU does and checks Returns/Errors against the expression", () => {
    const doc = docFor("##\n# @c:\n#\n# @a: A.\n#\n# Errors: E.\n##\n{ 'command': 'c' }");
    doc.ensureReturns(doc.info);
    expect(doc.allSections.map((s) => s.kind)).toEqual(['Plain', 'Member', 'Returns', 'Errors']);
    const noArgs = docFor("##\n# @c:\n#\n# Features:\n# @f: F.\n# @g: G.\n##\n{ 'command': 'c' }");
    noArgs.ensureReturns(noArgs.info);
    expect(noArgs.allSections.map((s) => s.kind)).toEqual(['Plain', 'Feature', 'Returns', 'Feature']);
    const cmdExpr: QAPIObject = new Map([['command', 'c']]);
    const withReturns = docFor("##\n# @c:\n#\n# Returns: R.\n##\n{ 'command': 'c' }");
    expect(errorText(() => withReturns.checkExpr(cmdExpr))).toBe(
      "t.json:4: 'Returns' section, but command doesn't return anything",
    );
    expect(errorText(() => withReturns.checkExpr(new Map([['event', 'c']])))).toBe(
      "t.json:4: 'Returns' section is only valid for commands",
    );
    withReturns.checkExpr(
      new Map<string, string>([
        ['command', 'c'],
        ['returns', 'int'],
      ]),
    );
  });
});

describeWithQemu('10.2.2', "QEMU's conformance suite, parse stage", () => {
  it('never disagrees with an expected error, and reports every parse-stage error exactly', () => {
    const cases = listCases(SUITE);
    expect(cases).toHaveLength(208);
    let matched = 0;
    for (const name of cases) {
      const base = name.replace(/\.json$/, '');
      let want = '';
      try {
        want = readFileSync(path.join(SUITE, `${base}.err`), 'utf8').trimEnd();
      } catch {
        // missing-schema has no .json; its .err exists
      }
      let got = '';
      try {
        parseSuiteFile(`${base}.json`);
      } catch (err) {
        expect(err, base).toBeInstanceOf(QapiError);
        got = String(err);
      }
      if (got) {
        expect(got, base).toBe(want);
        matched++;
      }
    }
    // every case whose first fault is lexical, syntactic, a directive or doc-comment structure
    expect(matched).toBe(59);
  });
});

describe('real trees', () => {
  const tree = qemuTree;

  for (const [t, nExprs, nDocs] of [
    ['10.2.2', 1080, 1057],
    ['10.2.2+vfio-migration-prepare', 1081, 1058],
    ['10.0.13', 1059, 1038],
  ] as const)
    it.skipIf(!hasQemu(t))(`${t} parses with its options: ${nExprs} expressions, ${nDocs} doc blocks`, () => {
      const { exprs, docs } = parseSchema(tree(t), diskHost, optionsForTree(tree(t)));
      expect(exprs).toHaveLength(nExprs);
      expect(docs).toHaveLength(nDocs);
    });

  it.skipIf(!hasQemu('10.0.13'))("rejects 10.0.13 under 10.2's rules, as QEMU 10.2 does", () => {
    expect(errorText(() => parseSchema(tree('10.0.13'), diskHost, DEFAULT_OPTIONS))).toMatch(
      /crypto\.json:47:1: documentation line longer than 70 characters$/,
    );
  });

  it.skipIf(!haveSuite)('finds every qmp-example (255 in 10.2.2: 25 titled, 13 annotated)', () => {
    const { docs } = parseSchema(tree('10.2.2'), diskHost);
    const examples = docs.flatMap((d) => docToModel(d, 'x').examples);
    expect(examples).toHaveLength(255);
    expect(examples.filter((e) => e.title !== undefined)).toHaveLength(25);
    expect(examples.filter((e) => e.annotated)).toHaveLength(13);
    expect(examples.every((e) => e.lines.length > 0 && e.lines[0].text.trim() !== '')).toBe(true);
  });

  it.skipIf(!hasQemu('10.2.2+vfio-migration-prepare'))(
    "reads VFIO_MIGRATION_PREPARE's doc: Since 11.0 and its example with exact source lines",
    () => {
      const root = tree('10.2.2+vfio-migration-prepare');
      const { exprs } = parseSchema(root, diskHost, optionsForTree(root));
      const elem = exprs.find((e) => e.expr.get('event') === 'VFIO_MIGRATION_PREPARE')!;
      const vfio = readFileSync(elem.info.fname, 'utf8').split('\n');
      expect(path.basename(elem.info.fname)).toBe('vfio.json');
      const doc = docToModel(elem.doc!, 'vfio.json');
      expect(doc.symbol).toBe('VFIO_MIGRATION_PREPARE');
      expect(doc.since).toBe('11.0');
      expect(doc.loc).toEqual({ file: 'vfio.json', line: 70 });
      expect(Object.keys(doc.args)).toEqual(['device-id', 'qom-path', 'device-state']);
      expect(doc.args['device-state']).toEqual({
        text: 'The new device migration state that is about to be\n    changed.',
        line: 82,
      });
      expect(doc.body.text).toMatch(
        /^This event is emitted when a VFIO device migration state is about to\nbe changed\./,
      );
      expect(doc.examples).toHaveLength(1);
      const [example] = doc.examples;
      expect(example.line).toBe(87);
      expect(example.annotated).toBe(false);
      expect(example.title).toBeUndefined();
      expect(example.lines.map((l) => l.line)).toEqual([89, 90, 91, 92, 93, 94]);
      expect(example.lines[1].text).toBe('     "event": "VFIO_MIGRATION_PREPARE",');
      for (const l of example.lines) expect(vfio[l.line - 1]).toBe('#     ' + l.text);
      expect(
        JSON.parse(
          example.lines
            .map((l) => l.text)
            .join('\n')
            .replace(/^<- /, ''),
        ),
      ).toMatchObject({
        event: 'VFIO_MIGRATION_PREPARE',
        data: { 'device-state': 'stop' },
      });
    },
  );

  it.skipIf(!haveSuite)('keeps :title: and annotated prose of examples with their lines', () => {
    const { docs } = parseSchema(tree('10.2.2'), diskHost);
    const doc = docs.find((d) => d.symbol === 'block-latency-histogram-set')!;
    const model = docToModel(doc, 'block.json');
    const src = readFileSync(sharedPath('qemu', '10.2.2', 'qapi/block.json'), 'utf8').split('\n');
    expect(model.examples.length).toBe(4);
    for (const ex of model.examples) {
      expect(ex.annotated).toBe(true);
      expect(src[ex.line - 1]).toBe('# .. qmp-example::');
      for (const l of ex.lines) expect(src[l.line - 1].replace(/^#\s*/, '')).toBe(l.text.trim());
    }
    const titled = docs.flatMap((d) => docToModel(d, 'x').examples).find((e) => e.title)!;
    expect(titled.title).toMatch(/\S/);
  });
});

describe('bad input', () => {
  it.skipIf(!haveSuite)(
    'turns 600 seeded mutants of doc-good.json and qapi-schema-test.json into results or QapiErrors',
    () => {
      let seed = 20261126;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      // the fuzzer's snippets, and doc-comment lines, separators and line breaks it lacks
      const junk = [...JUNK, '# @x:', '# Since:', '# Features:', '# .. qmp-example::', '# ::', '\x1c', '\r'];
      const sources = ['doc-good.json', 'qapi-schema-test.json'].map((f) => readFileSync(path.join(SUITE, f), 'utf8'));
      let errors = 0;
      for (let i = 0; i < 600; i++) {
        let s = sources[i % sources.length];
        for (let k = 1 + rnd(3); k > 0; k--) {
          const p = rnd(s.length);
          const len = rnd(30);
          const op = rnd(4);
          if (op === 0) s = s.slice(0, p) + s.slice(p + len);
          else if (op === 1) s = s.slice(0, p) + s.slice(p, p + len) + s.slice(p);
          else if (op === 2) s = s.slice(0, p + len * 50);
          else s = s.slice(0, p) + junk[rnd(junk.length)] + s.slice(p);
        }
        const { host } = memHost({ 't.json': s, 'include/sub-module.json': "{ 'enum': 'E', 'data': [] }" });
        try {
          const { docs } = parseSchema('t.json', host);
          for (const doc of docs) docToModel(doc, 't.json');
        } catch (err) {
          if (!(err instanceof QapiError)) throw new Error(`mutant ${i}: ${String(err)}\n${s}`);
          expect(String(err)).toMatch(/^(In file included from [^\n]+:\d+:\n)*[^\n:]+:\d+(:\d+)?: \S/);
          errors++;
        }
      }
      // most mutants break something, some survive: both paths ran
      expect(errors).toBeGreaterThan(300);
      expect(errors).toBeLessThan(600);
    },
  );
});
