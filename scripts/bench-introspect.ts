// Introspection benchmark: how long reading a query-qmp-schema dump into the
// schema model takes in process (find the reply, check every SchemaInfo,
// build the model), for each of libvirt's six dumps or the files given.
// Prints medians; the target is <= 50 ms for the largest dump, and the last
// line says whether it was met (exit 1 when not).
//
//   npm run bench:introspect [-- file.replies ...] [--runs N]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readIntrospection } from '../lib/qapi/introspect/index';
import { Targets } from './bench-targets';
import { needQemuData, sharedPath } from './qemu-data';

const DUMPS = sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata');

function parseArgs(argv: string[]): { files: string[]; runs: number } {
  const out = { files: [] as string[], runs: 30 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') out.runs = Number(argv[++i]);
    else out.files.push(argv[i]!);
  }
  if (!out.files.length) {
    needQemuData('bench:introspect');
    out.files = readdirSync(DUMPS)
      .filter((f) => f.endsWith('.replies'))
      .map((f) => path.join(DUMPS, f));
  }
  return out;
}

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const { files, runs } = parseArgs(process.argv.slice(2));
const rows = files.map((file) => {
  const text = readFileSync(file, 'utf8');
  const first = performance.now();
  const model = readIntrospection(text, file);
  const cold = performance.now() - first;
  for (let i = 0; i < 3; i++) readIntrospection(text, file);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    readIntrospection(text, file);
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return {
    file: path.basename(file),
    kib: text.length / 1024,
    entities: model.entities.length,
    cold,
    median: median(wall),
    cpu: median(cpu),
  };
});
rows.sort((a, b) => b.kib - a.kib);
for (const r of rows) {
  const figures = `median ${r.median.toFixed(1)} ms (CPU ${r.cpu.toFixed(1)} ms), first run ${r.cold.toFixed(1)} ms`;
  console.log(
    `${r.file.padEnd(32)} ${r.kib.toFixed(0).padStart(5)} KiB  ${String(r.entities).padStart(5)} entities  ${figures}`,
  );
}
const largest = rows[0];
if (largest) {
  // CPU time is what a busy shared machine distorts least
  console.log(
    `largest (${largest.file}): median ${largest.median.toFixed(1)} ms, CPU ${largest.cpu.toFixed(1)} ms in process (target <= 50 ms)`,
  );
  const targets = new Targets('bench:introspect');
  targets.atMost('the largest dump in process', largest.median, 50, 'ms');
  targets.finish();
}
