// Pages that fit every screen, measured in Chromium (layout.ts): no page of any
// kind scrolls sideways and the top bar's controls stay on screen at the
// widths where the header used to overflow (960-1150 px) and at a phone's and
// a wide screen's; no member table clips its text, before and after opening
// every nested type, at 390, 1024 and 1400 px; the 404 page has the site's
// frame and a search that works; switching release from a member the other
// release lacks lands on its branch and says so. Twice: on the e2e build
// (build-once.ts: our example schema, with QEMU's seeded 10.2.2 tree as
// default when ../shared has it), and on a site of QEMU's five releases with
// the longest label as default (skipped without ../shared).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIVE_RELEASES, fiveReleaseVersions, hasQemu } from '../support/shared';
import { describeInChromium, type SuiteSite } from './browser';
import { E2E_OUT, E2E_REAL_TREE, ROOT } from './build-once';
import { clippedCells, expandAll, overflowOf } from './layout';

/** Where the header used to overflow (910-1149 px), a phone, a wide screen. */
const PAGE_WIDTHS = [390, 960, 1024, 1100, 1150, 1400];
const TABLE_WIDTHS = [390, 1024, 1400];

interface Names {
  event: string;
  command: string;
  union: string;
  alternate: string;
  enum: string;
  struct: string;
  module: string;
}

/** Our example schema (content/) and QEMU's trees (every release since 5.2 has these). */
const CONTENT: Names = {
  event: 'VFIO_MIGRATION_PREPARE',
  command: 'storage-node-add',
  union: 'StorageBackend',
  alternate: 'SizeSpec',
  enum: 'StorageDriver',
  struct: 'DeviceInfo',
  module: 'storage',
};
const QEMU: Names = {
  event: 'BLOCK_JOB_COMPLETED',
  command: 'blockdev-add',
  union: 'BlockdevQcow2Encryption',
  alternate: 'BlockdevRef',
  enum: 'BlockdevDriver',
  struct: 'BlockdevOptionsQcow2',
  module: 'block-core',
};

/** One page of each kind of a release (prefix '' for the default, '/v/<label>' for another). */
function releasePages(prefix: string, n: Names): string[] {
  return [
    `${prefix}/`,
    `${prefix}/all/`,
    `${prefix}/protocol/`,
    `${prefix}/types/builtins/`,
    `${prefix}/modules/${n.module}/`,
    `${prefix}/events/${n.event}/`,
    `${prefix}/commands/${n.command}/`,
    `${prefix}/types/${n.union}/`,
    `${prefix}/types/${n.alternate}/`,
    `${prefix}/types/${n.enum}/`,
    `${prefix}/types/${n.struct}/`,
  ];
}

/** The site-wide pages: Changes (index and the first pair), the validator, a 404. */
function sitePages(out: string): string[] {
  const pairs = readdirSync(path.join(ROOT, out, 'changes'), { withFileTypes: true }).filter((d) => d.isDirectory());
  return ['/changes/', `/changes/${pairs[0]!.name}/`, '/validate/', '/no-such-page/'];
}

/** An event page of the export that is an absent page ("… is not in <label>"), if any. */
function absentEventPage(out: string, prefix: string): string | null {
  const dir = path.join(ROOT, out, prefix, 'events');
  if (!existsSync(dir)) return null;
  const found = readdirSync(dir).find((name) =>
    readFileSync(path.join(dir, name, 'index.html'), 'utf8').includes('data-absent='),
  );
  return found ? `${prefix}/events/${found}/` : null;
}

/** Each page opened once, measured at every width; what overflowed, by page and width. */
async function overflowsAt(site: SuiteSite, pages: string[], widths: number[]): Promise<string[]> {
  const found: string[] = [];
  const page = await site.browser.newPage({ viewport: { width: widths[0]!, height: 800 } });
  for (const p of pages) {
    await page.goto(site.base + p.slice(1), { waitUntil: 'load' });
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      const o = await overflowOf(page);
      if (o.page !== 0 || o.header.length > 0)
        found.push(`${p} at ${width} px: scrolls ${o.page} px sideways; off-screen: ${o.header.join(', ') || 'none'}`);
    }
  }
  await page.close();
  return found;
}

/** Clipped cells of a page at each width, before and after expanding every nested type. */
async function clippingOf(site: SuiteSite, p: string): Promise<{ cells: number; expanded: number; clipped: string[] }> {
  const clipped: string[] = [];
  const page = await site.browser.newPage({ viewport: { width: TABLE_WIDTHS[0]!, height: 800 } });
  await page.goto(site.base + p.slice(1), { waitUntil: 'load' });
  const measure = async (when: string) => {
    let cells = 0;
    for (const width of TABLE_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const r = await clippedCells(page);
      cells = Math.max(cells, r.cells);
      for (const c of r.clipped) clipped.push(`${when}, ${width} px: ${c.cell} clips ${c.overflow} px`);
      expect((await overflowOf(page)).page, `${p} ${when} at ${width} px scrolls sideways`).toBe(0);
    }
    return cells;
  };
  const before = await measure('closed');
  const expanded = await expandAll(page);
  const after = await measure('expanded');
  await page.close();
  expect(after).toBeGreaterThan(before);
  return { cells: after, expanded, clipped };
}

function tableTests(site: SuiteSite, pages: string[]): void {
  it.each(pages)('%s: no table cell clips its text, closed or with every nested type open', async (p) => {
    const { cells, expanded, clipped } = await clippingOf(site, p);
    expect(expanded).toBeGreaterThan(0);
    expect(cells).toBeGreaterThan(10);
    expect(clipped).toEqual([]);
  });
}

describeInChromium('page layout at every width (the e2e site)', (site) => {
  const defaultNames = E2E_REAL_TREE ? QEMU : CONTENT;

  it('no page of any kind scrolls sideways or pushes a top bar control off-screen', async () => {
    const pages = [
      ...releasePages('', defaultNames),
      ...releasePages('/v/example', CONTENT),
      ...sitePages(E2E_OUT),
      ...[absentEventPage(E2E_OUT, ''), absentEventPage(E2E_OUT, '/v/example')].filter((p) => p !== null),
    ];
    expect(await overflowsAt(site, pages, PAGE_WIDTHS)).toEqual([]);
  }, 600_000);

  tableTests(site, [`/commands/${defaultNames.command}/`, `/v/example/commands/${CONTENT.command}/`]);

  it('the 404 page has the site frame, and its search works from the key and from its button', async () => {
    const page = await site.open('/events/VFIO_MIGRATION_PREPAR/');
    expect(await page.locator('h1').textContent()).toBe('Not found');
    expect(await page.locator('.topbar .search-button').count()).toBe(1);
    expect(await page.locator('.topbar .version-switcher').count()).toBe(1);
    expect(await page.locator('#sidebar .module-list li').count()).toBeGreaterThan(0);
    // '/' opens the search
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.search-button')?.dataset.ready === 'true');
    await page.keyboard.press('/');
    const dialog = page.locator('dialog.search-dialog');
    expect(await dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    // its button searches for the name the missing path ends in
    const button = page.locator('.not-found-search');
    expect(await button.textContent()).toBe('Search for VFIO_MIGRATION_PREPAR');
    await button.click();
    expect(await page.locator('dialog.search-dialog input').inputValue()).toBe('VFIO_MIGRATION_PREPAR');
    const hit = page.locator('#search-results li a[href="/events/VFIO_MIGRATION_PREPARE/"]');
    await hit.waitFor();
    await Promise.all([page.waitForURL(/\/events\/VFIO_MIGRATION_PREPARE\/$/), hit.click()]);
    expect(await page.locator('h1').textContent()).toBe('VFIO_MIGRATION_PREPARE');
    await page.close();
  });

  it('/validate uses the width at 1280 px and more: the editor beside the results, the schema select uncut', async () => {
    for (const width of [1280, 1600]) {
      const page = await site.open('/validate/', { viewport: { width, height: 900 } });
      await page.locator('select[aria-label="Schema version"] option').first().waitFor({ state: 'attached' });
      const m = await page.evaluate(() => {
        const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
        const content = document.querySelector('#content')!;
        const padding = parseFloat(getComputedStyle(content).paddingRight);
        const select = document.querySelector<HTMLSelectElement>('select[aria-label="Schema version"]')!;
        const style = getComputedStyle(select);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = style.font;
        // the selected label, its padding and the arrow (about 20 px) must fit the box
        const needed =
          ctx.measureText(select.selectedOptions[0]!.text).width +
          parseFloat(style.paddingLeft) +
          parseFloat(style.paddingRight) +
          20;
        return {
          unused: box('#content').right - padding - box('.vt-panes').right,
          editor: box('.ve-editor').width,
          select: { needed: Math.ceil(needed), width: select.clientWidth },
        };
      });
      await page.close();
      expect(m.unused, `${width} px: room left beside the panes`).toBeLessThan(2);
      expect(m.editor, `${width} px: editor width`).toBeGreaterThan(0.45 * (width - 120));
      expect(m.select.needed, `${width} px: schema select`).toBeLessThanOrEqual(m.select.width);
    }
  });

  it('where the top bar has no room for the sections, the menu holds them', async () => {
    const page = await site.open('/events/VFIO_MIGRATION/', { viewport: { width: 390, height: 800 } });
    expect(await page.locator('.topnav').isVisible()).toBe(false);
    await page.locator('.menu-button').click();
    const validate = page.locator('#sidebar .sidebar-sections a', { hasText: 'Validate' });
    expect(await validate.isVisible()).toBe(true);
    await Promise.all([page.waitForURL(/\/validate\/$/), validate.click()]);
    await page.setViewportSize({ width: 1024, height: 800 });
    expect(await page.locator('.topnav a', { hasText: 'Validate' }).isVisible()).toBe(true);
    expect(await page.locator('#sidebar .sidebar-sections').isVisible()).toBe(false);
    await page.close();
  });

  it('the theme toggle says whether dark mode is on (aria-pressed)', async () => {
    const light = await site.open('/events/VFIO_MIGRATION/');
    const toggle = light.locator('.theme-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await light.close();
    const dark = await site.open('/events/VFIO_MIGRATION/', { colorScheme: 'dark' });
    expect(await dark.locator('.theme-toggle').getAttribute('aria-pressed')).toBe('true');
    await dark.close();
  });
});

const FIVE_OUT = process.env.E2E_FIVE_OUT || 'out-e2e-five';
const haveFive = hasQemu(...FIVE_RELEASES);

describeInChromium(
  "page layout at every width (QEMU's five releases, the longest label as default)",
  { when: haveFive, site: { out: FIVE_OUT, versions: haveFive ? fiveReleaseVersions() : '' } },
  (site) => {
    it('no page of any kind of any release scrolls sideways or pushes a top bar control off-screen', async () => {
      const pages = [
        ...FIVE_RELEASES.flatMap((r, i) => {
          const prefix = i === 0 ? '' : `/v/${r}`;
          return [...releasePages(prefix, QEMU), absentEventPage(FIVE_OUT, prefix)].filter((p) => p !== null);
        }),
        ...sitePages(FIVE_OUT),
      ];
      expect(pages.length).toBeGreaterThan(5 * 12);
      expect(await overflowsAt(site, pages, PAGE_WIDTHS)).toEqual([]);
    }, 1_200_000);

    it('the version menu, with its longest label, opens inside the viewport at every width', async () => {
      const page = await site.open('/commands/blockdev-add/');
      for (const width of PAGE_WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        await page.locator('.version-switcher summary').click();
        const menu = (await page.locator('.version-switcher ul').boundingBox())!;
        expect(menu.x, `${width} px`).toBeGreaterThanOrEqual(0);
        expect(menu.x + menu.width, `${width} px`).toBeLessThanOrEqual(width);
        expect(menu.y + menu.height, `${width} px`).toBeLessThanOrEqual(800);
        expect((await overflowOf(page)).page, `${width} px`).toBe(0);
        // the label is cut in the bar, whole in the menu and the summary's title
        const label = FIVE_RELEASES[0]!;
        expect(await page.locator('.version-switcher summary').getAttribute('title')).toBe(label);
        expect(await page.locator(`.version-switcher a[data-version="${label}"]`).textContent()).toContain(label);
        await page.keyboard.press('Escape');
      }
      await page.close();
    });

    tableTests(site, ['/commands/blockdev-add/', '/commands/object-add/', '/commands/migrate-set-parameters/']);

    it('switching to a release without the member lands on its branch and says since when it exists', async () => {
      const page: Page = await site.open('/commands/blockdev-add/#m-qcow2.discard-no-unref');
      expect(await page.locator('#m-qcow2\\.discard-no-unref .member-since').textContent()).toBe('since 8.1');
      await page.locator('.version-switcher summary').click();
      await Promise.all([
        page.waitForURL(/\/v\/5\.2\.0\//),
        page.locator('.version-switcher a[data-version="5.2.0"]').click(),
      ]);
      expect(new URL(page.url()).hash).toBe('#m-qcow2.discard-no-unref');
      const note = page.locator('.anchor-missing');
      await note.waitFor();
      expect(await note.textContent()).toBe('discard-no-unref is not in 5.2.0 (since 8.1).');
      expect(await note.getAttribute('role')).toBe('status');
      // the note sits under the qcow2 branch's heading, which is in view
      const branch = page.locator('#b-qcow2');
      expect(await branch.getAttribute('class')).toContain('landed');
      expect(await page.locator('#b-qcow2 + tr.anchor-missing-row .anchor-missing').count()).toBe(1);
      const box = (await branch.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(page.viewportSize()!.height);
      await page.close();
    });
  },
);
