// npm run bench:site — builds the docs site for QEMU 10.2.2's tree and prints
// the numbers the site issue budgets: build time (target <= 60 s on a 2-core
// machine), page count, the gzipped weight of an event page with everything
// it loads (HTML + CSS + JS; target <= 150 KB) and the search index size.
// Then builds the site of six releases (10.2.2+seed as default, 11.1.3 from
// its build, 10.2.2, 10.0.13, 7.2.0, 5.2.0: SIX_RELEASES of qemu-data.ts) and
// prints its build time (target <= 180 s), pages, ms per page, export size,
// event page weight, the default's search index, and a crawl of every page
// (links that lead nowhere, masked type numbers shown: target 0).
//   npx tsx scripts/bench-site.ts [--no-build] [--no-six | --six-only] [--tree ../shared/qemu/10.2.2/qapi/qapi-schema.json]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { crawlSite } from './crawl-site';
import { hasSixReleases, HOW_TO_GET, qemuTree, SIX_RELEASES } from './qemu-data';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = 'out-bench';
const args = process.argv.slice(2);
const treeArg = args.indexOf('--tree');
const tree = treeArg >= 0 ? args[treeArg + 1]! : qemuTree('10.2.2');
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

/** CPU seconds (user + sys) of this process's finished children, from /proc (Linux only). */
function childCpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** next build + postexport into `outDir`; wall and CPU seconds (CPU from /proc, Linux only). */
interface Built {
  seconds: number;
  cpu: number | null;
  post: string;
  cleanSeconds: number;
}

function buildSite(env: Record<string, string>, outDir: string): Built {
  // Next deletes the previous export first: thousands of files, timed apart (not building).
  const cleanStarted = performance.now();
  rmSync(path.join(ROOT, outDir), { recursive: true, force: true });
  const cleanSeconds = (performance.now() - cleanStarted) / 1000;
  const started = performance.now();
  const cpuBefore = childCpuSeconds();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ROOT,
    env: { ...process.env, ...env, EXPORT_DIR: outDir, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  const post = spawnSync(process.execPath, [path.join(ROOT, 'scripts/postexport.mjs'), outDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (post.status !== 0) {
    console.error(post.stdout, post.stderr);
    process.exit(1);
  }
  const cpuAfter = childCpuSeconds();
  return {
    seconds: (performance.now() - started) / 1000,
    cpu: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
    post: post.stdout.trim(),
    cleanSeconds,
  };
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
  for (const [k, v] of rows) console.log(`${k.padEnd(34)} ${v}`);

  // ---- the validator page: scripts/bench-validator.ts, measured in Chromium ----
  async function printValidatorBudgets(): Promise<void> {
    const { benchValidator, validatorRows } = await import('./bench-validator');
    try {
      for (const [k, v] of validatorRows(await benchValidator(out, tree))) console.log(`${k.padEnd(34)} ${v}`);
    } catch (err) {
      console.log(
        `${'/validate'.padEnd(34)} not measured: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      );
    }
  }
  await printValidatorBudgets();
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
    const missed = [
      built.seconds > 180 && `build ${built.seconds.toFixed(0)} s > 180 s`,
      crawl.broken.length + crawl.masked.length > 0 && 'crawl found faults',
    ].filter(Boolean);
    console.log(missed.length ? `bench:site: missed: ${missed.join('; ')}` : 'bench:site: six releases within targets');
  }
}
