// A sample of the parser fuzzer (scripts/fuzz-parse.ts runs >= 10,000): seeded
// mutants of QEMU 10.2.2's real schema files must load or fail with a proper
// QapiError (file, line, message, column for parse errors). Slow mutants are
// the fuzzer's to find, with its clock; here no clock is read (a hang would
// meet the test's timeout).
import { describe, expect, it } from 'vitest';
import { QapiError } from '../../lib/qapi/error';
import { Campaign, errorProblem, type MutantResult } from '../../lib/qapi/fuzz/campaign';
import { mutate, tokenize } from '../../lib/qapi/fuzz/mutate';
import { QAPISourceInfo } from '../../lib/qapi/source';
import { readCorpus } from '../../scripts/fuzz-parse';
import { hasQemu, sharedPath } from '../support/shared';

const tree = sharedPath('qemu', '10.2.2', 'qapi');
const SAMPLE = 300;

describe('parser fuzz sample', () => {
  it('mutations are deterministic per seed and actually change the text', () => {
    const text = "{ 'enum': 'Foo', 'data': [ 'a', 'b' ] }\n";
    expect(mutate(text, 42)).toEqual(mutate(text, 42));
    const changed = Array.from({ length: 50 }, (_, s) => mutate(text, s).text).filter((t) => t !== text);
    expect(changed.length).toBeGreaterThan(40);
    expect(tokenize(text).length).toBe(13);
  });

  it('flags anything but a located QapiError as a crash', () => {
    const files = new Map([['a.json', "{ 'x': 1 }\n"]]);
    const info = new QAPISourceInfo('a.json', null);
    expect(errorProblem(new TypeError('boom'), files)).toMatch(/^TypeError: boom/);
    expect(errorProblem(new QapiError(null, 'no place'), files)).toMatch(/without a location/);
    expect(errorProblem(new QapiError(info, "stray '1'"), files)).toMatch(/without a column/);
    expect(errorProblem(new QapiError(info, "stray '1'", 10), files)).toBeNull();
    const far = info.clone();
    far.line = 99;
    expect(errorProblem(new QapiError(far, 'x'), files)).toMatch(/outside a.json/);
  });

  it.skipIf(!hasQemu('10.2.2'))(`${SAMPLE} mutants of QEMU 10.2.2's tree: no crash`, () => {
    const campaign = new Campaign(readCorpus(tree), 20260101, Infinity);
    const results: MutantResult[] = [];
    for (let i = 0; i < SAMPLE; i++) results.push(campaign.run(i));
    const crashes = results.filter((r) => r.verdict === 'crash');
    expect(crashes.map((r) => `#${r.index} ${r.file} [${r.applied}]: ${r.detail.slice(0, 300)}`)).toEqual([]);
    // the sample exercises both outcomes, so it is not vacuous
    expect(results.filter((r) => r.verdict === 'rejected').length).toBeGreaterThan(SAMPLE / 3);
    expect(results.filter((r) => r.verdict === 'loaded').length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.file)).size).toBeGreaterThan(20);
  });

  // the readers of older releases (line-wise doc reader, QEMU 5.2's checks) face the same mutants
  it.skipIf(!hasQemu('5.2.0', '7.2.0')).each(['5.2.0', '7.2.0'])(
    `${SAMPLE / 2} mutants of QEMU %s's tree, read in its mode: no crash`,
    (release) => {
      const corpus = readCorpus(sharedPath('qemu', release, 'qapi'));
      expect(corpus.options?.release).toBe(release.slice(0, 3));
      const campaign = new Campaign(corpus, 20260102, Infinity);
      const results: MutantResult[] = [];
      for (let i = 0; i < SAMPLE / 2; i++) results.push(campaign.run(i));
      const crashes = results.filter((r) => r.verdict === 'crash');
      expect(crashes.map((r) => `#${r.index} ${r.file} [${r.applied}]: ${r.detail.slice(0, 300)}`)).toEqual([]);
      expect(results.filter((r) => r.verdict === 'rejected').length).toBeGreaterThan(SAMPLE / 6);
      expect(results.filter((r) => r.verdict === 'loaded').length).toBeGreaterThan(0);
    },
  );
});
