// npm run bench:site — builds the docs site for QEMU 10.2.2's tree and prints
// the numbers the site issue budgets: build time (target <= 60 s on a 2-core
// machine), page count, the gzipped weight of an event page with everything
// it loads (HTML + CSS + JS; target <= 150 KB) and the search index size.
// Then builds the site of six releases (10.2.2+seed as default, 11.1.3 from
// its build, 10.2.2, 10.0.13, 7.2.0, 5.2.0: SIX_RELEASES of qemu-data.ts) and
// prints its build time (target <= 180 s), pages, ms per page, export size,
// event page weight, the default's search index, and a crawl of every page
// (links that lead nowhere, masked type numbers shown: target 0).
// In Chromium: blockdev-add's first contentful paint (median of 5 loads,
// target <= 1 s) and the validator page's figures (bench-validator.ts). The
// last line says whether every target was met (exit 1 when not).
//   npx tsx scripts/bench-site.ts [--no-build] [--no-six | --six-only] [--tree ../shared/qemu/10.2.2/qapi/qapi-schema.json]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
// @ts-expect-error -- plain ESM helper without type declarations
import { serve } from './serve.mjs';
import { Targets } from './bench-targets';
import { buildSite, ROOT } from './build-site';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';
import { crawlSite } from './crawl-site';
import { hasSixReleases, HOW_TO_GET, needQemuData, qemuTree, SIX_RELEASES } from './qemu-data';

const OUT = 'out-bench';
const args = process.argv.slice(2);
const treeArg = args.indexOf('--tree');
if (treeArg < 0 && !args.includes('--six-only')) needQemuData('bench:site', '10.2.2');
const tree = treeArg >= 0 ? args[treeArg + 1]! : qemuTree('10.2.2');
const targets = new Targets('bench:site');
const EVENT = process.env.BENCH_EVENT ?? 'BLOCK_JOB_COMPLETED';

function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} KB`;
}

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== '_next') n += countPages(path.join(dir, entry.name));
    else if (entry.name === 'index.html') n++;
  }
  return n;
}

/** Bytes of every file under `dir`. */
function dirSize(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    n += entry.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return n;
}

/** The gzipped weight of an exported page and every stylesheet and script it loads. */
function pageWeight(outDir: string, page: string): { html: number; css: number; js: number; files: number } {
  const html = readFileSync(path.join(outDir, page, 'index.html'), 'utf8');
  // Scripts marked noModule are never loaded by the browsers that run modules.
  const assets = [
    ...html.matchAll(/<(?:script|link)\b[^>]*?(?:href|src)="(\/_(?:next\/static|site)\/[^"]+\.(?:css|js))"[^>]*>/g),
  ]
    .filter((m) => !/noModule/i.test(m[0]))
    .map((m) => m[1]!);
  const unique = [...new Set(assets)];
  const w = { html: gzipSync(html).length, css: 0, js: 0, files: unique.length };
  for (const a of unique) {
    const gz = gzipSync(readFileSync(path.join(outDir, a))).length;
    if (a.endsWith('.css')) w.css += gz;
    else w.js += gz;
  }
  return w;
}

/** The median first contentful paint (ms) of 5 loads of a page of the export, after one load of another. */
async function medianPaint(outDir: string, page: string): Promise<number> {
  const { server, url } = await serve(outDir, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const paint = async (p: string) => {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await tab.goto(url + p, { waitUntil: 'load' });
      const fcp = (await tab.evaluate(`new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (fcp) resolve(fcp.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(Infinity), 10000);
      })`)) as number;
      await tab.close();
      return fcp;
    };
    await paint('events/STOP/'); // the browser's own start-up is not the page's
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) paints.push(await paint(page));
    return paints.sort((a, b) => a - b)[2]!;
  } finally {
    await browser.close();
    server.close();
  }
}

const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

// ---- one tree ----
if (!args.includes('--six-only')) {
  let buildSeconds: number | null = null;
  let buildCpu: number | null = null;
  if (!args.includes('--no-build')) {
    const built = buildSite({ QAPI_SCHEMA: tree, QAPI_VERSIONS: '' }, OUT);
    buildSeconds = built.seconds;
    buildCpu = built.cpu;
    console.log(built.post);
  }

  const out = path.join(ROOT, OUT);
  if (!existsSync(path.join(out, 'index.html'))) {
    console.error(`${OUT}/ is missing: run without --no-build`);
    process.exit(1);
  }

  const weight = pageWeight(out, path.join('events', EVENT));
  const index = path.join(out, 'search-index.json');
  const indexRaw = statSync(index).size;
  const indexGz = gzipSync(readFileSync(index)).length;

  const rows: [string, string][] = [
    ['tree', tree],
    ['machine', `${cpus().length} cores, ${load()}`],
    [
      'build time',
      buildSeconds === null
        ? '(not built)'
        : `${buildSeconds.toFixed(1)} s wall (target <= 60 s)${buildCpu !== null ? `, ${buildCpu.toFixed(1)} s CPU` : ''}`,
    ],
    ['pages', String(countPages(out))],
    [
      `event page /events/${EVENT}/`,
      `${kb(weight.html + weight.css + weight.js)} gzipped (HTML ${kb(weight.html)} + CSS ${kb(weight.css)} + JS ${kb(weight.js)}, ${weight.files} files; target <= 150 KB)`,
    ],
    ['search index', `${kb(indexRaw)} raw, ${kb(indexGz)} gzipped (fetched on first search)`],
  ];
  if (buildSeconds !== null) targets.atMost('build time', buildSeconds, 60, 's');
  targets.atMost('event page weight', (weight.html + weight.css + weight.js) / 1024, 150, 'KB');
  if (!existsSync(CHROMIUM)) {
    rows.push(['in Chromium', `not measured: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`]);
    for (const [k, v] of rows) console.log(`${k.padEnd(34)} ${v}`);
  } else {
    if (existsSync(path.join(out, 'commands', 'blockdev-add', 'index.html'))) {
      const fcp = await medianPaint(out, 'commands/blockdev-add/');
      rows.push(['blockdev-add first paint', `${Math.round(fcp)} ms, median of 5 loads (target <= 1000 ms)`]);
      targets.atMost('blockdev-add first contentful paint', fcp, 1000, 'ms');
    }
    for (const [k, v] of rows) console.log(`${k.padEnd(34)} ${v}`);
    // ---- the validator page: scripts/bench-validator.ts ----
    const { benchValidator, checkValidatorTargets, validatorRows } = await import('./bench-validator');
    const validator = await benchValidator(out, tree);
    for (const [k, v] of validatorRows(validator)) console.log(`${k.padEnd(34)} ${v}`);
    checkValidatorTargets(validator, targets);
  }
}

// ---- the site of six releases ----
const SIX_OUT = 'out-bench-six';
if (!args.includes('--no-six')) {
  if (!hasSixReleases()) {
    console.log(`${'six releases'.padEnd(34)} not measured: ${HOW_TO_GET}`);
  } else {
    const loadBefore = load();
    const built = buildSite({ QAPI_VERSIONS: SIX_RELEASES, QAPI_SCHEMA: '' }, SIX_OUT);
    const six = path.join(ROOT, SIX_OUT);
    const pages = countPages(six);
    const w = pageWeight(six, path.join('events', EVENT));
    const index = readFileSync(path.join(six, 'search-index.json'));
    const crawl = crawlSite(six);
    const rows6: [string, string][] = [
      [
        'six releases',
        SIX_RELEASES.split(',')
          .map((v) => v.split('=')[0])
          .join(', '),
      ],
      ['machine', `${cpus().length} cores, before: ${loadBefore}; after: ${load()}`],
      [
        'build time',
        `${built.seconds.toFixed(1)} s wall (target <= 180 s)${built.cpu !== null ? `, ${built.cpu.toFixed(1)} s CPU` : ''}` +
          ` (next build + postexport; removing the previous export took ${built.cleanSeconds.toFixed(1)} s before)`,
      ],
      ['pages', `${pages}, ${((built.seconds * 1000) / pages).toFixed(1)} ms per page`],
      ['export size', `${(dirSize(six) / 1024 / 1024).toFixed(1)} MB`],
      [`event page /events/${EVENT}/`, `${kb(w.html + w.css + w.js)} gzipped (HTML ${kb(w.html)}; target <= 150 KB)`],
      ['search index (default)', `${kb(index.length)} raw, ${kb(gzipSync(index).length)} gzipped (target <= 150 KB)`],
      [
        'crawl of every page',
        `${crawl.pages} pages, ${crawl.links} links: ${crawl.broken.length} lead nowhere, ` +
          `${crawl.masked.length} masked type numbers shown (target 0)${[...crawl.broken, ...crawl.masked]
            .slice(0, 3)
            .map((x) => `\n${' '.repeat(35)}${x}`)
            .join('')}`,
      ],
    ];
    console.log(built.post);
    for (const [k, v] of rows6) console.log(`${k.padEnd(34)} ${v}`);
    targets.atMost('six releases: build time', built.seconds, 180, 's');
    targets.atMost('six releases: event page weight', (w.html + w.css + w.js) / 1024, 150, 'KB');
    targets.atMost('six releases: search index (default), gzipped', gzipSync(index).length / 1024, 150, 'KB');
    targets.atMost('six releases: links that lead nowhere', crawl.broken.length, 0);
    targets.atMost('six releases: masked type numbers shown', crawl.masked.length, 0);
  }
}
targets.finish();
