// The validator page's budgets, measured in Chromium on an exported
// site: the gzipped JS /validate loads (page, worker, zod, engine) plus the
// schema model it fetches (target <= 200 KB), and the time from pasting a
// 10 MB log of events to all verdicts shown (target <= 2 s); on a site of
// several releases, "accepted by" on hostile input: a share link with a
// 1,000,000-character name, and a later visit with a stored dump of unions
// nested 20 levels deep (target <= 1 s; no main-thread task over 200 ms).
// Called by scripts/bench-site.ts after its own build; runnable alone on an
// export (`npm run bench:validator -- out-e2e`, the browser tests' site of two
// releases); its last line says whether a figure misses its target:
//   npx tsx scripts/bench-validator.ts [out-dir] [--tree root.json]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { loadModelFromDisk } from '../lib/qapi/node';
import { sampleEventText } from '../lib/site/validator-sample';
import { nestedUnionsCommand, nestedUnionsDump } from '../lib/validate/fuzz';
// @ts-expect-error -- plain ESM helper without type declarations
import { serve } from './serve.mjs';
import { qemuTree } from './qemu-data';
import { CHROMIUM, CHROMIUM_ARGS, pasteAndWait } from './chromium';

/** A log of every event of the tree in turn (minimal valid messages, one per line), about `bytes` long. */
function eventLog(tree: string, bytes: number): { text: string; count: number } {
  const model = loadModelFromDisk(tree);
  const lines = model.entities
    .filter((e) => e.meta === 'event')
    .map((e) => JSON.stringify(JSON.parse(sampleEventText(model, e.name)!)));
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = lines[i % lines.length]!;
    out.push(l);
    size += l.length + 1;
  }
  return { text: out.join('\n'), count: out.length };
}

export interface ValidatorBench {
  jsGzip: number;
  modelGzip: number;
  files: { url: string; gzip: number }[];
  pasteToVerdictsMs: number;
  messages: number;
  longestFreezeMs: number;
  /** with several releases on the site: "accepted by" on hostile input (null with one release) */
  accepted: AcceptedBench | null;
}

export interface AcceptedBench {
  /** a share link of an event with a 1,000,000-character member name: to its "accepted by" line, longest task */
  hugeNameMs: number;
  hugeNameLongestTask: number;
  /** a stored dump of unions nested 20 levels, 2 per level: a later visit's reload to verdicts and "accepted by" */
  laterVisitMs: number;
  laterVisitLongestTask: number;
  /** the same reload with no stored dump, for comparison */
  withoutDumpMs: number;
}

/** The longest main-thread task (PerformanceObserver 'longtask') since the page loaded or the last call. */
const LONGEST_TASK_SCRIPT = `(() => {
  if (!window.__longest) {
    window.__longest = { max: 0 };
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest.max = Math.max(window.__longest.max, e.duration); })
      .observe({ type: 'longtask', buffered: true });
  }
  const max = window.__longest.max;
  window.__longest.max = 0;
  return max;
})()`;

async function benchAccepted(browser: Browser, base: string): Promise<AcceptedBench | null> {
  let context = await browser.newContext();
  try {
    let page = await context.newPage();
    const open = async (suffix: string) => {
      await page.goto(`${base}validate/${suffix}`, { waitUntil: 'load' });
      await page.evaluate(LONGEST_TASK_SCRIPT);
    };
    const acceptedShown = () => page.locator('.vr-accepted[data-accepted]').first().waitFor({ timeout: 120_000 });
    await open('');
    if ((await page.getByLabel('Schema version').locator('option').count()) < 3) return null; // one release
    const text =
      `{"event": "VFIO_MIGRATION_PREPARE", "data": {"${'n'.repeat(1_000_000)}": 1, "device-id": "v", ` +
      `"qom-path": "/machine/peripheral/v", "device-state": "stop"}, "timestamp": {"seconds": 1, "microseconds": 0}}`;
    const link = '#z=' + deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url');
    const t0 = performance.now();
    await open(link);
    await acceptedShown();
    const hugeNameMs = performance.now() - t0;
    const hugeNameLongestTask = (await page.evaluate(LONGEST_TASK_SCRIPT)) as number;

    // a fresh browser profile: this tab's draft is the huge text now
    await context.close();
    context = await browser.newContext();
    page = await context.newPage();
    await open('');
    await page.getByLabel("Your QEMU's query-qmp-schema reply").setInputFiles({
      name: 'nested.json',
      mimeType: 'application/json',
      buffer: Buffer.from(nestedUnionsDump(20, 2)),
    });
    await page.getByText('Read nested.json').waitFor({ timeout: 60_000 });
    await page.locator('textarea.ve-textarea').fill(nestedUnionsCommand(20));
    await acceptedShown();
    /** Median of three reloads to verdicts and "accepted by", and the longest task of any. */
    const reloads = async () => {
      const runs: { ms: number; task: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await page.reload({ waitUntil: 'load' });
        await page.evaluate(LONGEST_TASK_SCRIPT);
        await acceptedShown();
        runs.push({ ms: performance.now() - t, task: (await page.evaluate(LONGEST_TASK_SCRIPT)) as number });
      }
      runs.sort((a, b) => a.ms - b.ms);
      return { ms: runs[1]!.ms, task: Math.max(...runs.map((r) => r.task)) };
    };
    const later = await reloads();
    // the same visit without the stored dump: what the page costs anyway
    await page.evaluate(() => localStorage.removeItem('qapi-explorer:validator:own-schemas'));
    await page.goto(`${base}validate/`, { waitUntil: 'load' });
    const without = await reloads();
    return {
      hugeNameMs,
      hugeNameLongestTask,
      laterVisitMs: later.ms,
      laterVisitLongestTask: later.task,
      withoutDumpMs: without.ms,
    };
  } finally {
    await context.close();
  }
}

export async function benchValidator(outDir: string, tree: string): Promise<ValidatorBench> {
  if (!existsSync(path.join(outDir, 'validate', 'index.html')))
    throw new Error(`${outDir}/validate/ is missing: build the site first`);
  const { server, url: base } = await serve(outDir, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const loaded = new Set<string>();
    page.on('request', (r) => loaded.add(new URL(r.url()).pathname));
    page.context().on('request', (r) => loaded.add(new URL(r.url()).pathname));
    await page.goto(`${base}validate/`, { waitUntil: 'load' });
    await page.locator('.validator:not([data-state="loading"])').waitFor();
    // a first check loads the worker and the model
    await page.locator('textarea.ve-textarea').fill('{}');
    await page.locator('.validator[data-state="done"][data-length="2"]').waitFor({ timeout: 60_000 });
    const files: { url: string; gzip: number }[] = [];
    for (const p of loaded) {
      if (!/\.(js|json)$/.test(p)) continue;
      const file = path.join(outDir, decodeURIComponent(p));
      if (existsSync(file)) files.push({ url: p, gzip: gzipSync(readFileSync(file)).length });
    }
    const modelGzip = files.filter((f) => f.url.endsWith('.json')).reduce((n, f) => n + f.gzip, 0);
    const jsGzip = files.filter((f) => f.url.endsWith('.js')).reduce((n, f) => n + f.gzip, 0);

    const log = eventLog(tree, 10_000_000);
    // plain source text: tsx would wrap a function argument in helpers the page does not have
    await page.evaluate(`window.__pasteText = ${JSON.stringify(log.text)}`);
    const timing = await pasteAndWait(page, 120_000);
    if (!timing.summary.includes(`${log.count.toLocaleString('en')} messages`))
      throw new Error(`unexpected summary: ${timing.summary}`);
    return {
      jsGzip,
      modelGzip,
      files,
      pasteToVerdictsMs: timing.ms,
      messages: log.count,
      longestFreezeMs: timing.maxGap,
      accepted: await benchAccepted(browser, base),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

export function validatorRows(b: ValidatorBench): [string, string][] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n: number) => `${Math.round(n)} ms`;
  const rows: [string, string][] = [
    [
      '/validate JS + model (gzipped)',
      `${kb(b.jsGzip + b.modelGzip)} (JS ${kb(b.jsGzip)} in ${b.files.length - 1} files incl. worker and zod, model ${kb(b.modelGzip)}; target <= 200 KB)`,
    ],
    [
      '/validate 10 MB paste -> verdicts',
      `${Math.round(b.pasteToVerdictsMs)} ms for ${b.messages} events (target <= 2000 ms; longest main-thread stall ${Math.round(b.longestFreezeMs)} ms)`,
    ],
  ];
  const a = b.accepted;
  if (a)
    rows.push(
      [
        '/validate 1,000,000-char name link',
        `${ms(a.hugeNameMs)} to its accepted-by line, longest main-thread task ${ms(a.hugeNameLongestTask)} (target <= 200 ms)`,
      ],
      [
        '/validate stored nested unions',
        `later visit to verdicts and accepted by ${ms(a.laterVisitMs)}, ${ms(a.laterVisitMs - a.withoutDumpMs)} more than without it (target <= 1000 ms), longest task ${ms(a.laterVisitLongestTask)} (target <= 200 ms)`,
      ],
    );
  return rows;
}

/** Which of the validator's figures miss their targets (none: empty). */
export function validatorMisses(b: ValidatorBench): string[] {
  const misses: string[] = [];
  if (b.jsGzip + b.modelGzip > 200 * 1024) misses.push('JS + model over 200 KB');
  if (b.pasteToVerdictsMs > 2000) misses.push('10 MB paste over 2 s');
  if (b.accepted) {
    if (b.accepted.hugeNameLongestTask > 200) misses.push('a task over 200 ms on the 1,000,000-char name');
    if (b.accepted.laterVisitMs - b.accepted.withoutDumpMs > 1000)
      misses.push('the stored nested unions cost a later visit over 1 s');
    if (b.accepted.laterVisitLongestTask > 200) misses.push('a task over 200 ms on the later visit');
  }
  return misses;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const t = args.indexOf('--tree');
  const tree = t >= 0 ? args[t + 1]! : qemuTree('10.2.2');
  const out = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--tree') ?? 'out-bench');
  benchValidator(out, tree).then(
    (b) => {
      for (const [k, v] of validatorRows(b)) console.log(`${k.padEnd(34)} ${v}`);
      if (process.env.BENCH_VERBOSE) for (const f of b.files) console.log(`  ${f.url} ${f.gzip}`);
      const misses = validatorMisses(b);
      console.log(
        misses.length
          ? `bench:validator: misses its targets: ${misses.join('; ')}`
          : 'bench:validator: every figure within its target',
      );
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
