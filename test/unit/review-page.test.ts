// The /review page's data and worker, in Node, on QEMU's real trees: what the
// export writes (each source tree's files and git's blob hashes, gzipped;
// the introspection is no base; the sample), and the worker's logic
// (components/review/review-core.ts) on the seed reply, its mutations and
// hostile patches: what it fetches, what it says, and that all it posts is
// bounded. The page itself in Chromium: test/e2e/review-page.test.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { reviewData, type ReviewIndex } from '@/components/site/review-data';
import { MAX_REVIEW_INPUT, PREVIEW_SLICE, ReviewCore } from '@/components/review/review-core';
import type { FromReviewWorker, PreviewView, ReviewView } from '@/components/review/protocol';
import { MAX_FINDINGS, MAX_PREVIEWS } from '@/components/review/review-view';
import { hasGit, PatchRepo } from '../support/review-repo';
import {
  appendingHunks,
  CLIMBING,
  mailWithBinaryAttachment,
  replyLine,
  seedReply,
  strayHunks,
  withLine,
  withUndocumentedMember,
} from '../support/review-inputs';
import { describeWithShared, hasQemu, qemuTree, sharedPath } from '../support/shared';

// source.ts reads the versions once, on first use: set them before any test asks.
if (hasQemu('10.2.2', '10.0.13', '10.2.2+vfio-migration-prepare')) {
  process.env.QAPI_VERSIONS = [
    `10.2.2+seed=${qemuTree('10.2.2+vfio-migration-prepare')}`,
    `10.2.2=${qemuTree('10.2.2')}`,
    `10.0.13=${qemuTree('10.0.13')}`,
    sharedPath('libvirt-11.3.0/qemucapabilitiesdata/caps_10.0.0_x86_64.replies'),
  ].join(',');
  process.env.QAPI_SCHEMA = '';
  process.env.QAPI_REVIEW_SAMPLE = sharedPath('seed', 'vfio-migration-prepare-reply.txt');
}

const gitHash = (bytes: Buffer) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

interface Run {
  messages: FromReviewWorker[];
  view: ReviewView;
  previews: PreviewView[];
  fetched: string[];
}

describeWithShared('the /review page: its data and its worker on real trees', () => {
  let index: ReviewIndex;
  const fetched: string[] = [];
  let core: ReviewCore;
  let posted: FromReviewWorker[] = [];
  let id = 0;

  beforeAll(() => {
    const data = reviewData();
    index = JSON.parse(new TextDecoder().decode(data.files.get(data.index)!)) as ReviewIndex;
    core = new ReviewCore(
      {
        index: async () => index,
        texts: async (_url, base) => {
          fetched.push(base.label);
          return (
            JSON.parse(gunzipSync(data.files.get(base.file)!).toString('utf8')) as { files: Record<string, string> }
          ).files;
        },
      },
      (msg) => posted.push(msg),
    );
  });

  async function review(text: string, base = ''): Promise<Run> {
    posted = [];
    const before = fetched.length;
    await core.handle({ type: 'review', id: ++id, text, base, index: 'index.json' });
    const failed = posted.find((m) => m.type === 'failed');
    if (failed) throw new Error(failed.message);
    const view = posted.find((m) => m.type === 'result')!.view;
    const previews = posted.flatMap((m) => (m.type === 'previews' ? m.previews : []));
    return { messages: posted, view, previews, fetched: fetched.slice(before) };
  }

  it('the export: each source tree once, with git blob hashes of its files; no introspection; the sample', () => {
    const data = reviewData();
    expect(index.bases.map((b) => [b.label, b.version, b.release, b.roots, b.prefix])).toEqual([
      ['10.2.2+seed', '10.2.2', '10.2', ['qapi/qapi-schema.json'], ''],
      ['10.2.2', '10.2.2', '10.2', ['qapi/qapi-schema.json'], '/v/10.2.2'],
      ['10.0.13', '10.0.13', '10.0', ['qapi/qapi-schema.json'], '/v/10.0.13'],
    ]);
    expect(data.bases.map((b) => b.label)).toEqual(['10.2.2+seed', '10.2.2', '10.0.13']);
    for (const base of index.bases) {
      const gz = data.files.get(base.file)!;
      expect(gz.length).toBeLessThanOrEqual(400 * 1024);
      const bundle = JSON.parse(gunzipSync(gz).toString('utf8')) as { files: Record<string, string> };
      const top = sharedPath('qemu', base.label === '10.2.2+seed' ? '10.2.2+vfio-migration-prepare' : base.label);
      expect(Object.keys(bundle.files)).toEqual(Object.keys(base.hashes));
      for (const [file, text] of Object.entries(bundle.files)) {
        const bytes = readFileSync(`${top}/${file}`);
        expect(text).toBe(bytes.toString('utf8'));
        expect(base.hashes[file]).toBe(gitHash(bytes));
      }
    }
    expect(index.bases[1]!.hashes['qapi/vfio.json']).toMatch(/^a1a9c5b673/);
    expect(Object.keys(index.bases[1]!.hashes)).toHaveLength(46);
    expect(data.files.get(data.sample!)).toEqual(readFileSync(sharedPath('seed', 'vfio-migration-prepare-reply.txt')));
  });

  it('the seed reply: fine, base 10.2.2 by hash (only its texts fetched), one compatible change, the event previewed', async () => {
    const { view, previews, fetched: got, messages } = await review(seedReply());
    expect(got).toEqual(['10.2.2']);
    expect(view).toMatchObject({
      verdict: 'fine',
      summary: 'The QAPI schema is fine',
      base: '10.2.2',
      findings: [],
      changeCount: 1,
      previews: 1,
      patchText: null,
    });
    expect(view.baseLine).toMatch(/^applies to 10\.2\.2: qapi\/vfio\.json a1a9c5b673; what it adds is new in 11\.0$/);
    expect(view.qapiLine).toBe("QEMU 10.2's generator: OK (qapi/qapi-schema.json)");
    expect(view.changesHtml).toContain('event <code>VFIO_MIGRATION_PREPARE</code> added');
    expect(view.changesHtml).toContain('verdict-compatible');
    expect(view.changesHtml).toContain('href="#preview-0"');
    expect(view.mail).toMatch(/The QAPI schema is fine\. It applies to 10\.2\.2/);
    // the view first, then the previews
    expect(messages.map((m) => m.type)).toEqual(['progress', 'progress', 'progress', 'result', 'previews']);
    expect(previews).toHaveLength(1);
    const p = previews[0]!;
    expect(p).toMatchObject({ name: 'VFIO_MIGRATION_PREPARE', meta: 'event', status: 'added' });
    expect(p.before).toBeUndefined();
    for (const m of ['device-id', 'qom-path', 'device-state']) expect(p.after).toContain(`id="preview-0-m-${m}"`);
    expect(p.after).toContain('Since 11.0');
    expect(p.after).toMatch(/class="lint lint-valid"/);
    // links go to the base release's pages; no link into the validator, whose schema lacks the event
    expect(p.after).toContain('href="/v/10.2.2/types/QapiVfioMigrationState/"');
    expect(p.after).not.toContain('/validate/');
    // a second review of the same patch fetches nothing
    expect((await review(seedReply())).fetched).toEqual([]);
  });

  it('a member left undocumented: QEMU\'s error ("lacks documentation", from its suite), on its patch line', async () => {
    const suite = readFileSync(sharedPath('qemu', '10.2.2', 'tests/qapi-schema/doc-undoc-feature.err'), 'utf8');
    const message = /: (feature 'undoc' lacks documentation)/
      .exec(suite)![1]!
      .replace("feature 'undoc'", "member 'qom-path'");
    const text = withUndocumentedMember(seedReply(), 'qom-path');
    const { view } = await review(text);
    expect(view.verdict).toBe('findings');
    const f = view.findings.find((x) => x.rule === 'qapi-error')!;
    expect(f.text).toContain(message);
    expect(text.split('\n')[f.patchLine! - 1]).toBe("> +{ 'event': 'VFIO_MIGRATION_PREPARE',");
    expect(view.changesHtml).toBe('');
    expect(view.previews).toBe(0);
  });

  it('# Since: 10.2 is since-version; a wrong context line is the failing hunk, with its line', async () => {
    const since = await review(withLine(seedReply(), '# Since: 11.0', '# Since: 10.2'));
    expect(since.view.findings.map((f) => f.rule)).toEqual(['since-version']);
    expect(since.view.findings[0]!.text).toContain('11.0');
    const context = withLine(seedReply(), "      'qom-path': 'str',", "      'qom-path': 'string',");
    const { view } = await review(context);
    expect(view.verdict).toBe('does-not-apply');
    expect(view.summary).toMatch(
      /^does not apply: hunk #1 \(@@ -66,3 \+66,36 @@\) does not apply at qapi\/vfio\.json:66/,
    );
    expect(view.findings[0]).toMatchObject({
      rule: 'does-not-apply',
      patchLine: replyLine(context, '> @@ -66,3 +66,36 @@'),
    });
  });

  it('a base picked by the user is the only tree read, and judged by: after 10.0 comes 10.1', async () => {
    const { view, fetched: got } = await review(seedReply(), '10.0.13');
    expect(got).toEqual(['10.0.13']);
    expect(view.base).toBe('10.0.13');
    expect(view.baseLine).toMatch(/^applies to 10\.0\.13, found by trying \(.*\); what it adds is new in 10\.1$/);
    expect(view.findings.map((f) => f.rule)).toEqual(['since-version']);
  });

  it('hostile: 10,000 hunks (applying, and not), a climbing path, a binary attachment, past the size cap', async () => {
    const applying = await review(appendingHunks(10_000));
    expect(applying.view).toMatchObject({ verdict: 'fine', filesLine: 'applies: 1 schema file, 10000 hunks' });
    const stray = await review(strayHunks(10_000));
    expect(stray.view.summary).toMatch(/^does not apply: hunk #1 \(@@ -10,3 \+10,4 @@\)/);
    const climbing = await review(CLIMBING);
    expect(climbing.view.summary).toBe("does not apply: refused: 'qapi/../../etc/passwd' climbs out of the tree");
    expect(climbing.view.findings[0]!.patchLine).toBe(1);
    expect(climbing.fetched).toEqual([]);
    const attached = await review(mailWithBinaryAttachment(1 << 20));
    expect(attached.view.verdict).toBe('fine');
    expect(attached.view.notes).toContain("attachment 'firmware.bin' (application/octet-stream) skipped: not a patch");
    posted = [];
    await core.handle({ type: 'review', id: ++id, text: 'x'.repeat(MAX_REVIEW_INPUT + 1), base: '', index: 'i' });
    expect(posted).toEqual([
      {
        type: 'failed',
        id,
        message: expect.stringMatching(/^the text is 16\.0 MB, more than the 16\.0 MB this page reviews/),
      },
    ]);
  });

  it.skipIf(!hasGit)(
    "what the worker posts stays bounded: QEMU's own 10.0.13 -> 10.2.2 change, previews in slices",
    async () => {
      const repo = new PatchRepo('10.0.13');
      try {
        const { view, messages, previews } = await review(repo.diffTo('10.2.2'));
        expect(view.base).toBe('10.0.13');
        expect(view.findingCount).toBeGreaterThan(0);
        expect(view.findings.length).toBe(Math.min(view.findingCount, MAX_FINDINGS));
        expect(view.previews).toBe(MAX_PREVIEWS);
        expect(view.unpreviewed.length).toBeGreaterThan(0);
        expect(previews).toHaveLength(MAX_PREVIEWS);
        const slices = messages.filter((m) => m.type === 'previews');
        expect(slices).toHaveLength(Math.ceil(MAX_PREVIEWS / PREVIEW_SLICE));
        for (const m of slices) expect(m.previews.length).toBeLessThanOrEqual(PREVIEW_SLICE);
        // every id of the page's previews is unique
        const ids = previews.flatMap((p) => [...p.after.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]));
        expect(new Set(ids).size).toBe(ids.length);
        expect(previews.some((p) => p.status === 'changed' && p.before && p.marked > 0)).toBe(true);
      } finally {
        repo.remove();
      }
    },
  );
});
