// QEMU's own parser conformance suite (10.2.2's tests/qapi-schema, see test/support/shared.ts),
// one test per case: the error text must equal NAME.err, or the dump NAME.out.
import { expect, it } from 'vitest';
import { listCases, runCase } from '../../scripts/conformance';
import { describeWithQemu, hasQemu } from '../support/shared';

const cases = hasQemu('10.2.2') ? listCases() : [];

describeWithQemu('10.2.2', 'QEMU qapi-schema conformance suite', () => {
  it('lists the 208 cases of CASES.txt, 8 of them valid schemas', () => {
    expect(cases).toHaveLength(208);
    const valid = cases.filter((name) => runCase(name).kind === 'out');
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

  it.each(cases)('%s', (name) => {
    const result = runCase(name);
    expect(result.actual).toBe(result.expected);
    expect(result.ok).toBe(true);
  });
});
