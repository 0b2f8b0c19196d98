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
import { qemuTree } from './qemu-data';

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

let buildSeconds: number | null = null;
let buildCpu: number | null = null;
if (!args.includes('--no-build')) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ROOT,
    env: { ...process.env, QAPI_SCHEMA: tree, QAPI_VERSIONS: '', EXPORT_DIR: OUT, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  const post = spawnSync(process.execPath, [path.join(ROOT, 'scripts/postexport.mjs'), OUT], { cwd: ROOT, encoding: 'utf8' });
  if (post.status !== 0) {
    console.error(post.stdout, post.stderr);
    process.exit(1);
  }
  buildSeconds = (performance.now() - started) / 1000;
  const cpu = childCpuSeconds();
  buildCpu = cpu;
  console.log(post.stdout.trim());
}

const out = path.join(ROOT, OUT);
if (!existsSync(path.join(out, 'index.html'))) {
  console.error(`${OUT}/ is missing: run without --no-build`);
  process.exit(1);
}

// The event page and every stylesheet and script it references.
const pageFile = path.join(out, 'events', EVENT, 'index.html');
const html = readFileSync(pageFile, 'utf8');
// Scripts marked noModule are never loaded by the browsers that run modules.
const assets = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:href|src)="(\/_(?:next\/static|site)\/[^"]+\.(?:css|js))"[^>]*>/g)]
  .filter((m) => !/noModule/i.test(m[0]))
  .map((m) => m[1]!);
const unique = [...new Set(assets)];
const gzHtml = gzipSync(html).length;
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
  ['build time', buildSeconds === null ? '(not built)' : `${buildSeconds.toFixed(1)} s wall (target <= 60 s)${buildCpu !== null ? `, ${buildCpu.toFixed(1)} s CPU` : ''}`],
  ['pages', String(countPages(out))],
  [`event page /events/${EVENT}/`, `${kb(gzHtml + gzCss + gzJs)} gzipped (HTML ${kb(gzHtml)} + CSS ${kb(gzCss)} + JS ${kb(gzJs)}, ${unique.length} files; target <= 150 KB)`],
  ['search index', `${kb(indexRaw)} raw, ${kb(indexGz)} gzipped (fetched on first search)`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(34)} ${v}`);

// ---- the validator page (issue 5): scripts/bench-validator.ts, measured in Chromium ----
async function printValidatorBudgets(): Promise<void> {
  const { benchValidator, validatorRows } = await import('./bench-validator');
  try {
    for (const [k, v] of validatorRows(await benchValidator(out, tree))) console.log(`${k.padEnd(34)} ${v}`);
  } catch (err) {
    console.log(`${'/validate'.padEnd(34)} not measured: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
}
await printValidatorBudgets();
