// The `qapi-explorer` executable, run as a user runs it: a fresh node process
// on the built bundle, on QEMU's real trees, our content/ and broken schemas
// from QEMU's conformance suite (whose .err files are the expected output).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM build script without type declarations
import { buildCli } from '../../scripts/build-cli.mjs';
import { describeWithQemu, hasQemu, qemuTree, sharedPath } from '../support/shared';
import { listCases } from '../../scripts/conformance';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(projectRoot, 'bin', 'qapi-explorer.cjs');
const suite = sharedPath('qemu', '10.2.2', 'tests/qapi-schema');
const tree = qemuTree;

function cli(args: string[], cwd = projectRoot) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  await buildCli();
});

describeWithQemu(
  ['5.2.0', '7.2.0', '10.0.13'],
  'qapi-explorer check: every release counts as its own generator',
  () => {
    it.each([
      ['5.2.0/qapi', 1043, 48],
      ['5.2.0/qga', 140, 0],
      ['5.2.0/storage-daemon/qapi', 509, 13],
      ['7.2.0/qapi', 1261, 52],
      ['7.2.0/qga', 154, 0],
      ['7.2.0/storage-daemon/qapi', 597, 13],
      ['10.0.13/qapi', 1406, 56],
      ['10.0.13/qga', 161, 0],
      ['10.0.13/storage-daemon/qapi', 626, 13],
    ])('%s: %i entities, %i events', (root, entities, events) => {
      const r = cli(['check', sharedPath('qemu', ...root.split('/'), 'qapi-schema.json')]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`entities: ${entities} (`);
      expect(r.stdout).toContain(`events (${events}):`);
    });

    it('--qemu-version picks the release whatever the path says', () => {
      const r = cli(['check', '--qemu-version', '10.0', qemuTree('7.2.0')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/qapi-schema\.json:32:1: '=' heading must come first in a comment block\n$/);
      const lint = cli(['lint-examples', '--qemu-version=7.2', qemuTree('7.2.0')]);
      expect(lint.stdout).toMatch(/^examples: \d+ valid, \d+ invalid, \d+ not checkable$/m);
    });
  },
);

describe('qapi-explorer check on real trees', () => {
  for (const [name, entities, events, modules] of [
    ['10.2.2', 1435, 57, 46],
    ['10.2.2+vfio-migration-prepare', 1437, 58, 46],
    ['10.0.13', 1406, 56, 43],
  ] as const)
    it.skipIf(!hasQemu(name))(`${name}: exit 0 with ${entities} entities, ${events} events`, () => {
      const r = cli(['check', tree(name)]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`entities: ${entities} (`);
      expect(r.stdout).toContain(`events (${events}):`);
      expect(r.stdout).toContain(`modules: ${modules}\n`);
      expect(r.stdout).toMatch(
        /^definitions: \d+ enum, \d+ struct, \d+ union, \d+ alternate, \d+ command, \d+ event$/m,
      );
    });

  it.skipIf(!hasQemu('10.2.2+vfio-migration-prepare'))('--json gives the same figures as data', () => {
    const r = cli(['check', '--json', tree('10.2.2+vfio-migration-prepare')]);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.entities).toBe(1437);
    expect(summary.definitions).toEqual({ enum: 182, struct: 479, union: 43, alternate: 6, command: 244, event: 58 });
    expect(summary.events).toContain('VFIO_MIGRATION_PREPARE');
  });

  it.skipIf(!hasQemu('10.0.13'))('applies 10.2 doc rules to 10.0.13 when asked, and fails like QEMU 10.2 does', () => {
    const r = cli(['check', '--qemu-version', '10.2', tree('10.0.13')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^.*qapi\/[a-z0-9-]+\.json:\d+:\d+: documentation line longer than 70 characters\n$/m);
  });

  it('checks our own content/ schema', () => {
    const r = cli(['check', 'content/qapi-schema.json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^content\/qapi-schema.json: OK$/m);
    expect(r.stdout).toContain('VFIO_MIGRATION_PREPARE');
  });
});

describeWithQemu('10.2.2', 'qapi-explorer check on broken schemas prints exactly what QEMU prints', () => {
  // a lexical error (with column), a doc-comment error, a semantic error
  // inside a definition, a two-line message, an include chain, a missing root
  it.each([
    'bad-type-int',
    'funny-char',
    'doc-bad-indent',
    'doc-bad-space-between-sentences',
    'union-base-empty',
    'enum-clash-member',
    'struct-data-invalid',
    'include-nested-err',
    'include-no-file',
    'redefined-type',
    'missing-schema',
  ])('%s', (name) => {
    const r = cli(['check', `${name}.json`], suite);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(readFileSync(path.join(suite, `${name}.err`), 'utf8'));
    // an unreadable root is an I/O error: 2, as for `validate --schema` (QEMU's generator says 1)
    expect(r.status).toBe(name === 'missing-schema' ? 2 : 1);
  });

  it('matches QEMU on all 208 conformance cases (stderr and exit status)', () => {
    // one process runs the bundle's main() per case, cwd = the suite, so file
    // names in messages are spelled as in the .err files
    const script = `
      import { readFileSync } from 'node:fs';
      const { main } = await import(${JSON.stringify(path.join(projectRoot, 'dist/cli.mjs'))});
      const mismatches = [];
      const cases = ${JSON.stringify(listCases(suite))};
      for (const name of cases) {
        let out = '', err = '';
        const io = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: process.cwd(), stdin: process.stdin };
        const status = await main(['check', '-q', name + '.json'], io);
        let want = '';
        try { want = readFileSync(name + '.err', 'utf8'); } catch {}
        if (err !== want || out !== '' || status !== (want ? (name === 'missing-schema' ? 2 : 1) : 0)) mismatches.push({ name, status, err, want });
      }
      console.log(JSON.stringify({ cases: cases.length, mismatches }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: suite, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const { cases, mismatches } = JSON.parse(r.stdout);
    expect(cases).toBe(208);
    expect(mismatches).toEqual([]);
  });
});

describe('qapi-explorer usage', () => {
  it('--help lists the commands and exits 0', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: qapi-explorer <command>/);
    expect(r.stdout).toMatch(/^ {2}check +parse and check/m);
    expect(cli(['check', '--help']).stdout).toMatch(/^Usage: qapi-explorer check/);
  });

  it.each([
    [[]],
    [['frobnicate']],
    [['check']],
    [['check', '--bogus', 'x.json']],
    [['check', 'a.json', 'b.json']],
    [['check', '--qemu-version', 'latest', 'a.json']],
  ])('%j is a usage error (exit 2): one line, then where the help is', (args) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^qapi-explorer[^\n]*: [^\n]+\nSee 'qapi-explorer( check)? --help'\.\n$/);
  });
});

describe('the bin run as a program', () => {
  it('starts Node without NODE_EXTRA_CA_CERTS, which only costs start-up time (no TLS here)', () => {
    // Node warns about a certificate file it cannot load: the warning is the proof the variable reached it
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: path.join(projectRoot, 'no-such-ca-file.pem') };
    const viaNode = spawnSync(process.execPath, ['-e', '0'], { env, encoding: 'utf8' });
    expect(viaNode.stderr).toMatch(/Ignoring extra certs/);
    const r = spawnSync(bin, ['check', 'content/qapi-schema.json', 'extra arg'], {
      cwd: projectRoot,
      env,
      encoding: 'utf8',
    });
    expect(r.stderr).toMatch(/^qapi-explorer check: unexpected argument 'extra arg'/);
    expect(r.status).toBe(2);
    const ok = spawnSync(bin, ['check', 'content/qapi-schema.json'], { cwd: projectRoot, env, encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/^content\/qapi-schema.json: OK$/m);
  });
});

describe('npx qapi-explorer from the checkout', () => {
  it("runs the package's own bin without reaching the registry", () => {
    // a fresh npm cache, as on a new machine: npx keeps its link to a checkout's bin across
    // edits, so a cache made by an older checkout at the same path would be tested instead
    const cache = mkdtempSync(path.join(tmpdir(), 'qapi-explorer-npx-'));
    const r = spawnSync('npx', ['--no-install', 'qapi-explorer', 'check', 'content/qapi-schema.json'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, npm_config_offline: 'true', npm_config_cache: cache },
    });
    rmSync(cache, { recursive: true, force: true });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^content\/qapi-schema.json: OK$/m);
  });
});
