// The site of six releases as the README builds it (scripts/qemu-data.ts
// SIX_RELEASES: 10.2.2+seed the default, 11.1.3 from its build, 10.2.2,
// 10.0.13, 7.2.0, 5.2.0): an HTML crawl of every page of every release finds
// no link that leads nowhere and no masked type number; 11.1.3's VFIO_MIGRATION
// borrows 10.2.2's docs where its wire is unchanged; and in Chromium /changes/
// answers 7.2.0 -> 10.2.2 (no static page) with the CLI's counts, its filters
// filter, and the default release's search finds x-query-rdma and says where.
// Skips without ../shared (or its 11.1.3 build); the browser part without Chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as diff } from '../../cli/diff';
import { crawlSite } from '../../scripts/crawl-site';
import { runCommand } from '../support/cli-io';
import { hasSixReleases, qemuTree, SIX_RELEASES } from '../support/shared';
import { haveChromium, openPage, startSite, type Site } from './browser';
import { buildOnce, ROOT } from './build-once';

const OUT = process.env.E2E_SIX_OUT || 'out-e2e-six';
const page = (p: string) => readFileSync(path.join(ROOT, OUT, p, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe.skipIf(!hasSixReleases())('the site of six releases', () => {
  let site: Site | undefined;

  beforeAll(async () => {
    await buildOnce(OUT, SIX_RELEASES);
    if (haveChromium) site = await startSite(OUT, SIX_RELEASES);
  }, 3_600_000);
  afterAll(async () => site?.close());

  it('a crawl of every page: every link leads to an exported file, no masked type number shown', () => {
    const crawl = crawlSite(path.join(ROOT, OUT));
    expect(crawl.pages).toBeGreaterThan(6000);
    expect(crawl.broken.slice(0, 10)).toEqual([]);
    expect(crawl.masked.slice(0, 10)).toEqual([]);
  }, 600_000);

  it('/v/11.1.3/events/VFIO_MIGRATION/: 8 values, pre-copy-p2p-prepare new since 10.2.2, docs borrowed from 10.2.2', () => {
    const html = page('v/11.1.3/events/VFIO_MIGRATION');
    expect(text(html)).toContain(
      'Documentation from 10.2.2 (VFIO_MIGRATION in 10.2.2) for what is unchanged on the wire',
    );
    expect(html).toContain('href="/v/10.2.2/events/VFIO_MIGRATION/"');
    expect(html).toContain('<details class="nested" open><summary>Show 8 values</summary>');
    expect(html).toMatch(
      /&quot;pre-copy-p2p-prepare&quot;<\/code><span class="req build-mark build-new">new since 10\.2\.2<\/span>/,
    );
    expect(html).toContain('The device is running in the P2P quiescent state.');
    // the switcher lists the releases newest first
    expect([...html.matchAll(/data-version="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '11.1.3',
      '10.2.2+seed',
      '10.2.2',
      '10.0.13',
      '7.2.0',
      '5.2.0',
    ]);
  });

  it.skipIf(!haveChromium)(
    '/changes/ answers 7.2.0 -> 10.2.2 with the counts of the CLI, and filters it',
    async () => {
      const cli = await runCommand(diff, [qemuTree('7.2.0'), qemuTree('10.2.2'), '--format', 'json']);
      const expected = JSON.parse(cli.stdout) as {
        summary: Record<string, number>;
        changes: unknown[];
        docs: unknown[];
      };
      const errors: string[] = [];
      const p = await openPage(site!, '/changes/', { errors, console: false });
      await p.locator('form.pair-picker select[name=from]').selectOption('7.2.0');
      await p.locator('form.pair-picker select[name=to]').selectOption('10.2.2');
      await Promise.all([
        p.waitForURL(/\/changes\/\?from=7\.2\.0&to=10\.2\.2$/),
        p.locator('form.pair-picker button').click(),
      ]);
      await p.waitForSelector('.changes-summary', { timeout: 120_000 });
      expect(await p.locator('h1').textContent()).toBe('7.2.0 → 10.2.2');
      const counts = await p.locator('.def-header > p:not(.kicker)').first().textContent();
      expect(counts).toContain(`${expected.changes.length} wire changes`);
      expect(counts).toContain(`${expected.summary.incompatible} incompatible`);
      expect(counts).toContain(`${expected.summary.tolerate} compatible, but clients must tolerate`);
      expect(counts).toContain(`${expected.summary.compatible} compatible ·`);
      expect(counts).toContain(`${expected.docs.length} with documentation changes`);
      expect(await p.locator('li.change').count()).toBe(expected.changes.length);
      await p.locator('form.changes-filters input[name=incompatible]').check();
      expect(await p.locator('li.change:visible').count()).toBe(expected.summary.incompatible);
      expect(await p.locator('.filter-count').textContent()).toBe(
        `${expected.summary.incompatible} of ${expected.changes.length + expected.docs.length} shown`,
      );
      // a pair with a static page opens that page
      await p.goto(`${site!.base}changes/?from=10.0.13&to=10.2.2`);
      await p.waitForURL(/\/changes\/10\.0\.13\.\.10\.2\.2\/$/);
      expect(errors).toEqual([]);
      await p.close();
    },
    300_000,
  );

  it.skipIf(!haveChromium)('search on the default release finds x-query-rdma and says where it is', async () => {
    const p = await openPage(site!, '/');
    await p.waitForFunction(() => document.querySelector('.search-button[data-ready]') !== null);
    await p.keyboard.press('/');
    await p.locator('dialog.search-dialog input').fill('x-query-rdma');
    const first = p.locator('#search-results li[role=option]').first();
    await first.waitFor();
    expect(await first.locator('.result-name').textContent()).toBe('x-query-rdma');
    expect(await first.locator('.result-snippet').textContent()).toBe(
      'not in 10.2.2+seed; in 7.2.0, gone from 10.0.13 on',
    );
    await Promise.all([p.waitForURL(/\/commands\/x-query-rdma\/$/), p.keyboard.press('Enter')]);
    expect(await p.locator('h1').textContent()).toContain('x-query-rdma');
    await p.close();
  });
});
