// One static build of the site for the benchmarks, as `npm run build` makes
// it (next build, then the post-export steps) into a folder of its own, with
// its wall and CPU seconds. Used by bench-site.ts and bench-validator.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** next build + postexport into `outDir`; wall and CPU seconds (CPU from /proc, Linux only). */
export interface Built {
  seconds: number;
  cpu: number | null;
  post: string;
  cleanSeconds: number;
}

/** CPU seconds (user + sys) of this process's finished children, from /proc (Linux only). */
export function childCpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

export function buildSite(env: Record<string, string>, outDir: string): Built {
  // Next deletes the previous export first: thousands of files, timed apart (not building).
  const cleanStarted = performance.now();
  rmSync(path.join(ROOT, outDir), { recursive: true, force: true });
  const cleanSeconds = (performance.now() - cleanStarted) / 1000;
  const started = performance.now();
  const cpuBefore = childCpuSeconds();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ROOT,
    env: { ...process.env, ...env, EXPORT_DIR: outDir, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  const post = spawnSync(process.execPath, [path.join(ROOT, 'scripts/postexport.mjs'), outDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (post.status !== 0) {
    console.error(post.stdout, post.stderr);
    process.exit(1);
  }
  const cpuAfter = childCpuSeconds();
  return {
    seconds: (performance.now() - started) / 1000,
    cpu: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
    post: post.stdout.trim(),
    cleanSeconds,
  };
}
