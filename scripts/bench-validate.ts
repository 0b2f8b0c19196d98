// `npm run bench:validate`: builds a JSON Lines log of >= 100,000 event
// messages by cycling QEMU 10.2.2's own event examples with varied values
// (timestamps, integers, key order), then times validateText() against
// JSON.parse of the same lines and prints events/s and the ratio (medians of
// several interleaved runs). Target: ratio <= 3 (the median of the per-run
// ratios); the last line says whether it was met (exit 1 when not).
import { loadModelFromDisk } from '../lib/qapi/node';
import { createValidator } from '../lib/validate/index';
import { exampleMessages } from '../lib/validate/lint-examples';
import { Targets } from './bench-targets';
import { needQemuData, qemuTree } from './qemu-data';

needQemuData('bench:validate', '10.2.2');
const root = qemuTree('10.2.2');
const count = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 9);

const model = loadModelFromDisk(root);
const validator = createValidator(model);

// the examples that are right as QEMU wrote them (QEMU's RTC_CHANGE example is not)
const templates = exampleMessages(model)
  .filter((m) => m.kind === 'event' && validator.validateText(m.text).valid)
  .map((m) => JSON.parse(m.text) as Record<string, unknown>);

function vary(value: unknown, i: number): unknown {
  if (typeof value === 'number' && Number.isInteger(value) && value > 1000) return value + (i % 997);
  if (Array.isArray(value)) return value.map((v) => vary(v, i));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, vary(v, i)]));
  return value;
}

function buildLog(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = templates[i % templates.length]!;
    const timestamp = { seconds: 1700000000 + i, microseconds: (i * 7919) % 1000000 };
    const msg =
      i % 2
        ? { timestamp, event: t.event, ...('data' in t ? { data: vary(t.data, i) } : {}) }
        : { event: t.event, ...('data' in t ? { data: vary(t.data, i) } : {}), timestamp };
    lines.push(JSON.stringify(msg));
  }
  return lines.join('\n') + '\n';
}

function parseLines(text: string): number {
  let n = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) break;
    if (end > start) {
      JSON.parse(text.slice(start, end));
      n++;
    }
    start = end + 1;
  }
  return n;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const text = buildLog(count);
console.log(`log: ${count} events from ${templates.length} example templates, ${(text.length / 1e6).toFixed(1)} MB`);
const first = validator.validateText(text);
if (first.counts.invalid !== 0 || first.counts.messages !== count) {
  console.error(`unexpected: ${first.counts.invalid} invalid of ${first.counts.messages}`);
  process.exit(1);
}
const parseTimes: number[] = [];
const validateTimes: number[] = [];
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  parseLines(text);
  parseTimes.push(performance.now() - t);
  t = performance.now();
  validator.validateText(text);
  validateTimes.push(performance.now() - t);
}
const p = median(parseTimes);
const v = median(validateTimes);
// each run times both back to back, so the per-run ratio is robust to load on a shared machine
const paired = median(validateTimes.map((t, i) => t / parseTimes[i]!));
console.log(`JSON.parse (per line): median ${p.toFixed(1)} ms  [${parseTimes.map((x) => x.toFixed(0)).join(' ')}]`);
console.log(`validateText:          median ${v.toFixed(1)} ms  [${validateTimes.map((x) => x.toFixed(0)).join(' ')}]`);
console.log(`events/s: ${Math.round((count / v) * 1000).toLocaleString('en-US')}`);
console.log(
  `ratio validation / JSON.parse: ${(v / p).toFixed(2)} (medians); ${paired.toFixed(2)} (median of per-run ratios); target <= 3`,
);
const targets = new Targets('bench:validate');
targets.atMost('validation / JSON.parse', paired, 3);
targets.finish();
