#!/usr/bin/env node
// The `qapi-explorer` executable: runs the bundled CLI (dist/cli.mjs). In a
// checkout the bundle is (re)built first when it is missing or older than a
// source under scripts/cli/ or lib/, so edits never run stale code.
import nodeModule from 'node:module';
import { setFlagsFromString } from 'node:v8';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// `check` parses and checks a tree once and exits. Its hot functions only get
// hot near the end of the run, so V8's optimising compiler (TurboFan) would
// spend more CPU compiling them than the optimised code saves: measured on
// QEMU 10.2's schema, about a third less CPU per run without it. Set before
// any of the CLI's code runs; other commands may stream many messages and keep it.
if (process.argv[2] === 'check') setFlagsFromString('--no-turbofan');
// Node >= 22.1 can keep V8's compiled code of the bundle on disk between runs;
// Node 20 has no such cache, and the call is skipped there.
nodeModule.enableCompileCache?.();

// node:fs through require(): its ESM wrapper would load Node's whole stream
// stack, which a quiet `check` never needs (see scripts/build-cli.mjs)
const { existsSync, readdirSync, statSync } = nodeModule.createRequire(import.meta.url)('node:fs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli.mjs');

function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return ['scripts/cli', 'lib/qapi', 'lib/validate'].some((dir) => newestSource(path.join(root, dir)) > built);
}

if (isStale() && existsSync(path.join(root, 'scripts', 'build-cli.mjs'))) {
  const { buildCli } = await import(pathToFileURL(path.join(root, 'scripts', 'build-cli.mjs')).href);
  await buildCli();
}
const { runCli } = await import(pathToFileURL(bundle).href);
await runCli(process.argv.slice(2));
