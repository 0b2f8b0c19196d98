// Parse benchmark: how long loading a QAPI tree takes, in process and as a
// whole `qapi-explorer check` process, and that process against QEMU's own
// Python parser (scripts/qapi of the QEMU_SRC checkout, building
// QAPISchema(root)) run by run in pairs, alternating which goes first, so
// load on the machine hits both alike. Targets: <= 50 ms in process, and a
// whole `check` <= 0.25 x QEMU's parser (median of the paired ratios); the
// last line says whether they were met (exit 1 when not).
//
//   [QEMU_SRC=/path/to/qemu] npm run bench:parse [-- root.json] [--runs N] [--spawns N]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel, loadSchema } from '../lib/qapi/load';
import { nodeHost, releaseOfRoot } from '../lib/qapi/node';
import type { SchemaHost } from '../lib/qapi/parser';
import { Targets } from './bench-targets';
import { needQemuData, QEMU_SRC, QEMU_SRC_RELEASE, qemuTree } from './qemu-data';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv: string[]): { root: string | null; runs: number; spawns: number } {
  const out: { root: string | null; runs: number; spawns: number } = { root: null, runs: 20, spawns: 10 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') out.runs = Number(argv[++i]);
    else if (argv[i] === '--spawns') out.spawns = Number(argv[++i]);
    else out.root = argv[i];
  }
  return out;
}

function stats(samples: number[]): { median: number; min: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1] };
}

/** Wall-clock and CPU samples (ms) of f; CPU time is what a busy shared machine distorts least. */
interface Samples {
  wall: number[];
  cpu: number[];
}

function time(runs: number, warmup: number, f: () => void, cpuNow: () => number = ownCpuMs): Samples {
  for (let i = 0; i < warmup; i++) f();
  const out: Samples = { wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) {
    const c = cpuNow();
    const t = performance.now();
    f();
    out.wall.push(performance.now() - t);
    out.cpu.push(cpuNow() - c);
  }
  return out;
}

function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU time of reaped child processes (Linux /proc/self/stat cutime+cstime, in
 * clock ticks of 10 ms); NaN elsewhere.
 */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

/** nodeHost with every file read once up front, so parse+check is timed alone. */
function cachedHost(): SchemaHost {
  const cache = new Map<string, string>();
  return {
    readFile(p) {
      let text = cache.get(p);
      if (text === undefined) cache.set(p, (text = nodeHost.readFile(p)));
      return text;
    },
    resolve: nodeHost.resolve,
  };
}

function line(label: string, samples: Samples, unit: 'ms' | 's'): string {
  const { median, min, max } = stats(samples.wall);
  const f = (ms: number) => (unit === 's' ? `${(ms / 1000).toFixed(3)} s` : `${ms.toFixed(1)} ms`);
  const cpu = stats(samples.cpu).median;
  return `${label.padEnd(44)} median ${f(median).padStart(9)}   (min ${f(min)}, max ${f(max)}, n=${samples.wall.length}; median CPU ${Number.isNaN(cpu) ? '?' : f(cpu)})`;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.root === null) needQemuData('bench:parse', '10.2.2');
  const root = args.root ?? path.relative(process.cwd(), qemuTree('10.2.2'));
  const { runs, spawns } = args;
  const targets = new Targets('bench:parse');
  const options = releaseOfRoot(root).rules;
  const host = cachedHost();
  // the first load pays for compiling the parser: what a one-shot CLI run sees
  const coldStart = performance.now();
  loadSchema(root, nodeHost, options);
  const cold = performance.now() - coldStart;
  const files = new Set<string>();
  const countingHost: SchemaHost = { readFile: (p) => (files.add(p), host.readFile(p)), resolve: host.resolve };
  loadSchema(root, countingHost, options);
  const bytes = [...files].reduce((n, f) => n + Buffer.byteLength(host.readFile(f)), 0);
  const entities = loadModel(root, host, options).entities.length;

  console.log(`bench:parse ${root}`);
  console.log(`  ${files.size} files, ${(bytes / 1024).toFixed(0)} KiB, ${entities} entities; node ${process.version}`);
  console.log(
    `${'in process: first load (cold JIT, file reads)'.padEnd(44)} once   ${`${cold.toFixed(1)} ms`.padStart(9)}`,
  );
  const parseCheck = time(runs, 5, () => loadSchema(root, host, options));
  console.log(line('in process: parse+check (loadSchema)', parseCheck, 'ms'));
  targets.atMost('parse+check in process', stats(parseCheck.wall).median, 50, 'ms');
  console.log(
    line(
      'in process: parse+check+model (loadModel)',
      time(runs, 3, () => loadModel(root, host, options)),
      'ms',
    ),
  );
  console.log(
    line(
      'in process: with file reads (nodeHost)',
      time(runs, 3, () => loadModel(root, nodeHost, options)),
      'ms',
    ),
  );

  // run as an installed bin runs: the file itself, through its #! line
  const bin = path.join(projectRoot, 'bin', 'qapi-explorer.cjs');
  const spawnOnce = () => {
    const r = spawnSync(bin, ['check', '--quiet', root], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`qapi-explorer check exited ${r.status}: ${r.stderr}`);
  };
  console.log(line('whole process: qapi-explorer check', time(spawns, 1, spawnOnce, childrenCpuMs), 's'));
  const bare = (env: NodeJS.ProcessEnv) => () => void spawnSync(process.execPath, ['-e', '0'], { env });
  console.log(line('  for scale: bare `node -e 0`', time(spawns, 1, bare(process.env), childrenCpuMs), 's'));
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const { NODE_EXTRA_CA_CERTS: _certs, ...withoutCerts } = process.env;
    console.log(
      line('  the same without NODE_EXTRA_CA_CERTS', time(spawns, 1, bare(withoutCerts), childrenCpuMs), 's'),
    );
  }
  const ratio = comparePaired(root, spawnOnce, spawns);
  if (ratio !== null) targets.atMost("whole-process check / QEMU's parser (wall, paired)", ratio, 0.25);
  console.log(`targets: <= 50 ms in process, whole process <= 0.25 x QEMU's parser`);
  targets.finish();
}

/**
 * Runs `qapi-explorer check` and QEMU's parser back to back `pairs` times;
 * prints the per-pair ratios, returns the median wall-time ratio (null
 * without QEMU's parser to compare with).
 */
function comparePaired(root: string, ours: () => void, pairs: number): number | null {
  const scripts = path.join(QEMU_SRC, 'scripts');
  if (!QEMU_SRC || !existsSync(path.join(scripts, 'qapi', 'schema.py'))) {
    console.log(`QEMU's parser: not measured; set QEMU_SRC to a QEMU source checkout (its scripts/qapi) to compare`);
    return null;
  }
  const code = `import sys; sys.path.insert(0, ${JSON.stringify(scripts)}); from qapi.schema import QAPISchema; QAPISchema(${JSON.stringify(path.resolve(root))})`;
  const qemu = () => {
    const r = spawnSync('python3', ['-c', code], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`QEMU's parser exited ${r.status}: ${r.stderr}`);
  };
  qemu(); // warm the file cache and Python's bytecode cache, as ours was warmed above
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const measure = (f: () => void) => {
      const c = childrenCpuMs();
      const t = performance.now();
      f();
      return { wall: performance.now() - t, cpu: childrenCpuMs() - c };
    };
    const [a, b] = i % 2 ? [measure(qemu), measure(ours)].reverse() : [measure(ours), measure(qemu)];
    wall.push(a!.wall / b!.wall);
    cpu.push(a!.cpu / b!.cpu);
  }
  const r = (x: { median: number; min: number; max: number }) =>
    `${x.median.toFixed(2)} (min ${x.min.toFixed(2)}, max ${x.max.toFixed(2)})`;
  console.log(`QEMU ${QEMU_SRC_RELEASE || '?'} parser (python3, QAPISchema) vs qapi-explorer check, ${pairs} pairs:`);
  console.log(`  ratio of wall time, ours / QEMU's: median ${r(stats(wall))}`);
  console.log(`  ratio of CPU time,  ours / QEMU's: median ${r(stats(cpu))}`);
  return stats(wall).median;
}

main();
