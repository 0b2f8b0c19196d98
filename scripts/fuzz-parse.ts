// Parser fuzzer: seeded mutants of a real QAPI tree, each
// loaded through an in-memory SchemaHost. Every failure must be a QapiError
// with file, line and message; anything else is a crash, and so is a load
// over 1 s that is also 3x slower than the unmutated tree (a busy machine is
// not a hang).
// Mutants run in a worker thread watched from here, so even a true infinite
// loop is caught (the worker is replaced and the run goes on).
// Then the hostile shapes of lib/qapi/fuzz/shapes.ts (union chains and
// diamonds, chains of bases, nested arrays in a dump, deeply nested bullets
// in a doc comment), each loaded and its doc text parsed as the site parses
// it, in the same watched worker: each must load or fail with a located error.
//
//   npm run fuzz:parse -- [--seed N] [--count N] [--tree DIR] [--only I]
//
// The last line printed is the number of crashes. Crashing mutants are
// written to .cache/fuzz-crashes/ for replay (--seed N --only I).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Campaign, errorProblem, type Corpus, type MutantResult } from '../lib/qapi/fuzz/campaign';
import { memoryHost } from '../lib/qapi/fuzz/memory-host';
import { hostileShapes, type Shape } from '../lib/qapi/fuzz/shapes';
import { loadModel } from '../lib/qapi/load';
import type { SchemaModel } from '../lib/qapi/model';
import { optionsForTree } from '../lib/qapi/options';
import { loadRootModel } from '../lib/qapi/root';
import { parseRst } from '../lib/site/rst/blocks';
import { sharedPath } from './qemu-data';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_TREE = sharedPath('qemu', '10.2.2', 'qapi');
/** No result for this long means the worker is stuck. The 1 s limit is checked in the worker,
 * whose retries of a slow mutant may take several seconds on a busy machine. */
const WATCHDOG_MS = 30_000;

/** Read a tree's *.json files; names are '<dir>/<file>' as the loader will spell them. */
export function readCorpus(treeDir: string): Corpus {
  const dir = path.basename(treeDir);
  const files = new Map<string, string>();
  for (const name of readdirSync(treeDir).sort()) {
    if (name.endsWith('.json')) files.set(`${dir}/${name}`, readFileSync(path.join(treeDir, name), 'utf8'));
  }
  return { dir, root: `${dir}/qapi-schema.json`, files, options: optionsForTree(treeDir) };
}

/** The worker runs this same TypeScript file, so it registers tsx's loader first. */
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`;

interface Job {
  tree: string;
  seed: number;
  from: number;
  to: number;
  /** run hostileShapes()[from, to) instead of mutants */
  shapes?: true;
}

/** One hostile shape through the reader and the site's rST parser; reported like a mutant. */
function runShape(shape: Shape, index: number): MutantResult {
  const name = shape.kind === 'tree' ? 'shape.json' : 'shape.replies';
  const files = new Map([[name, shape.text]]);
  const result: MutantResult = {
    index,
    file: shape.name,
    root: name,
    applied: ['shape'],
    verdict: 'loaded',
    detail: '',
    ms: 0,
  };
  const started = performance.now();
  try {
    // the trees of bullets are read as QEMU 10.0 reads them: 10.2 would refuse their long doc lines first
    const model: SchemaModel =
      shape.kind === 'dump'
        ? loadRootModel(name, memoryHost(files))
        : loadModel(name, memoryHost(files), optionsForTree(shape.name.includes('bullets') ? '10.0' : '10.2'));
    for (const e of model.entities) for (const section of e.doc?.sections ?? []) parseRst(section.text);
  } catch (err) {
    const problem = errorProblem(err, files);
    result.verdict = problem === null ? 'rejected' : 'crash';
    result.detail = problem ?? String(err);
  }
  result.ms = performance.now() - started;
  return result;
}

type WorkerMessage = { type: 'ready' } | { type: 'result'; result: MutantResult };

function workerMain(job: Job): void {
  if (job.shapes) {
    const shapes = hostileShapes();
    parentPort!.postMessage({ type: 'ready' } satisfies WorkerMessage);
    for (let i = job.from; i < job.to; i++)
      parentPort!.postMessage({ type: 'result', result: runShape(shapes[i]!, i) } satisfies WorkerMessage);
    return;
  }
  const campaign = new Campaign(readCorpus(job.tree), job.seed);
  parentPort!.postMessage({ type: 'ready' } satisfies WorkerMessage);
  for (let i = job.from; i < job.to; i++) {
    const result = campaign.run(i);
    if (result.verdict !== 'crash') delete result.text;
    parentPort!.postMessage({ type: 'result', result } satisfies WorkerMessage);
  }
}

interface Options {
  tree: string;
  seed: number;
  count: number;
  only: number | null;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { tree: DEFAULT_TREE, seed: 1, count: 10_000, only: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--seed') opts.seed = Number(value) >>> 0;
    else if (flag === '--count') opts.count = Number(value);
    else if (flag === '--tree') opts.tree = path.resolve(value);
    else if (flag === '--only') opts.only = Number(value);
    else throw new Error(`unknown argument '${flag}'`);
    i++;
  }
  return opts;
}

/** Run mutants [from, to) in a worker; resolves with results, a watchdog turns a stall into a crash. */
function runInWorker(job: Job, onResult: (r: MutantResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = job.from;
    let last = Date.now();
    let ready = false;
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: job });
    /** Counts the mutant the worker was on as a crash and goes on with the rest in a new worker. */
    const crashAndGoOn = (ms: number, detail: string): void => {
      onResult({ index: next, file: '?', root: '?', applied: [], verdict: 'crash', ms, detail });
      const rest = { ...job, from: next + 1 };
      (rest.from < job.to ? runInWorker(rest, onResult) : Promise.resolve()).then(resolve, reject);
    };
    const timer = setInterval(() => {
      if (!ready || Date.now() - last < WATCHDOG_MS) return;
      clearInterval(timer);
      void worker.terminate();
      crashAndGoOn(Date.now() - last, `hang: no result within ${WATCHDOG_MS} ms (worker terminated)`);
    }, 200);
    worker.on('message', (m: WorkerMessage) => {
      last = Date.now();
      if (m.type === 'ready') ready = true;
      else {
        next = m.result.index + 1;
        onResult(m.result);
      }
    });
    worker.on('error', (err) => {
      clearInterval(timer);
      if (!ready) return reject(err); // a broken setup, not a crash of the parser
      // the worker itself died (e.g. out of memory)
      crashAndGoOn(0, `worker died: ${String(err)}`);
    });
    worker.on('exit', () => {
      clearInterval(timer);
      if (next >= job.to) resolve();
    });
  });
}

function saveCrash(seed: number, r: MutantResult): string | null {
  if (r.text === undefined) return null;
  const dir = path.join(projectRoot, '.cache', 'fuzz-crashes');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `seed${seed}-${r.index}-${path.basename(r.file)}`);
  writeFileSync(file, r.text);
  return path.relative(projectRoot, file);
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.only !== null) {
    const campaign = new Campaign(readCorpus(opts.tree), opts.seed);
    const r = campaign.run(opts.only);
    console.log(
      `mutant ${r.index}: ${r.file} via ${r.root} [${r.applied.join(', ')}] -> ${r.verdict} in ${r.ms.toFixed(1)} ms`,
    );
    console.log(r.detail);
    const saved = saveCrash(opts.seed, { ...r, text: campaign.mutant(opts.only).files.get(r.file) });
    console.log(`mutated file written to ${saved}`);
    return r.verdict === 'crash' ? 1 : 0;
  }

  const started = performance.now();
  const verdicts = { loaded: 0, rejected: 0, crash: 0 };
  const crashes: MutantResult[] = [];
  const messages = new Map<string, number>();
  const times: number[] = [];
  await runInWorker({ tree: opts.tree, seed: opts.seed, from: 0, to: opts.count }, (r) => {
    verdicts[r.verdict]++;
    times.push(r.ms);
    if (r.verdict === 'crash') crashes.push(r);
    if (r.verdict === 'rejected') {
      const stem = r.detail
        .split('\n')
        .pop()!
        .replace(/^.*?:\d+(:\d+)?: /, '')
        .replace(/'[^']*'/g, "'…'");
      messages.set(stem, (messages.get(stem) ?? 0) + 1);
    }
    const done = verdicts.loaded + verdicts.rejected + verdicts.crash;
    if (done % 1000 === 0) process.stderr.write(`  ${done}/${opts.count} mutants, ${verdicts.crash} crashes\n`);
  });
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const total = times.length;

  console.log(`fuzz:parse seed ${opts.seed}, tree ${path.relative(projectRoot, opts.tree)}`);
  console.log(
    `${total} mutants in ${seconds.toFixed(1)} s: ${verdicts.loaded} loaded, ${verdicts.rejected} rejected with a QapiError, ${verdicts.crash} crashes`,
  );
  console.log(
    `load time per mutant: median ${times[total >> 1]?.toFixed(1)} ms, max ${times[total - 1]?.toFixed(1)} ms`,
  );
  console.log(`distinct error messages: ${messages.size}; most common:`);
  for (const [stem, n] of [...messages].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`  ${String(n).padStart(5)}  ${stem}`);

  const shapes: MutantResult[] = [];
  await runInWorker({ tree: opts.tree, seed: opts.seed, from: 0, to: hostileShapes().length, shapes: true }, (r) =>
    shapes.push(r),
  );
  console.log(`hostile shapes (lib/qapi/fuzz/shapes.ts): ${shapes.length}`);
  for (const r of shapes) {
    const outcome =
      r.verdict === 'rejected'
        ? `rejected: ${r.detail
            .split('\n')
            .pop()!
            .replace(/^.*?: /, '')}`
        : r.verdict;
    console.log(`  ${r.file.padEnd(40)} ${`${Math.round(r.ms)} ms`.padStart(9)}  ${outcome.slice(0, 100)}`);
    if (r.verdict === 'crash') {
      verdicts.crash++;
      crashes.push(r);
    }
  }
  for (const r of crashes.slice(0, 20)) {
    if (r.applied[0] === 'shape') {
      console.log(`\nCRASH hostile shape '${r.file}' (lib/qapi/fuzz/shapes.ts)`);
      console.log(r.detail.split('\n').slice(0, 8).join('\n'));
      continue;
    }
    const saved = saveCrash(opts.seed, r);
    console.log(`\nCRASH mutant ${r.index} (${r.file} via ${r.root}, [${r.applied.join(', ')}])`);
    console.log(r.detail.split('\n').slice(0, 8).join('\n'));
    console.log(
      `  replay: npm run fuzz:parse -- --seed ${opts.seed} --only ${r.index}${saved ? `  (mutant saved as ${saved})` : ''}`,
    );
  }
  console.log(`crashes: ${verdicts.crash}`);
  return verdicts.crash === 0 ? 0 : 1;
}

if (!isMainThread) {
  workerMain(workerData as Job);
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => (process.exitCode = code));
}
