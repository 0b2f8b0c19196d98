// Layout facts of a page in Chromium, for the browser tests: whether the page
// scrolls sideways, whether every control of the top bar is inside the
// viewport, which table cells clip their text, and opening every nested type
// of a member table. Measured, never timed.
import type { Page } from 'playwright-core';

export interface Overflow {
  /** the document's scrollWidth beyond the viewport's width (0: nothing scrolls sideways) */
  page: number;
  /** top bar controls whose box reaches past the viewport's right edge */
  header: string[];
}

/** How far the page at its current viewport scrolls sideways, and what of the top bar is off-screen. */
export async function overflowOf(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const header = [
      ...document.querySelectorAll('.topbar > *, .topbar .topnav > a, .topbar .topbar-tools > :not(dialog)'),
    ]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > width + 0.5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent?.trim()}"`);
    return { page: root.scrollWidth - width, header };
  });
}

export interface Clipped {
  /** the cell's column class (member-desc…) and its text's start */
  cell: string;
  overflow: number;
}

/**
 * Table cells (and table wrappers) whose content is wider than their box: the text
 * a reader cannot see without scrolling inside the table. Only laid-out cells count
 * (not those in closed <details>).
 */
export async function clippedCells(page: Page): Promise<{ cells: number; clipped: Clipped[] }> {
  return page.evaluate(() => {
    // checkVisibility: not inside a closed <details> (whose content Chromium keeps in the layout tree, skipped)
    const boxes = [...document.querySelectorAll<HTMLElement>('#content td, #content th, #content .table-wrap')].filter(
      (el) => el.checkVisibility(),
    );
    const clipped = boxes
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => ({
        cell: `${el.className || el.tagName} "${el.textContent?.trim().slice(0, 40)}"`,
        overflow: el.scrollWidth - el.clientWidth,
      }));
    return { cells: boxes.length, clipped };
  });
}

/**
 * Opens every member expander of the page ("Show members of …"), waiting for the lazy
 * ones to load their fragment, then every expander those tables hold inline; a lazy
 * expander inside a loaded fragment stays closed (BlockdevRef's BlockdevOptions would
 * repeat the whole union in every branch). Returns how many were opened; throws when a
 * fragment fails to load.
 */
export async function expandAll(page: Page): Promise<number> {
  let opened = await page.evaluate(() => {
    const closed = [...document.querySelectorAll<HTMLDetailsElement>('#content details.nested:not([open])')];
    for (const d of closed) d.open = true;
    return closed.length;
  });
  await page.waitForFunction(
    () =>
      !document.querySelector(
        '#content details.nested[data-expand][open]:not([data-state="loaded"]):not([data-state="failed"])',
      ),
    undefined,
    { timeout: 120_000 },
  );
  const failed = await page.locator('#content details.nested[data-state="failed"]').count();
  if (failed > 0) throw new Error(`${failed} expanders could not load their type`);
  for (;;) {
    const more = await page.evaluate(() => {
      const closed = [
        ...document.querySelectorAll<HTMLDetailsElement>('#content details.nested:not([open]):not([data-expand])'),
      ];
      for (const d of closed) d.open = true;
      return closed.length;
    });
    if (more === 0) return opened;
    opened += more;
  }
}
