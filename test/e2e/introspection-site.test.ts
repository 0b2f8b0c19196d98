// A small two-version site whose second version is a running QEMU's own
// schema (libvirt's dump of QEMU 10.0.0 x86_64's query-qmp-schema, given
// without a label): built and exported like any site, it has a page per
// command and event under the label the dump gives (10.0.0-x86_64), no page
// for its masked types (only their expansion fragments), every link of its
// pages leads to an exported file, and in Chromium its lazy expanders load
// and its search finds its events. Skips without ../shared; the browser part
// without Chromium.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithShared } from '../support/shared';
import { haveChromium, openPage, startSite, type Site } from './browser';
import { buildOnce, ROOT } from './build-once';
import { crawlSite } from '../../scripts/crawl-site';

const OUT = process.env.E2E_INTRO_OUT || 'out-e2e-intro';
const VERSIONS = [
  'example=content/qapi-schema.json',
  '../shared/libvirt-11.3.0/qemucapabilitiesdata/caps_10.0.0_x86_64.replies',
].join(',');
const V = '/v/10.0.0-x86_64';

const outDir = () => path.join(ROOT, OUT);

/** The exported file a site path is served from ('/a/' -> a/index.html). */
function fileFor(sitePath: string): string {
  const clean = decodeURIComponent(sitePath.replace(/[#?].*$/, ''));
  return path.join(outDir(), clean.endsWith('/') ? `${clean}index.html` : clean);
}

describeWithShared('a site with an introspected version', () => {
  let site: Site | undefined;

  beforeAll(async () => {
    // the export is checked without a browser too
    await buildOnce(OUT, VERSIONS);
    if (haveChromium) site = await startSite(OUT, VERSIONS);
  }, 1_200_000);
  afterAll(async () => site?.close());

  it('exports a page per command and event of the dump, and none for its masked types', () => {
    // pages of the dump's own definitions, not the absent pages for what only the other version has
    const isAbsent = (file: string) => existsSync(file) && readFileSync(file, 'utf8').includes('data-absent=');
    const own = (section: string) =>
      readdirSync(path.join(outDir(), V, section)).filter(
        (d) => !isAbsent(path.join(outDir(), V, section, d, 'index.html')),
      );
    const events = own('events');
    const commands = own('commands');
    expect(events.length).toBe(55);
    expect(commands.length).toBe(233);
    expect(existsSync(fileFor(`${V}/events/BLOCK_JOB_COMPLETED/`))).toBe(true);
    expect(existsSync(fileFor(`${V}/modules/query-qmp-schema/`))).toBe(true);
    const typeDirs = own('types').filter((d) => d !== 'builtins');
    expect(typeDirs.length).toBeGreaterThan(100);
    for (const d of typeDirs) {
      expect(d).toMatch(/^\d+$/);
      expect(existsSync(path.join(outDir(), V, 'types', d, 'index.html'))).toBe(false);
      expect(existsSync(path.join(outDir(), V, 'types', d, 'expand.html'))).toBe(true);
    }
    const home = readFileSync(fileFor(`${V}/`), 'utf8');
    expect(home).toContain('QEMU 10.0.0 (x86_64), introspected');
  });

  it('links every page to exported files only, and shows no masked type number', () => {
    const crawl = crawlSite(outDir());
    expect(crawl.links).toBeGreaterThan(10_000);
    expect(crawl.broken.slice(0, 10)).toEqual([]);
    expect(crawl.masked.slice(0, 10)).toEqual([]);
  });

  it.skipIf(!haveChromium)("loads a lazy expander of a masked type and finds the dump's events by search", async () => {
    const errors: string[] = [];
    const page = await openPage(site!, `${V}/commands/blockdev-add/`, {
      errors,
      console: false,
      viewport: { width: 1280, height: 900 },
    });
    const lazy = page.locator('details[data-expand]').first();
    await lazy.evaluate((d: HTMLDetailsElement) => (d.open = true));
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('details[data-expand]')?.dataset.state === 'loaded',
    );
    expect(await lazy.locator('.expansion table').count()).toBeGreaterThan(0);

    await page.waitForFunction(() => document.querySelector<HTMLElement>('.search-button')?.dataset.ready === 'true');
    await page.keyboard.press('/');
    await page.locator('dialog.search-dialog input').waitFor({ state: 'visible' });
    await page.keyboard.type('BLOCK_JOB_COMPLETED');
    await page.waitForFunction(() => document.querySelector('#search-results li') !== null);
    await Promise.all([
      page.waitForURL(/\/v\/10\.0\.0-x86_64\/events\/BLOCK_JOB_COMPLETED\/$/),
      page.keyboard.press('Enter'),
    ]);
    expect(await page.locator('h1').textContent()).toBe('BLOCK_JOB_COMPLETED');
    // the switcher: the example schema has no such event, so it leads to that version's page saying so
    const other = page.locator('.version-switcher a[data-version="example"]');
    expect(await other.getAttribute('href')).toBe('/events/BLOCK_JOB_COMPLETED/');
    expect(errors).toEqual([]);
    await page.close();
  });
});
