// The /review page's figures, measured in Chromium on an exported site whose
// source trees include QEMU 10.2.2 and whose sample is the seed reply: the
// time from pasting the seed to its verdict and its preview on the page
// (target <= 2 s), the longest main-thread task meanwhile (target <= 200 ms),
// each in a fresh page (a new worker that fetches the base's texts) and
// again in the same page; and what the page loads (gzipped). Tasks come from
// Chromium's trace, with the CPU time of each (a loaded machine stretches a
// task's wall time without the page doing more), and the worker's CPU time.
// Called by scripts/bench-review.ts; runnable alone on an export:
//   npx tsx scripts/bench-review-page.ts <out-dir> [--runs N]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error -- plain ESM helper without type declarations
import { serve } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';
import { sharedPath } from './qemu-data';

export const PAGE_TARGET_MS = 2000;
export const TASK_TARGET_MS = 200;

export interface ReviewPageBench {
  /** paste to verdict and preview, fresh page; then the same page again (milliseconds, medians) */
  coldMs: number;
  warmMs: number;
  /** the worker's CPU time for the review in a fresh page (median) */
  workerCpuMs: number;
  /** the longest main-thread task of any run: wall time, and its CPU time */
  longestTaskMs: number;
  longestTaskCpuMs: number;
  /** gzipped bytes: the island, the worker, the base's texts, the index */
  weights: { file: string; gzip: number }[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Pastes `window.__reviewText` into the patch and waits for the verdict and every preview: ms and the verdict. */
async function pasteToPreview(page: Page): Promise<{ ms: number; status: string }> {
  return (await page.evaluate(`(async () => {
    const text = window.__reviewText;
    const ta = document.querySelector('textarea.ve-textarea');
    const root = document.querySelector('.review');
    ta.focus();
    ta.select();
    const t0 = performance.now();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    if (ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))) {
      ta.value = text;
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
    await new Promise((resolve, reject) => {
      const check = () =>
        root.dataset.state === 'done' && root.dataset.length === String(text.length) && document.querySelector('.rv-preview')
          ? resolve()
          : root.dataset.state === 'failed' ? reject(new Error(document.querySelector('.rv-status').textContent))
          : performance.now() - t0 > 120000 ? reject(new Error('no review after 120 s'))
          : requestAnimationFrame(check);
      check();
    });
    return { ms: performance.now() - t0, status: document.querySelector('.rv-status').textContent };
  })()`)) as { ms: number; status: string };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** From a Chromium trace: the page's longest main-thread task (wall and CPU ms) and the worker's CPU ms. */
function tasksOf(trace: Buffer): { longest: number; longestCpu: number; workerCpu: number } {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const threads = (name: string) =>
    new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === name).map((e) => `${e.pid}:${e.tid}`));
  const main = threads('CrRendererMain');
  const workers = threads('DedicatedWorker thread');
  let longest = { dur: 0, tdur: 0 };
  let workerCpu = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X') continue;
    const at = `${e.pid}:${e.tid}`;
    if (main.has(at) && (e.dur ?? 0) > longest.dur) longest = { dur: e.dur ?? 0, tdur: e.tdur ?? 0 };
    if (workers.has(at)) workerCpu += e.tdur ?? 0;
  }
  return { longest: longest.dur / 1000, longestCpu: longest.tdur / 1000, workerCpu: workerCpu / 1000 };
}

export async function benchReviewPage(outDir: string, runs = 5): Promise<ReviewPageBench> {
  const html = path.join(outDir, 'review', 'index.html');
  if (!existsSync(html)) throw new Error(`${outDir}/review/ is missing: build the site first`);
  const text = readFileSync(sharedPath('seed', 'vfio-migration-prepare-reply.txt'), 'utf8');
  const { server, url: base } = await serve(outDir, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    const workerCpu: number[] = [];
    let longest = { ms: 0, cpu: 0 };
    const loaded = new Set<string>();
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('request', (r) => loaded.add(new URL(r.url()).pathname));
      context.on('request', (r) => loaded.add(new URL(r.url()).pathname));
      await page.goto(`${base}review/`, { waitUntil: 'load' });
      await page.locator('.review[data-state="idle"]').waitFor({ timeout: 60_000 });
      // fresh page: the worker fetches the base's texts; then the same page again (an edit makes it new input)
      for (const [k, input] of [text, `${text}\n`].entries()) {
        await page.evaluate(`window.__reviewText = ${JSON.stringify(input)}`);
        await browser.startTracing(page, {
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
        });
        const run = await pasteToPreview(page);
        const tasks = tasksOf(await browser.stopTracing());
        if (!run.status.startsWith('The QAPI schema is fine')) throw new Error(`unexpected verdict: ${run.status}`);
        (k ? warm : cold).push(run.ms);
        if (!k) workerCpu.push(tasks.workerCpu);
        if (tasks.longest > longest.ms) longest = { ms: tasks.longest, cpu: tasks.longestCpu };
      }
      await context.close();
    }
    const weights = [...loaded]
      .filter((p) => /\.(js|json|gz)$/.test(p))
      .map((p) => {
        const bytes = readFileSync(path.join(outDir, decodeURIComponent(p)));
        return { file: p, gzip: p.endsWith('.gz') ? bytes.length : gzipSync(bytes).length };
      });
    return {
      coldMs: median(cold),
      warmMs: median(warm),
      workerCpuMs: median(workerCpu),
      longestTaskMs: longest.ms,
      longestTaskCpuMs: longest.cpu,
      weights,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The figures as lines of the benchmark's output, and whether both met their targets. */
export function reviewPageRows(b: ReviewPageBench): { rows: string[]; met: boolean } {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const rows = [
    `/review in Chromium: seed pasted -> verdict and preview, fresh page  median ${b.coldMs.toFixed(0)} ms (target <= ${PAGE_TARGET_MS} ms); the worker's CPU ${b.workerCpuMs.toFixed(0)} ms`,
    `/review in Chromium: the same, again in that page                   median ${b.warmMs.toFixed(0)} ms`,
    `/review in Chromium: longest main-thread task meanwhile               ${b.longestTaskMs.toFixed(0)} ms, ${b.longestTaskCpuMs.toFixed(0)} ms of it CPU (target <= ${TASK_TARGET_MS} ms)`,
    `/review loads (gzipped): ${b.weights.map((w) => `${path.basename(w.file)} ${kb(w.gzip)}`).join(', ')}`,
  ];
  return { rows, met: b.coldMs <= PAGE_TARGET_MS && b.longestTaskMs <= TASK_TARGET_MS };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out || !readdirSync(out).length) throw new Error('usage: bench-review-page.ts <out-dir> [--runs N]');
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
  const { rows } = reviewPageRows(await benchReviewPage(out, runs));
  for (const r of rows) console.log(r);
}
