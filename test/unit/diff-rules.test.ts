// lib/diff on small hand-written schemas: one table row per kind of change and
// per rule of qapi-code-gen.rst "Compatibility considerations", in the
// direction(s) the rule speaks of; refactorings that clients cannot see give
// no change; recursive types terminate; doc-only changes stay apart.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../lib/qapi/load';
import { joinIncludePath } from '../../lib/qapi/parser';
import type { SchemaModel } from '../../lib/qapi/model';
import { condText } from '../../lib/diff/shape';
import { describe as describeChange, diffSchemas, formatDiff, RULES, type Change } from '../../lib/diff';
import { masked } from '../support/masked-model';

function model(text: string): SchemaModel {
  const host = {
    readFile: (p: string) => {
      if (p !== 's.json') throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    },
    resolve: joinIncludePath,
  };
  return loadModel('s.json', host);
}

/** A change in one line: verdict, direction, kind, definition.item, rule and paths. */
function line(c: Change): string {
  const item = c.item !== undefined ? `.${c.item}` : '';
  return `${c.verdict} ${c.dir} ${c.kind} ${c.def}${item} [${c.rule}] @ ${c.paths.join(' | ')}`;
}

function changes(oldText: string, newText: string): string[] {
  return diffSchemas(model(oldText), model(newText)).changes.map(line);
}

// send: command arguments; receive: returns and event data
const S = (data: string) => `{ 'command': 'cmd', 'data': ${data} }`;
const R = (data: string) => `{ 'struct': 'Out', 'data': ${data} }\n{ 'command': 'cmd', 'returns': 'Out' }`;
const E = (data: string) => `{ 'event': 'EV', 'data': ${data} }`;
const OBJ = "{ 'struct': 'Obj', 'data': { 'p': 'int' } }\n";
const ENUM = (values: string) => `{ 'enum': 'Mode', 'data': ${values} }\n`;
const XOPTS = "{ 'struct': 'Xopts', 'data': { 'p': 'int' } }\n";
/** The command's argument v of the alternate Alt over `alternatives` (Obj among the types it may use). */
const ALT = (alternatives: string) => OBJ + `{ 'alternate': 'Alt', 'data': ${alternatives} }\n` + S("{ 'v': 'Alt' }");
/** The command's boxed arguments: the union Uni over Mode `values` with the `branches` (after the `types` it uses). */
const UNI = (values: string, branches: string, types = '') =>
  ENUM(values) +
  types +
  `{ 'union': 'Uni', 'base': { 'kind': 'Mode' }, 'discriminator': 'kind', 'data': ${branches} }\n` +
  "{ 'command': 'cmd', 'data': 'Uni', 'boxed': true }";

/** A case: the old and the new schema, and every change between them (none for a refactoring). */
type Row = [name: string, old: string, now: string, ...want: string[]];

/** A definition's members (`data`) and the types they use, put into a command, a reply or an event. */
const members =
  (data: string, types = '') =>
  (into: (data: string) => string): string =>
    types + into(data);

/**
 * The same edit as command arguments (what a client sends) and as a reply or
 * event data (what it receives): QEMU's rules judge the two sides apart, and
 * mostly the other way round.
 */
type MirroredRow = [
  edit: string,
  old: ReturnType<typeof members>,
  now: ReturnType<typeof members>,
  received: typeof R | typeof E,
  sent: string,
  receivedChange: string,
];

/** No such definition. */
const absent = (): string => '';

const mirrored: MirroredRow[] = [
  [
    'definition added',
    absent,
    members("{ 'a': 'str' }"),
    E,
    'compatible send command-added cmd [send-optin] @ cmd',
    'compatible receive event-added EV [receive-add] @ EV',
  ],
  [
    'definition removed',
    members("{ 'a': 'str' }"),
    absent,
    E,
    'incompatible send command-removed cmd [send-incompatible] @ cmd',
    'our-call receive event-removed EV [receive-unreachable] @ EV',
  ],
  [
    'member made optional',
    members("{ 'a': 'str' }"),
    members("{ '*a': 'str' }"),
    E,
    'compatible send made-optional cmd.a [send-optin] @ cmd.arguments.a',
    'incompatible receive made-optional EV.a [receive-remove] @ EV.data.a',
  ],
  [
    'member made mandatory',
    members("{ '*a': 'str' }"),
    members("{ 'a': 'str' }"),
    R,
    'incompatible send made-mandatory cmd.a [send-incompatible] @ cmd.arguments.a',
    'compatible receive made-mandatory Out.a [receive-add] @ cmd.returns.a',
  ],
  [
    'enum value added (clients must tolerate it where they receive it)',
    members("{ 'm': 'Mode' }", ENUM("['x']")),
    members("{ 'm': 'Mode' }", ENUM("['x', 'y']")),
    R,
    'compatible send value-added Mode.y [send-optin] @ cmd.arguments.m',
    'tolerate receive value-added Mode.y [receive-tolerate] @ cmd.returns.m',
  ],
  [
    'enum value removed',
    members("{ 'm': 'Mode' }", ENUM("['x', 'y']")),
    members("{ 'm': 'Mode' }", ENUM("['x']")),
    E,
    'incompatible send value-removed Mode.y [send-incompatible] @ cmd.arguments.m',
    'our-call receive value-removed Mode.y [receive-unreachable] @ EV.data.m',
  ],
];

const rows: Row[] = [
  ...mirrored.flatMap(([edit, old, now, received, sent, receivedChange]): Row[] => [
    [`${edit}: in arguments`, old(S), now(S), sent],
    [`${edit}: in ${received === E ? 'event data' : 'a reply'}`, old(received), now(received), receivedChange],
  ]),
  // send direction
  [
    'optional argument added',
    S("{ 'a': 'str' }"),
    S("{ 'a': 'str', '*b': 'int' }"),
    'compatible send member-added cmd.b [send-optin] @ cmd.arguments.b',
  ],
  [
    'mandatory argument added',
    S("{ 'a': 'str' }"),
    S("{ 'a': 'str', 'b': 'int' }"),
    'incompatible send member-added cmd.b [send-incompatible] @ cmd.arguments.b',
  ],
  [
    'argument removed',
    S("{ 'a': 'str', '*b': 'int' }"),
    S("{ 'a': 'str' }"),
    'incompatible send member-removed cmd.b [send-incompatible] @ cmd.arguments.b',
  ],
  [
    'union branch added in arguments',
    UNI("['x', 'y']", "{ 'x': 'Xopts' }", XOPTS),
    UNI("['x', 'y', 'z']", "{ 'x': 'Xopts' }", XOPTS),
    'compatible send branch-added Uni.z [send-optin] @ cmd.arguments[kind=z]',
  ],
  [
    'union branch removed in arguments',
    UNI("['x', 'y']", "{ 'x': 'Xopts' }", XOPTS),
    UNI("['y']", '{}'),
    'incompatible send branch-removed Uni.x [send-incompatible] @ cmd.arguments[kind=x]',
  ],
  [
    'alternate branch added in arguments',
    ALT("{ 's': 'str' }"),
    ALT("{ 's': 'str', 'o': 'Obj' }"),
    'compatible send alternative-added Alt.object [send-optin] @ cmd.arguments.v',
  ],
  [
    'alternate branch removed in arguments',
    ALT("{ 's': 'str', 'o': 'Obj' }"),
    ALT("{ 's': 'str' }"),
    'incompatible send alternative-removed Alt.object [send-incompatible] @ cmd.arguments.v',
  ],
  [
    "an alternative's type widened (int -> number: both JSON numbers, the same alternative)",
    ALT("{ 'o': 'Obj', 'n': 'int' }"),
    ALT("{ 'o': 'Obj', 'n': 'number' }"),
    'compatible send type-changed Alt.number [type-range] @ cmd.arguments.v<number>',
  ],
  [
    'argument type turned into an alternate of that type',
    S("{ 'v': 'str' }"),
    "{ 'alternate': 'StrOrNull', 'data': { 's': 'str', 'n': 'null' } }\n" + S("{ 'v': 'StrOrNull' }"),
    'compatible send became-alternate cmd.v [send-optin] @ cmd.arguments.v',
  ],
  [
    'argument type changed',
    S("{ 'v': 'str' }"),
    S("{ 'v': 'int' }"),
    'incompatible send type-changed cmd.v [type-change] @ cmd.arguments.v',
  ],
  [
    'argument type widened (int8 -> int)',
    S("{ 'v': 'int8' }"),
    S("{ 'v': 'int' }"),
    'compatible send type-changed cmd.v [type-range] @ cmd.arguments.v',
  ],
  [
    'argument type widened (enum -> str)',
    ENUM("['x']") + S("{ 'v': 'Mode' }"),
    S("{ 'v': 'str' }"),
    'compatible send type-changed cmd.v [type-range] @ cmd.arguments.v',
  ],
  [
    'argument type narrowed (str -> enum)',
    S("{ 'v': 'str' }"),
    ENUM("['x']") + S("{ 'v': 'Mode' }"),
    'incompatible send type-changed cmd.v [type-change] @ cmd.arguments.v',
  ],
  // a struct that became a union: its members against each branch, as the wire sees them
  [
    'arguments that became a union: the tag was a string, its values are no new branches',
    S("{ 'kind': 'str' }"),
    UNI("['x', 'y']", "{ 'x': 'Xopts' }", XOPTS),
    'incompatible send type-changed Uni.kind [type-change] @ cmd.arguments.kind',
    'incompatible send member-added Xopts.p [send-incompatible] @ cmd.arguments[kind=x].p',
  ],
  [
    'a reply that became a union: a member moved into one branch is removed from the others only',
    R("{ 'a': 'str', 'p': 'int' }"),
    ENUM("['x', 'y']") +
      XOPTS +
      "{ 'union': 'Out', 'base': { 'a': 'str', 'kind': 'Mode' }, 'discriminator': 'kind', 'data': { 'x': 'Xopts' } }\n" +
      "{ 'command': 'cmd', 'returns': 'Out' }",
    'incompatible receive member-removed Out.p [receive-remove] @ cmd.returns[kind=y].p',
    'compatible receive member-added Out.kind [receive-add] @ cmd.returns.kind',
  ],
  [
    'a union that became a struct: a branch member kept for every tag value is added to the others',
    ENUM("['x', 'y']") +
      XOPTS +
      "{ 'union': 'Out', 'base': { 'kind': 'Mode' }, 'discriminator': 'kind', 'data': { 'x': 'Xopts' } }\n" +
      "{ 'command': 'cmd', 'returns': 'Out' }",
    ENUM("['x', 'y']") + R("{ 'kind': 'Mode', 'p': 'int' }"),
    'compatible receive member-added Out.p [receive-add] @ cmd.returns[kind=y].p',
  ],
  [
    "a union's tag value deprecated: its branch is",
    UNI("['x', 'y']", "{ 'x': 'Xopts' }", XOPTS),
    UNI("['x', { 'name': 'y', 'features': ['deprecated'] }]", "{ 'x': 'Xopts' }", XOPTS),
    'compatible send feature-added Mode.y [feature-special] @ cmd.arguments[kind=y]',
  ],
  // receive direction
  [
    'return member added',
    R("{ 'a': 'str' }"),
    R("{ 'a': 'str', 'b': 'int' }"),
    'compatible receive member-added Out.b [receive-add] @ cmd.returns.b',
  ],
  [
    'event data member added',
    E("{ 'a': 'str' }"),
    E("{ 'a': 'str', 'b': 'int' }"),
    'compatible receive member-added EV.b [receive-add] @ EV.data.b',
  ],
  [
    'mandatory return member removed',
    R("{ 'a': 'str', 'b': 'int' }"),
    R("{ 'a': 'str' }"),
    'incompatible receive member-removed Out.b [receive-remove] @ cmd.returns.b',
  ],
  [
    'optional event data member removed',
    E("{ 'a': 'str', '*b': 'int' }"),
    E("{ 'a': 'str' }"),
    'our-call receive member-removed EV.b [receive-unreachable] @ EV.data.b',
  ],
  [
    'return member type narrowed (str -> enum)',
    R("{ 'v': 'str' }"),
    ENUM("['x']") + R("{ 'v': 'Mode' }"),
    'compatible receive type-changed Out.v [type-range] @ cmd.returns.v',
  ],
  [
    'event data member type widened (uint8 -> number)',
    E("{ 'v': 'uint8' }"),
    E("{ 'v': 'number' }"),
    'incompatible receive type-changed EV.v [type-change] @ EV.data.v',
  ],
  [
    'array element type changed: one change where the array is',
    R("{ 'v': ['str'] }"),
    R("{ 'v': ['int'] }"),
    'incompatible receive type-changed Out.v [type-change] @ cmd.returns.v',
  ],
  // both directions: the worse verdict
  [
    'enum value removed from a type used in both directions',
    ENUM("['x', 'y']") + S("{ 'm': 'Mode' }") + '\n' + E("{ 'm': 'Mode' }"),
    ENUM("['x']") + S("{ 'm': 'Mode' }") + '\n' + E("{ 'm': 'Mode' }"),
    'incompatible both value-removed Mode.y [send-incompatible] @ EV.data.m | cmd.arguments.m',
  ],
  [
    'enum value added to a type used in both directions',
    ENUM("['x']") + S("{ 'm': 'Mode' }") + '\n' + E("{ 'm': 'Mode' }"),
    ENUM("['x', 'y']") + S("{ 'm': 'Mode' }") + '\n' + E("{ 'm': 'Mode' }"),
    'tolerate both value-added Mode.y [receive-tolerate] @ EV.data.m | cmd.arguments.m',
  ],
  // features and conditions
  [
    'deprecated added to an argument',
    S("{ 'a': 'str' }"),
    S("{ 'a': { 'type': 'str', 'features': ['deprecated'] } }"),
    'compatible send feature-added cmd.a [feature-special] @ cmd.arguments.a',
  ],
  [
    'unstable removed from an event',
    "{ 'event': 'EV', 'features': ['unstable'] }",
    "{ 'event': 'EV' }",
    'compatible receive feature-removed EV [feature-special] @ EV',
  ],
  [
    'condition added to a command',
    S("{ 'a': 'str' }"),
    "{ 'command': 'cmd', 'data': { 'a': 'str' }, 'if': 'CONFIG_X' }",
    'tolerate send if-changed cmd [conditional] @ cmd',
  ],
  // invisible on the wire
  [
    'a renamed type',
    "{ 'struct': 'Old', 'data': { 'a': 'str' } }\n" + S("{ 'v': 'Old' }"),
    "{ 'struct': 'New', 'data': { 'a': 'str' } }\n" + S("{ 'v': 'New' }"),
  ],
  [
    'a member moved into a base',
    "{ 'struct': 'Thing', 'data': { 'a': 'str', 'b': 'int' } }\n" + R("{ 't': 'Thing' }"),
    "{ 'struct': 'Base', 'data': { 'a': 'str' } }\n" +
      "{ 'struct': 'Thing', 'base': 'Base', 'data': { 'b': 'int' } }\n" +
      R("{ 't': 'Thing' }"),
  ],
  [
    'members and enum values reordered',
    ENUM("['x', 'y']") + S("{ 'a': 'str', 'm': 'Mode' }"),
    ENUM("['y', 'x']") + S("{ 'm': 'Mode', 'a': 'str' }"),
  ],
  ["'int' and 'int64' are one type", S("{ 'a': 'int' }"), S("{ 'a': 'int64' }")],
];

describe('diffSchemas: one row per kind of change and rule', () => {
  it.each(rows)('%s', (_name, old, now, ...want) => {
    expect(changes(old, now)).toEqual(want);
  });

  it('quotes every rule it cites from qapi-code-gen.rst', () => {
    for (const [, old, now] of rows) {
      for (const c of diffSchemas(model(old), model(now)).changes) expect(RULES[c.rule]).toBeTruthy();
    }
  });
});

describe('diffSchemas: structure', () => {
  it('terminates on recursive types and reports a change inside them once', () => {
    const tree = (extra: string) =>
      `{ 'struct': 'Node', 'data': { 'name': 'str', '*children': ['Node']${extra} } }\n` +
      "{ 'command': 'tree', 'returns': 'Node' }\n{ 'command': 'graft', 'data': { 'node': 'Node' } }";
    const got = changes(tree(''), tree(", '*size': 'int'"));
    expect(got).toEqual([
      'compatible both member-added Node.size [send-optin] @ graft.arguments.node.size | tree.returns.size',
    ]);
  });

  it('a removed member of a base is one change, met through every type deriving from it', () => {
    const s = (extra: string) =>
      `{ 'struct': 'Base', 'data': { 'a': 'str'${extra} } }\n` +
      "{ 'struct': 'Cee', 'base': 'Base', 'data': { 'c': 'int' } }\n{ 'struct': 'Dee', 'base': 'Base', 'data': {} }\n" +
      "{ 'command': 'one', 'data': { 'c': 'Cee' } }\n{ 'command': 'two', 'data': { 'd': 'Dee' } }";
    expect(changes(s(", 'b': 'int'"), s(''))).toEqual([
      'incompatible send member-removed Base.b [send-incompatible] @ one.arguments.c.b | two.arguments.d.b',
    ]);
  });

  it('MigrationCapability losing compress and block: incompatible, both directions', () => {
    const s = (values: string) =>
      `{ 'enum': 'MigrationCapability', 'data': ${values} }\n` +
      "{ 'struct': 'MigrationCapabilityStatus', 'data': { 'capability': 'MigrationCapability', 'state': 'bool' } }\n" +
      "{ 'command': 'migrate-set-capabilities', 'data': { 'capabilities': ['MigrationCapabilityStatus'] } }\n" +
      "{ 'command': 'query-migrate-capabilities', 'returns': ['MigrationCapabilityStatus'] }";
    const got = diffSchemas(model(s("['xbzrle', 'compress', 'block']")), model(s("['xbzrle']"))).changes;
    expect(got.map(line)).toEqual(
      ['block', 'compress'].map(
        (v) =>
          `incompatible both value-removed MigrationCapability.${v} [send-incompatible] @ ` +
          'migrate-set-capabilities.arguments.capabilities[].capability | ' +
          'query-migrate-capabilities.returns[].capability',
      ),
    );
  });

  it('keeps doc-only changes apart from wire changes', () => {
    const s = (text: string) => `##\n# @cmd:\n#\n# ${text}\n#\n# @a: the a\n##\n${S("{ 'a': 'str' }")}`;
    const d = diffSchemas(model(s('Does one thing.')), model(s('Does another thing.')));
    expect(d.changes).toEqual([]);
    expect(d.docs).toEqual([{ def: 'cmd', meta: 'command', parts: ['intro'] }]);
  });

  it('a reflowed paragraph is no doc change', () => {
    const s = (text: string) => `##\n# @cmd:\n#\n${text}\n##\n${S('{}')}`;
    const d = diffSchemas(model(s('# Does one thing\n# and another.')), model(s('# Does one thing and\n# another.')));
    expect(d).toEqual({ changes: [], docs: [] });
  });

  it('a member added with its description is a wire change, not a doc change', () => {
    const s = (args: string, data: string) => `##\n# @cmd:\n#\n# Text.\n#\n${args}##\n${S(data)}`;
    const d = diffSchemas(
      model(s('# @a: the a\n', "{ 'a': 'str' }")),
      model(s('# @a: the a\n#\n# @b: the b\n', "{ 'a': 'str', '*b': 'int' }")),
    );
    expect(d.changes.map(line)).toEqual(['compatible send member-added cmd.b [send-optin] @ cmd.arguments.b']);
    expect(d.docs).toEqual([]);
  });

  it("reads a pre-6.0 C condition as today's form of it", () => {
    expect(condText('defined(CONFIG_A) || defined(CONFIG_B)')).toBe(condText({ any: ['CONFIG_A', 'CONFIG_B'] }));
    expect(condText('defined(CONFIG_A) && defined(CONFIG_B)')).toBe(condText({ all: ['CONFIG_A', 'CONFIG_B'] }));
    expect(condText('defined(CONFIG_SPICE)')).toBe('CONFIG_SPICE');
    expect(condText('CONFIG_A && !CONFIG_B')).toBe('CONFIG_A && !CONFIG_B');
  });

  it('lists incompatible changes first', () => {
    const d = diffSchemas(model(S("{ 'a': 'str' }")), model(S("{ 'b': 'str', '*c': 'int' }")));
    expect(d.changes.map((c) => c.verdict)).toEqual(['incompatible', 'incompatible', 'compatible']);
  });
});

describe("diffSchemas: a tree against a build (a running QEMU's query-qmp-schema)", () => {
  const TREE = [
    "{ 'command': 'win', 'if': 'CONFIG_WIN32' }",
    "{ 'command': 'x-one', 'if': 'CONFIG_X' }",
    "{ 'command': 'x-two', 'if': 'CONFIG_X' }",
    "{ 'enum': 'Mode', 'data': [ 'a', { 'name': 'b', 'if': 'CONFIG_B' } ] }",
    "{ 'command': 'cmd', 'data': { 'm': 'Mode' } }",
  ];
  // configured without CONFIG_WIN32 and CONFIG_B, with CONFIG_X; x-two is gone (not its condition: x-one is there)
  const BUILD = ["{ 'command': 'x-one' }", "{ 'enum': 'Mode', 'data': [ 'a' ] }", TREE[4]];
  const tree = () => model(TREE.join('\n'));
  const build = () => masked(model(BUILD.join('\n')));

  it("what the build lacks under a condition it does not meet is left out, not removed; a met one's absence is", () => {
    expect(diffSchemas(tree(), build()).changes.map(line)).toEqual([
      'incompatible send command-removed x-two [send-incompatible] @ x-two',
      'configuration send left-out Mode.b [conditional] @ cmd.arguments.m',
      'configuration send left-out win [conditional] @ win',
    ]);
    // and the other way round: not added either
    expect(diffSchemas(build(), tree()).changes.map(line)).toEqual([
      'compatible send command-added x-two [send-optin] @ x-two',
      'configuration send left-out Mode.b [conditional] @ cmd.arguments.m',
      'configuration send left-out win [conditional] @ win',
    ]);
    const win = diffSchemas(tree(), build()).changes.find((c) => c.def === 'win')!;
    expect(describeChange(win)).toBe('command win left out of the build by its condition CONFIG_WIN32');
  });

  it('two builds: a change in a type with no name is said by where clients meet it', () => {
    const s = (inner: string, mode: string) =>
      `{ 'struct': 'Inner', 'data': ${inner} }\n{ 'command': 'cmd', 'data': { 'in': 'Inner', 'm': ${mode} } }`;
    const d = diffSchemas(
      masked(model(s("{ 'a': 'str' }", "'str'"))),
      masked(model(ENUM("['x', 'y']") + s("{ 'a': 'str', '*b': 'int' }", "'Mode'"))),
    );
    expect(d.changes.map((c) => [c.def, c.within, describeChange(c)])).toEqual([
      ['cmd', 'cmd.arguments', 'type of m of the arguments of cmd changed from str to enum of "x" | "y" (narrower)'],
      ['cmd', 'cmd.arguments.in', 'optional member b added to member in of the arguments of cmd'],
    ]);
  });
});

describe('formatDiff', () => {
  it('says every change of the table in words, without a blank or undefined', () => {
    const all = rows.flatMap(([, old, now]) => diffSchemas(model(old), model(now)).changes);
    expect(new Set(all.map((c) => c.kind)).size).toBe(19);
    for (const c of all) expect(describeChange(c)).not.toMatch(/undefined| {2}|^ | $/);
    const arrays = diffSchemas(model(R("{ 'v': ['str'] }")), model(R("{ 'v': ['int'] }"))).changes;
    expect(describeChange(arrays[0])).toBe('type of v of Out changed from [str] to [int]');
  });

  it('markdown: incompatible first, paths in code, rules quoted once', () => {
    const d = diffSchemas(model(S("{ 'a': 'str' }")), model(S("{ 'b': 'str', '*c': 'int' }")));
    const md = formatDiff(d, 'markdown', { oldLabel: 'v1', newLabel: 'v2' });
    expect(md).toBe(
      '**QAPI schema v1 → v2**: 3 wire changes (2 incompatible, 0 to tolerate, 1 compatible), ' +
        '0 definitions with doc changes.\n\n' +
        '### Incompatible (2)\n\n' +
        '- mandatory member `a` removed from `cmd` (send; [send-incompatible])\n  at `cmd.arguments.a`\n' +
        '- mandatory member `b` added to `cmd` (send; [send-incompatible])\n  at `cmd.arguments.b`\n\n' +
        '### Compatible (1)\n\n' +
        '- optional member `c` added to `cmd` (send; [send-optin])\n  at `cmd.arguments.c`\n\n' +
        'Rules applied (docs/devel/qapi-code-gen.rst, "Compatibility considerations"):\n\n' +
        `> [send-incompatible] ${RULES['send-incompatible']}\n>\n> [send-optin] ${RULES['send-optin']}\n`,
    );
  });
});
