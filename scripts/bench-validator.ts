// The validator page's budgets, measured in Chromium on an exported site:
// what the browser tests check by counting (results in slices, a window of
// rows) is timed here, against targets. Figures: the gzipped JS /validate
// loads (page, worker, zod, engine) plus the schema model it fetches (target
// <= 200 KB); the time from pasting a 10 MB log of events to all verdicts
// shown (<= 2 s); the longest main-thread task while the results of 100
// messages and then of 10 MB render (<= 50 ms each); opening a share link of
// an event with a 100,000-character name, and the next visit (<= 200 ms);
// '{}' 100,000 times on one line, checking and scrolling (<= 200 ms); a 50 MB
// paste's longest stall between timer ticks (<= 2 s); on a site of several
// releases, paste to "accepted by" lines (<= 200 ms), and "accepted by" on
// hostile input: a share link with a 1,000,000-character name (no task over
// 200 ms), a later visit with a stored dump of unions nested 20 levels deep
// (<= 1 s more than without it; no task over 200 ms). The last line says
// whether every target was met (exit 1 when not).
// Called by scripts/bench-site.ts after its own build; alone
// (`npm run bench:validator`) it builds a site of QEMU 10.2.2 with and
// without the seed patch into out-bench-validator/ when that is missing:
//   npm run bench:validator [-- out-dir] [--tree root.json] [--build]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadModelFromDisk } from '../lib/qapi/node';
import { sampleEventText } from '../lib/site/validator-sample';
import { nestedUnionsCommand, nestedUnionsDump } from '../lib/validate/fuzz';
// @ts-expect-error -- plain ESM helper without type declarations
import { serve } from './serve.mjs';
import { Targets } from './bench-targets';
import { buildSite, ROOT } from './build-site';
import { needQemuData, qemuTree } from './qemu-data';
import { CHROMIUM, CHROMIUM_ARGS, PERFORMANCE_RECORDER, pasteAndWait, takeLongestTask } from './chromium';

/** Every event of the tree in turn (minimal valid messages, one per line). */
function eventLines(tree: string): string[] {
  const model = loadModelFromDisk(tree);
  return model.entities
    .filter((e) => e.meta === 'event')
    .map((e) => JSON.stringify(JSON.parse(sampleEventText(model, e.name)!)));
}

/** A log of `lines` in turn, about `bytes` long. */
function eventLog(lines: string[], bytes: number): { text: string; count: number } {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = lines[i % lines.length]!;
    out.push(l);
    size += l.length + 1;
  }
  return { text: out.join('\n'), count: out.length };
}

/** One measured figure and its target (at most). */
export interface Figure {
  label: string;
  value: number;
  target: number;
  unit: 'ms' | 'KB';
  /** what else to say on its row */
  note?: string;
}

/** With several releases on the site, "accepted by" on hostile input (no figures with one release). */
async function benchAccepted(browser: Browser, base: string): Promise<Figure[]> {
  const acceptedShown = (page: Page) =>
    page.locator('.vr-accepted[data-accepted]').first().waitFor({ timeout: 120_000 });
  const linked = await openValidator(browser, base);
  try {
    if ((await linked.getByLabel('Schema version').locator('option').count()) < 3) return []; // one release
    const text =
      `{"event": "VFIO_MIGRATION_PREPARE", "data": {"${'n'.repeat(1_000_000)}": 1, "device-id": "v", ` +
      `"qom-path": "/machine/peripheral/v", "device-state": "stop"}, "timestamp": {"seconds": 1, "microseconds": 0}}`;
    const link = '#z=' + deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url');
    const hugeName = await longestTaskOf(linked, async () => {
      await linked.goto(`${base}validate/${link}`, { waitUntil: 'load' });
      await acceptedShown(linked);
    });
    const figures: Figure[] = [
      { label: '/validate 1,000,000-char name link: longest task', value: hugeName, target: 200, unit: 'ms' },
    ];

    // a fresh browser profile: the linked tab's draft is the huge text
    const page = await openValidator(browser, base);
    try {
      await page.getByLabel("Your QEMU's query-qmp-schema reply").setInputFiles({
        name: 'nested.json',
        mimeType: 'application/json',
        buffer: Buffer.from(nestedUnionsDump(20, 2)),
      });
      await page.getByText('Read nested.json').waitFor({ timeout: 60_000 });
      await page.locator('textarea.ve-textarea').fill(nestedUnionsCommand(20));
      await acceptedShown(page);
      /** Median of three reloads to verdicts and "accepted by", and the longest task of any. */
      const reloads = async () => {
        const runs: { ms: number; task: number }[] = [];
        for (let i = 0; i < 3; i++) {
          const t = performance.now();
          await page.reload({ waitUntil: 'load' });
          await acceptedShown(page);
          const ms = performance.now() - t;
          await page.waitForTimeout(300);
          runs.push({ ms, task: await takeLongestTask(page) });
        }
        runs.sort((a, b) => a.ms - b.ms);
        return { ms: runs[1]!.ms, task: Math.max(...runs.map((r) => r.task)) };
      };
      const later = await reloads();
      // the same visit without the stored dump: what the page costs anyway
      await page.evaluate(() => localStorage.removeItem('qapi-explorer:validator:own-schemas'));
      await page.goto(`${base}validate/`, { waitUntil: 'load' });
      const without = await reloads();
      figures.push(
        {
          label: '/validate stored nested unions: later visit, extra',
          value: later.ms - without.ms,
          target: 1000,
          unit: 'ms',
          note: `to verdicts and accepted by ${Math.round(later.ms)} ms, without the dump ${Math.round(without.ms)} ms`,
        },
        { label: '/validate stored nested unions: longest task', value: later.task, target: 200, unit: 'ms' },
      );
      return figures;
    } finally {
      await page.context().close();
    }
  } finally {
    await linked.context().close();
  }
}

export interface ValidatorBench {
  figures: Figure[];
  files: { url: string; gzip: number }[];
}

/** A fresh page of /validate, its long tasks and layout shifts recorded, ready for input. */
async function openValidator(browser: Browser, base: string, suffix = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(PERFORMANCE_RECORDER);
  const page = await context.newPage();
  await page.goto(`${base}validate/${suffix}`, { waitUntil: 'load' });
  await page.locator('.validator:not([data-state="loading"])').waitFor();
  return page;
}

/** Sets `text` in the page (not timed) and pastes it as a person would; resolves once every verdict is shown. */
async function pasteTimed(page: Page, text: string, timeoutMs = 300_000) {
  await page.evaluate(`window.__pasteText = ${JSON.stringify(text)}`);
  return pasteAndWait(page, timeoutMs);
}

/** The longest task of what `act` sets off, once the page has been quiet for a moment before and after. */
async function longestTaskOf(page: Page, act: () => Promise<unknown>): Promise<number> {
  await page.waitForTimeout(500);
  await takeLongestTask(page);
  await act();
  await page.waitForTimeout(300);
  return takeLongestTask(page);
}

const waitForLength = (page: Page, length: number) =>
  page.locator(`.validator[data-state="done"][data-length="${length}"]`).waitFor({ timeout: 300_000 });

export async function benchValidator(outDir: string, tree: string): Promise<ValidatorBench> {
  if (!existsSync(path.join(outDir, 'validate', 'index.html')))
    throw new Error(`${outDir}/validate/ is missing: build the site first`);
  const { server, url: base } = await serve(outDir, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const figures: Figure[] = [];
  const lines = eventLines(tree);
  try {
    // the weight of the page, its worker and the model
    const page = await openValidator(browser, base);
    // in the order asked for: the first model is the default release's ("accepted by" fetches the others later)
    const loaded = new Set<string>();
    page.on('request', (r) => loaded.add(new URL(r.url()).pathname));
    page.context().on('request', (r) => loaded.add(new URL(r.url()).pathname));
    await page.reload({ waitUntil: 'load' });
    await page.locator('.validator:not([data-state="loading"])').waitFor();
    await page.locator('textarea.ve-textarea').fill('{}');
    await waitForLength(page, 2);
    const files: { url: string; gzip: number }[] = [];
    for (const p of loaded) {
      if (!/\.(js|json)$/.test(p) || (p.endsWith('.json') && files.some((f) => f.url.endsWith('.json')))) continue;
      const file = path.join(outDir, decodeURIComponent(p));
      if (existsSync(file)) files.push({ url: p, gzip: gzipSync(readFileSync(file)).length });
    }
    const gz = (ext: string) => files.filter((f) => f.url.endsWith(ext)).reduce((n, f) => n + f.gzip, 0);
    figures.push({
      label: '/validate JS + model (gzipped)',
      value: (gz('.js') + gz('.json')) / 1024,
      target: 200,
      unit: 'KB',
      note: `JS ${(gz('.js') / 1024).toFixed(1)} KB in ${files.length - 1} files incl. worker and zod, model ${(gz('.json') / 1024).toFixed(1)} KB`,
    });

    // 100 messages, then 10 MB: the longest task while their results render
    const hundred = lines.slice(0, 100).join('\n');
    figures.push({
      label: '/validate 100 messages: longest task',
      value: await longestTaskOf(page, () => pasteTimed(page, hundred)),
      target: 50,
      unit: 'ms',
    });
    const log = eventLog(lines, 10_000_000);
    let timing = { ms: 0, maxGap: 0, summary: '' };
    const tenMb = await longestTaskOf(page, async () => (timing = await pasteTimed(page, log.text)));
    if (!timing.summary.includes(`${log.count.toLocaleString('en')} messages`))
      throw new Error(`unexpected summary: ${timing.summary}`);
    figures.push({
      label: '/validate 10 MB paste -> verdicts',
      value: timing.ms,
      target: 2000,
      unit: 'ms',
      note: `${log.count} events; longest stall between timer ticks ${Math.round(timing.maxGap)} ms`,
    });
    figures.push({ label: '/validate 10 MB paste: longest task', value: tenMb, target: 50, unit: 'ms' });
    await page.context().close();

    // a share link of an event with a 100,000-character name, then the next visit (its draft)
    const name = `{"event": "${'A'.repeat(100_000)}", "timestamp": {"seconds": 1, "microseconds": 0}}`;
    const fragment = '#z=' + deflateRawSync(Buffer.from(name, 'utf8')).toString('base64url');
    const linked = await openValidator(browser, base);
    for (const [label, suffix] of [
      ['100,000-character name: share link', fragment],
      ['100,000-character name: next visit', ''],
    ] as const) {
      const ms = await longestTaskOf(linked, async () => {
        await linked.goto(`${base}validate/${suffix}`, { waitUntil: 'load' });
        await waitForLength(linked, name.length);
      });
      figures.push({ label: `/validate ${label}: longest task`, value: ms, target: 200, unit: 'ms' });
    }
    await linked.context().close();

    // '{}' 100,000 times on one line: checking, then scrolling the read-only view
    const braces = await openValidator(browser, base);
    const text = '{}'.repeat(100_000);
    figures.push({
      label: "/validate '{}'x100,000: longest task",
      value: await longestTaskOf(braces, () => pasteTimed(braces, text)),
      target: 200,
      unit: 'ms',
    });
    const scrolled = await longestTaskOf(braces, async () => {
      for (const at of [0.25, 0.5, 0.9]) {
        await braces.locator('.ve-viewer').evaluate((el, f) => (el.scrollLeft = el.scrollWidth * f), at);
        await braces.waitForTimeout(150);
      }
    });
    figures.push({ label: "/validate '{}'x100,000 scrolled: longest task", value: scrolled, target: 200, unit: 'ms' });
    await braces.context().close();

    // 50 MB: the longest stall between timer ticks until every verdict is shown
    const big = await openValidator(browser, base);
    const fifty = eventLog(lines, 50_000_000);
    const stalled = await pasteTimed(big, fifty.text);
    figures.push({
      label: '/validate 50 MB paste: longest stall',
      value: stalled.maxGap,
      target: 2000,
      unit: 'ms',
      note: `${fifty.count} events, all verdicts after ${Math.round(stalled.ms)} ms`,
    });
    await big.context().close();

    // on a site of several releases: paste to every "accepted by" line
    const several = await openValidator(browser, base);
    const releases = await several.evaluate(
      () => (JSON.parse(document.getElementById('validator-root')?.dataset.versions ?? '[]') as unknown[]).length,
    );
    if (releases > 1) {
      const ms = await longestTaskOf(several, async () => {
        await pasteTimed(several, lines.slice(0, 1500).join('\n'));
        await several.locator('.vr-accepted[data-accepted]').first().waitFor({ timeout: 300_000 });
      });
      figures.push({
        label: `/validate accepted by (${releases} releases): longest task`,
        value: ms,
        target: 200,
        unit: 'ms',
      });
    }
    await several.context().close();
    figures.push(...(await benchAccepted(browser, base)));
    return { figures, files };
  } finally {
    await browser.close();
    server.close();
  }
}

export function validatorRows(b: ValidatorBench): [string, string][] {
  return b.figures.map((f) => [
    f.label,
    `${f.unit === 'KB' ? f.value.toFixed(1) : Math.round(f.value)} ${f.unit} (target <= ${f.target} ${f.unit})${f.note ? `; ${f.note}` : ''}`,
  ]);
}

/** Each figure against its target. */
export function checkValidatorTargets(b: ValidatorBench, targets: Targets): void {
  for (const f of b.figures) targets.atMost(f.label, f.value, f.target, f.unit);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const t = args.indexOf('--tree');
  if (t < 0) needQemuData('bench:validator', '10.2.2', '10.2.2+vfio-migration-prepare');
  const tree = t >= 0 ? args[t + 1]! : qemuTree('10.2.2');
  const given = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--tree');
  const out = path.resolve(given ?? path.join(ROOT, 'out-bench-validator'));
  if (!given && (args.includes('--build') || !existsSync(path.join(out, 'validate', 'index.html')))) {
    const versions = t >= 0 ? tree : `10.2.2+seed=${qemuTree('10.2.2+vfio-migration-prepare')},10.2.2=${tree}`;
    console.log(`building ${path.relative(ROOT, out)}/ (${versions.split(',').length} releases)…`);
    buildSite({ QAPI_VERSIONS: versions, QAPI_SCHEMA: '' }, path.relative(ROOT, out));
  }
  const targets = new Targets('bench:validator');
  benchValidator(out, tree).then(
    (b) => {
      for (const [k, v] of validatorRows(b)) console.log(`${k.padEnd(50)} ${v}`);
      if (process.env.BENCH_VERBOSE) for (const f of b.files) console.log(`  ${f.url} ${f.gzip}`);
      checkValidatorTargets(b, targets);
      targets.finish();
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
