// QEMU's own parser conformance suites, one per release
// (../shared/qemu/<release>/tests/qapi-schema), each run in that release's
// mode: one test per case, the error text must equal NAME.err, or the dump
// (in that release's format) NAME.out.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCases, runCase, SUITE_RELEASES, suiteDir } from '../../scripts/conformance';
import { optionsForTree } from '../../lib/qapi/options';
import { describeWithShared } from '../support/shared';

describeWithShared('QEMU qapi-schema conformance suites', () => {
  it('has the 806 cases of the four releases', () => {
    const counts = SUITE_RELEASES.map(({ release }) => listCases(suiteDir(release)).length);
    expect(counts).toEqual(SUITE_RELEASES.map((s) => s.cases));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(806);
  });

  it('lists the 8 valid schemas of 10.2.2', () => {
    const dir = suiteDir('10.2.2');
    const valid = listCases(dir).filter((name) => runCase(name, dir).kind === 'out');
    expect(valid.sort()).toEqual([
      'alternate-array',
      'comments',
      'doc-good',
      'empty',
      'include-repetition',
      'include-simple',
      'indented-expr',
      'qapi-schema-test',
    ]);
  });

  for (const { release } of SUITE_RELEASES) {
    const dir = suiteDir(release);
    const cases = existsSync(path.join(dir, 'CASES.txt')) ? listCases(dir) : [];
    const options = optionsForTree(release);
    describe(`QEMU ${release}`, () => {
      it.each(cases)('%s', (name) => {
        const result = runCase(name, dir, options);
        expect(result.actual).toBe(result.expected);
        expect(result.ok).toBe(true);
      });
    });
  }
});
