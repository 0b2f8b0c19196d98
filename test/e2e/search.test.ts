// The search dialog in Chromium, by keyboard only: it opens with '/', is an
// ARIA combobox controlling the results listbox, moves with the arrows,
// opens a result with Enter, closes with one Esc; protocol words lead to the
// QMP envelope page. Also: the module sidebar stays in view while the page
// scrolls (position: sticky). Same build and server as site.test.ts.
import { expect, it } from 'vitest';
import { E2E_REAL_TREE } from './build-once';
import type { Page } from 'playwright-core';
import { describeInChromium, type SuiteSite } from './browser';

/** Opens the site path `p` once its search button is ready. */
async function open(site: SuiteSite, p: string): Promise<Page> {
  const page = await site.open(p, { viewport: { width: 1280, height: 800 } });
  await page.waitForFunction(() => document.querySelector<HTMLElement>('.search-button')?.dataset.ready === 'true');
  return page;
}

async function searchFor(page: Page, query: string): Promise<void> {
  await page.keyboard.press('/');
  await page.locator('dialog.search-dialog input').waitFor({ state: 'visible' });
  await page.keyboard.type(query);
  await page.waitForFunction(() => document.querySelector('#search-results li') !== null);
}

describeInChromium('search dialog and sidebar in Chromium', (site) => {
  it('is a combobox: expanded with results, active descendant follows the arrows, Enter opens', async () => {
    const page = await open(site, '/');
    const input = page.locator('dialog.search-dialog input');
    expect(await input.getAttribute('role')).toBe('combobox');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await searchFor(page, 'vfio');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await input.getAttribute('aria-controls')).toBe('search-results');
    expect(await page.locator('#search-results').getAttribute('role')).toBe('listbox');
    const first = await page.locator('#search-results li').first().getAttribute('id');
    expect(await input.getAttribute('aria-activedescendant')).toBe(first);
    await page.keyboard.press('ArrowDown');
    const second = await page.locator('#search-results li').nth(1).getAttribute('id');
    expect(await input.getAttribute('aria-activedescendant')).toBe(second);
    expect(await page.locator(`#${second}`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(first);
    // both VFIO events of this tree come before any member
    const kinds = await page.locator('#search-results li .kind').allTextContents();
    const names = await page.locator('#search-results li .result-name code').allTextContents();
    const events = names.filter((n, i) => kinds[i] === 'Event' && n.startsWith('VFIO_'));
    expect(events).toEqual(['VFIO_MIGRATION', 'VFIO_MIGRATION_PREPARE']);
    expect(Math.max(...events.map((n) => names.indexOf(n)))).toBeLessThan(kinds.indexOf('Member'));
    await Promise.all([page.waitForURL(/\/modules\/vfio\/$|\/events\/VFIO_MIGRATION/), page.keyboard.press('Enter')]);
    await page.close();
  });

  it.skipIf(!E2E_REAL_TREE)('closes with one Esc, text and all', async () => {
    const page = await open(site, '/events/VFIO_MIGRATION/');
    await searchFor(page, 'STOP');
    expect(await page.locator('#search-results li .result-name code').first().textContent()).toBe('STOP');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.search-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await page.close();
  });

  it('leads protocol words to the QMP envelope page', async () => {
    const page = await open(site, '/');
    await searchFor(page, 'timestamp');
    const top = page.locator('#search-results li').first();
    expect(await top.locator('.kind').textContent()).toBe('Protocol');
    await Promise.all([page.waitForURL(/\/protocol\/#event$/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('The QMP envelope');
    expect(await page.locator('#event').textContent()).toContain('timestamp');
    await page.close();
  });

  it('keeps the module sidebar in view while the page scrolls', async () => {
    const page = await open(site, '/all/');
    const sidebar = page.locator('#sidebar');
    const before = (await sidebar.boundingBox())!.y;
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 200);
    expect((await sidebar.boundingBox())!.y).toBeCloseTo(before, 0);
    await page.close();
  });
});
