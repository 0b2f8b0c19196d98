// The Changes pages, a definition's History and the search filters in
// Chromium, on the e2e site of build-once.ts (the 10.2.2+vfio-migration-prepare
// tree as default "vfio-prepare", our example schema as "example"): the
// header leads to the index, a pair's page links each change to both sides,
// and a definition page's History links that pair's page.
import { expect, it } from 'vitest';
import { describeInChromium } from './browser';
import { hasShared } from '../support/shared';

const errors: string[] = [];
const pages = { errors, console: false };

const PAIR = '/changes/vfio-prepare..example/';

describeInChromium('Changes and History in Chromium', { when: hasShared, pages }, (site) => {
  it('the header leads to the index of Changes pages, and on to a pair', async () => {
    const page = await site.open('/events/VFIO_MIGRATION/');
    await Promise.all([page.waitForURL(/\/changes\/$/), page.locator('.topnav a', { hasText: 'Changes' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Changes');
    await Promise.all([
      page.waitForURL(/\/changes\/vfio-prepare\.\.example\/$/),
      page.locator('table.changes-index a', { hasText: 'vfio-prepare → example' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('vfio-prepare → example');
    await page.close();
  });

  it('a pair page: incompatible first, each change with verdict, direction and rule, linked to both sides', async () => {
    const page = await site.open(PAIR);
    const headings = await page.locator('article h2').allTextContents();
    expect(headings[0]).toMatch(/^Incompatible \(\d+\)$/);
    expect(headings.at(-1)).toBe('Rules applied');
    // a command only the old side has: linked there, with its verdict and the quoted rule
    const removed = page.locator('li.change', { hasText: 'command query-status removed' });
    expect(await removed.locator('.verdict').textContent()).toBe('incompatible');
    expect(await removed.locator('.dir').textContent()).toBe('send');
    await Promise.all([page.waitForURL(/#rule-send-incompatible$/), removed.locator('.rule-ref').click()]);
    expect(await page.locator('#rule-send-incompatible blockquote').textContent()).toContain(
      'Incompatible changes include removing commands',
    );
    await Promise.all([page.waitForURL(/\/commands\/query-status\/$/), removed.locator('.side-old').click()]);
    expect(await page.locator('h1').textContent()).toBe('query-status');
    // a definition both sides have: one link to each
    await page.goto(site.base + PAIR.slice(1));
    const doc = page.locator('#docs ~ ul li', { hasText: 'VFIO_MIGRATION:' });
    await Promise.all([page.waitForURL(/\/events\/VFIO_MIGRATION\/$/), doc.locator('.side-old').click()]);
    expect(new URL(page.url()).pathname).toBe('/events/VFIO_MIGRATION/');
    await page.goBack();
    await Promise.all([page.waitForURL(/\/v\/example\/events\/VFIO_MIGRATION\/$/), doc.locator('.side-new').click()]);
    expect(await page.locator('h1').textContent()).toBe('VFIO_MIGRATION');
    await page.close();
  });

  it("a definition page's History: the releases that have it and what changed, linked to the pair", async () => {
    const page = await site.open('/events/VFIO_MIGRATION/');
    const history = page.locator('section.history');
    expect(await history.locator('h2').textContent()).toBe('History');
    expect(await history.locator('.history-releases a').allTextContents()).toEqual(['vfio-prepare', 'example']);
    expect(await history.locator('.history-step').first().textContent()).toMatch(
      /example \(from vfio-prepare\): documentation \(intro/,
    );
    await Promise.all([
      page.waitForURL(/\/changes\/vfio-prepare\.\.example\/$/),
      history.locator('.history-step > p a').first().click(),
    ]);
    // a definition only the default tree has
    const only = await site.open('/commands/query-status/');
    expect(await only.locator('.history-releases s').textContent()).toBe('example');
    expect(await only.locator('.history-step').first().textContent()).toMatch(/example \(from vfio-prepare\): removed/);
    await page.close();
    await only.close();
  });

  it('search filters: since:, is:, changed:, with words, and a bad one explained', async () => {
    const page = await site.open('/');
    await page.waitForFunction(() => document.querySelector('.search-button[data-ready]') !== null);
    await page.keyboard.press('/');
    const input = page.locator('dialog.search-dialog input');
    const options = page.locator('#search-results li[role=option]');
    await input.fill('since:11.0');
    await page.waitForFunction(() =>
      document.querySelector('#search-results li[role=option]')?.textContent?.includes('VFIO_MIGRATION_PREPARE'),
    );
    expect(await options.count()).toBe(1);
    // a filter alone lists its results under a heading per kind
    expect(await page.locator('#search-results li.result-group').allTextContents()).toEqual(['Events']);
    await input.fill('drive is:deprecated');
    await options.first().waitFor();
    expect(await options.allTextContents()).toContainEqual(expect.stringContaining('drive-backup'));
    await input.fill('changed:vfio-prepare..nowhere');
    await page.waitForFunction(() =>
      document.querySelector('.search-status')?.textContent?.startsWith('changed: takes two releases'),
    );
    expect(await options.count()).toBe(0);
    await page.close();
  });

  it('no page errors', () => {
    expect(errors).toEqual([]);
  });
});
