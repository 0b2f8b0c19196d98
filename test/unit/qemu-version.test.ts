import { describe, expect, it } from 'vitest';
import {
  compareQemuVersions,
  findQemuVersion,
  isDevelopmentVersion,
  isQemuVersionText,
  nextRelease,
  releaseInDevelopment,
  releaseOrder,
} from '../../lib/qapi/version';

describe('QEMU version numbers', () => {
  it.each([
    ['10.2.2', [10, 2, 2]],
    ['10.2.2+vfio-migration-prepare', [10, 2, 2]],
    ['../shared/qemu/10.0.13/qapi/qapi-schema.json', [10, 0, 13]],
    ['qemu-11.1.3-x86_64.qmp', [11, 1, 3]],
    ['QEMU 9.2.50 (s390x)', [9, 2, 50]],
    ['qga-7.2.0', [7, 2, 0]],
    ['10.2', [10, 2, 0]],
  ])('finds %s in a text', (text, [major, minor, micro]) => {
    expect(findQemuVersion(text)).toEqual({ major, minor, micro });
  });

  it.each(['seed', 'v1', '1234.5', 'x.1.2'])('finds no version in %s', (text) => {
    expect(findQemuVersion(text)).toBeNull();
  });

  it('takes a whole version as an option value, nothing else', () => {
    expect(['10.2', '10.2.2'].map(isQemuVersionText)).toEqual([true, true]);
    expect(['10', '10.2.2+seed', 'ten', '', undefined].map(isQemuVersionText)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('orders versions', () => {
    const sorted = ['10.2.2', '5.2.0', '10.0.13', '11.1.3', '7.2.22', '7.2.0']
      .map((t) => findQemuVersion(t)!)
      .sort(compareQemuVersions)
      .map((v) => `${v.major}.${v.minor}.${v.micro}`);
    expect(sorted).toEqual(['5.2.0', '7.2.0', '7.2.22', '10.0.13', '10.2.2', '11.1.3']);
  });

  it('orders the labels of a site: 11.1.3 newest, a patched tree after its release, labels without a number last', () => {
    const labels = ['10.2.2+seed', '11.1.3', '10.2.2', 'example', '10.0.13', '7.2.0', '5.2.0', '10.0.0-x86_64'];
    expect(releaseOrder(labels).map((i) => labels[i])).toEqual([
      '5.2.0',
      '7.2.0',
      '10.0.0-x86_64',
      '10.0.13',
      '10.2.2',
      '10.2.2+seed',
      '11.1.3',
      'example',
    ]);
  });

  it.each([
    ['10.0', '10.1'],
    ['10.1', '10.2'],
    ['10.2', '11.0'],
    ['11.1', '11.2'],
    ['4.2', '5.0'],
    ['3.1', '4.0'],
    ['2.11', '2.12'],
    ['2.12', '3.0'],
  ])('after %s comes %s', (from, to) => {
    const v = findQemuVersion(from)!;
    const next = nextRelease(v);
    expect(`${next.major}.${next.minor}`).toBe(to);
  });

  it('a development tree (x.y.50) develops the same release as its base x.y', () => {
    expect(isDevelopmentVersion(findQemuVersion('10.2.50')!)).toBe(true);
    expect(isDevelopmentVersion(findQemuVersion('10.2.2')!)).toBe(false);
    expect(releaseInDevelopment(findQemuVersion('10.2.50')!)).toBe('11.0');
    expect(releaseInDevelopment(findQemuVersion('10.2.2')!)).toBe('11.0');
    expect(releaseInDevelopment(findQemuVersion('10.0.13')!)).toBe('10.1');
  });
});
