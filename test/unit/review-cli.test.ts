// `qapi-explorer review` as a user runs it: exit 0 fine, 1 findings, 2 does not
// apply or usage; a file or standard input; the known trees from --base (a
// tree, a root file) or the site's configuration (labels); each --format.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../cli/review';
import { runCommand } from '../support/cli-io';
import { describeWithQemu, qemuTree, sharedPath } from '../support/shared';

const seed = () => readFileSync(sharedPath('seed', 'vfio-migration-prepare.patch'), 'utf8');
const wrongSince = () => seed().replace('+# Since: 11.0', '+# Since: 10.2');

describeWithQemu(['10.2.2', '10.0.13'], 'qapi-explorer review', () => {
  let cwd: string;
  const base = ['--base', sharedPath('qemu', '10.2.2')];

  beforeAll(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'qx-review-cli-'));
    writeFileSync(path.join(cwd, 'seed.patch'), seed());
    writeFileSync(path.join(cwd, 'wrong.patch'), wrongSince());
    writeFileSync(path.join(cwd, 'stale.patch'), seed().replace(" 'qom-path': 'str',", " 'qom-path': 'string',"));
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('exit 0 fine, 1 findings, 2 does not apply', async () => {
    expect((await runCommand(run, [...base, 'seed.patch'], { cwd })).status).toBe(0);
    const findings = await runCommand(run, [...base, 'wrong.patch'], { cwd });
    expect(findings.status).toBe(1);
    expect(findings.stdout).toMatch(/^verdict: findings: 1 finding\n/);
    expect(findings.stdout).toMatch(/\n {2}patch:\d+ \(qapi\/vfio\.json:85\): since-version \[error\]: /);
    const stale = await runCommand(run, [...base, 'stale.patch'], { cwd });
    expect(stale.status).toBe(2);
    expect(stale.stdout).toMatch(/^verdict: does-not-apply: does not apply: hunk #1 \(@@ -66,3 \+66,36 @@\)/);
  });

  it('standard input, a root file as --base, and json', async () => {
    const r = await runCommand(run, ['--base', qemuTree('10.2.2'), '--format', 'json', '-'], {
      cwd,
      stdin: wrongSince(),
    });
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ verdict: 'findings', applies: true, base: { label: '10.2.2', how: 'blob-hash' } });
    expect(json.findings).toEqual([
      expect.objectContaining({ rule: 'since-version', severity: 'error', file: 'qapi/vfio.json', line: 85 }),
    ]);
  });

  it('mail: the finding written under the line it is about', async () => {
    const r = await runCommand(run, [...base, '--format', 'mail', 'wrong.patch'], { cwd });
    expect(r.stdout).toMatch(/\n> \+# Since: 10\.2\n\nsince-version: VFIO_MIGRATION_PREPARE says 'Since: 10\.2'/);
    expect(r.stdout).toMatch(/\n1 finding \(1 error, 0 warnings\)\./);
    const md = await runCommand(run, [...base, '--format', 'markdown', 'wrong.patch'], { cwd });
    expect(md.stdout).toMatch(
      /### Findings \(1\)\n\n- `patch:\d+ \(qapi\/vfio\.json:85\)` \*\*since-version\*\* \(error\)/,
    );
  });

  it('the configured releases, by label, without --base', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qx-review-config-'));
    try {
      const versions = ['10.0.13', '10.2.2'].map((label) => ({ label, schema: qemuTree(label) }));
      writeFileSync(path.join(dir, 'qapi-explorer.config.json'), JSON.stringify({ versions }));
      writeFileSync(path.join(dir, 'seed.patch'), seed());
      const all = await runCommand(run, ['--format', 'json', 'seed.patch'], { cwd: dir });
      expect(JSON.parse(all.stdout).base).toMatchObject({ label: '10.2.2', how: 'blob-hash' });
      const one = await runCommand(run, ['--base', '10.0.13', '--format', 'json', 'seed.patch'], { cwd: dir });
      // no hash of 10.0.13 matches, but the seed applies there: then what it adds is new in 10.1
      expect(one.status).toBe(1);
      const json = JSON.parse(one.stdout);
      expect(json.base).toMatchObject({ label: '10.0.13', how: 'applies', since: '10.1' });
      expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(['since-version']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('usage: exit 2 with the reason', async () => {
    for (const [args, why] of [
      [['seed.patch'], /no --base given and no release configured/],
      [[...base, '--format', 'xml', 'seed.patch'], /--format takes text, json, markdown, mail, not 'xml'/],
      [[...base], /missing the patch file/],
      [[...base, '--frobnicate', 'seed.patch'], /Unknown option '--frobnicate'/],
      [['--base', '/nonexistent', 'seed.patch'], /--base \/nonexistent: no such file or directory/],
      [[...base, 'missing.patch'], /cannot read missing\.patch/],
    ] as const) {
      const r = await runCommand(run, [...args], { cwd });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(why);
    }
    const help = await runCommand(run, ['--help'], { cwd });
    expect(help).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Usage: qapi-explorer review/) });
  });
});
