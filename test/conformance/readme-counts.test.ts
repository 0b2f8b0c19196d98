// The README's tables of counts, read as a reader reads them and compared with
// what the code computes, so they can never drift: per tree, what `check`
// prints (entities, events) and what `lint-examples` prints (valid, invalid,
// not checkable); and the number of QEMU's conformance cases it cites.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { run as check } from '../../cli/check';
import { run as lintExamples } from '../../cli/lint-examples';
import { runCommand } from '../support/cli-io';
import { describeWithShared, ROOT, sharedPath } from '../support/shared';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const HEADER = '| tree | `check`: entities / events | `lint-examples`: valid / invalid / not checkable |';

/** Where a root of the table's first column lies: '5.2.0' + 'storage-daemon' -> qemu/5.2.0/storage-daemon/qapi/. */
const ROOTS: Record<string, string[]> = { qapi: ['qapi'], qga: ['qga'], 'storage-daemon': ['storage-daemon', 'qapi'] };

interface Row {
  tree: string;
  root: string;
  entities: number;
  events: number;
  lint: [number, number, number];
}

/** The table's rows, one per root: '| 5.2.0 qapi / qga | 1043 / 140; 48 / 0 | 169 / 40 / 2; 0 / 0 / 0 |'. */
function tableRows(): Row[] {
  const lines = README.split('\n');
  const start = lines.indexOf(HEADER);
  expect(start, 'the README has the table of counts').toBeGreaterThan(0);
  const rows: Row[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [first, counts, lint] = line
      .split('|')
      .slice(1, 4)
      .map((c) => c.trim());
    const [tree, ...roots] = first!.split(/\s+/).filter((w) => w !== '/');
    const [entities, events] = counts!.split(';').map((part) => part.split('/').map(Number));
    const lints = lint!.split(';').map((part) => part.split('/').map(Number));
    roots.forEach((root, i) =>
      rows.push({
        tree: tree!,
        root,
        entities: entities![i]!,
        events: events![i]!,
        lint: lints[i] as [number, number, number],
      }),
    );
  }
  return rows;
}

describeWithShared("the README's counts are what the code computes", () => {
  const rows = tableRows();

  it('the table lists every tree of ../shared/qemu', () => {
    expect(rows.map((r) => `${r.tree} ${r.root}`)).toEqual([
      ...['5.2.0', '7.2.0', '10.0.13'].flatMap((t) => [`${t} qapi`, `${t} qga`, `${t} storage-daemon`]),
      '10.2.2 qapi',
      '10.2.2+vfio-migration-prepare qapi',
    ]);
  });

  it.each(rows.map((r) => [`${r.tree} ${r.root}`, r] as const))('%s', async (_name, row) => {
    const file = sharedPath('qemu', row.tree, ...ROOTS[row.root]!, 'qapi-schema.json');
    const summary = JSON.parse((await runCommand(check, ['--json', file])).stdout);
    expect([summary.entities, summary.events.length]).toEqual([row.entities, row.events]);
    const lint = JSON.parse((await runCommand(lintExamples, ['--format=json', file])).stdout).summary;
    expect([lint.valid, lint.invalid, lint.notCheckable]).toEqual(row.lint);
  });

  it("the conformance cases it cites are the four releases' CASES.txt", () => {
    const cases = ['5.2.0', '7.2.0', '10.0.13', '10.2.2']
      .map((r) => readFileSync(sharedPath('qemu', r, 'tests', 'qapi-schema', 'CASES.txt'), 'utf8'))
      .reduce((n, text) => n + text.split('\n').filter((l) => l.trim()).length, 0);
    const suite = /`test\/conformance\/qemu-suites\.test\.ts` \((\d+) cases\)/.exec(README);
    const runner = /`conformance: N\/(\d+) cases match QEMU` \((\d+)\/(\d+)\)/.exec(README);
    expect([suite?.[1], ...(runner?.slice(1) ?? [])].map(Number)).toEqual([cases, cases, cases, cases]);
  });
});
