// Which release's rules read a tree (lib/qapi/release-of.ts, node.ts's
// releaseOfRoot): a given version, else the tree's VERSION file, else a
// version in its last folders' names; a note whenever the rules are not that
// very release's.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseOfRoot, versionFileOf } from '../../lib/qapi/node';
import { releaseOf } from '../../lib/qapi/release-of';
import { describeWithQemu, ROOT, sharedPath } from '../support/shared';

describe('releaseOf', () => {
  it.each([
    [{ path: '../shared/qemu/10.0.13/qapi/qapi-schema.json' }, '10.0', '10.0.13', 'path'],
    [{ versionFile: '10.2.2', path: 'qemu/7.2.0/qapi/qapi-schema.json' }, '10.2', '10.2.2', 'VERSION file'],
    [{ option: '7.2', versionFile: '10.2.2' }, '7.2', '7.2.0', 'option'],
    ['5.2.0', '5.2', '5.2.0', 'path'],
  ] as const)('%j: QEMU %s rules, no note', (evidence, release, version, from) => {
    const r = releaseOf(evidence);
    expect([r.rules.release, r.version, r.from, r.note]).toEqual([release, version, from, null]);
  });

  it.each([
    [{ path: 'qemu/9.2.0/qapi/qapi-schema.json' }, '7.2', 'QEMU 9.2.0 (from its path) is not one'],
    [{ versionFile: '10.2.50' }, '10.2', 'QEMU 10.2.50 (from its VERSION file) is not one'],
    [{ option: '11.1' }, '10.2', 'QEMU 11.1.0 (as given) is not one'],
    [{ path: 'my-schema/qapi-schema.json' }, '10.2', 'no QEMU version in a VERSION file or in the path'],
  ] as const)('%j: QEMU %s rules, and a note', (evidence, release, note) => {
    const r = releaseOf(evidence);
    expect(r.rules.release).toBe(release);
    expect(r.note).toContain(note);
  });
});

describe('releaseOfRoot on disk', () => {
  it('content/: its VERSION file says 10.2.0, the release our example is written to', () => {
    expect(versionFileOf(path.join(ROOT, 'content', 'qapi-schema.json'))).toBe('10.2.0');
    const r = releaseOfRoot(path.join(ROOT, 'content', 'qapi-schema.json'));
    expect([r.rules.release, r.from, r.note]).toEqual(['10.2', 'VERSION file', null]);
  });

  it('finds the VERSION file of a source tree two folders up (storage-daemon/qapi/), and no further', () => {
    const top = mkdtempSync(path.join(tmpdir(), 'qapi-src-'));
    const deep = path.join(top, 'storage-daemon', 'qapi');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(top, 'VERSION'), '7.2.0\n');
    expect(releaseOfRoot(path.join(deep, 'qapi-schema.json')).rules.release).toBe('7.2');
    mkdirSync(path.join(deep, 'a'));
    expect(releaseOfRoot(path.join(deep, 'a', 'qapi-schema.json')).from).toBeNull();
  });

  it('reads a version only in the last folders of the path, however it was typed', () => {
    const r = releaseOfRoot('/home/me/node-v20.9.0/work/my-tree/qapi/qapi-schema.json');
    expect([r.rules.release, r.from]).toEqual(['10.2', null]);
  });
});

describeWithQemu(['10.0.13', '5.2.0'], 'releaseOfRoot on real trees', () => {
  it.each([
    ['10.0.13', 'qapi', '10.0'],
    ['5.2.0', 'storage-daemon/qapi', '5.2'],
  ])('%s %s: QEMU %s rules', (release, dir, rules) => {
    const r = releaseOfRoot(sharedPath('qemu', release, dir, 'qapi-schema.json'));
    expect(r.rules.release).toBe(rules);
    expect(r.note).toBeNull();
  });
});
