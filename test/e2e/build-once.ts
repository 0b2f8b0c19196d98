// Builds the exported site for the browser tests once per test run, however
// many e2e files ask for it in parallel: Next 16 keeps build files in .next
// even with a custom export directory, so two concurrent builds would corrupt
// each other. A lock directory serialises them; a stamp written after a
// successful build lets later callers of the same run reuse it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasQemu, qemuTree } from '../support/shared';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The default version is QEMU's real tree with VFIO_MIGRATION_PREPARE; without QEMU's data it is our example schema. */
export const E2E_REAL_TREE = hasQemu('10.2.2+vfio-migration-prepare');
/**
 * The versions every e2e file tests against: the default (the real tree, else content/ again), our example schema second.
 * content/ has VFIO_MIGRATION_PREPARE too, so the tests of that event's pages run on either.
 */
export const E2E_VERSIONS = [
  E2E_REAL_TREE ? `vfio-prepare=${qemuTree('10.2.2+vfio-migration-prepare')}` : 'content=content/qapi-schema.json',
  'example=content/qapi-schema.json',
].join(',');
export const E2E_OUT = process.env.E2E_OUT || 'out-e2e';

const LOCK = path.join(ROOT, '.next-build.lock');
const STAMP = (out: string) => path.join(ROOT, out, '.e2e-stamp');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isFresh(out: string, spec: string): boolean {
  const stamp = STAMP(out);
  if (!existsSync(stamp)) return false;
  if (process.env.E2E_REUSE === '1') return true;
  return readFileSync(stamp, 'utf8') === spec;
}

/** `env`: more of the build's environment (QAPI_REVIEW_SAMPLE…), part of what identifies the build. */
export async function buildOnce(
  out = E2E_OUT,
  versions = E2E_VERSIONS,
  env: Record<string, string> = {},
): Promise<void> {
  // the vitest main process (parent of the test workers) identifies this test run
  const spec = `${versions}\n${process.env.BASE_PATH ?? ''}\n${JSON.stringify(env)}\n${process.ppid}`;
  for (let waited = 0; ; waited += 500) {
    if (isFresh(out, spec)) return;
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // a stale lock (crashed build) is taken over after 15 minutes
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 15 * 60 * 1000)
        rmSync(LOCK, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    if (isFresh(out, spec)) return;
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: ROOT,
      env: {
        ...process.env,
        QAPI_VERSIONS: versions,
        QAPI_SCHEMA: '',
        QAPI_REVIEW_SAMPLE: '',
        ...env,
        EXPORT_DIR: out,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
    // what `npm run build` does after next build: doc pages become plain static HTML
    const post = spawnSync(process.execPath, [path.join(ROOT, 'scripts/postexport.mjs'), out], {
      cwd: ROOT,
      env: process.env,
      encoding: 'utf8',
    });
    if (post.status !== 0) throw new Error(`postexport failed:\n${post.stdout}\n${post.stderr}`);
    writeFileSync(STAMP(out), spec);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
