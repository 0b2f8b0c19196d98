// Chromium for the browser tests and the benches: Debian's (or CHROMIUM_PATH)
// with one flag list, a page's long tasks and layout shifts recorded from its
// first script on, and a paste into the validator page (the browser tests
// check what it shows; bench-validator.ts times it).
import type { Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Headless, and nothing that reaches the network or starts background work a test could wait on. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Page source (text, not a function: tsx would wrap a function in helpers the
 * page does not have) for context.addInitScript: records every long task
 * (> 50 ms) and every layout shift of the page from its first script on.
 */
export const PERFORMANCE_RECORDER = `(() => {
  window.__longTasks = [];
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: e.startTime });
  }).observe({ type: 'layout-shift', buffered: true });
})()`;

/** The longest main-thread task (ms) recorded since the last call (0 when none over 50 ms); resets the record. */
export async function takeLongestTask(page: Page): Promise<number> {
  return (await page.evaluate(`(() => {
    const max = Math.max(0, ...window.__longTasks);
    window.__longTasks = [];
    return max;
  })()`)) as number;
}

/** Cumulative layout shift so far (sum of shifts without recent input; the page is short-lived, one session window). */
export async function layoutShift(page: Page): Promise<number> {
  return (await page.evaluate('window.__shifts.reduce((s, e) => s + e.value, 0)')) as number;
}

/** What pasteAndWait measured. */
export interface PasteTiming {
  /** From the paste to the last verdict shown. */
  ms: number;
  /** The longest gap between 10 ms timer ticks meanwhile: how long the main thread stalled. */
  maxGap: number;
  /** The results' summary line ("N messages, ..."). */
  summary: string;
}

/**
 * In the validator page: pastes `window.__pasteText` (set by the caller, in the page) over
 * everything in the editor as a person would (the page takes a large paste over; a small one is
 * the textarea's own insertion), and waits until every verdict is shown, failing
 * after `timeoutMs`. Page source as text, not a function: tsx (the benches) would wrap a function
 * in helpers the page does not have.
 */
export async function pasteAndWait(page: Page, timeoutMs = Infinity): Promise<PasteTiming> {
  return (await page.evaluate(`(async () => {
    const text = window.__pasteText;
    window.__pasteText = undefined;
    const ta = document.querySelector('textarea.ve-textarea');
    const root = document.querySelector('.validator');
    let maxGap = 0;
    let last = performance.now();
    const beat = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 10);
    ta.focus();
    ta.select();
    const t0 = performance.now();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    // a paste the page does not take over (a small one) is the textarea's own insertion
    if (ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))) {
      ta.value = text;
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
    await new Promise((resolve, reject) => {
      const check = () =>
        root.dataset.state === 'done' && root.dataset.length === String(text.length)
          ? resolve()
          : performance.now() - t0 > ${timeoutMs}
            ? reject(new Error('no verdicts after ${timeoutMs} ms: ' + root.dataset.state))
            : requestAnimationFrame(check);
      check();
    });
    const ms = performance.now() - t0;
    clearInterval(beat);
    return { ms, maxGap, summary: document.querySelector('.vr-counts')?.textContent ?? '' };
  })()`)) as PasteTiming;
}
