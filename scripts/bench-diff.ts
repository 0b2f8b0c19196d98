// Diff benchmark: how long lib/diff takes to compare two loaded schema models
// (loading excluded), in process. The target is <= 100 ms for QEMU 10.0.13 ->
// 10.2.2; the last line says whether it was met (exit 1 when not).
//
//   npm run bench:diff [-- old-root.json new-root.json] [--runs N]
import path from 'node:path';
import { diffSchemas } from '../lib/diff/diff';
import { buildHistory } from '../lib/diff/history';
import { loadModelFromDisk } from '../lib/qapi/node';
import { Targets } from './bench-targets';
import { needQemuData, qemuTree } from './qemu-data';

const tree = (release: string) => path.relative(process.cwd(), qemuTree(release));

function parseArgs(argv: string[]): { roots: string[]; runs: number } {
  const roots: string[] = [];
  let runs = 30;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else roots.push(argv[i]);
  }
  if (roots.length === 2) return { roots, runs };
  needQemuData('bench:diff', '10.0.13', '10.2.2');
  return { roots: [tree('10.0.13'), tree('10.2.2')], runs };
}

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Wall-clock and CPU samples (ms); CPU time is what a busy shared machine distorts least. */
function time(runs: number, warmup: number, f: () => void): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < warmup; i++) f();
  const out = { wall: [] as number[], cpu: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f();
    out.wall.push(performance.now() - t);
    const { user, system } = process.cpuUsage(c);
    out.cpu.push((user + system) / 1000);
  }
  return out;
}

function line(label: string, { wall, cpu }: { wall: number[]; cpu: number[] }): string {
  const s = [...wall].sort((a, b) => a - b);
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  return (
    `${label.padEnd(44)} median ${f(median(s)).padStart(9)}   ` +
    `(min ${f(s[0])}, max ${f(s[s.length - 1])}, n=${s.length}; median CPU ${f(median(cpu))})`
  );
}

function main(): void {
  const { roots, runs } = parseArgs(process.argv.slice(2));
  const [oldModel, newModel] = roots.map((r) => loadModelFromDisk(r));
  const coldStart = performance.now();
  const diff = diffSchemas(oldModel, newModel);
  const cold = performance.now() - coldStart;
  const json = JSON.stringify(diff);

  console.log(`bench:diff ${roots[0]} -> ${roots[1]}`);
  console.log(
    `  ${diff.changes.length} wire changes (${diff.changes.filter((c) => c.verdict === 'incompatible').length} ` +
      `incompatible), ${diff.docs.length} doc changes; JSON ${(json.length / 1024).toFixed(1)} KiB; ` +
      `node ${process.version}`,
  );
  console.log(`${'diff, first run (cold JIT)'.padEnd(44)} once   ${`${cold.toFixed(1)} ms`.padStart(9)}`);
  const timed = time(runs, 5, () => diffSchemas(oldModel, newModel));
  console.log(line('diff (diffSchemas)', timed));
  const releases = [
    { label: 'old', model: oldModel },
    { label: 'new', model: newModel },
    { label: 'old again', model: oldModel },
  ];
  const history = time(Math.max(5, runs >> 2), 2, () => buildHistory(releases));
  console.log(line('history of 3 releases (buildHistory)', history));
  console.log('target: diff <= 100 ms in process');
  const targets = new Targets('bench:diff');
  targets.atMost('diff in process', median(timed.wall), 100, 'ms');
  targets.finish();
}

main();
