// Shared helpers of the /validate browser tests (the site itself comes from
// browser.ts's startSite): fresh Chromium contexts that record errors, long
// main-thread tasks, layout shifts and the size of what the worker posts to
// the page from the first script on, real-looking
// pastes, share links made as the page makes them (deflate-raw, base64url),
// and waiting for the verdict of an input.
import { deflateRawSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { recordErrors } from './browser';

/** Records every long task (> 50 ms) and layout shift of the page from its first script on. */
function recordPerformance() {
  const w = window as unknown as { __longTasks: number[]; __shifts: { value: number; at: number }[] };
  w.__longTasks = [];
  w.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; startTime: number }[])
      if (!e.hadRecentInput) w.__shifts.push({ value: e.value, at: e.startTime });
  }).observe({ type: 'layout-shift', buffered: true });
}

/** What reached the page from its worker, message by message: its type and size (rows, longest text). */
export interface WorkerMessageSize {
  type: string;
  /** messages a result slice holds, or messages an "accepted by" part covers */
  rows: number;
  /** characters of the longest reason line an "accepted by" part brings */
  longestReason: number;
}

/** Records the size of every message any worker of the page posts to it (the page's own handler runs as before). */
function recordWorkerMessages() {
  const w = window as unknown as { __workerMessages: WorkerMessageSize[] };
  w.__workerMessages = [];
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (ev: MessageEvent) => {
        const d = ev.data as {
          type: string;
          messages?: unknown[];
          result?: { messages: unknown[] };
          part?: { rejected: Int32Array[]; reasons: string[] };
        };
        w.__workerMessages.push({
          type: d.type,
          rows: d.part?.rejected[0]?.length ?? d.messages?.length ?? d.result?.messages.length ?? 0,
          longestReason: Math.max(0, ...(d.part?.reasons ?? []).map((r) => r.length)),
        });
      });
    }
  };
}

/** The worker messages recorded since the last call (recordWorkerMessages), and resets the record. */
export async function takeWorkerMessages(page: Page): Promise<WorkerMessageSize[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __workerMessages: WorkerMessageSize[] };
    const all = w.__workerMessages;
    w.__workerMessages = [];
    return all;
  });
}

export async function freshContext(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
  colorScheme: 'light' | 'dark' = 'light',
  errors: string[] = [],
) {
  const context: BrowserContext = await browser.newContext({
    colorScheme,
    viewport,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await context.addInitScript(recordPerformance);
  await context.addInitScript(recordWorkerMessages);
  const page = await context.newPage();
  recordErrors(page, errors);
  return { context, page, errors };
}

export async function openValidator(page: Page, base: string, suffix = ''): Promise<void> {
  await page.goto(`${base}validate/${suffix}`, { waitUntil: 'load' });
  await page.locator('.validator:not([data-state="loading"])').waitFor();
}

/** What a real paste does: a paste event the page may take over (large input), else the textarea's own insertion. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.locator('.ve-main').evaluate((main, t) => {
    const target = main.querySelector('textarea, .ve-viewer') as HTMLElement;
    // a paste over the whole text, as after select-all
    if (target instanceof HTMLTextAreaElement) target.select();
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (target.dispatchEvent(event) && target instanceof HTMLTextAreaElement) {
      target.value = t;
      target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
  }, text);
}

/** Waits until the results are for exactly this input length; returns the verdict, else says what the page shows. */
export async function verdictFor(page: Page, length: number, timeout = 30_000): Promise<string> {
  try {
    await page.locator(`.validator[data-state="done"][data-length="${length}"]`).waitFor({ timeout });
  } catch (err) {
    const root = page.locator('.validator');
    const state =
      `state=${await root.getAttribute('data-state')} length=${await root.getAttribute('data-length')} ` +
      `(want ${length}); status: ${await page.locator('.vt-status').textContent()}`;
    throw new Error(`no verdict for the input: ${state}`, { cause: err });
  }
  return (await page.locator('.vr-summary').getAttribute('data-verdict'))!;
}

export const textOf = (page: Page) => page.locator('textarea.ve-textarea').inputValue();

/** The longest main-thread task recorded since the last call (0 when none over 50 ms), and resets the record. */
export async function takeLongestTask(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    const max = Math.max(0, ...w.__longTasks);
    w.__longTasks = [];
    return max;
  });
}

/** Cumulative layout shift so far (sum of shifts without recent input; the page is short-lived, one session window). */
export const layoutShift = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __shifts: { value: number }[] }).__shifts.reduce((s, e) => s + e.value, 0),
  );

/** A /validate share link fragment for `text`, as "Copy link" makes it. */
export function shareFragment(text: string): string {
  return '#z=' + deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url');
}

/** A fresh context (freshContext) whose page has /validate open and ready for input. */
export async function freshValidator(
  site: { browser: Browser; base: string },
  viewport?: { width: number; height: number },
  colorScheme?: 'light' | 'dark',
  errors?: string[],
) {
  const fresh = await freshContext(site.browser, viewport, colorScheme, errors);
  await openValidator(fresh.page, site.base);
  return fresh;
}

/** Pastes `text` and returns its verdict (verdictFor). */
export async function pasteForVerdict(page: Page, text: string, timeout?: number): Promise<string> {
  await paste(page, text);
  return verdictFor(page, text.length, timeout);
}
