// The version switcher in Chromium, on the e2e build of two versions
// (build-once.ts: the 10.2.2+vfio-migration-prepare tree as default at the
// root, our example schema under /v/example/): it keeps the page and its
// #anchor, opens a real "absent" page (header, sidebar, search) where the
// other version lacks the definition or module, closes on Escape and outside
// clicks, works from the keyboard, and follows the validator's schema select.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasShared } from '../support/shared';
import { describeInChromium } from './browser';

const errors: string[] = [];

const pathOf = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).hash;
const isOpen = (page: Page) => page.locator('details.version-switcher').evaluate((d) => (d as HTMLDetailsElement).open);

describeInChromium('version switcher in Chromium', { when: hasShared, pages: { errors } }, (site) => {
  it('keeps the page and its #anchor', async () => {
    const page = await site.open('/events/VFIO_MIGRATION_PREPARE/#m-device-id');
    await page.locator('.version-switcher summary').click();
    await page.locator('.version-switcher a[data-version="example"]').click();
    await page.waitForURL(/\/v\/example\//);
    expect(pathOf(page)).toBe('/v/example/events/VFIO_MIGRATION_PREPARE/#m-device-id');
    expect(await page.locator('h1').textContent()).toBe('VFIO_MIGRATION_PREPARE');
    expect(await page.locator('.version-switcher .version-current').textContent()).toBe('example');
    // an anchor followed on the page is kept too
    await page.goto(site.base + 'v/example/events/VFIO_MIGRATION_PREPARE/#m-qom-path');
    expect(await page.locator('.version-switcher a[data-version="vfio-prepare"]').getAttribute('href')).toBe(
      '/events/VFIO_MIGRATION_PREPARE/#m-qom-path',
    );
    await page.close();
  });

  it('opens an absent page with header, sidebar and search where the other version lacks the definition', async () => {
    const page = await site.open('/events/BLOCK_JOB_COMPLETED/');
    const entry = page.locator('.version-switcher a[data-version="example"]');
    expect(await entry.textContent()).toContain('not in this version');
    await page.locator('.version-switcher summary').click();
    await entry.click();
    await page.waitForURL(/\/v\/example\//);
    expect(pathOf(page)).toBe('/v/example/events/BLOCK_JOB_COMPLETED/');
    const where = (await page.locator('.absent-where').textContent())!.replace(/\s+/g, ' ');
    expect(where).toMatch(/^BLOCK_JOB_COMPLETED is not in example; it is in vfio-prepare, since \S+\.$/);
    expect(await page.locator('.absent-where a').getAttribute('href')).toBe('/events/BLOCK_JOB_COMPLETED/');
    expect(await page.locator('.topbar .search-button').count()).toBe(1);
    expect(await page.locator('#sidebar .module-list li').count()).toBeGreaterThan(0);
    expect(await page.title()).toContain('not in example');
    // back the other way: the switcher on the absent page leads to the real one
    await page.locator('.version-switcher summary').click();
    await page.locator('.version-switcher a[data-version="vfio-prepare"]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/v/'));
    expect(await page.locator('h1').textContent()).toBe('BLOCK_JOB_COMPLETED');
    await page.close();
  });

  it('has an absent page for a module the other version lacks', async () => {
    const page = await site.open('/modules/block-core/');
    const href = await page.locator('.version-switcher a[data-version="example"]').getAttribute('href');
    expect(href).toBe('/v/example/modules/block-core/');
    await page.goto(site.base + href!.slice(1));
    expect(await page.locator('.absent-where').textContent()).toContain('is not in example');
    await page.close();
  });

  it('closes on Escape and on an outside click, and works from the keyboard', async () => {
    const page = await site.open('/events/VFIO_MIGRATION/');
    const summary = page.locator('.version-switcher summary');
    await summary.click();
    expect(await isOpen(page)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    expect(await summary.evaluate((s) => s === document.activeElement)).toBe(true);
    await summary.click();
    await page.locator('h1').click();
    expect(await isOpen(page)).toBe(false);
    // keyboard only: focus the button, open with Enter, arrows between entries, Enter follows
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await isOpen(page)).toBe(true);
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.version ?? null);
    expect(await focused()).toBe('vfio-prepare');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('example');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('vfio-prepare');
    await page.keyboard.press('End');
    expect(await focused()).toBe('example');
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    await summary.focus();
    await page.keyboard.press('ArrowDown');
    expect(await isOpen(page)).toBe(true);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/v\/example\//);
    expect(pathOf(page)).toBe('/v/example/events/VFIO_MIGRATION/');
    await page.close();
  });

  it("shows the validator's release in the header, and switches it from there", async () => {
    const page = await site.open('/validate/?version=example');
    const current = page.locator('.version-switcher .version-current');
    const select = page.locator('select[aria-label="Schema version"]');
    await select.waitFor();
    expect(await select.inputValue()).toBe('example');
    expect(await current.textContent()).toBe('example');
    await select.selectOption({ label: 'vfio-prepare (default)' });
    expect(await current.textContent()).toBe('vfio-prepare');
    expect(await page.locator('.version-switcher a[aria-current]').getAttribute('data-version')).toBe('vfio-prepare');
    await page.locator('.version-switcher summary').click();
    await page.locator('.version-switcher a[data-version="example"]').click();
    await page.waitForURL(/version=example/);
    await select.waitFor();
    expect(await select.inputValue()).toBe('example');
    expect(await current.textContent()).toBe('example');
    await page.close();
  });

  it('logs no errors', () => {
    expect(errors).toEqual([]);
  });
});
