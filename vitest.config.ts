// Three test projects: unit (fast, our own code and fixtures), conformance
// (QEMU's own suites and real trees) and e2e (builds the site, drives Chromium).
// A bare `vitest run` leaves e2e out so it never starts a site build by
// surprise; e2e joins when asked for: E2E=1 (what `npm test` sets),
// `--project e2e`, or a test path under test/e2e on the command line.
import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const wantsE2e = process.env.E2E === '1' || process.argv.some((a) => /(^|\/|=)e2e(\/|$)/.test(a));

// The browser tests measure main-thread stalls, so they run after the other
// projects (groupOrder) and one file at a time, never beside CPU-heavy suites.
const project = (name: string, alone = false) => ({
  extends: true as const,
  test: {
    name,
    include: [`test/${name}/**/*.test.ts`],
    sequence: { groupOrder: alone ? 1 : 0 },
    ...(alone ? { fileParallelism: false } : {}),
  },
});

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    // every core (Vitest's default leaves one idle: on a 2-core machine, half the speed)
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 300_000,
    globalSetup: ['test/support/announce-data.ts'],
    projects: [project('unit'), project('conformance'), ...(wantsE2e ? [project('e2e', true)] : [])],
  },
});
