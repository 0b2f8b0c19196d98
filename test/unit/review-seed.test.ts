// The seed, reviewed in every form it reaches a reviewer in: the reply as it
// was posted (quoted with '> '), its bare patch, and the same change as a
// `git format-patch` mail made here by git (plain, quoted-printable, base64,
// CRLF, an mbox series in any order). Each must say what the QAPI
// maintainer said: base 10.2.2 by blob hash, applies, QEMU takes it, one
// compatible change (event VFIO_MIGRATION_PREPARE added), no finding, fine.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../cli/review';
import { formatReview, reviewPatch, type ReviewResult, type ReviewTree } from '../../lib/review/index';
import { runCommand } from '../support/cli-io';
import { encodeBody, hasGit, PatchRepo, sharedTree } from '../support/review-repo';
import { describeWithQemu, sharedPath } from '../support/shared';

const seedText = (name: string) => readFileSync(sharedPath('seed', name), 'utf8');
const SEEDED = () => readFileSync(sharedPath('qemu', '10.2.2+vfio-migration-prepare', 'qapi/vfio.json'), 'utf8');

function expectSeedIsFine(r: ReviewResult): void {
  expect(r.findings).toEqual([]);
  expect(r.verdict).toBe('fine');
  expect(r.summary).toBe('The QAPI schema is fine');
  expect(r.base).toMatchObject({ label: '10.2.2', how: 'blob-hash', since: '11.0', release: '10.2' });
  expect(r.base!.detail).toMatch(/^qapi\/vfio\.json a1a9c5b/);
  expect(r.applies).toBe(true);
  expect(r.qapi).toEqual({ ok: true, roots: ['qapi/qapi-schema.json'] });
  expect(r.changes.changes).toEqual([
    {
      kind: 'event-added',
      def: 'VFIO_MIGRATION_PREPARE',
      verdict: 'compatible',
      rule: 'receive-add',
      dir: 'receive',
      paths: ['VFIO_MIGRATION_PREPARE'],
    },
  ]);
  expect(r.touched).toEqual([expect.objectContaining({ name: 'VFIO_MIGRATION_PREPARE', status: 'added' })]);
  expect(r.examples).toEqual([expect.objectContaining({ def: 'VFIO_MIGRATION_PREPARE', status: 'valid' })]);
  // the patched file is exactly the seed tree's
  expect(r.patched['qapi/vfio.json']).toBe(SEEDED());
}

describeWithQemu(['10.2.2', '10.0.13'], 'review: the seed in every form', () => {
  let trees: ReviewTree[];
  let repo: PatchRepo;
  let mail: string;

  beforeAll(() => {
    trees = [sharedTree('10.0.13'), sharedTree('10.2.2')];
    if (!hasGit) return;
    repo = new PatchRepo('10.2.2', { 'hw/vfio/migration.c': '/* migration */\nint x;\n' });
    [mail] = repo.formatPatch([
      {
        subject:
          'vfio/migration: Add VFIO migration pre-copy prepare event\n\nA long line of the commit message, long enough for quoted-printable to break it = soft.\nNaïve.',
        files: { 'qapi/vfio.json': SEEDED(), 'hw/vfio/migration.c': '/* migration */\nint x;\nint y;\n' },
      },
    ]);
  });
  afterAll(() => repo?.remove());

  it('the reply as posted: quoted with "> ", trimmed by the replier, exit 0 from the CLI', async () => {
    const r = await reviewPatch(seedText('vfio-migration-prepare-reply.txt'), trees);
    expectSeedIsFine(r);
    expect(r.input).toEqual({ format: 'quoted-reply', messages: [{ quoted: true }] });
    // patch lines are the lines of the reply as given
    const lines = seedText('vfio-migration-prepare-reply.txt').split('\n');
    expect(lines[r.files[0]!.hunks[0]!.patchLine! - 1]).toBe('> @@ -66,3 +66,36 @@');
    expect(lines[r.examples[0]!.patchLine! - 1]).toBe('> +# .. qmp-example::');
    const cli = await runCommand(run, [
      '--base',
      sharedPath('qemu', '10.2.2'),
      sharedPath('seed', 'vfio-migration-prepare-reply.txt'),
    ]);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/^verdict: fine: The QAPI schema is fine\nbase: 10\.2\.2 by blob hash/);
  });

  it('the bare patch', async () => {
    const r = await reviewPatch(seedText('vfio-migration-prepare.patch'), trees);
    expectSeedIsFine(r);
    expect(r.input.format).toBe('diff');
  });

  it.runIf(hasGit)('a git format-patch mail: the C file listed as not schema, skipped', async () => {
    const r = await reviewPatch(mail, trees);
    expectSeedIsFine(r);
    expect(r.input.format).toBe('mail');
    expect(r.input.messages[0]).toMatchObject({ subject: expect.stringContaining('[PATCH]'), encoding: '8bit' });
    expect(r.notSchema).toEqual(['hw/vfio/migration.c']);
    expect(r.patchText.lines).toBe('input');
    const lines = mail.split('\n');
    const schema = r.files.find((f) => f.schema)!;
    expect(lines[schema.hunks[0]!.patchLine! - 1]).toMatch(/^@@ -66,3 \+66,36 @@/);
  });

  it.runIf(hasGit)('quoted-printable: patch lines still the mail as given, across soft line breaks', async () => {
    const qp = encodeBody(mail, 'quoted-printable');
    expect(qp).toMatch(/=\n/);
    const r = await reviewPatch(qp, trees);
    expectSeedIsFine(r);
    expect(r.input.messages[0]!.encoding).toBe('quoted-printable');
    const lines = qp.split('\n');
    const example = r.examples[0]!;
    expect(lines[example.patchLine! - 1]).toBe('+# .. qmp-example::');
  });

  it.runIf(hasGit)('base64: patch lines in the decoded text the result carries', async () => {
    const r = await reviewPatch(encodeBody(mail, 'base64'), trees);
    expectSeedIsFine(r);
    expect(r.patchText.lines).toBe('decoded');
    const decoded = r.patchText.text!.split('\n');
    expect(decoded[r.examples[0]!.patchLine! - 1]).toBe('+# .. qmp-example::');
  });

  it.runIf(hasGit)('CRLF line ends and an mbox ">From " line', async () => {
    const crlf = mail.replace('Naïve.', '>From here on.').replace(/\n/g, '\r\n');
    expectSeedIsFine(await reviewPatch(crlf, trees));
  });

  it.runIf(hasGit)('an mbox series, in any order: applied by [PATCH n/m]', async () => {
    const seeded = SEEDED();
    const withoutExample = seeded.replace(/#\n# \.\. qmp-example::\n(#.*\n)+?##\n/, '##\n');
    expect(withoutExample).not.toBe(seeded);
    const series = repo.formatPatch([
      { subject: 'qapi: add VFIO_MIGRATION_PREPARE', files: { 'qapi/vfio.json': withoutExample } },
      { subject: 'qapi: an example for VFIO_MIGRATION_PREPARE', files: { 'qapi/vfio.json': seeded } },
    ]);
    expect(series[0]).toMatch(/Subject: \[PATCH 1\/2\]/);
    const r = await reviewPatch([series[1], series[0]].join(''), trees);
    expect(r.input.format).toBe('mbox');
    expect(r.input.messages.map((m) => m.part)).toEqual(['1/2', '2/2']);
    expectSeedIsFine(r);
  });

  it('every format says the verdict; mail is a reply that quotes the schema part', async () => {
    const r = await reviewPatch(seedText('vfio-migration-prepare-reply.txt'), trees);
    const json = JSON.parse(formatReview(r, 'json'));
    expect(json).toMatchObject({ verdict: 'fine', applies: true, qapi: { ok: true }, findings: [] });
    expect(json.base).toMatchObject({ label: '10.2.2', how: 'blob-hash' });
    expect(json.changes.summary).toEqual({
      incompatible: 0,
      tolerate: 0,
      'our-call': 0,
      compatible: 1,
      configuration: 0,
    });
    expect(json.models).toBeUndefined();
    expect(formatReview(r, 'markdown')).toMatch(/^\*\*QAPI review: The QAPI schema is fine\*\*/);
    const reply = formatReview(r, 'mail');
    expect(reply).toMatch(/^> diff --git a\/qapi\/vfio\.json b\/qapi\/vfio\.json\n/);
    expect(reply).toMatch(/\nThe QAPI schema is fine\. It applies to 10\.2\.2/);
  });
});
