// `qapi-explorer diff` as a user runs it (a fresh node process on the built
// bundle): its three formats, --incompatible-only, and exit statuses 0 / 1 / 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM build script without type declarations
import { buildCli } from '../../scripts/build-cli.mjs';
import { describeWithShared, ROOT, sharedPath } from '../support/shared';

const bin = path.join(ROOT, 'bin', 'qapi-explorer.cjs');
const qemu = (name: string) => sharedPath('qemu', name);

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, 'diff', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
const schema = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

beforeAll(async () => {
  await buildCli();
  dir = mkdtempSync(path.join(tmpdir(), 'qapi-diff-'));
});

describe('qapi-explorer diff on small schemas', () => {
  it('exit 1 when something is incompatible, with the rule quoted', () => {
    const a = schema('a.json', "{ 'command': 'cmd', 'data': { 'a': 'str' } }\n");
    const b = schema('b.json', "{ 'command': 'cmd', 'data': { 'a': 'str', 'b': 'int' } }\n");
    const r = cli([a, b]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Incompatible (1):\n\n  mandatory member b added to cmd  (send) [send-incompatible]\n');
    expect(r.stdout).toContain('      at cmd.arguments.b\n');
    expect(r.stdout).toContain('[send-incompatible] Incompatible changes include removing commands');
  });

  it('exit 0 when every change is compatible; --incompatible-only then prints none', () => {
    const a = schema('c.json', "{ 'command': 'cmd', 'data': { 'a': 'str' } }\n");
    const b = schema('d.json', "{ 'command': 'cmd', 'data': { 'a': 'str', '*b': 'int' } }\n");
    expect(cli([a, b]).status).toBe(0);
    const r = cli(['--incompatible-only', a, b]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('c.json → d.json: 0 wire changes\n'.replace('c.json', a).replace('d.json', b));
  });

  it('exit 2 on usage errors', () => {
    for (const args of [[], ['only-one.json'], ['--format', 'xml', 'a', 'b'], ['--bogus', 'a', 'b'], ['a', 'b', 'c']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^qapi-explorer diff: .*\n\nUsage: qapi-explorer diff/);
    }
    expect(cli(['--qemu-version-old', 'ten', 'a', 'b']).status).toBe(2);
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--incompatible-only');
  });

  it('exit 2 on a schema error, with the error as QEMU words it', () => {
    const good = schema('e.json', "{ 'command': 'cmd' }\n");
    const bad = schema('f.json', "{ 'command': 'cmd', 'data': { 'a': 'nope' } }\n");
    const r = cli([good, bad]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("f.json: In command 'cmd':");
    expect(r.stderr).toContain("uses unknown type 'nope'");
    const missing = cli([good, path.join(dir, 'absent.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('absent.json');
  });
});

describeWithShared('qapi-explorer diff on real trees', () => {
  it('the seed patch: one compatible receive change, exit 0, in all three formats', () => {
    const text = cli([qemu('10.2.2'), qemu('10.2.2+vfio-migration-prepare')]);
    expect(text.status).toBe(0);
    expect(text.stdout).toBe(
      '10.2.2 → 10.2.2+vfio-migration-prepare: 1 wire change (0 incompatible, 0 to tolerate, 1 compatible), ' +
        '0 definitions with doc changes\n\nCompatible (1):\n\n' +
        '  event VFIO_MIGRATION_PREPARE added  (receive) [receive-add]\n\nRules:\n\n' +
        '  [receive-add] Adding functionality to the receive direction is generally backwards compatible: adding ' +
        "events, adding return and event data members.  Clients are expected to ignore the ones they don't know.\n",
    );
    const json = cli(['--format=json', qemu('10.2.2'), qemu('10.2.2+vfio-migration-prepare')]);
    expect(json.status).toBe(0);
    const data = JSON.parse(json.stdout);
    expect(data.summary).toEqual({ incompatible: 0, tolerate: 0, 'our-call': 0, compatible: 1, configuration: 0 });
    expect(data.changes).toHaveLength(1);
    expect(data.changes[0]).toMatchObject({ kind: 'event-added', def: 'VFIO_MIGRATION_PREPARE', dir: 'receive' });
    expect(Object.keys(data.rules)).toEqual(['receive-add']);
    const md = cli(['--format', 'markdown', qemu('10.2.2'), qemu('10.2.2+vfio-migration-prepare')]);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^\*\*QAPI schema 10\.2\.2 → 10\.2\.2\+vfio-migration-prepare\*\*: 1 wire change/);
    expect(md.stdout).toContain(
      '### Compatible (1)\n\n- event `VFIO_MIGRATION_PREPARE` added (receive; [receive-add])\n',
    );
    expect(md.stdout).toContain('> [receive-add] Adding functionality to the receive direction');
  });

  it('10.0.13 -> 10.2.2: exit 1; --incompatible-only keeps only incompatible changes', () => {
    const newRoot = qemu('10.2.2/qapi/qapi-schema.json');
    const r = cli(['--incompatible-only', '--format', 'markdown', qemu('10.0.13'), newRoot]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('### Incompatible (');
    expect(r.stdout).not.toContain('### Compatible');
    expect(r.stdout).not.toContain('### Documentation only');
    expect(r.stdout).toContain(
      '- optional member `reconnect` removed from `ChardevSocket`, was deprecated (send; [send-incompatible])\n' +
        '  at `chardev-add.arguments.backend[type=socket].data.reconnect`, ' +
        '`chardev-change.arguments.backend[type=socket].data.reconnect`\n',
    );
  });
});

describeWithShared('qapi-explorer diff of a tree and a build', () => {
  const build = sharedPath('qemu-builds', 'qemu-11.1.3-x86_64.qmp');
  /** Every masked type name of the build ('123'), as the dump has them. */
  const maskedNames = () => {
    const line = readFileSync(build, 'utf8')
      .split('\n')
      .find((l) => l.includes('"meta-type"'))!;
    const infos = (JSON.parse(line) as { return: { name: string; 'meta-type': string }[] }).return;
    return new Set(infos.filter((i) => /^\d+$/.test(i.name)).map((i) => i.name));
  };

  it('10.2.2 -> 11.1.3: query-migrationthreads removed, get-win32-socket left out by its condition, no masked number', () => {
    const text = cli([qemu('10.2.2'), build]);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(
      /^10\.2\.2 → 11\.1\.3: 94 wire changes \(17 incompatible, .*14 left out by a condition\)/,
    );
    expect(text.stdout).toContain(
      '  command query-migrationthreads removed, was deprecated  (send) [send-incompatible]\n',
    );
    expect(text.stdout).toContain(
      "Left out of the build by the tree's conditions (14):\n\n" +
        '  branch coreaudio of union Audiodev left out of the build by its condition CONFIG_AUDIO_COREAUDIO',
    );
    expect(text.stdout).toContain(
      '  command get-win32-socket left out of the build by its condition CONFIG_WIN32  (send) [conditional]\n',
    );
    expect(text.stdout).not.toMatch(/get-win32-socket removed/);
    expect(text.stdout).toContain('optional member flat added to the arguments of query-block  (send) [send-optin]');
    const masked = maskedNames();
    expect(masked.size).toBe(820);
    const json = cli(['--format=json', qemu('10.2.2'), build]);
    const data = JSON.parse(json.stdout) as { changes: Record<string, unknown>[] };
    const md = cli(['--format=markdown', qemu('10.2.2'), build]);
    for (const out of [text.stdout, md.stdout]) {
      // every number of the report is a count ('94 wire changes', '(17)', '… 6 more', 'and 2 more')
      const words = out
        .split('\n')
        .slice(1)
        .filter((l) => !/\(\d+\):?$/.test(l))
        .join('\n')
        .replace(/(?:…|and) \d+ more/g, '');
      expect(words.match(/(?<![\w.=-])\d+(?![\w.-])/g)).toBeNull();
    }
    for (const c of data.changes) {
      for (const value of Object.values(c).flat()) expect(masked.has(String(value)), JSON.stringify(c)).toBe(false);
    }
  });
});
