// QEMU's own parser conformance suite (../shared/qemu/10.2.2/tests/qapi-schema),
// one test per case: the error text must equal NAME.err, or the dump NAME.out.
import { describe, expect, it } from 'vitest';
import { listCases, runCase } from '../../scripts/conformance';

const cases = listCases();

describe('QEMU qapi-schema conformance suite', () => {
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
