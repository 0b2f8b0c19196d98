// npm run bench:site — builds the docs site for QEMU 10.2.2's tree and prints
// the numbers the site issue budgets: build time (target <= 60 s on a 2-core
// machine), page count, the gzipped weight of an event page with everything
// it loads (HTML + CSS + JS; target <= 150 KB) and the search index size.
//   npx tsx scripts/bench-site.ts [--no-build] [--tree ../shared/qemu/10.2.2/qapi/qapi-schema.json]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = 'out-bench';
const args = process.argv.slice(2);
const treeArg = args.indexOf('--tree');
const tree = treeArg >= 0 ? args[treeArg + 1]! : '../shared/qemu/10.2.2/qapi/qapi-schema.json';
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

let buildSeconds: number | null = null;
if (!args.includes('--no-build')) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ROOT,
    env: { ...process.env, QAPI_SCHEMA: tree, QAPI_VERSIONS: '', EXPORT_DIR: OUT, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  buildSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
}

const out = path.join(ROOT, OUT);
if (!existsSync(path.join(out, 'index.html'))) {
  console.error(`${OUT}/ is missing: run without --no-build`);
  process.exit(1);
}

// The event page and every stylesheet and script it references.
const pageFile = path.join(out, 'events', EVENT, 'index.html');
const html = readFileSync(pageFile, 'utf8');
const assets = [...html.matchAll(/(?:href|src)="(\/_next\/static\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!);
const unique = [...new Set(assets)];
let gzHtml = gzipSync(html).length;
let gzCss = 0;
let gzJs = 0;
for (const a of unique) {
  const gz = gzipSync(readFileSync(path.join(out, a))).length;
  if (a.endsWith('.css')) gzCss += gz;
  else gzJs += gz;
}
const index = path.join(out, 'search-index.json');
const indexRaw = statSync(index).size;
const indexGz = gzipSync(readFileSync(index)).length;

const rows: [string, string][] = [
  ['tree', tree],
  ['machine', `${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`],
  ['build time', buildSeconds === null ? '(not built)' : `${buildSeconds.toFixed(1)} s (target <= 60 s)`],
  ['pages', String(countPages(out))],
  [`event page /events/${EVENT}/`, `${kb(gzHtml + gzCss + gzJs)} gzipped (HTML ${kb(gzHtml)} + CSS ${kb(gzCss)} + JS ${kb(gzJs)}, ${unique.length} files; target <= 150 KB)`],
  ['search index', `${kb(indexRaw)} raw, ${kb(indexGz)} gzipped (fetched on first search)`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(34)} ${v}`);
