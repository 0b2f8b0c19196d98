// A smaller run of `npm run fuzz:validate`: seeded hostile pastes through the
// validator page's worker logic; no crash, every planted invalid message
// reported on its line. Slow pastes are the fuzzer's to find, with its clock
// (--bound); here no clock is read.
import { describe, expect, it } from 'vitest';
import { loadModelFromDisk } from '../../lib/qapi/node';
import { fuzzValidate, summary } from '../../scripts/fuzz-validate';
import { hasShared, ROOT, sharedPath } from '../support/shared';
import path from 'node:path';

describe('hostile pastes through the worker entry', () => {
  const root = hasShared
    ? sharedPath('qemu', '10.2.2', 'qapi', 'qapi-schema.json')
    : path.join(ROOT, 'content', 'qapi-schema.json');
  const model = loadModelFromDisk(root);
  it('300 pastes: 0 crashes, 0 missed invalid messages', async () => {
    const r = await fuzzValidate(model, { seed: 7, count: 300, boundMs: Infinity });
    expect(r.crashes).toEqual([]);
    expect(r.missed).toEqual([]);
    expect(summary(r)).toMatch(/^fuzz:validate: 300 pastes, 0 crashes, 0 missed/);
  }, 120_000);
});
