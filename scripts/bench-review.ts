// Review benchmark: `qapi-explorer review` of the seed (the reply as posted)
// as a whole process, paired run by run with one `qapi-explorer check` of its
// base tree (alternating which goes first, so load on the machine hits both
// alike), and the review in process (what the /review page's worker spends,
// start-up aside). Prints medians; the last line says whether the whole
// process met its target (<= 1 s).
//
//   npm run bench:review [-- --runs N]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { diskTree } from '../cli/review-trees';
import { reviewPatch } from '../lib/review/index';
import { qemuDir, ROOT, sharedPath } from './qemu-data';

const TARGET_S = 1;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
const bin = path.join(ROOT, 'bin', 'qapi-explorer.cjs');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** CPU seconds of reaped children (Linux /proc/self/stat cutime+cstime, ticks of 10 ms); NaN elsewhere. */
function childrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return NaN;
  }
}

function timed(args: string[], status: number): { wall: number; cpu: number } {
  const cpu = childrenCpu();
  const t = performance.now();
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== status) throw new Error(`qapi-explorer ${args[0]} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: childrenCpu() - cpu };
}

async function main(): Promise<void> {
  const base = qemuDir('10.2.2');
  if (!base) {
    console.log('bench:review: needs QEMU 10.2.2 (../shared or QEMU_SRC)');
    return;
  }
  const seed = sharedPath('seed', 'vfio-migration-prepare-reply.txt');
  const review = ['review', '--base', base, seed];
  const check = ['check', '--quiet', path.join(base, 'qapi', 'qapi-schema.json')];
  timed(review, 0);
  timed(check, 0);
  const r: { wall: number; cpu: number }[] = [];
  const c: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      c.push(timed(check, 0));
      r.push(timed(review, 0));
    } else {
      r.push(timed(review, 0));
      c.push(timed(check, 0));
    }
  }
  const tree = diskTree(base, ROOT);
  if (typeof tree === 'string') throw new Error(tree);
  const text = readFileSync(seed, 'utf8');
  const inProcess: number[] = [];
  const inProcessCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    await reviewPatch(text, [tree]);
    inProcess.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    inProcessCpu.push((used.user + used.system) / 1000);
  }
  const s = (x: number) => `${x.toFixed(3)} s`;
  const wall = median(r.map((x) => x.wall));
  console.log(`bench:review the seed reply against ${base} (${runs} runs each; node ${process.version})`);
  console.log(`whole process: qapi-explorer review   median ${s(wall)} wall, ${s(median(r.map((x) => x.cpu)))} CPU`);
  console.log(
    `whole process: qapi-explorer check    median ${s(median(c.map((x) => x.wall)))} wall, ${s(median(c.map((x) => x.cpu)))} CPU`,
  );
  console.log(
    `review / check, paired run by run:    median ${median(r.map((x, i) => x.wall / c[i]!.wall)).toFixed(2)}× wall, ` +
      `${median(r.map((x, i) => x.cpu / c[i]!.cpu)).toFixed(2)}× CPU`,
  );
  console.log(
    `in process (warm): reviewPatch        median ${median(inProcess).toFixed(0)} ms wall, ${median(inProcessCpu).toFixed(0)} ms CPU`,
  );
  const load = `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
  console.log(
    wall <= TARGET_S
      ? `review of the seed: ${s(wall)} <= ${TARGET_S} s target (${load})`
      : `review of the seed: ${s(wall)} MISSES the ${TARGET_S} s target (CPU ${s(median(r.map((x) => x.cpu)))}; ${load})`,
  );
}

await main();
