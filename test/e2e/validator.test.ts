// Browser tests of /validate in Debian's Chromium: the verdicts a
// person sees after pasting real QMP, the position of an error and the
// allowed values, transcripts, the share link in a fresh browser, the entry
// points from the docs, persistence, hostile input, and large pastes whose
// results arrive in slices and render a window of rows (counted, not timed:
// the timings are `npm run bench:validator`'s). Built with the shared e2e
// build (build-once.ts).
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E_REAL_TREE } from './build-once';
import { describeInChromium, pasteAndWait } from './browser';
import {
  freshContext,
  freshValidator,
  paste,
  pasteForVerdict,
  resultSlices,
  takeWork,
  textOf,
  verdictFor,
  type Work,
} from './validator-browser';

/** Each slice of a result carries at most this many (worker-core.ts RESULT_SLICE), and the list renders a window of rows. */
function expectCutWork(work: Work, messages: number): void {
  const slices = resultSlices(work);
  expect(slices.reduce((a, b) => a + b, 0)).toBe(messages);
  expect(Math.max(...slices)).toBeLessThanOrEqual(1000);
  expect(work.maxRows).toBeLessThanOrEqual(100);
  expect(work.maxParsed).toBeLessThan(100_000);
}

const VALID_EVENT = `{"timestamp": {"seconds": 1713771323, "microseconds": 212268},
 "event": "VFIO_MIGRATION_PREPARE",
 "data": {"device-id": "vfio_dev1",
          "qom-path": "/machine/peripheral/vfio_dev1",
          "device-state": "stop"}}`;

const consoleErrors: string[] = [];
/** Playwright's default viewport. */
const VIEWPORT = { width: 1280, height: 720 };

describeInChromium('/validate in Chromium', (site) => {
  /** A context whose errors all go to consoleErrors. */
  const fresh = () => freshContext(site.browser, VIEWPORT, 'light', consoleErrors);
  /** The same, with /validate open. */
  const freshOnValidator = () => freshValidator(site, VIEWPORT, 'light', consoleErrors);

  it('a pasted VFIO_MIGRATION_PREPARE event is valid and links to its docs page', async () => {
    const { context, page } = await freshOnValidator();
    expect(await pasteForVerdict(page, VALID_EVENT)).toBe('valid');
    const row = page.locator('.vr-message');
    expect(await row.count()).toBe(1);
    expect(await row.locator('.vr-kind').textContent()).toBe('event');
    expect(await row.locator('a.vr-name').getAttribute('href')).toBe('/events/VFIO_MIGRATION_PREPARE/');
    expect(await page.locator('.vr-issue').count()).toBe(0);
    await context.close();
  });

  it('an unknown device-state: one error at its line:col naming the allowed values; clicking selects it', async () => {
    const { context, page } = await freshOnValidator();
    await pasteForVerdict(page, VALID_EVENT);
    // edit like a person: select "stop" and type over it
    const at = VALID_EVENT.indexOf('"stop"') + 1;
    await page.locator('textarea.ve-textarea').evaluate((el, a) => {
      (el as HTMLTextAreaElement).focus();
      (el as HTMLTextAreaElement).setSelectionRange(a, a + 4);
    }, at);
    await page.keyboard.type('hibernating');
    const edited = VALID_EVENT.replace('"stop"', '"hibernating"');
    expect(await textOf(page)).toBe(edited);
    expect(await verdictFor(page, edited.length)).toBe('invalid');
    const issues = page.locator('.vr-issue');
    expect(await issues.count()).toBe(1);
    const line = 5;
    const col = edited.split('\n')[line - 1]!.indexOf('"hibernating"') + 1;
    expect(await issues.locator('.vr-pos').textContent()).toBe(`${line}:${col}`);
    expect(await issues.locator('.vr-path').textContent()).toBe('/data/device-state');
    const explanation = (await issues.locator('.vr-text').textContent())!;
    for (const allowed of ['stop', 'running', 'stop-copy', 'resuming', 'pre-copy-p2p'])
      expect(explanation).toContain(allowed);
    expect(await issues.locator('.vr-text a', { hasText: 'QapiVfioMigrationState' }).getAttribute('href')).toBe(
      '/types/QapiVfioMigrationState/',
    );
    // quoted words are values, not links (there is also a command named 'stop')
    expect(await issues.locator('.vr-text a').allTextContents()).toEqual([
      'QapiVfioMigrationState',
      'VFIO_MIGRATION_PREPARE',
    ]);
    // marked inline: the gutter line and an underline
    expect(await page.locator(`.ve-ln-error[data-line="${line}"]`).count()).toBe(1);
    expect(await page.locator('.ve-mark-error').count()).toBe(1);
    // the position selects the spot in the editor
    await page.locator('textarea.ve-textarea').evaluate((el) => (el as HTMLTextAreaElement).setSelectionRange(0, 0));
    await issues.locator('.vr-pos').click();
    const sel = await page.locator('textarea.ve-textarea').evaluate((el) => {
      const ta = el as HTMLTextAreaElement;
      return { start: ta.selectionStart, end: ta.selectionEnd, focused: document.activeElement === ta };
    });
    expect(sel.focused).toBe(true);
    expect(sel.start).toBe(edited.indexOf('"hibernating"'));
    expect(edited.slice(sel.start, sel.end)).toBe('"hibernating"');
    await context.close();
  });

  // query-status and STOP are QEMU's; content/ has neither
  it.skipIf(!E2E_REAL_TREE)('a transcript with a command and its reply: both checked', async () => {
    const { context, page } = await freshOnValidator();
    const transcript = '-> { "execute": "query-status" }\n<- { "return": { "status": "running", "running": true } }\n';
    expect(await pasteForVerdict(page, transcript)).toBe('valid');
    const rows = page.locator('.vr-message');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('.vr-kind').textContent()).toBe('command');
    expect(await rows.nth(0).locator('.vr-dir').textContent()).toBe('->');
    expect(await rows.nth(0).locator('a.vr-name').getAttribute('href')).toBe('/commands/query-status/');
    expect(await rows.nth(1).locator('.vr-kind').textContent()).toBe('reply');
    expect(await rows.nth(1).getAttribute('data-name')).toBe('query-status');
    // the reply is checked against the command's returns: a bad status is caught
    const wrong = transcript.replace('"running" ,', '').replace('"status": "running"', '"status": "sprinting"');
    expect(await pasteForVerdict(page, wrong)).toBe('invalid');
    expect(await rows.nth(1).locator('.vr-issue .vr-path').textContent()).toBe('/return/status');
    await context.close();
  });

  it('the share link round-trips text and options in a fresh browser; too long gives a download', async () => {
    const { context, page } = await freshOnValidator();
    await page.locator('select[aria-label="Mode"]').selectOption('lenient');
    expect(new URL(page.url()).search).toBe('?mode=lenient');
    const text =
      VALID_EVENT.replace('"stop"', '"running"').replace('vfio_dev1"', 'vfio ü😀"') +
      '\n{"event": "STOP", "timestamp": {"seconds": 1, "microseconds": 0}}';
    await pasteForVerdict(page, text);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const url = await page.locator('.vt-share-url').inputValue();
    expect(url).toMatch(/\/validate\/\?mode=lenient#z=[A-Za-z0-9_-]+$/);
    expect(url.length).toBeLessThan(2000);
    await context.close();

    const other = await fresh();
    await other.page.goto(url, { waitUntil: 'load' });
    await other.page.locator('.validator:not([data-state="loading"])').waitFor();
    expect(await textOf(other.page)).toBe(text);
    expect(await other.page.locator('select[aria-label="Mode"]').inputValue()).toBe('lenient');
    await verdictFor(other.page, text.length);
    expect(await other.page.locator('.vr-message').count()).toBe(2);
    expect(new URL(other.page.url()).hash).toBe(''); // consumed: a reload shows the stored text, not the link's
    // incompressible input is too long for a URL: a clear message and a download
    let noise = '';
    let seed = 7;
    for (let i = 0; i < 40_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      noise += String.fromCharCode(97 + ((seed >> 16) % 26));
    }
    await paste(other.page, noise);
    await other.page.getByRole('button', { name: 'Copy link' }).click();
    const alert = other.page.locator('.vt-share-too-long');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Too long for a link');
    const [download] = await Promise.all([
      other.page.waitForEvent('download'),
      alert.getByRole('button', { name: 'Download the file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('qmp-messages.txt');
    await other.context.close();
  });

  it.skipIf(!E2E_REAL_TREE)('the schema option checks against another version and links to its docs', async () => {
    const { context, page } = await freshOnValidator();
    const stop = '{"event": "STOP", "timestamp": {"seconds": 1, "microseconds": 0}}';
    expect(await pasteForVerdict(page, stop)).toBe('valid');
    await page.locator('select[aria-label="Schema version"]').selectOption('example');
    expect(new URL(page.url()).search).toBe('?version=example');
    await page.locator('.validator[data-state="done"] .vr-issue[data-code="unknown-event"]').waitFor();
    expect(await pasteForVerdict(page, VALID_EVENT)).toBe('valid');
    expect(await page.locator('a.vr-name').getAttribute('href')).toBe('/v/example/events/VFIO_MIGRATION_PREPARE/');
    await context.close();
  });

  it('keeps the text across reloads, and an example never loses it', async () => {
    const { context, page } = await freshOnValidator();
    const mine = '{"event": "MY_OWN_WORK"}';
    await page.locator('textarea.ve-textarea').click();
    await page.keyboard.type(mine);
    await verdictFor(page, mine.length);
    await page.waitForTimeout(500); // debounced save
    await page.reload({ waitUntil: 'load' });
    await page.locator('.validator:not([data-state="loading"])').waitFor();
    expect(await textOf(page)).toBe(mine);
    // the docs event page's entry point replaces it, with a way back
    await page.goto(`${site.base}events/VFIO_MIGRATION_PREPARE/`, { waitUntil: 'load' });
    await page.locator('.validate-event a').click();
    await page.locator('.validator:not([data-state="loading"])').waitFor();
    const sample = await textOf(page);
    expect(sample).toContain('"event": "VFIO_MIGRATION_PREPARE"');
    expect(await verdictFor(page, sample.length)).toBe('valid');
    await page.getByRole('button', { name: 'Restore it' }).click();
    await verdictFor(page, mine.length);
    expect(await textOf(page)).toBe(mine);
    await context.close();
  });

  it("every qmp-example's 'Open in validator' opens it prefilled", async () => {
    const { context, page } = await fresh();
    await page.goto(`${site.base}events/VFIO_MIGRATION_PREPARE/`, { waitUntil: 'load' });
    const example = (await page.locator('figure.qmp-example pre').first().textContent())!;
    await page.locator('figure.qmp-example a.open-validator').first().click();
    await page.locator('.validator:not([data-state="loading"])').waitFor();
    const text = await textOf(page);
    expect(text.replace(/\s+/g, '')).toBe(example.replace(/\s+/g, ''));
    expect(await verdictFor(page, text.length)).toBe('valid');
    await context.close();
  });

  it('hostile input: clear verdicts, nothing polluted', async () => {
    const { context, page } = await freshOnValidator();
    const cases: [string, string][] = [
      [
        VALID_EVENT.replace(
          '"data"',
          '"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "data"',
        ),
        'envelope',
      ],
      ['['.repeat(100_000) + ']'.repeat(100_000), 'json-syntax'],
      [VALID_EVENT.replace('1713771323', '36893488147419103232'), ''],
      [VALID_EVENT.replace('212268', 'NaN'), 'json-syntax'],
      ['\uFEFF' + VALID_EVENT, 'json-syntax'],
      [VALID_EVENT.replace('vfio_dev1"', '\\udc00"'), 'json-syntax'],
      [VALID_EVENT.replace('"event"', '"event": "STOP", "event"'), 'duplicate-key'],
    ];
    for (const [text, code] of cases) {
      expect(await pasteForVerdict(page, text)).toBe('invalid');
      if (code) expect(await page.locator(`.vr-issue[data-code="${code}"]`).count()).toBeGreaterThan(0);
    }
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted ?? null)).toBeNull();
    await context.close();
  });

  it('a 10 MB paste shows every verdict, in slices, and an issue deep down is one click away', async () => {
    const { context, page } = await freshOnValidator();
    const line = VALID_EVENT.replace(/\n\s*/g, ' ');
    const bad = line.replace('"stop"', '"nope"');
    const count = Math.ceil(10_000_000 / (line.length + 1));
    await takeWork(page);
    const { summary } = await pasteLog(page, line, bad, count, 1000);
    expect(summary).toContain(`${count.toLocaleString('en')} messages`);
    expect(summary).toContain(`${Math.floor(count / 1000).toLocaleString('en')} invalid`);
    expectCutWork(await takeWork(page), count);
    // shown in the fast read-only view, and still interactive: an issue deep down is one click away
    expect(await page.locator('.ve-viewer').count()).toBe(1);
    await page.getByLabel('only messages with issues').check();
    // the third invalid message (#3000): the rows with their "accepted by" lines fill a 720-pixel view by the fifth
    const issue = page.locator('.vr-message').nth(2).locator('.vr-issue .vr-pos');
    const where = (await issue.textContent())!;
    await issue.click();
    await page.locator(`.ve-ln-error[data-line="${where.split(':')[0]}"]`).waitFor();
    expect(await page.locator('.ve-highlight').count()).toBe(1);
    // typing a paste into the view replaces the text, keeping the big one restorable
    expect(await pasteForVerdict(page, VALID_EVENT)).toBe('valid');
    expect(await page.locator('textarea.ve-textarea').count()).toBe(1);
    await context.close();
  }, 180_000);

  it('a 50 MB paste: every verdict, in slices, a window of rows', async () => {
    const { context, page } = await freshOnValidator();
    const line = VALID_EVENT.replace(/\n\s*/g, ' ');
    const count = Math.ceil(50_000_000 / (line.length + 1));
    await takeWork(page);
    const { summary } = await pasteLog(page, line, line.replace('"stop"', '"bad"'), count, 5000);
    expect(summary).toContain(`${count.toLocaleString('en')} messages`);
    expect(summary).toContain(`${Math.floor(count / 5000)} invalid`);
    expectCutWork(await takeWork(page), count);
    await context.close();
  }, 300_000);

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});

/** Pastes a log of `count` lines (every `every`-th one `bad`) and waits until every verdict is shown. */
async function pasteLog(page: Page, line: string, bad: string, count: number, every: number) {
  await page.evaluate(
    ({ line, bad, count, every }) => {
      const lines: string[] = [];
      for (let i = 0; i < count; i++) lines.push(i % every === every - 1 ? bad : line);
      (window as unknown as { __pasteText: string }).__pasteText = lines.join('\n');
    },
    { line, bad, count, every },
  );
  return pasteAndWait(page);
}
