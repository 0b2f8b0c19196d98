// How a suite that needs QEMU's real data (see scripts/qemu-data.ts: QEMU_SRC
// or ../shared) finds it, and skips, saying which release it needs, without it.
import { describe, it } from 'vitest';
import { hasQemu, hasShared } from '../../scripts/qemu-data';

export * from '../../scripts/qemu-data';

/** `describe` for suites that need these QEMU releases' data: skipped, naming what is missing, without it. */
export function describeWithQemu(releases: string | string[], name: string, fn: () => void): void {
  const need = typeof releases === 'string' ? [releases] : releases;
  const missing = need.filter((r) => !hasQemu(r));
  if (missing.length === 0) describe(name, fn);
  else skipSuite(name, `QEMU ${missing.join(', ')}`);
}

/** `describe` for suites that read ../shared beyond QEMU's releases (libvirt's traffic). */
export function describeWithShared(name: string, fn: () => void): void {
  if (hasShared) describe(name, fn);
  else skipSuite(name, '../shared/');
}

/** The suite's body is not run at all (it would read the missing data while collecting): one skipped entry says why. */
function skipSuite(name: string, missing: string): void {
  describe.skip(name, () => {
    it(`needs ${missing}`, () => {});
  });
}
