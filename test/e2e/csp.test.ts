// The Content-Security-Policy in Chromium: every kind of page (home, event,
// command, type, module, all, review, 404, and /validate while it validates in its
// worker) loads and works with zero policy violations, and the policy is
// really enforced (an injected inline script is refused).
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInChromium, type SuiteSite } from './browser';

/** Opens a page recording every CSP violation event and every console line about the policy. */
async function open(site: SuiteSite, p: string): Promise<{ page: Page; violations: string[] }> {
  const page = await site.browser.newPage({ colorScheme: 'light' });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const res = await page.goto(site.base + p.replace(/^\//, ''), { waitUntil: 'load' });
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
  return { page, violations };
}

describeInChromium('Content-Security-Policy in Chromium', (site) => {
  it.each([
    '/',
    '/events/VFIO_MIGRATION_PREPARE/',
    '/types/QapiVfioMigrationState/',
    '/v/example/commands/query-machine-status/',
    '/v/example/modules/vfio/',
    '/all/',
    '/review/',
    '/no-such-page/',
  ])('%s: no violations, its meta policy present, search and theme work', async (p) => {
    const { page, violations } = await open(site, p);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
    // the page's scripts ran: the theme script set the theme, the site script answers '/'
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    if (p !== '/no-such-page/') {
      await page.locator('.theme-toggle').click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await page.waitForFunction(() => document.querySelector('.search-button') !== null);
      await page.waitForTimeout(200);
      await page.keyboard.press('/');
      await page.locator('dialog.search-dialog input').fill('VFIO');
      await page.locator('#search-results li').first().waitFor();
    }
    await page.waitForTimeout(100);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('/validate: validating in the worker, a share link and a download, no violations', async () => {
    const { page, violations } = await open(site, '/validate/');
    await page.locator('.validator:not([data-state="loading"])').waitFor();
    const text =
      '{"event": "VFIO_MIGRATION_PREPARE", "data": {"device-id": "d", "qom-path": "/q", "device-state": "nope"}, "timestamp": {"seconds": 1, "microseconds": 0}}';
    await page.locator('textarea.ve-textarea').fill(text);
    await page.locator(`.validator[data-state="done"][data-length="${text.length}"]`).waitFor({ timeout: 30_000 });
    expect(await page.locator('.vr-summary').getAttribute('data-verdict')).toBe('invalid');
    expect(await page.locator('.ve-mark-error').count()).toBe(1); // underline drawn with inline styles
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.locator('.vt-share-url').waitFor();
    // too long for a link: offered as a download through a blob: URL
    let noise = '';
    for (let i = 0, seed = 7; i < 40_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      noise += String.fromCharCode(97 + ((seed >> 16) % 26));
    }
    await page.locator('textarea.ve-textarea').fill(noise);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.vt-share-too-long').getByRole('button', { name: 'Download the file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('qmp-messages.txt');
    await page.waitForTimeout(100);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('is enforced: an inline script added to a page is refused and reported', async () => {
    const { page, violations } = await open(site, '/');
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.head.append(s);
    });
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
    await page.close();
  });
});
