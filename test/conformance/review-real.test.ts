// The review on real data nobody here wrote: QEMU's own qapi/ change from
// 10.0.13 to 10.2.2, made here by git as one diff with real blob hashes.
// It must find its base by hash, apply exactly (every patched file is 10.2.2's),
// report what QEMU 10.0's generator says of 10.2.2's tree, and find what 10.2.2
// really ships: `# Since 10.1` lines without their colon. Every expectation is
// computed from the diff and the trees, never listed; every finding must point
// at a patch line that shows the file line it names.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { diffSchemas } from '../../lib/diff';
import { type QapiError } from '../../lib/qapi/error';
import { loadModelFromDisk, loadSchemaFromDisk } from '../../lib/qapi/node';
import { RELEASES } from '../../lib/qapi/releases';
import { buildIndex, type SchemaIndex, type SchemaModel } from '../../lib/qapi/model';
import { reviewPatch, type ReviewResult } from '../../lib/review/index';
import { hasGit, PatchRepo, sharedTree } from '../support/review-repo';
import { describeWithQemu, qemuTree, sharedPath } from '../support/shared';

/** Every added line of a unified diff: its file (b/ side) and its line there. Written here, apart from lib/review. */
function addedLines(diff: string): { file: string; line: number; text: string; patchLine: number }[] {
  const out = [];
  let file = '';
  let line = 0;
  let inHunk = false;
  for (const [i, text] of diff.split('\n').entries()) {
    if (text.startsWith('diff --git ')) inHunk = false;
    else if (!inHunk && text.startsWith('+++ ')) file = text.slice(6);
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(text);
    if (hunk) {
      inHunk = true;
      line = Number(hunk[1]);
    } else if (inHunk && text.startsWith('+')) out.push({ file, line: line++, text: text.slice(1), patchLine: i + 1 });
    else if (inHunk && (text.startsWith(' ') || text === '')) line++;
  }
  return out;
}

describeWithQemu(['10.0.13', '10.2.2'], "review: QEMU's own change from 10.0.13 to 10.2.2", () => {
  let diff: string;
  let r: ReviewResult;
  let v100: SchemaIndex;
  let v102: SchemaIndex;
  let models: SchemaModel[];
  const file102 = (p: string) => readFileSync(sharedPath('qemu', '10.2.2', p), 'utf8');

  beforeAll(async () => {
    if (!hasGit) return;
    const repo = new PatchRepo('10.0.13');
    try {
      diff = repo.diffTo('10.2.2');
    } finally {
      repo.remove();
    }
    r = await reviewPatch(diff, [sharedTree('10.2.2'), sharedTree('10.0.13')]);
    models = [loadModelFromDisk(qemuTree('10.0.13')), loadModelFromDisk(qemuTree('10.2.2'))];
    [v100, v102] = models.map(buildIndex) as [SchemaIndex, SchemaIndex];
  });

  it.runIf(hasGit)('base 10.0.13 by blob hash; applies exactly: every patched file is 10.2.2', () => {
    expect(r.base).toMatchObject({ label: '10.0.13', how: 'blob-hash', since: '10.1', release: '10.0' });
    expect(r.applies).toBe(true);
    const files = readdirSync(sharedPath('qemu', '10.2.2', 'qapi'));
    for (const [p, text] of Object.entries(r.patched)) {
      expect(text, p).toBe(files.includes(p.slice('qapi/'.length)) ? file102(p) : null);
    }
  });

  it.runIf(hasGit)(
    "QEMU 10.0's generator rejects 10.2.2's tree, as our port of it says; the rest reads it by 10.2's rules",
    () => {
      let expected = '';
      try {
        loadSchemaFromDisk(qemuTree('10.2.2'), RELEASES['10.0']);
      } catch (err) {
        expected = String(err as QapiError).replace(/\/\S*?\/qemu\/10\.2\.2\//g, '');
      }
      expect(expected).not.toBe('');
      expect(r.qapi.ok).toBe(false);
      expect(r.qapi.error!.text).toBe(expected);
      expect(r.notes.join('\n')).toMatch(/QEMU 10\.2's takes it/);
      // the wire changes are lib/diff's between the two real trees
      expect(r.changes.changes).toEqual(diffSchemas(models[0]!, models[1]!).changes);
    },
  );

  it.runIf(hasGit)(
    'finds the `# Since X.Y` lines without their colon that 10.2.2 ships (and nothing else as such)',
    () => {
      const malformed = addedLines(diff)
        .filter((l) => /^# since\b[\s:]*v?\d+(\.\d+){0,2}\.?\s*$/i.test(l.text) && !l.text.startsWith('# Since: '))
        .map((l) => `${l.file}:${l.line}`);
      expect(malformed.length).toBeGreaterThanOrEqual(3);
      expect(malformed.some((m) => m.startsWith('qapi/qom.json:'))).toBe(true);
      const found = r.findings.filter((f) => f.rule === 'since-malformed').map((f) => `${f.file}:${f.line}`);
      expect(found.sort()).toEqual(malformed.sort());
    },
  );

  it.runIf(hasGit)(
    'each member-since finding names a member 10.2.2 has, 10.0.13 has not, whose note is missing or not 10.1',
    () => {
      const members = r.findings.filter((f) => f.rule === 'member-since-missing' || f.rule === 'member-since-version');
      expect(members.length).toBeGreaterThan(0);
      for (const f of members) {
        const [, kind, name] = /^(member|value|branch|alternative) '([^']+)'/.exec(f.text)!;
        const def = f.def!;
        const names = (i: SchemaIndex) => {
          const e = i.get(def);
          if (!e) return [];
          if (e.meta === 'enum') return e.values.map((v) => v.name);
          if (e.meta === 'struct' || e.meta === 'union') return e.members.map((m) => m.name);
          if ((e.meta === 'event' || e.meta === 'command') && e.argType) {
            const arg = i.get(e.argType);
            return arg?.meta === 'struct' ? arg.members.map((m) => m.name) : [];
          }
          return [];
        };
        expect(names(v102), `${kind} ${name} of ${def}`).toContain(name);
        expect(names(v100), `${kind} ${name} of ${def}`).not.toContain(name);
      }
    },
  );

  it.runIf(hasGit)('every finding on a patch line points at a line that shows the file line it names', () => {
    const lines = diff.split('\n');
    const placed = r.findings.filter((f) => f.patchLine !== null && f.file && f.line);
    expect(placed.length).toBeGreaterThan(20);
    for (const f of placed) {
      const shown = lines[f.patchLine! - 1]!;
      // a removed line is the base's (10.0.13), any other the patched file's (10.2.2)
      const release = shown.startsWith('-') ? '10.0.13' : '10.2.2';
      const text = readFileSync(sharedPath('qemu', release, f.file!), 'utf8').split('\n')[f.line! - 1];
      expect(shown.slice(1), `${f.rule} ${f.file}:${f.line}`).toBe(text);
    }
  });
});
