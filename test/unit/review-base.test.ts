// Which tree a patch is for, and applying it exactly: the base by blob hash
// among several releases, from a git checkout's history (as `git am -3`
// reads it), by trying every tree when the patch names no hash; the release
// a new definition is 'since' for each base (after 10.0 comes 10.1, after
// 10.2 comes 11.0, after 11.1 comes 11.2, a development tree's x.y.50 counts
// as x.y); `git apply`'s own verdict on offsets and anchored hunks; and
// input that is refused with a clear message (paths out of the tree,
// binary patches of schema files, no patch at all).
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { diskTree } from '../../cli/review-trees';
import { reviewPatch, type ReviewTree } from '../../lib/review/index';
import { git, hasGit, PatchRepo, sharedTree } from '../support/review-repo';
import { describeWithQemu, sharedPath } from '../support/shared';

const seedPatch = () => readFileSync(sharedPath('seed', 'vfio-migration-prepare.patch'), 'utf8');
const seeded = () => readFileSync(sharedPath('qemu', '10.2.2+vfio-migration-prepare', 'qapi', 'vfio.json'), 'utf8');
const vfio = (release: string) => readFileSync(sharedPath('qemu', release, 'qapi', 'vfio.json'), 'utf8');

describeWithQemu(['10.2.2', '10.0.13'], 'review: the base, and applying exactly', () => {
  let trees: ReviewTree[];
  let repo100: PatchRepo;
  /** the seed's new event, as a patch on 10.0.13's vfio.json, with a given Since */
  let onOld: (since: string) => string;

  beforeAll(() => {
    trees = [sharedTree('10.2.2'), sharedTree('10.0.13')];
    if (!hasGit) return;
    repo100 = new PatchRepo('10.0.13');
    const event = seeded().slice(vfio('10.2.2').length);
    onOld = (since) =>
      repo100.diff({ 'qapi/vfio.json': vfio('10.0.13') + event.replace('# Since: 11.0', `# Since: ${since}`) });
  });
  afterAll(() => repo100?.remove());

  it('by blob hash among several releases: the one whose file hashes to the preimage', async () => {
    const r = await reviewPatch(seedPatch(), trees);
    expect(r.base).toMatchObject({ label: '10.2.2', how: 'blob-hash', since: '11.0' });
    expect(r.base!.others).toEqual([{ label: '10.0.13', hash: false, applies: null }]);
  });

  it.runIf(hasGit)('after 10.0 comes 10.1: Since: 10.1 is right on 10.0.13, 11.0 is not', async () => {
    const right = await reviewPatch(onOld('10.1'), trees);
    expect(right.base).toMatchObject({ label: '10.0.13', how: 'blob-hash', since: '10.1', release: '10.0' });
    expect(right.verdict).toBe('fine');
    const wrong = await reviewPatch(onOld('11.0'), trees);
    expect(wrong.findings.map((f) => f.rule)).toEqual(['since-version']);
    expect(wrong.findings[0]!.text).toMatch(/new in 10\.1/);
  });

  it('no blob hash: every tree tried, the newest one it applies to taken', async () => {
    const bare = seedPatch().replace(/^index .*\n/m, '');
    const r = await reviewPatch(bare, trees);
    expect(r.base).toMatchObject({ label: '10.2.2', how: 'applies' });
    expect(r.base!.detail).toMatch(/names no blob hash/);
    expect(r.base!.others).toEqual([{ label: '10.0.13', hash: false, applies: true }]);
    expect(r.verdict).toBe('fine');
  });

  it.runIf(hasGit)(
    'a git checkout whose work tree moved on: the preimage from its history, as git am -3 reads it',
    async () => {
      const repo = new PatchRepo('10.2.2', { VERSION: '11.1.50\n' });
      try {
        repo.write('qapi/vfio.json', vfio('10.2.2').replace('# Since: 9.1', '# Since: 9.1.0'));
        git(repo.dir, 'commit', '-qam', 'moved on');
        const tree = diskTree(repo.dir, '/');
        if (typeof tree === 'string') throw new Error(tree);
        const r = await reviewPatch(seedPatch(), [tree]);
        expect(r.base).toMatchObject({ how: 'git-history', version: '11.1.50' });
        expect(r.base!.detail).toMatch(/qapi\/vfio\.json a1a9c5b673 \(from its git history\)/);
        // a development tree of 11.1 (11.1.50): what it adds is new in 11.2, so 'Since: 11.0' is wrong
        expect(r.base!.since).toBe('11.2');
        expect(r.findings.map((f) => f.rule)).toEqual(['since-version']);
        // without git on PATH, the review says why it cannot read the history (and tries the work tree)
        const saved = process.env.PATH;
        process.env.PATH = '/nonexistent';
        try {
          const blind = diskTree(repo.dir, '/');
          if (typeof blind === 'string') throw new Error(blind);
          expect(blind.historyNote).toMatch(/git is not on PATH/);
          const r2 = await reviewPatch(seedPatch(), [blind]);
          expect(r2.notes.join('\n')).toMatch(/git is not on PATH/);
          expect(r2.base).toMatchObject({ how: 'applies' });
        } finally {
          process.env.PATH = saved;
        }
      } finally {
        repo.remove();
      }
    },
  );

  it.runIf(hasGit)(
    'offsets and anchors as git apply: a hunk found lines away applies; one at line 1 must match there',
    async () => {
      const repo = new PatchRepo('10.2.2');
      try {
        const gitApplies = (patch: string) =>
          spawnSync('git', ['apply', '--check', '-'], { cwd: repo.dir, input: patch }).status === 0;
        const base = vfio('10.2.2');
        // a change near the top of the file, made by git with its context
        const top = repo.diff({ 'qapi/vfio.json': base.replace('# VFIO devices\n', '# VFIO devices (PCI)\n') });
        expect(top).toMatch(/^@@ -4,7 \+4,7 @@/m);
        for (const [header, applies] of [
          ['@@ -4,7 +4,7 @@', true], // git's own
          ['@@ -9,7 +9,7 @@', true], // five lines off: found by searching
          ['@@ -1,7 +1,7 @@', false], // at line 1: must match at the start of the file
        ] as const) {
          const patch = top.replace(/^@@ -4,7 \+4,7 @@/m, header);
          expect(gitApplies(patch), `git apply --check, ${header}`).toBe(applies);
          const r = await reviewPatch(patch, [trees[0]!]);
          expect(r.applies, `review, ${header}`).toBe(applies);
          if (!applies)
            expect(r.failure!.text).toMatch(
              /its lines are at line 4, but a hunk at line 1 must match at the start of the file/,
            );
        }
      } finally {
        repo.remove();
      }
    },
  );

  it('refused, never read: a path out of the tree, an absolute path, a binary patch of a schema file', async () => {
    const patch = seedPatch();
    for (const [bad, why] of [
      ['qapi/../../../etc/passwd', /climbs out of the tree/],
      ['/etc/qapi/vfio.json', /absolute path/],
    ] as const) {
      const hostile = patch
        .replace('diff --git a/qapi/vfio.json b/qapi/vfio.json', `diff --git a/${bad} b/${bad}`)
        .replace('--- a/qapi/vfio.json', `--- a/${bad}`)
        .replace('+++ b/qapi/vfio.json', `+++ b/${bad}`);
      const r = await reviewPatch(hostile, trees);
      expect(r.verdict).toBe('does-not-apply');
      expect(r.failure!.text).toMatch(why);
      expect(r.failure!.patchLine).toBe(1);
    }
    const binary =
      'diff --git a/qapi/vfio.json b/qapi/vfio.json\nindex a1a9c5b673..de41211f1d 100644\nGIT binary patch\nliteral 5\nMcmZ?wbYkXL\n\n';
    const r = await reviewPatch(binary, trees);
    expect(r.verdict).toBe('does-not-apply');
    expect(r.failure!.text).toBe('refused: a binary patch of the schema file qapi/vfio.json');
  });

  it('no patch at all, and a patch of no schema file', async () => {
    const none = await reviewPatch('Looks good to me.\n', trees);
    expect(none).toMatchObject({ verdict: 'does-not-apply', summary: 'does not apply: no patch found in the input' });
    const c = await reviewPatch(
      'diff --git a/hw/vfio/migration.c b/hw/vfio/migration.c\n--- a/hw/vfio/migration.c\n+++ b/hw/vfio/migration.c\n@@ -1,1 +1,1 @@\n-a\n+b\n',
      trees,
    );
    expect(c).toMatchObject({ verdict: 'fine', notSchema: ['hw/vfio/migration.c'] });
  });
});
