// `npm run bench:watch`: can `qapi-explorer watch` keep up with a QEMU that
// sends 10,000 events a second, in flat memory? A fake monitor in this
// process (scripts/fake-qmp.ts: QEMU 7.2.22's greeting and schema from
// ../shared/qemu-builds, the events Debian's QEMU sent, cycled) serves the
// real command (bin/qapi-explorer.cjs watch, text output) in a child process:
//   - at full speed, N events as fast as watch reads them: events/s;
//   - at 10,000 events/s for a while: how late each event's line comes out
//     from when it was due to be sent, once watch has caught up with the
//     events QEMU sent while the session opened (from capabilities
//     negotiation on, before watch has its schema), and how long that took;
//     the child's RSS after 10,000 events and at the end, and its peak.
// Medians of several runs; the last line says whether a target is missed.
//
//   npm run bench:watch [-- --events N] [--seconds S] [--runs R]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eventStream, startFakeQmp, streamIndex } from './fake-qmp';
import { ROOT, sharedPath } from './qemu-data';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    seconds: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
  },
});
const FULL = Number(values.events);
const RATE = 10_000;
const SECONDS = Number(values.seconds);
const RUNS = Number(values.runs);

const recording = readFileSync(sharedPath('qemu-builds', 'qemu-7.2.22-x86_64.qmp'), 'utf8');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The child's resident set and its peak so far in MiB, and the CPU it has used in seconds, from /proc (0 without). */
function usage(pid: number): { rss: number; peak: number; cpu: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    // /proc/PID/stat: utime and stime are fields 14 and 15, in clock ticks (100 a second on Linux)
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / 100;
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024, cpu };
  } catch {
    return { rss: 0, peak: 0, cpu: 0 };
  }
}

interface Run {
  seconds: number;
  /** per event once caught up: ms from when it was due to when its line came out */
  lateness: number[];
  /** ms from the session's opening until an event's line comes out within 100 ms of when it was due */
  catchUp: number;
  rssAt10k: number;
  rssAtEnd: number;
  peak: number;
  /** CPU seconds the child spent from the session's opening to the last event */
  cpu: number;
}

/** One watch over `count` events (at `rate` per second, or as fast as it reads). */
async function watchRun(count: number, rate?: number): Promise<Run> {
  let startedAt = 0;
  const server = await startFakeQmp({
    recording,
    events: () => eventStream(count),
    hold: true,
    ...(rate ? { rate } : {}),
    onStart: (at) => (startedAt = at),
  });
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'qapi-explorer.cjs'), 'watch', server.address], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let openedAt = Infinity;
  let caughtUp = false;
  let catchUp = 0;
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    if (text.includes(' events in its schema')) {
      openedAt = performance.now();
      cpuAtOpen = usage(child.pid!).cpu;
    } else process.stderr.write(text);
  });
  const lateness: number[] = [];
  let seen = 0;
  let rssAt10k = 0;
  let cpuAtOpen = 0;
  let pending = '';
  const done = new Promise<Run>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      const now = performance.now();
      const lines = (pending + text).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (!/^\d{4}-/.test(line)) continue;
        const i = streamIndex(Date.parse(line.slice(0, 19) + 'Z') / 1000, Number(line.slice(20, 26)));
        if (i !== seen) reject(new Error(`event ${i} came where ${seen} was due`));
        seen++;
        const due = startedAt + (i * 1000) / (rate ?? Infinity);
        if (rate && !caughtUp && now - due <= 100) {
          caughtUp = true;
          catchUp = now - openedAt;
        }
        if (caughtUp) lateness.push(now - due);
        if (seen === 10_000) rssAt10k = usage(child.pid!).rss;
        if (seen === count) {
          // all seen, the connection still open: the child's memory now, then the end
          const { rss, peak, cpu } = usage(child.pid!);
          const seconds = (now - startedAt) / 1000;
          resolve({ seconds, lateness, catchUp, rssAt10k, rssAtEnd: rss, peak, cpu: cpu - cpuAtOpen });
          void server.close();
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`watch exited (${code}) after ${seen} of ${count} events`)));
  });
  try {
    return await done;
  } finally {
    await new Promise((r) => (child.exitCode === null ? child.on('exit', r) : r(null)));
  }
}

const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)]!;

const full: Run[] = [];
const paced: Run[] = [];
for (let r = 0; r < RUNS; r++) {
  full.push(await watchRun(FULL));
  paced.push(await watchRun(RATE * SECONDS, RATE));
}
const perSecond = median(full.map((r) => FULL / r.seconds));
/** what one core would do were it watch's alone: events per CPU second (the machine is shared; this is not) */
const perCpuSecond = median(full.map((r) => FULL / r.cpu));
const p99 = median(paced.map((r) => percentile(r.lateness, 0.99)));
const worst = median(paced.map((r) => Math.max(...r.lateness)));
const catchUp = median(paced.map((r) => r.catchUp));
const at10k = median(paced.map((r) => r.rssAt10k));
const atEnd = median(paced.map((r) => r.rssAtEnd));
const peak = median(paced.map((r) => r.peak));
console.log(
  `full speed: ${FULL} events, ${Math.round(perSecond)} events/s; ${Math.round(perCpuSecond)} events per CPU second ` +
    `(${((1e6 * median(full.map((r) => r.cpu))) / FULL).toFixed(1)} µs each; medians of ${RUNS} runs)`,
);
console.log(
  `at ${RATE} events/s for ${SECONDS} s: caught up ${catchUp.toFixed(0)} ms after the session opened, then each ` +
    `event's line out ${median(paced.map((r) => percentile(r.lateness, 0.5))).toFixed(1)} ms after it was due, ` +
    `99th percentile ${p99.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
);
console.log(
  `memory (RSS) after 10,000 events ${at10k.toFixed(1)} MiB, after ${RATE * SECONDS} ${atEnd.toFixed(1)} MiB, ` +
    `peak ${peak.toFixed(1)} MiB`,
);
const misses = [
  perCpuSecond < RATE && `${Math.round(perCpuSecond)} events per CPU second < ${RATE}`,
  p99 > 1000 && `99th percentile lateness ${p99.toFixed(0)} ms > 1 s (it does not keep up)`,
  catchUp > 5000 && `caught up ${(catchUp / 1000).toFixed(1)} s after the session opened (> 5 s)`,
  atEnd - at10k > 16 && `RSS grew ${(atEnd - at10k).toFixed(1)} MiB from 10,000 events to the end (> 16 MiB)`,
].filter(Boolean);
console.log(
  misses.length
    ? `bench:watch: MISSES its target: ${misses.join('; ')}`
    : `bench:watch: keeps up at ${RATE} events/s (${Math.round(perCpuSecond)} per CPU second), memory flat: meets its target`,
);
