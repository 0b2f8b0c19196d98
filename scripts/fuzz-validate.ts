// `npm run fuzz:validate`: seeded hostile pastes (lib/validate/fuzz.ts)
// through the validator page's own entry point (WorkerCore, the logic of its
// web worker). Each paste must be answered with a result (never a failure or a
// throw), within the time bound, and every message planted as invalid must
// come back invalid on its line. Then messages through hostile "your QEMU"
// schemas (unions nested and shared, a chain of 2,000), each verdict known.
//
//   npm run fuzz:validate -- [--seed N] [--count N] [--bound MS]
//
// The last line printed is `fuzz:validate: N pastes, C crashes, M missed, S slow (max X ms)`; exit 1 if any.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkerCore } from '../components/validator/worker-core';
import type { FromWorker } from '../components/validator/protocol';
import { createRng, mutantSeed } from '../lib/qapi/fuzz/mutate';
import type { SchemaModel } from '../lib/qapi/model';
import { loadModelFromDisk } from '../lib/qapi/node';
import { hostilePaste, nestedUnionsCommand, nestedUnionsDump } from '../lib/validate/fuzz';
import { readIntrospection } from '../lib/qapi/introspect/index';
import { qemuTree } from './qemu-data';
import type { MessageResult } from '../lib/validate/types';

export interface FuzzReport {
  pastes: number;
  crashes: { index: number; message: string }[];
  missed: { index: number; line: number }[];
  slow: { index: number; ms: number }[];
  maxMs: number;
}

/**
 * One check through the worker logic, timed into the report (a paste; slow past `boundMs`); its result, or null
 * after a crash (a throw, a failure, no answer), which the report lists.
 */
async function checkTimed(
  core: WorkerCore,
  request: { id: number; modelUrl: string; text: string },
  answered: () => FromWorker | null,
  report: FuzzReport,
  boundMs: number,
  label = '',
): Promise<Extract<FromWorker, { type: 'result' }> | null> {
  const t0 = performance.now();
  try {
    await core.handle({ type: 'validate', ...request, options: { mode: 'strict', deprecated: 'warn' } });
  } catch (err) {
    report.crashes.push({ index: request.id, message: label + String(err) });
    return null;
  }
  const ms = performance.now() - t0;
  report.pastes++;
  report.maxMs = Math.max(report.maxMs, ms);
  if (ms > boundMs) report.slow.push({ index: request.id, ms });
  const got = answered();
  if (got?.type === 'result') return got;
  report.crashes.push({ index: request.id, message: label + (got?.type === 'failed' ? got.message : 'no answer') });
  return null;
}

export async function fuzzValidate(
  model: SchemaModel,
  opts: { seed: number; count: number; boundMs: number },
): Promise<FuzzReport> {
  let answer: FromWorker | null = null;
  // a large result arrives in slices ('result-part') before its last one ('result'), as the page receives it
  let parts: MessageResult[] = [];
  const core = new WorkerCore(
    async () => model,
    (msg) => {
      if (msg.type === 'result-part') parts.push(...msg.messages);
      if (msg.type === 'result' || msg.type === 'failed') answer = msg;
    },
  );
  const names = {
    events: model.entities.filter((e) => e.meta === 'event').map((e) => e.name),
    commands: model.entities.filter((e) => e.meta === 'command').map((e) => e.name),
  };
  const report: FuzzReport = { pastes: 0, crashes: [], missed: [], slow: [], maxMs: 0 };
  for (let i = 0; i < opts.count; i++) {
    const paste = hostilePaste(createRng(mutantSeed(opts.seed, i)), names);
    answer = null;
    parts = [];
    const got = await checkTimed(
      core,
      { id: i, modelUrl: 'model', text: paste.text },
      () => answer,
      report,
      opts.boundMs,
    );
    if (!got) continue;
    const invalidAt = new Set([...parts, ...got.result.messages].filter((m) => !m.valid).map((m) => m.line));
    for (const line of paste.invalidLines) if (!invalidAt.has(line)) report.missed.push({ index: i, line });
  }
  return report;
}

/** Hostile shapes of a "your QEMU" schema: unions nested 20 levels, two per level sharing the next; 2,000 chained. */
const SCHEMA_SHAPES = [
  { name: 'unions nested 20 levels, 2 per level', levels: 20, width: 2, share: 1 },
  { name: 'a chain of 2,000 unions', levels: 2000, width: 1, share: 0.05 },
];

/**
 * Messages through the hostile schema shapes, each read as the worker reads a stored one (its text, on a fresh
 * worker: the first message's time is a later visit's): per message a few levels get a tag of no branch, lose
 * their tag or gain an unknown member; the verdict must be invalid exactly then ("missed" otherwise).
 */
export async function fuzzSchemas(opts: { seed: number; count: number; boundMs: number }): Promise<FuzzReport> {
  const report: FuzzReport = { pastes: 0, crashes: [], missed: [], slow: [], maxMs: 0 };
  for (const shape of SCHEMA_SHAPES) {
    const dump = nestedUnionsDump(shape.levels, shape.width);
    let answer: FromWorker | null = null;
    const core = new WorkerCore(
      async () => readIntrospection(dump, 'your QEMU'),
      (msg) => {
        if (msg.type === 'result' || msg.type === 'failed') answer = msg;
      },
    );
    const count = Math.max(1, Math.round(opts.count * shape.share));
    for (let i = 0; i < count; i++) {
      const rng = createRng(mutantSeed(opts.seed, 1_000_000 + i));
      const cmd = JSON.parse(nestedUnionsCommand(shape.levels)) as { arguments: Record<string, unknown> };
      let broken = false;
      for (let k = Math.floor(rng() * 4); k > 0; k--) {
        const level = Math.floor(rng() * shape.levels);
        const how = Math.floor(rng() * 4);
        if (how === 0) cmd.arguments[`t${level}`] = 'v9';
        else if (how === 1) delete cmd.arguments[`t${level}`];
        else if (how === 2) cmd.arguments[`no-such-member-${level}`] = level;
        else cmd.arguments[`m${level}_0`] = `still a string ${level}`;
        broken ||= how < 3;
      }
      answer = null;
      const request = { id: i, modelUrl: 'own:hostile', text: JSON.stringify(cmd) };
      const got = await checkTimed(core, request, () => answer, report, opts.boundMs, `${shape.name}: `);
      if (got && got.result.messages[0]?.valid !== !broken) report.missed.push({ index: i, line: 1 });
    }
  }
  return report;
}

export function summary(r: FuzzReport): string {
  return `fuzz:validate: ${r.pastes} pastes, ${r.crashes.length} crashes, ${r.missed.length} missed, ${r.slow.length} slow (max ${Math.round(r.maxMs)} ms)`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, dflt: number): number => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const real = qemuTree('10.2.2');
  const root = existsSync(real) ? real : path.join(projectRoot, 'content', 'qapi-schema.json');
  const model = loadModelFromDisk(root);
  const opts = { seed: arg('--seed', 1), count: arg('--count', 10_000), boundMs: arg('--bound', 2000) };
  console.log(
    `schema ${path.relative(projectRoot, root)}; seed ${opts.seed}, ${opts.count} pastes, bound ${opts.boundMs} ms each`,
  );
  const pastes = await fuzzValidate(model, opts);
  const schemas = await fuzzSchemas(opts);
  console.log(`hostile schemas (${SCHEMA_SHAPES.map((x) => x.name).join('; ')}): ${summary(schemas)}`);
  const r: FuzzReport = {
    pastes: pastes.pastes + schemas.pastes,
    crashes: [...pastes.crashes, ...schemas.crashes],
    missed: [...pastes.missed, ...schemas.missed],
    slow: [...pastes.slow, ...schemas.slow],
    maxMs: Math.max(pastes.maxMs, schemas.maxMs),
  };
  for (const c of r.crashes.slice(0, 10)) console.log(`crash: paste ${c.index}: ${c.message}`);
  for (const m of r.missed.slice(0, 10))
    console.log(`missed: paste ${m.index}, invalid message on line ${m.line} not reported`);
  for (const s of r.slow.slice(0, 10)) console.log(`slow: paste ${s.index}: ${Math.round(s.ms)} ms`);
  console.log(summary(r));
  process.exitCode = r.crashes.length || r.missed.length || r.slow.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
