// Browser tests of the exported site: Debian's Chromium driven by
// playwright-core against out-e2e/ served by scripts/serve.mjs.
// The site is built once per test run by build-once.ts (two versions: the
// 10.2.2+vfio-migration-prepare tree, or content/ without QEMU's data, as
// default, our example schema second).
// Set E2E_REUSE=1 to reuse an existing out-e2e/ while iterating on the tests.
import { expect, it } from 'vitest';
import { CHROMIUM, describeInChromium, haveChromium } from './browser';

if (!haveChromium) {
  console.warn(
    `[e2e] skipped: Chromium not found at ${CHROMIUM}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}

const consoleErrors: string[] = [];

describeInChromium('exported site in Chromium', { pages: { errors: consoleErrors } }, (site) => {
  it('shows VFIO_MIGRATION_PREPARE with its members, Since 11.0 and a highlighted example', async () => {
    const page = await site.open('/events/VFIO_MIGRATION_PREPARE/');
    await expect(page.locator('h1').textContent()).resolves.toBe('VFIO_MIGRATION_PREPARE');
    await expect(page.locator('.def-badges .since').textContent()).resolves.toBe('Since 11.0');
    for (const m of ['device-id', 'qom-path', 'device-state']) {
      expect(await page.locator(`#m-${m} .member-name code`).first().textContent()).toBe(m);
    }
    const marker = page.locator('figure.qmp-example pre .tk-server').first();
    expect(await marker.textContent()).toBe('<-');
    const keyColor = await page
      .locator('figure.qmp-example pre .tk-key')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    const textColor = await page.locator('body').evaluate((el) => getComputedStyle(el).color);
    expect(keyColor).not.toBe(textColor);
    await page.close();
  });

  it('navigates through a type link', async () => {
    const page = await site.open('/events/VFIO_MIGRATION_PREPARE/');
    await Promise.all([
      page.waitForURL(/\/types\/QapiVfioMigrationState\/$/),
      page.locator('#m-device-state .member-type a').click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('QapiVfioMigrationState');
    expect(await page.locator('#used-by + ul').textContent()).toContain('VFIO_MIGRATION_PREPARE');
    await page.close();
  });

  it('finds an enum value with the search dialog', async () => {
    const page = await site.open('/');
    await page.waitForFunction(() => document.querySelector('.search-button') !== null);
    await page.waitForTimeout(200); // hydration of the search island
    await page.keyboard.press('/');
    const input = page.locator('dialog.search-dialog input');
    await expect(input.isVisible()).resolves.toBe(true);
    await input.fill('pre-copy-p2p');
    const hit = page.locator('#search-results li', { hasText: 'pre-copy-p2p' }).filter({ hasText: 'Value' }).first();
    await hit.waitFor();
    expect(await hit.textContent()).toContain('QapiVfioMigrationState');
    await Promise.all([page.waitForURL(/\/types\/QapiVfioMigrationState\/#v-pre-copy-p2p$/), hit.locator('a').click()]);
    await page.close();
  });

  it('toggles dark mode and remembers it', async () => {
    const page = await site.open('/events/VFIO_MIGRATION/');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await theme()).toBe('light');
    const lightBg = await bg();
    await page.locator('.theme-toggle').click();
    expect(await theme()).toBe('dark');
    expect(await bg()).not.toBe(lightBg);
    await page.reload();
    expect(await theme()).toBe('dark');
    await page.close();
  });

  it('switches version keeping the page', async () => {
    const page = await site.open('/events/VFIO_MIGRATION/');
    const href = await page.locator('.version-switcher a[data-version="example"]').getAttribute('href');
    expect(href).toBe('/v/example/events/VFIO_MIGRATION/');
    await page.close();
  });

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
