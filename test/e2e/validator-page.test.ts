// Browser tests of the /validate page itself, in Debian's Chromium: layout at
// 1024×768 (no sidebar, verdicts above the fold, no layout shift), grouped
// identical issues and the switch that hides deprecation warnings, issue
// cards that move the editor (mouse and keyboard), the wrap toggle, long
// main-thread tasks while results render, hostile share links and pastes,
// and the user's text surviving shared links (nine of them too), other tabs,
// hashchange and reloads, whatever it holds.
import { expect, it } from 'vitest';
import { E2E_REAL_TREE } from './build-once';
import type { Page } from 'playwright-core';
import { describeInChromium } from './browser';
import {
  freshContext,
  freshValidator,
  layoutShift,
  openValidator,
  paste,
  pasteForVerdict,
  shareFragment,
  takeLongestTask,
  textOf,
  verdictFor,
} from './validator-browser';

const EVENT = (i: number, state = 'stop') =>
  `{"timestamp": {"seconds": ${1713771323 + i}, "microseconds": 212268}, "event": "VFIO_MIGRATION_PREPARE", "data": {"device-id": "vfio_dev${i}", "qom-path": "/machine/peripheral/vfio_dev${i}", "device-state": "${state}"}}`;

/** A query-qmp-schema exchange whose reply has `n` enum entries, each using the deprecated 'values'. */
function schemaReply(n: number): string {
  const entries = Array.from(
    { length: n },
    (_, i) => `{"name": "e${i}", "meta-type": "enum", "members": [{"name": "a"}], "values": ["a"]}`,
  );
  return `-> {"execute": "query-qmp-schema"}\n<- {"return": [\n${entries.join(',\n')}\n]}\n`;
}

async function selection(page: Page) {
  return page.locator('textarea.ve-textarea').evaluate((el) => {
    const ta = el as HTMLTextAreaElement;
    return {
      start: ta.selectionStart,
      end: ta.selectionEnd,
      focused: document.activeElement === ta,
      left: ta.scrollLeft,
    };
  });
}

describeInChromium('/validate page in Chromium', (site) => {
  /** /validate in a fresh context, left `ms` to settle, its long tasks until then forgotten. */
  async function settledValidator(ms: number) {
    const fresh = await freshValidator(site);
    await fresh.page.waitForTimeout(ms);
    await takeLongestTask(fresh.page);
    return fresh;
  }

  it('at 1024×768: no module sidebar, verdicts above the fold, toolbar on one row, layout shift < 0.1', async () => {
    const { context, page } = await freshValidator(site, { width: 1024, height: 768 });
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    const toolbar = page.locator('.vt-toolbar');
    const before = (await toolbar.boundingBox())!;
    await page.locator('select[aria-label="Insert a minimal valid event"]:not([disabled])').waitFor();
    expect(await pasteForVerdict(page, EVENT(1))).toBe('valid');
    await page.waitForTimeout(300);
    const after = (await toolbar.boundingBox())!;
    expect(after.height).toBe(before.height);
    const summary = (await page.locator('.vr-summary').boundingBox())!;
    expect(summary.y + summary.height).toBeLessThanOrEqual(768);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const cls = await layoutShift(page);
    console.log(`[validator e2e] layout shift while loading and checking: ${cls.toFixed(3)}`);
    expect(cls).toBeLessThan(0.1);
    await page.screenshot({ path: '/tmp/vpage-1024.png' });
    await context.close();
  }, 60_000);

  it.skipIf(!E2E_REAL_TREE)(
    '152 identical deprecation warnings are one card ×152 that opens; the switch hides them',
    async () => {
      const { context, page } = await freshValidator(site);
      const text = schemaReply(152);
      expect(await pasteForVerdict(page, text)).toBe('valid');
      const cards = page.locator('.vr-issue');
      expect(await cards.count()).toBe(1);
      expect(await cards.getAttribute('data-count')).toBe('152');
      expect(await cards.locator('.vr-text').textContent()).toContain("'values'");
      await cards.locator('.vr-count').click();
      expect(await cards.locator('.vr-occurrences li').count()).toBe(152);
      expect(await page.locator('.vr-counts').textContent()).toContain('152 warnings');
      await page.getByLabel('hide deprecation and unstable warnings').check();
      expect(await page.locator('.vr-issue').count()).toBe(0);
      expect(await page.locator('.vr-counts').textContent()).toContain('152 hidden');
      await page.getByLabel('only messages with issues').check();
      expect(await page.locator('.vr-message').count()).toBe(0);
      await context.close();
    },
  );

  it('the whole issue card moves the editor, and its button does from the keyboard', async () => {
    const { context, page } = await freshValidator(site);
    const long = EVENT(1)
      .replace('"vfio_dev1"', `"${'x'.repeat(3000)}"`)
      .replace('"stop"', '"nope"');
    const text = `${EVENT(2)}\n${long}`;
    expect(await pasteForVerdict(page, text)).toBe('invalid');
    const card = page.locator('.vr-issue').first();
    const at = text.indexOf('"nope"');
    await card.locator('.vr-text').click();
    let sel = await selection(page);
    expect(sel).toMatchObject({ start: at, end: at + 6, focused: true });
    // the view shows the spot, not the end of the 3,000-character line
    const cardKeys = page.locator('.vr-message').first().locator('.vr-head .vr-pos');
    await cardKeys.focus();
    await page.keyboard.press('Enter');
    sel = await selection(page);
    expect(sel.start).toBe(0);
    expect(sel.left).toBe(0);
    await card.locator('.vr-pos').focus();
    await page.keyboard.press('Enter');
    sel = await selection(page);
    expect(sel.start).toBe(at);
    await context.close();
  });

  it('the wrap toggle wraps long lines and keeps the underlines on them', async () => {
    const { context, page } = await freshValidator(site, { width: 1024, height: 768 });
    const text = EVENT(1).replace('"stop"', `"${'s'.repeat(600)}"`);
    expect(await pasteForVerdict(page, text)).toBe('invalid');
    const ta = page.locator('textarea.ve-textarea');
    const overflow = () => ta.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(await overflow()).toBeGreaterThan(100);
    await page.getByLabel('Wrap long lines').check();
    await page.waitForTimeout(100);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const box = (await page.locator('.ve-main').boundingBox())!;
    const marks = await page
      .locator('.ve-mark-error')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(marks.length).toBeGreaterThan(1); // one per wrapped row of the bad value
    for (const m of marks) expect(m.right).toBeLessThanOrEqual(box.x + box.width + 1);
    expect(await page.locator('.ve-ln').count()).toBe(1);
    await page.screenshot({ path: '/tmp/vpage-wrap.png' });
    await context.close();
  });

  it('pasting 100 messages, then 10 MB: results render without a main-thread task over 50 ms', async () => {
    const { context, page } = await settledValidator(500);
    const hundred = Array.from({ length: 100 }, (_, i) => EVENT(i, i % 10 ? 'stop' : 'nope')).join('\n');
    expect(await pasteForVerdict(page, hundred)).toBe('invalid');
    await page.waitForTimeout(300);
    const small = await takeLongestTask(page);
    // made in the page beforehand: handing 10 MB to the page is itself a long task, not the page's
    const bigLength = await page.evaluate(() => {
      const lines: string[] = [];
      for (let i = 0, n = 0; n < 10_000_000; i++) {
        const state = i % 1000 ? 'stop' : 'nope';
        lines.push(
          `{"timestamp": {"seconds": ${1713771323 + i}, "microseconds": 212268}, "event": "VFIO_MIGRATION_PREPARE", "data": {"device-id": "vfio_dev${i}", "qom-path": "/machine/peripheral/vfio_dev${i}", "device-state": "${state}"}}`,
        );
        n += lines.at(-1)!.length + 1;
      }
      (window as unknown as { __big: string }).__big = lines.join('\n');
      return lines.join('\n').length;
    });
    await page.waitForTimeout(300);
    await takeLongestTask(page);
    await page.locator('textarea.ve-textarea').evaluate((ta) => {
      (ta as HTMLTextAreaElement).select();
      const data = new DataTransfer();
      data.setData('text/plain', (window as unknown as { __big: string }).__big);
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(await verdictFor(page, bigLength, 60_000)).toBe('invalid');
    await page.waitForTimeout(300);
    const large = await takeLongestTask(page);
    console.log(`[validator e2e] longest task: 100 messages ${small} ms, 10 MB paste ${large} ms`);
    expect(small).toBeLessThan(50);
    expect(large).toBeLessThan(50);
    // scrolling the results keeps to the window: a few dozen rows exist, not 60,000
    await page.locator('.vr-list').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await page.waitForTimeout(200);
    expect(await page.locator('.vr-message').count()).toBeLessThan(100);
    expect(Number(await page.locator('.vr-message').first().getAttribute('data-index'))).toBeGreaterThan(1000);
    await context.close();
  }, 120_000);

  it('a share link of an event with a 100,000-character name: no task over 200 ms, now or on the next visit', async () => {
    const { context, page } = await freshContext(site.browser);
    const text = `{"event": "${'A'.repeat(100_000)}", "timestamp": {"seconds": 1, "microseconds": 0}}`;
    const link = `${site.base}validate/${shareFragment(text)}`;
    expect(link.length).toBeLessThan(400);
    await page.goto(link, { waitUntil: 'load' });
    expect(await verdictFor(page, text.length, 60_000)).toBe('invalid');
    await page.waitForTimeout(500);
    const opened = await takeLongestTask(page);
    const shown = (await page.locator('.vr-text').first().textContent())!;
    expect(shown.length).toBeLessThan(1000);
    expect(shown).toContain('characters');
    await page.goto(`${site.base}validate/`, { waitUntil: 'load' });
    expect(await verdictFor(page, text.length, 60_000)).toBe('invalid');
    await page.waitForTimeout(500);
    const revisit = await takeLongestTask(page);
    console.log(
      `[validator e2e] 100,000-character name: longest task ${opened} ms on the link, ${revisit} ms on the next visit`,
    );
    expect(opened).toBeLessThan(200);
    expect(revisit).toBeLessThan(200);
    await context.close();
  }, 120_000);

  it("'{}' 100,000 times on one line: the page stays responsive while checking and scrolling", async () => {
    const { context, page } = await settledValidator(300);
    const text = '{}'.repeat(100_000);
    const gap = page.evaluate(async () => {
      // the longest gap between timer ticks while the check runs (logged)
      let max = 0;
      let last = performance.now();
      const root = document.querySelector('.validator') as HTMLElement;
      while (!(root.dataset.state === 'done' && root.dataset.length === '200000')) {
        await new Promise((r) => setTimeout(r, 10));
        max = Math.max(max, performance.now() - last);
        last = performance.now();
      }
      return max;
    });
    await paste(page, text);
    const maxGap = await gap;
    expect(await verdictFor(page, text.length, 60_000)).toBe('invalid');
    expect(await page.locator('.vr-counts').textContent()).toContain('100,000 messages');
    await page.waitForTimeout(500);
    const checked = await takeLongestTask(page);
    // a 200,000-character line is shown in the read-only view, which draws a bounded part of each line
    const view = page.locator('.ve-viewer');
    expect(await view.count()).toBe(1);
    for (const at of [0.25, 0.5, 0.9]) {
      await view.evaluate((el, f) => (el.scrollLeft = el.scrollWidth * f), at);
      await page.waitForTimeout(150);
    }
    const scrolled = await takeLongestTask(page);
    const marks = await page.locator('.ve-mark').count();
    console.log(
      `[validator e2e] {}x100,000: longest gap ${Math.round(maxGap)} ms while checking, task ${checked} ms; scrolling ${scrolled} ms; ${marks} underlines drawn`,
    );
    // timer gaps also count the time this shared machine does not schedule the page; the tasks are what the page does
    expect(checked).toBeLessThan(200);
    expect(scrolled).toBeLessThan(200);
    expect(marks).toBeGreaterThan(0);
    expect(marks).toBeLessThan(500);
    await context.close();
  }, 120_000);

  it('own text, then share link B, then C: "Restore it" brings back the own text', async () => {
    const { context, page } = await freshValidator(site);
    const mine = '{"event": "MY_OWN_WORK"}';
    await page.locator('textarea.ve-textarea').fill(mine);
    await page.waitForTimeout(600);
    for (const shared of [EVENT(1), EVENT(2, 'running')]) {
      await page.goto('about:blank');
      await page.goto(`${site.base}validate/${shareFragment(shared)}`, { waitUntil: 'load' });
      await verdictFor(page, shared.length);
      expect(await textOf(page)).toBe(shared);
      await page.waitForTimeout(600);
    }
    await page.getByRole('button', { name: 'Restore it' }).click();
    await verdictFor(page, mine.length);
    expect(await textOf(page)).toBe(mine);
    // the shared texts are in the history too
    expect(await page.locator('.vt-history li').count()).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it('a share link opened in an open tab (hashchange) replaces the text with a way back', async () => {
    const { context, page } = await freshValidator(site);
    const mine = '{"event": "TYPED_HERE"}';
    await page.locator('textarea.ve-textarea').fill(mine);
    await verdictFor(page, mine.length);
    await page.evaluate((hash) => (location.hash = hash), shareFragment(EVENT(3)));
    await verdictFor(page, EVENT(3).length);
    expect(await textOf(page)).toBe(EVENT(3));
    expect(new URL(page.url()).hash).toBe('');
    await page.getByRole('button', { name: 'Restore it' }).click();
    await verdictFor(page, mine.length);
    expect(await textOf(page)).toBe(mine);
    await context.close();
  });

  it('two tabs keep their own texts; a new tab starts from the latest', async () => {
    const { context, page } = await freshValidator(site);
    await page.locator('textarea.ve-textarea').fill('{"event": "TAB_ONE"}');
    await page.waitForTimeout(600);
    const second = await context.newPage();
    await openValidator(second, site.base);
    expect(await textOf(second)).toBe('{"event": "TAB_ONE"}');
    await second.locator('textarea.ve-textarea').fill('{"event": "TAB_TWO"}');
    await second.waitForTimeout(600);
    await page.reload({ waitUntil: 'load' });
    await page.locator('.validator:not([data-state="loading"])').waitFor();
    expect(await textOf(page)).toBe('{"event": "TAB_ONE"}');
    await second.reload({ waitUntil: 'load' });
    await second.locator('.validator:not([data-state="loading"])').waitFor();
    expect(await textOf(second)).toBe('{"event": "TAB_TWO"}');
    const third = await context.newPage();
    await openValidator(third, site.base);
    expect(await textOf(third)).toBe('{"event": "TAB_TWO"}');
    await context.close();
  });

  it('nine share links opened, then a reload: the own text is still there, reached from "Earlier texts"', async () => {
    const { context, page } = await freshValidator(site);
    const mine = '{"event": "TYPED_BEFORE_NINE_LINKS"}';
    await page.locator('textarea.ve-textarea').fill(mine);
    await verdictFor(page, mine.length);
    for (let i = 0; i < 9; i++) {
      await page.evaluate((hash) => (location.hash = hash), shareFragment(EVENT(10 + i)));
      await verdictFor(page, EVENT(10 + i).length);
    }
    await page.waitForTimeout(600);
    await page.reload({ waitUntil: 'load' });
    await page.locator('.validator:not([data-state="loading"])').waitFor();
    expect(await textOf(page)).toBe(EVENT(18));
    // no banner after a reload: the history has its own way in
    expect(await page.locator('.vt-banner').count()).toBe(0);
    await page.locator('.vt-earlier summary').click();
    await page
      .locator('.vt-earlier li', { hasText: 'TYPED_BEFORE_NINE_LINKS' })
      .getByRole('button', { name: /^Restore your text/ })
      .click();
    await verdictFor(page, mine.length);
    expect(await textOf(page)).toBe(mine);
    await context.close();
  });

  it('a text typed as "\\u0000idb" is the text after a reload', async () => {
    const { context, page } = await freshValidator(site);
    await page.locator('textarea.ve-textarea').fill('\u0000idb');
    await verdictFor(page, 4);
    await page.waitForTimeout(600);
    await page.reload({ waitUntil: 'load' });
    await page.locator('.validator:not([data-state="loading"])').waitFor();
    expect(await textOf(page)).toBe('\u0000idb');
    await context.close();
  });

  it('dark mode at 1024×768 (screenshot for review)', async () => {
    const { context, page } = await freshValidator(site, { width: 1024, height: 768 }, 'dark');
    const text = schemaReply(3).replace('"values": ["a"]}\n]', '"values": ["a"], "bogus": 1}\n]');
    await pasteForVerdict(page, text);
    await page.screenshot({ path: '/tmp/vpage-dark.png' });
    await context.close();
  });
});
