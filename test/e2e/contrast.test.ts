// Contrast of every text on six kinds of page (event, command, union type,
// module, Changes, the validator with errors and warnings shown), light and
// dark, computed in Chromium by contrast.ts: at least 4.5:1 (3:1 for large
// text) over the background actually behind it. On the e2e build
// (build-once.ts): QEMU's seeded 10.2.2 tree when ../shared has it, else our
// example schema. The check itself is tested on text made to fail it.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInChromium } from './browser';
import { E2E_REAL_TREE } from './build-once';
import { contrastReport, type ContrastFailure } from './contrast';
import { expandAll } from './layout';

const PAGES = E2E_REAL_TREE
  ? {
      event: '/events/BLOCK_JOB_COMPLETED/',
      command: '/commands/blockdev-add/',
      union: '/types/BlockdevQcow2Encryption/',
      module: '/modules/block-core/',
    }
  : {
      event: '/events/VFIO_MIGRATION_PREPARE/',
      command: '/commands/storage-node-add/',
      union: '/types/StorageBackend/',
      module: '/modules/storage/',
    };

/** Valid, invalid (errors) and unknown-member (warnings, lenient) messages: every kind of result card. */
const MESSAGES = [
  '{"event":"VFIO_MIGRATION_PREPARE","data":{"device-id":"d","qom-path":"/p","device-state":"stop"},"timestamp":{"seconds":1,"microseconds":0}}',
  '{"event":"VFIO_MIGRATION_PREPARE","data":{"device-id":"d","qom-path":"/p","device-state":"stop","extra":1},"timestamp":{"seconds":1,"microseconds":0}}',
  '{"event":"VFIO_MIGRATION_PREPARE","data":{"device-id":7},"timestamp":{"seconds":1,"microseconds":0}}',
  '{"execute":"no-such-command"}',
].join('\n');

const readable = (f: ContrastFailure) => `${f.where} "${f.text}": ${f.ratio}:1 < ${f.needed} (${f.fg} on ${f.bg})`;

describeInChromium('contrast of every text, both themes', (site) => {
  async function changesPair(): Promise<string> {
    const index = await site.open('/changes/');
    const href = await index.locator('.content a[href^="/changes/"][href$="/"]').first().getAttribute('href');
    await index.close();
    return href!;
  }

  async function opened(p: string, theme: 'light' | 'dark'): Promise<Page> {
    const page = await site.open(p, { colorScheme: theme, viewport: { width: 1280, height: 900 } });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    return page;
  }

  for (const theme of ['light', 'dark'] as const) {
    it.each(Object.entries(PAGES))(`${theme}: the %s page, every nested type open`, async (_, p) => {
      const page = await opened(p, theme);
      await expandAll(page);
      const { checked, failures } = await contrastReport(page);
      await page.close();
      expect(checked).toBeGreaterThan(50);
      expect(failures.map(readable)).toEqual([]);
    });

    it(`${theme}: a Changes page`, async () => {
      const page = await opened(await changesPair(), theme);
      const { checked, failures } = await contrastReport(page);
      await page.close();
      expect(checked).toBeGreaterThan(20);
      expect(failures.map(readable)).toEqual([]);
    });

    it(`${theme}: the validator with valid, invalid and warned messages`, async () => {
      const page = await opened('/validate/?mode=lenient', theme);
      await page.locator('textarea.ve-textarea').fill(MESSAGES);
      await page.locator('.vr-issue.vr-warning').first().waitFor({ timeout: 60_000 });
      await page.locator('.vr-message.vr-invalid').first().waitFor();
      const { checked, failures } = await contrastReport(page);
      await page.close();
      expect(checked).toBeGreaterThan(50);
      expect(failures.map(readable)).toEqual([]);
    });
  }

  it('the check finds text below its minimum: grey on white, and on a semi-transparent chip', async () => {
    const page = await opened('/events/VFIO_MIGRATION/', 'light');
    // styles through the CSSOM: the page's CSP refuses style attributes
    await page.evaluate(() => {
      const add = (text: string, style: Partial<CSSStyleDeclaration>, boxStyle?: Partial<CSSStyleDeclaration>) => {
        const box = document.createElement('p');
        const span = document.createElement('span');
        span.textContent = text;
        Object.assign(span.style, style);
        if (boxStyle) Object.assign(box.style, boxStyle);
        box.append(span);
        document.querySelector('h1')!.after(box);
      };
      // #777 on white is 4.48:1; the same grey at 24 px is large text (3:1 suffices)
      add('grey', { color: '#777' });
      add('large', { color: '#777', fontSize: '24px' });
      // black on 60 % black over white: about 3.4:1
      add('chip', { color: '#000' }, { background: 'rgba(0, 0, 0, 0.6)' });
      // #555 over a light-dark() background resolved to its dark value (#222)
      add('ld', { color: '#555' }, { colorScheme: 'dark', background: 'light-dark(#fff, #222)' });
    });
    const made = ['grey', 'large', 'chip', 'ld'];
    const failures = (await contrastReport(page)).failures.filter((f) => made.includes(f.text));
    await page.close();
    expect(failures.map((f) => f.text).sort()).toEqual(['chip', 'grey', 'ld']);
    expect(failures.find((f) => f.text === 'grey')!.ratio).toBeCloseTo(4.48, 2);
  });
});
