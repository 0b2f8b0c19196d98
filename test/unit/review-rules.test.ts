// Every rule of the review, as a table: a mutation of the seed that trips it
// and a neighbour that does not. Each patch is made by git from QEMU 10.2.2's
// real tree (../shared) with the seeded qapi/vfio.json changed; each finding
// must sit on the line the mutation wrote, in the file and in the patch.
// QEMU's own texts come from QEMU 10.2.2's conformance suite, never from here.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reviewPatch, RULE_IDS, RULE_TABLE, type Finding, type ReviewTree, type RuleId } from '../../lib/review/index';
import { hasGit, PatchRepo, sharedTree } from '../support/review-repo';
import { describeWithQemu, sharedPath } from '../support/shared';

type Edit = (text: string) => string;

interface Mutation {
  /** edits of the seeded qapi/vfio.json */
  vfio?: Edit;
  /** edits of other files of the tree */
  others?: Record<string, Edit>;
  /** edits of the patch text itself */
  patch?: Edit;
}

interface Case {
  rule: RuleId;
  name: string;
  trip: Mutation;
  /** the line the finding is about: the first line of the patched file containing this (in `file`) */
  at: string;
  /** which line containing `at` (1: the first) */
  nth?: number;
  file?: string;
  /** QEMU's message for the fault, from this case of its conformance suite */
  suite?: string;
  neighbour: Mutation;
}

/** `text` with the first `from` (after `after`, when given) replaced; the test fails if it is not there. */
function sub(from: string, to: string, after = ''): Edit {
  return (text) => {
    const start = after ? text.indexOf(after) : 0;
    const at = text.indexOf(from, start);
    if (start < 0 || at < 0) throw new Error(`mutation: ${JSON.stringify(from)} not found`);
    return text.slice(0, at) + to + text.slice(at + from.length);
  };
}

const NEW_EVENT = '# @VFIO_MIGRATION_PREPARE:\n';
const OLD_EVENT = "{ 'event': 'VFIO_MIGRATION',\n";
const INTRO_END = '# state transition to X failed.\n';
const ENUM_DOC_END = '#     for reading.\n#\n# Since: 9.1\n';
const ENUM_DATA = "'pre-copy', 'pre-copy-p2p' ] }";
const newValue =
  (note: string): Edit =>
  (t) =>
    sub(
      ENUM_DATA,
      "'pre-copy', 'pre-copy-p2p',\n            'pre-copy-p2p-prepare' ] }",
    )(
      sub(
        ENUM_DOC_END,
        `#     for reading.\n#\n# @pre-copy-p2p-prepare: The device prepares for P2P.${note}\n#\n# Since: 9.1\n`,
      )(t),
    );
const newMember =
  (note: string): Edit =>
  (t) =>
    sub(
      "      'device-state': 'QapiVfioMigrationState'\n",
      "      'device-state': 'QapiVfioMigrationState',\n      '*reason': 'str'\n",
      OLD_EVENT,
    )(
      sub(
        '# @device-state: The new changed device migration state.\n',
        `# @device-state: The new changed device migration state.\n#\n# @reason: Why the state changes.${note}\n`,
      )(t),
    );
const deprecateOld =
  (why: string): Edit =>
  (t) =>
    sub(
      "      'device-state': 'QapiVfioMigrationState'\n  } }",
      "      'device-state': 'QapiVfioMigrationState'\n  },\n  'features': [ 'deprecated' ] }",
      OLD_EVENT,
    )(
      sub(
        '# @device-state: The new changed device migration state.\n',
        `# @device-state: The new changed device migration state.\n#\n# Features:\n#\n# @deprecated: ${why}\n`,
      )(t),
    );
const renameNewMember =
  (from: string, to: string): Edit =>
  (t) => {
    const at = t.indexOf(NEW_EVENT);
    return (
      t.slice(0, at) +
      t
        .slice(at)
        .replaceAll(`@${from}:`, `@${to}:`)
        .replaceAll(`'${from}'`, `'${to}'`)
        .replaceAll(`"${from}"`, `"${to}"`)
    );
  };

const CASES: Case[] = [
  {
    rule: 'does-not-apply',
    name: 'a context line the base does not have',
    trip: { patch: sub("       'qom-path': 'str',\n", "       'qom-path': 'string',\n") },
    at: "'qom-path': 'str',",
    neighbour: { patch: sub('@@ -66,3 +66,36 @@', '@@ -63,3 +63,36 @@') },
  },
  {
    rule: 'qapi-error',
    name: 'a doc line of 72 columns (QEMU 10.2 takes 70)',
    trip: { vfio: sub('received for state X,', 'received for the state X,') },
    at: 'received for the state X,',
    suite: 'doc-long-line',
    neighbour: { vfio: sub('received for state X,', 'received for a state X,') },
  },
  {
    rule: 'qapi-error',
    name: 'a feature without documentation',
    trip: { vfio: sub('  } }\n', "  },\n  'features': [ 'undoc' ] }\n", NEW_EVENT) },
    at: "{ 'event': 'VFIO_MIGRATION_PREPARE',",
    suite: 'doc-undoc-feature',
    neighbour: {},
  },
  {
    rule: 'qapi-error',
    name: 'two Since sections',
    trip: { vfio: sub('# Since: 11.0\n', '# Since: 11.0\n#\n# Since: 11.0\n') },
    at: '# Since: 11.0',
    nth: 2,
    suite: 'doc-duplicated-since',
    neighbour: {},
  },
  {
    rule: 'incompatible-change',
    name: 'an event data member removed',
    trip: {
      vfio: (t) =>
        sub(
          "      'device-id': 'str',\n",
          '',
          OLD_EVENT,
        )(sub("# @device-id: The device's id, if it has one.\n#\n", '')(t)),
    },
    at: "{ 'event': 'VFIO_MIGRATION',",
    neighbour: { vfio: newMember('  (since 11.0)') },
  },
  {
    rule: 'example-invalid',
    name: 'an example with a value its enum does not have',
    trip: { vfio: sub('"device-state": "stop" } }', '"device-state": "stopped" } }', NEW_EVENT) },
    at: '# .. qmp-example::',
    nth: 2,
    neighbour: { vfio: sub('"device-state": "stop" } }', '"device-state": "running" } }', NEW_EVENT) },
  },
  {
    rule: 'since-missing',
    name: 'a new event without Since',
    trip: { vfio: sub('# Since: 11.0\n#\n', '') },
    at: "{ 'event': 'VFIO_MIGRATION_PREPARE',",
    neighbour: {},
  },
  {
    rule: 'since-malformed',
    name: "'Since 11.0' without its colon",
    trip: { vfio: sub('# Since: 11.0', '# Since 11.0') },
    at: '# Since 11.0',
    neighbour: {},
  },
  {
    rule: 'since-malformed',
    name: "'since: 11.0' in lower case",
    trip: { vfio: sub('# Since: 11.0', '# since: 11.0') },
    at: '# since: 11.0',
    neighbour: {},
  },
  {
    rule: 'since-version',
    name: "'Since: 10.2' on 10.2.2 (the next release is 11.0)",
    trip: { vfio: sub('# Since: 11.0', '# Since: 10.2') },
    at: '# Since: 10.2',
    neighbour: {},
  },
  {
    rule: 'member-since-missing',
    name: 'an enum value added without "(since 11.0)"',
    trip: { vfio: newValue('') },
    at: '# @pre-copy-p2p-prepare:',
    neighbour: { vfio: newValue('  (since 11.0)') },
  },
  {
    rule: 'member-since-missing',
    name: 'an event member added without "(since 11.0)"',
    trip: { vfio: newMember('') },
    at: '# @reason:',
    neighbour: { vfio: newMember('  (since 11.0)') },
  },
  {
    rule: 'member-since-version',
    name: 'an enum value added "(since 10.2)"',
    trip: { vfio: newValue('  (since 10.2)') },
    at: '# @pre-copy-p2p-prepare:',
    neighbour: { vfio: newValue('  (Since: 11.0)') },
  },
  {
    rule: 'x-name',
    name: "a new member named 'x-…'",
    trip: { vfio: renameNewMember('device-id', 'x-device-id') },
    at: "'x-device-id': 'str',",
    neighbour: { vfio: renameNewMember('device-id', 'device-name') },
  },
  {
    rule: 'rfqdn-prefix',
    name: 'a new member with a downstream prefix',
    trip: { vfio: renameNewMember('qom-path', '__com.example_qom-path') },
    at: "'__com.example_qom-path': 'str',",
    neighbour: { vfio: renameNewMember('qom-path', 'com-example-qom-path') },
  },
  {
    rule: 'pragma-exception-added',
    name: 'a new documentation exception',
    trip: {
      others: {
        'qapi/pragma.json': sub(
          "        'AbortWrapper',\n",
          "        'AbortWrapper',\n        'VFIO_MIGRATION_PREPARE',\n",
        ),
      },
    },
    at: "'VFIO_MIGRATION_PREPARE',",
    file: 'qapi/pragma.json',
    neighbour: { others: { 'qapi/pragma.json': sub('before you add to them!', 'before you add to them.') } },
  },
  {
    rule: 'member-ref-unknown',
    name: '@name of no member',
    trip: { vfio: sub(INTRO_END, `${INTRO_END}# See @device-name.\n`) },
    at: '# See @device-name.',
    neighbour: { vfio: sub(INTRO_END, `${INTRO_END}# See @device-id, \`\`@literal\`\` and @VFIO_MIGRATION.\n`) },
  },
  {
    rule: 'definition-ref-unknown',
    name: '`Name` of no definition',
    trip: { vfio: sub(INTRO_END, `${INTRO_END}# See also \`VFIO_MIGRATIONS\`.\n`) },
    at: '# See also `VFIO_MIGRATIONS`.',
    neighbour: { vfio: sub(INTRO_END, `${INTRO_END}# See also \`VFIO_MIGRATION\` and \`\`VFIO_MIGRATIONS\`\`.\n`) },
  },
  {
    rule: 'deprecated-without-replacement',
    name: 'an event deprecated without saying what replaces it',
    trip: { vfio: deprecateOld('This event is deprecated.') },
    at: '# @deprecated:',
    neighbour: { vfio: deprecateOld('Use `VFIO_MIGRATION_PREPARE` instead.') },
  },
];

/** QEMU's message for a suite case: its .err's last line without the 'file:line[:col]: ' QEMU puts first. */
function suiteMessage(name: string): { col: string; message: string } {
  const err = readFileSync(sharedPath('qemu', '10.2.2', 'tests', 'qapi-schema', `${name}.err`), 'utf8').trim();
  const m = /^[^:\n]+:\d+(:\d+)?: (.*)$/.exec(err.split('\n').pop()!)!;
  return { col: m[1] ?? '', message: m[2]! };
}

describeWithQemu('10.2.2', 'review: each rule, a mutated seed that trips it and a neighbour that does not', () => {
  let repo: PatchRepo;
  let tree: ReviewTree;
  let seeded: string;

  beforeAll(() => {
    repo = new PatchRepo('10.2.2');
    tree = sharedTree('10.2.2');
    seeded = readFileSync(sharedPath('qemu', '10.2.2+vfio-migration-prepare', 'qapi', 'vfio.json'), 'utf8');
  });
  afterAll(() => repo?.remove());

  /** The patch git makes for a mutation, the patched texts, and git's own `apply --check` verdict on it. */
  function patchFor(m: Mutation): { patch: string; texts: Record<string, string>; gitApplies: boolean } {
    const texts: Record<string, string> = { 'qapi/vfio.json': (m.vfio ?? ((t) => t))(seeded) };
    for (const [file, edit] of Object.entries(m.others ?? {})) texts[file] = edit(repo.read(file));
    const patch = (m.patch ?? ((t) => t))(repo.diff(texts));
    const check = spawnSync('git', ['apply', '--check', '-'], { cwd: repo.dir, input: patch });
    return { patch, texts, gitApplies: check.status === 0 };
  }

  it('the table has a case for every rule', () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(RULE_IDS));
  });

  for (const c of CASES) {
    it.runIf(hasGit)(`${c.rule}: ${c.name}`, async () => {
      const trip = patchFor(c.trip);
      const r = await reviewPatch(trip.patch, [tree]);
      const found = r.findings.filter((f) => f.rule === c.rule);
      expect(found.map((f) => f.rule)).toEqual([c.rule]);
      const f: Finding = found[0]!;
      const file = c.file ?? 'qapi/vfio.json';
      const patchLines = trip.patch.split('\n');
      if (c.rule === 'does-not-apply') {
        expect(trip.gitApplies).toBe(false);
        expect(r.verdict).toBe('does-not-apply');
        // git names the hunk's old line; the patch line is the hunk's header
        expect(f.line).toBe(66);
        expect(patchLines[f.patchLine! - 1]).toMatch(/^@@ -66,3 /);
        expect(f.text).toContain(
          `line 66 is "      'qom-path': 'str',", the patch expects "      'qom-path': 'string',"`,
        );
      } else {
        expect(trip.gitApplies).toBe(true);
        expect(r.verdict).toBe('findings');
        const lines = trip.texts[file]!.split('\n');
        const line = lines.map((l, i) => (l.includes(c.at) ? i + 1 : 0)).filter(Boolean)[(c.nth ?? 1) - 1] ?? 0;
        expect(line).toBeGreaterThan(0);
        expect(f).toMatchObject({ file, line, severity: expect.any(String) });
        // the patch line shows the same line (added, or as context)
        expect(patchLines[f.patchLine! - 1]!.slice(1)).toBe(trip.texts[file]!.split('\n')[line - 1]);
      }
      // a judgement call says so
      expect(f.text.includes('a judgement call')).toBe(RULE_TABLE[c.rule].judgement);
      if (c.suite) {
        const { col, message } = suiteMessage(c.suite);
        expect(f.text.split('\n').pop()).toBe(`${file}:${f.line}${col}: ${message}`);
        expect(r.qapi.ok).toBe(false);
      }
      const neighbour = patchFor(c.neighbour);
      expect(neighbour.gitApplies).toBe(true);
      const n = await reviewPatch(neighbour.patch, [tree]);
      expect(n.findings.filter((x) => x.rule === c.rule)).toEqual([]);
      expect(n.applies).toBe(true);
      expect(n.qapi.ok).toBe(true);
    });
  }
});
