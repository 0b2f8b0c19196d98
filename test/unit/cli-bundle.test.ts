// What scripts/build-cli.mjs leaves in dist/ for bin/qapi-explorer.cjs: the
// ESM CLI, the script bundle `check` runs from with its V8 code cache, and
// the list of sources the bin compares against to find a stale build. Both
// ways `check` can run (the script bundle from the bin, main() of the ESM
// bundle) must say the same thing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM build script without type declarations
import { buildCli, codeCacheFile, manifestFile } from '../../scripts/build-cli.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(projectRoot, 'bin', 'qapi-explorer.cjs');
const dist = path.join(projectRoot, 'dist');

interface Manifest {
  builtAt: number;
  check: string;
  inputs: string[];
  checkInputs: string[];
}

let manifest: Manifest;

beforeAll(async () => {
  await buildCli();
  manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
});

/** `check` through main() of dist/cli.mjs, in a fresh process. */
function checkViaEsmBundle(args: string[]) {
  const script = `
    const { main } = await import(${JSON.stringify(path.join(dist, 'cli.mjs'))});
    let out = '', err = '';
    const io = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: process.cwd(), stdin: process.stdin };
    const status = await main(${JSON.stringify(['check', ...args])}, io);
    console.log(JSON.stringify({ status, out, err }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { status: number; out: string; err: string };
}

function checkViaBin(args: string[]) {
  const r = spawnSync(process.execPath, [bin, 'check', ...args], { cwd: projectRoot, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe('the built CLI', () => {
  it('names a check bundle, with its code cache beside it', () => {
    expect(manifest.check).toMatch(/^check-[A-Z0-9]+\.cjs$/);
    const bundle = path.join(dist, manifest.check);
    expect(existsSync(bundle)).toBe(true);
    // compiled code for the functions a check runs: far more than an empty script's
    expect(statSync(codeCacheFile(bundle)).size).toBeGreaterThan(50_000);
  });

  it('makes a code cache V8 accepts under the flags the bin starts `check` with', () => {
    // line 2, read by sh: `[ "$1" = check ] && exec node <flags> "$0" "$@"`
    const flags = readFileSync(bin, 'utf8')
      .split('\n')[1]!
      .match(/= check \] && exec node ((?:--\S+ )+)"\$0"/)?.[1];
    expect(flags).toMatch(/--no-turbofan/);
    const bundle = path.join(dist, manifest.check);
    const compile = `
      const { readFileSync } = require('node:fs');
      const source = '(function (exports, require, module, __filename, __dirname) {' + readFileSync(${JSON.stringify(bundle)}, 'utf8') + '\\n})';
      const script = new (require('node:vm').Script)(source, {
        filename: ${JSON.stringify(bundle)},
        cachedData: readFileSync(${JSON.stringify(codeCacheFile(bundle))}),
      });
      console.log(script.cachedDataRejected ? 'rejected' : 'accepted');`;
    const underFlags = spawnSync(process.execPath, [...flags!.trim().split(' '), '-e', compile], { encoding: 'utf8' });
    expect(underFlags.stdout.trim()).toBe('accepted');
    // the proof the check can fail: other flags, another verdict
    const plain = spawnSync(process.execPath, ['-e', compile], { encoding: 'utf8' });
    expect(plain.stdout.trim()).toBe('rejected');
  });

  it('lists the project sources both bundles are built from, and nothing outside the project', () => {
    for (const f of ['cli/main.ts', 'cli/check.ts', 'lib/qapi/parser.ts', 'lib/qapi/schema/schema.ts']) {
      expect(manifest.inputs).toContain(f);
    }
    expect(manifest.inputs.some((f) => f.startsWith('lib/validate/'))).toBe(true);
    // the check bundle's own sources, all among the inputs, and none of the validator's
    expect(manifest.checkInputs).toContain('lib/qapi/parser.ts');
    expect(manifest.checkInputs.every((f) => manifest.inputs.includes(f))).toBe(true);
    expect(manifest.checkInputs.some((f) => f.startsWith('lib/validate/'))).toBe(false);
    for (const f of manifest.inputs) {
      expect(f.startsWith('..') || path.isAbsolute(f) || f.includes('node_modules')).toBe(false);
      expect(existsSync(path.join(projectRoot, f))).toBe(true);
    }
    expect(manifest.builtAt).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    [['content/qapi-schema.json']],
    [['--json', 'content/qapi-schema.json']],
    [['--qemu-version', '5.2', 'content/qapi-schema.json']],
    [['no-such-schema.json']],
    [['--bogus']],
  ])('check %j says the same from the script bundle as from the ESM bundle', (args) => {
    const viaBin = checkViaBin(args);
    const viaEsm = checkViaEsmBundle(args);
    expect(viaBin).toEqual(viaEsm);
  });

  it('runs every other command from the ESM bundle', () => {
    const r = spawnSync(process.execPath, [bin, 'validate', '--help'], { cwd: projectRoot, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: qapi-explorer validate/);
  });
});
