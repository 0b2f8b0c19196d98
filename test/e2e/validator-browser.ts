// Shared helpers of the /validate browser tests (the site itself comes from
// browser.ts's startSite): fresh Chromium contexts that record errors, layout
// shifts and how the page's work is cut (recordWork) from the first script
// on, real-looking pastes, share links made as the page makes them
// (deflate-raw, base64url), and waiting for the verdict of an input.
import { deflateRawSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { recordErrors } from './browser';
import { PERFORMANCE_RECORDER } from '../../scripts/chromium';

export { layoutShift } from '../../scripts/chromium';

/** One message the worker posted to the page, by its size. */
export interface WorkPost {
  type: string;
  id: number;
  /** results a result slice carries, or messages an "accepted by" part covers */
  rows: number;
  /** characters of the longest reason line an "accepted by" part brings */
  reasonCharsMax: number;
}

export interface Work {
  posts: WorkPost[];
  maxRowsAdded: number;
  maxRows: number;
  maxParsed: number;
}

/**
 * What the page does with its work, recorded from its first script on, so a
 * test can check how the work is cut without reading a clock: each message
 * the worker posts (its type, how many results it carries or, for a part of
 * "accepted by", how many messages it covers and its longest reason line),
 * the most result rows one DOM update added and the most that
 * existed at once, and the longest text the main thread handed to JSON.parse.
 */
function recordWork() {
  const w = window as unknown as { __work: Work };
  w.__work = { posts: [], maxRowsAdded: 0, maxRows: 0, maxParsed: 0 };
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e: MessageEvent) => {
        const d = (e.data ?? {}) as {
          type?: string;
          id?: number;
          messages?: unknown[];
          result?: { messages?: unknown[] };
          part?: { rejected: Int32Array[]; reasons: string[] };
        };
        w.__work.posts.push({
          type: String(d.type),
          id: d.id ?? -1,
          rows: d.part?.rejected[0]?.length ?? (d.messages ?? d.result?.messages ?? []).length,
          reasonCharsMax: Math.max(0, ...(d.part?.reasons ?? []).map((r) => r.length)),
        });
      });
    }
  };
  const parse = JSON.parse;
  JSON.parse = (text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) => {
    w.__work.maxParsed = Math.max(w.__work.maxParsed, String(text).length);
    return parse(text, reviver);
  };
  new MutationObserver((records) => {
    let added = 0;
    for (const r of records)
      for (const n of r.addedNodes)
        if (n instanceof Element) added += Number(n.matches('.vr-message')) + n.querySelectorAll('.vr-message').length;
    w.__work.maxRowsAdded = Math.max(w.__work.maxRowsAdded, added);
    if (added) w.__work.maxRows = Math.max(w.__work.maxRows, document.querySelectorAll('.vr-message').length);
  }).observe(document, { childList: true, subtree: true });
}

/** What recordWork saw since the last call; resets the record. */
export async function takeWork(page: Page): Promise<Work> {
  return page.evaluate(() => {
    const w = window as unknown as { __work: Work };
    const work = w.__work;
    w.__work = { posts: [], maxRowsAdded: 0, maxRows: 0, maxParsed: 0 };
    return work;
  });
}

/** The messages of the last result (its slices and its end) the worker posted, by how many results each carried. */
export function resultSlices(work: Work): number[] {
  const last = work.posts.filter((p) => p.type === 'result').at(-1);
  return work.posts
    .filter((p) => p.id === last?.id && (p.type === 'result-part' || p.type === 'result'))
    .map((p) => p.rows);
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
  await context.addInitScript(PERFORMANCE_RECORDER);
  await context.addInitScript(recordWork);
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
