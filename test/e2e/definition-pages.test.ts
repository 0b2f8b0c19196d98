// Browser tests of the definition pages' big-union and reply features, on the
// exported site (build-once.ts: the 10.2.2+vfio-migration-prepare tree as
// default): blockdev-add's weight (its paint time is bench:site's), its branch jump menu and anchors, the
// lazy expanders that fetch a type's fragment, and a command's reply members.
// Set E2E_REUSE=1 to reuse an existing out-e2e/ while iterating.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { E2E_OUT, E2E_REAL_TREE, ROOT } from './build-once';
import { describeInChromium } from './browser';

const errors: string[] = [];
const pages = { errors, viewport: { width: 1280, height: 900 } };

/** The page's first contentful paint (ms from navigation start); it may be reported after 'load'. */
// blockdev-add, query-status and their kin: QEMU's real tree
describeInChromium('definition pages in Chromium', { when: E2E_REAL_TREE, pages }, (site) => {
  it("blockdev-add arrives light: its HTML small, nested rows inlined within the page's budget, the rest lazy", async () => {
    // what keeps its first paint near 0.4 s (timed by `npm run bench:site`, not here)
    const html = readFileSync(path.join(ROOT, E2E_OUT, 'commands', 'blockdev-add', 'index.html'));
    const page = await site.open('/commands/blockdev-add/');
    expect(gzipSync(html).length).toBeLessThan(40 * 1024);
    // 47 branches and their members: some hundreds of rows at load, not the thousands its types nest
    expect(await page.locator('tr').count()).toBeLessThan(600);
    expect(await page.locator('details[data-expand]').count()).toBeGreaterThan(20);
    await page.close();
  });

  it("jumps to a branch from the union's index, and from a discriminator value", async () => {
    const page = await site.open('/commands/blockdev-add/');
    const menu = page.locator('nav.branch-index');
    expect(await menu.locator('a').count()).toBe(47);
    await menu.locator('a[href="#b-qcow2"]').click();
    await page.waitForURL(/#b-qcow2$/);
    const row = page.locator('tr#b-qcow2');
    expect(await row.textContent()).toContain('When driver is "qcow2"');
    const top = await row.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200); // at the top of the viewport, below the header
    // the discriminator's values link to the same anchors
    await page.locator('#m-driver details.nested > summary').click();
    await page.locator('#m-driver a.branch-link[href="#b-file"]').click();
    await page.waitForURL(/#b-file$/);
    expect(await page.locator('tr#b-file').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);
    await page.close();
  });

  it('a deep link to a branch member lands on its row', async () => {
    const page = await site.open('/commands/blockdev-add/#m-qcow2.file');
    const top = await page.locator('[id="m-qcow2.file"]').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(300);
    await page.close();
  });

  it('fills a lazy expander from the type fragment when it is opened', async () => {
    const page = await site.open('/commands/blockdev-add/');
    const lazy = page.locator('[id="m-qcow2.file"] details[data-expand]');
    expect(await lazy.getAttribute('data-expand')).toBe('/types/BlockdevRef/expand.html');
    // BlockdevRef expands on every branch, not only the first
    const refs = page.locator('tr[id^="m-"]:has(a[href="/types/BlockdevRef/"]) details.nested');
    expect(await refs.count()).toBeGreaterThan(10);
    await lazy.locator('summary').click();
    await page.locator('[id="m-qcow2.file"] details[data-state="loaded"] table.alternatives').waitFor();
    expect(await lazy.locator('.expansion').textContent()).toContain('BlockdevOptions');
    // a fragment's own members are lazy expanders again
    const inner = lazy.locator('.expansion details[data-expand="/types/BlockdevOptions/expand.html"]');
    await inner.locator('summary').click();
    await inner.locator('.expansion table.members-nested').first().waitFor();
    expect(await inner.locator('.expansion').textContent()).toContain('driver');
    await page.close();
  });

  it("shows a command's reply members in the box and in the Returns table", async () => {
    const page = await site.open('/commands/query-status/', { colorScheme: 'dark' });
    expect(await page.locator('pre.envelope').textContent()).toMatch(
      /"return": \{\s+"running": boolean,\s+"status": RunState/,
    );
    await page.locator('pre.envelope a[href="#r-status"]').click();
    await page.waitForURL(/#r-status$/);
    expect(await page.locator('tr#r-status .member-type').textContent()).toBe('RunState');
    expect(await page.locator('h3#returns').count()).toBe(1);
    // "required" is not painted in the error colour
    const req = await page.locator('tr#r-status .req.is-required').evaluate((el) => getComputedStyle(el).color);
    const bad = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bad').trim());
    expect(req).not.toBe(bad);
    await page.close();
  });

  it('logs no errors', () => {
    expect(errors).toEqual([]);
  });
});
