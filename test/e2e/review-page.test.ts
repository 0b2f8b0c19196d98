// The /review page in Chromium, on a site of QEMU 10.2.2's real tree with the
// seed reply as its sample (../shared; skipped without it): the seed, by the
// sample button and by a paste, is fine, based on 10.2.2 by hash, makes one
// compatible change and previews the event as its doc page does; mutations
// show QEMU's error on its patch line (the link highlights it in the
// read-only view), since-version and the failing hunk; share links and
// reloads keep the patch; 0 console errors and 0 CSP violations; the page
// fits 390, 1024 and 1400 px; hostile input (20 MB, 10,000 hunks, a path
// out of the tree, a binary attachment, a binary file) each gets a clear
// message, with the text kept. No test here reads a clock: that the review
// runs in the worker and reaches the page in bounded slices is asserted by
// what the page's own script holds and what it draws; the timings are
// figures of `npm run bench:review`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveChromium, startSite, type Site } from './browser';
import { ROOT } from './build-once';
import { freshContext, paste } from './validator-browser';
import {
  appendingHunks,
  CLIMBING,
  mailWithBinaryAttachment,
  replyLine,
  seedReply,
  withLine,
  withUndocumentedMember,
} from '../support/review-inputs';
import { hasQemu, qemuTree, sharedPath } from '../support/shared';
import { sharedTree } from '../support/review-repo';
import { formatReview, reviewPatch } from '../../lib/review/index';

const OUT = process.env.E2E_REVIEW_OUT || 'out-e2e-review';
export const REVIEW_VERSIONS = `10.2.2=${qemuTree('10.2.2')}`;
export const REVIEW_ENV = { QAPI_REVIEW_SAMPLE: sharedPath('seed', 'vfio-migration-prepare-reply.txt') };

describe.skipIf(!haveChromium || !hasQemu('10.2.2'))('/review in Chromium', () => {
  let site: Site;

  beforeAll(async () => {
    site = await startSite(OUT, REVIEW_VERSIONS, REVIEW_ENV);
  }, 3_600_000);
  afterAll(async () => site?.close());

  /** /review in a fresh context that records errors and CSP violations. */
  async function openReview(viewport = { width: 1280, height: 900 }) {
    const fresh = await freshContext(site.browser, viewport);
    const violations: string[] = [];
    await fresh.page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await fresh.page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        );
      });
    });
    await fresh.page.goto(`${site.base}review/`, { waitUntil: 'load' });
    await fresh.page.locator('.review:not([data-state="loading"])').waitFor();
    return { ...fresh, violations };
  }

  /** Waits until the review of a text of `length` characters is complete (view and every preview). */
  async function reviewed(page: Page, length: number): Promise<string> {
    await page
      .locator(`.review[data-length="${length}"]:is([data-state="done"], [data-state="failed"])`)
      .waitFor({ timeout: 120_000 });
    return (await page.locator('.rv-status').textContent())!;
  }

  async function pasted(page: Page, text: string): Promise<string> {
    await paste(page, text);
    return reviewed(page, text.length);
  }

  it('the sample button: the seed reply is fine, base 10.2.2 by hash, one compatible change, the event previewed', async () => {
    const { context, page, errors, violations } = await openReview();
    await page.getByRole('button', { name: 'Load the sample' }).click();
    const status = await reviewed(page, seedReply().length);
    expect(status).toBe(
      'The QAPI schema is fine · applies to 10.2.2: qapi/vfio.json a1a9c5b673; what it adds is new in 11.0',
    );
    expect(await page.locator('.rv-status').getAttribute('role')).toBe('status');
    expect(await page.getByLabel('Patch', { exact: true }).inputValue()).toBe(seedReply());
    const changes = page.locator('.rv-changes .changes-list > li');
    expect(await changes.count()).toBe(1);
    expect(await changes.textContent()).toMatch(/^event VFIO_MIGRATION_PREPARE added compatible receive/);
    const preview = page.getByRole('region', { name: 'Preview of VFIO_MIGRATION_PREPARE' });
    expect(await preview.locator('tr[id^="preview-0-m-"]').evaluateAll((rows) => rows.map((r) => r.id))).toEqual([
      'preview-0-m-device-id',
      'preview-0-m-qom-path',
      'preview-0-m-device-state',
    ]);
    expect(await preview.locator('.badge.since').textContent()).toBe('Since 11.0');
    expect(await preview.locator('.lint-valid').textContent()).toBe('valid');
    // highlighted as on the doc page, at build time there and in the worker here
    expect(await preview.locator('.qmp-example .tk-key').count()).toBeGreaterThan(3);
    // links go to the base release's pages
    expect(await preview.locator('a', { hasText: 'QapiVfioMigrationState' }).first().getAttribute('href')).toBe(
      '/types/QapiVfioMigrationState/',
    );
    // one slice of previews; the view came before it
    expect(await page.locator('.review').getAttribute('data-slices')).toBe('1');
    await page.getByRole('button', { name: 'Copy review' }).click();
    const mail = await page.evaluate(() => navigator.clipboard.readText());
    // the CLI's reply mail, as `qapi-explorer review --format mail` writes it for the same tree
    expect(mail).toBe(formatReview(await reviewPatch(seedReply(), [sharedTree('10.2.2')]), 'mail'));
    expect(mail).toMatch(/^> diff --git a\/qapi\/vfio\.json b\/qapi\/vfio\.json\n/);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  }, 180_000);

  it('the review runs in the worker: the page script holds no review code, the worker does', () => {
    const html = readFileSync(path.join(ROOT, OUT, 'review', 'index.html'), 'utf8');
    const island = /<script src="([^"]*\/_site\/review-[0-9a-f]+\.js)"/.exec(html)![1]!;
    const worker = /data-worker-url="([^"]*)"/.exec(html)![1]!;
    const code = (p: string) => readFileSync(path.join(ROOT, OUT, p), 'utf8');
    // strings of lib/review (the patch reader), lib/qapi (QEMU's texts) and the doc pages' highlighter
    for (const marker of ['climbs out of the tree', 'documentation line longer than', 'qmp-direction']) {
      expect(code(worker)).toContain(marker);
      expect(code(island)).not.toContain(marker);
    }
  });

  it('a paste of the seed: the same; its share link and a reload bring the patch back', async () => {
    const { context, page, errors } = await openReview();
    expect(await pasted(page, seedReply())).toMatch(/^The QAPI schema is fine · applies to 10\.2\.2/);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.locator('.vt-share-url').inputValue();
    expect(link).toMatch(/\/review\/#z=[\w-]+$/);
    const other = await context.newPage();
    await other.goto(link, { waitUntil: 'load' });
    expect(await reviewed(other, seedReply().length)).toMatch(/^The QAPI schema is fine/);
    expect(await other.getByLabel('Patch', { exact: true }).inputValue()).toBe(seedReply());
    await page.reload({ waitUntil: 'load' });
    expect(await reviewed(page, seedReply().length)).toMatch(/^The QAPI schema is fine/);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it("a member left undocumented: QEMU's error with its patch line, which the link highlights in the read-only view", async () => {
    const { context, page, violations } = await openReview();
    const text = withUndocumentedMember(seedReply(), 'qom-path');
    expect(await pasted(page, text)).toMatch(/^1 finding · applies to 10\.2\.2: qapi\/vfio\.json a1a9c5b673/);
    const finding = page.locator('.rv-finding[data-rule="qapi-error"]');
    expect(await finding.locator('.rv-rule').textContent()).toBe('qapi-error');
    expect(await finding.locator('.rv-finding-text').textContent()).toContain("member 'qom-path' lacks documentation");
    const line = replyLine(text, "> +{ 'event': 'VFIO_MIGRATION_PREPARE',");
    await finding.getByRole('link', { name: `patch line ${line}` }).click();
    const target = page.locator('#rv-patch .rv-pl-target');
    expect(await target.getAttribute('data-line')).toBe(String(line));
    expect(await target.textContent()).toBe(`${line}> +{ 'event': 'VFIO_MIGRATION_PREPARE',`);
    expect(await target.isVisible()).toBe(true);
    expect(violations).toEqual([]);
    await context.close();
  }, 180_000);

  it('# Since: 10.2 shows since-version; a wrong context line shows the failing hunk and where', async () => {
    const { context, page } = await openReview();
    expect(await pasted(page, withLine(seedReply(), '# Since: 11.0', '# Since: 10.2'))).toMatch(/^1 finding · /);
    expect(await page.locator('.rv-finding .rv-rule').allTextContents()).toEqual(['since-version']);
    const wrong = withLine(seedReply(), "      'qom-path': 'str',", "      'qom-path': 'string',");
    expect(await pasted(page, wrong)).toMatch(
      /^does not apply: hunk #1 \(@@ -66,3 \+66,36 @@\) does not apply at qapi\/vfio\.json:66: line \d+ is .*, the patch expects/,
    );
    const finding = page.locator('.rv-finding[data-rule="does-not-apply"]');
    expect(await finding.getByRole('link').textContent()).toBe(
      `patch line ${replyLine(wrong, '> @@ -66,3 +66,36 @@')}`,
    );
    await context.close();
  }, 180_000);

  for (const width of [390, 1024, 1400])
    it(`at ${width} px: the review and its preview fit the width`, async () => {
      const { context, page, errors } = await openReview({ width, height: 900 });
      await page.getByRole('button', { name: 'Load the sample' }).click();
      await reviewed(page, seedReply().length);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      for (const sel of ['.rv-status', '.rv-toolbar', '.rv-preview', '.ve-editor'])
        expect(await page.locator(sel).first().boundingBox()).toMatchObject({ x: expect.any(Number) });
      const box = (await page.locator('.rv-preview').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `/tmp/review-${width}.png`, fullPage: false });
      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);

  it('hostile: 10,000 hunks, a path out of the tree, a binary attachment: clear messages, the page draws a window', async () => {
    const { context, page, errors, violations } = await openReview();
    const hunks = appendingHunks(10_000);
    expect(await pasted(page, hunks)).toMatch(/^The QAPI schema is fine · applies to 10\.2\.2: qapi\/vfio\.json/);
    expect(await page.locator('.rv-facts').textContent()).toContain('applies: 1 schema file, 10000 hunks');
    // 30,004 lines of patch: the read-only view draws the lines in view, not all
    await page.locator('#rv-patch').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await page.waitForTimeout(100);
    expect(await page.locator('#rv-patch .rv-pl').count()).toBeLessThan(100);
    expect(Number(await page.locator('#rv-patch .rv-pl').first().getAttribute('data-line'))).toBeGreaterThan(10_000);
    expect(await pasted(page, CLIMBING)).toBe(
      "does not apply: refused: 'qapi/../../etc/passwd' climbs out of the tree",
    );
    expect(await page.locator('.rv-finding .rv-at').textContent()).toBe('patch line 1');
    const mail = mailWithBinaryAttachment(1 << 20);
    expect(await pasted(page, mail)).toMatch(/^The QAPI schema is fine/);
    expect(await page.locator('.rv-facts').textContent()).toContain(
      "note: attachment 'firmware.bin' (application/octet-stream) skipped: not a patch",
    );
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  }, 300_000);

  it('hostile: a binary file is not opened (the patch stays); a 20 MB paste is refused by size and kept across a reload', async () => {
    const { context, page, errors } = await openReview();
    expect(await pasted(page, seedReply())).toMatch(/^The QAPI schema is fine/);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await page.getByLabel('Open a patch file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    expect(await page.getByRole('alert').textContent()).toContain('logo.png is not a text file');
    expect(await page.getByLabel('Patch', { exact: true }).inputValue()).toBe(seedReply());
    // made in the page: handing 20 MB over the test's connection is not what is tested
    const length = await page.locator('textarea.ve-textarea').evaluate((ta) => {
      const big = `diff --git a/qapi/x.json b/qapi/x.json\n${'+# filler line of a very large paste\n'.repeat(541_000)}`;
      (ta as HTMLTextAreaElement).select();
      const data = new DataTransfer();
      data.setData('text/plain', big);
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      return big.length;
    });
    expect(length).toBeGreaterThan(20_000_000);
    expect(await reviewed(page, length)).toMatch(
      /^Could not review: the text is 19\.\d MB, more than the 16\.0 MB this page reviews/,
    );
    expect(await page.locator('.ve-large-note').textContent()).toMatch(/^Large input \(19\.\d MB, 541,002 lines\)/);
    // the draft is kept (in IndexedDB, in parts): a reload brings all of it back
    await page.waitForTimeout(3000);
    await page.reload({ waitUntil: 'load' });
    expect(await reviewed(page, length)).toMatch(/^Could not review: the text is 19\.\d MB/);
    // the seed it replaced is one click away
    await page.getByRole('button', { name: 'Load the sample' }).click();
    await reviewed(page, seedReply().length);
    expect(await page.locator('.vt-banner').getByRole('button', { name: 'Restore it' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
