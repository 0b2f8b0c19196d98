// Where the tests find QEMU's real data (../shared beside the checkout), and
// how a suite that needs it skips on a clone that has none.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const hasShared = existsSync(path.join(SHARED, 'qemu'));

/** A path under ../shared, e.g. sharedPath('qemu', '10.2.2', 'qapi/qapi-schema.json'). */
export const sharedPath = (...parts: string[]): string => path.join(SHARED, ...parts);

/** `describe` for suites that read ../shared: skipped (with the suite's name saying why) when it is absent. */
export const describeWithShared = hasShared ? describe : describe.skip;
