// The validator page's budgets, measured in Chromium on an exported
// site: the gzipped JS /validate loads (page, worker, zod, engine) plus the
// schema model it fetches (target <= 200 KB), and the time from pasting a
// 10 MB log of events to all verdicts shown (target <= 2 s). Called by
// scripts/bench-site.ts after its own build; runnable alone on an export:
//   npx tsx scripts/bench-validator.ts [out-dir] [--tree root.json]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { loadModelFromDisk } from '../lib/qapi/node';
import { sampleEventText } from '../lib/site/validator-sample';
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
    };
  } finally {
    await browser.close();
    server.close();
  }
}

export function validatorRows(b: ValidatorBench): [string, string][] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    [
      '/validate JS + model (gzipped)',
      `${kb(b.jsGzip + b.modelGzip)} (JS ${kb(b.jsGzip)} in ${b.files.length - 1} files incl. worker and zod, model ${kb(b.modelGzip)}; target <= 200 KB)`,
    ],
    [
      '/validate 10 MB paste -> verdicts',
      `${Math.round(b.pasteToVerdictsMs)} ms for ${b.messages} events (target <= 2000 ms; longest main-thread stall ${Math.round(b.longestFreezeMs)} ms)`,
    ],
  ];
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
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
