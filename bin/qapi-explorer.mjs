#!/usr/bin/env node
// The `qapi-explorer` executable: runs the bundled CLI (scripts/build-cli.mjs
// makes it). `check` runs from dist/check-<hash>.cjs, compiled through
// node:vm with V8's code cache; every other command from dist/cli.mjs. In a
// checkout the bundles are (re)built first when missing or older than one of
// their sources, so edits never run stale code.
import { createRequire } from 'node:module';

// built-ins through require(): Node's ESM wrapper of node:fs would load its
// whole stream stack, which a quiet `check` never needs
const require = createRequire(import.meta.url);
const { existsSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { fileURLToPath, pathToFileURL } = require('node:url');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const buildScript = path.join(root, 'scripts', 'build-cli.mjs');
const writingCodeCache = Boolean(process.env.QAPI_EXPLORER_WRITE_CODE_CACHE);

/** dist/build.json: the current check bundle, and the sources the bundles were built from. */
function readManifest() {
  try {
    return JSON.parse(readFileSync(path.join(dist, 'build.json'), 'utf8'));
  } catch {
    return null;
  }
}

function isStale(manifest) {
  if (!manifest || !existsSync(path.join(dist, 'cli.mjs'))) return true;
  return manifest.inputs.some(
    (f) => (statSync(path.join(root, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > manifest.builtAt,
  );
}

let manifest = readManifest();
// the build itself runs `check` once to write the code cache: never a rebuild from there
if (!writingCodeCache && existsSync(buildScript) && isStale(manifest)) {
  const { buildCli } = await import(pathToFileURL(buildScript).href);
  await buildCli();
  manifest = readManifest();
}

if (process.argv[2] === 'check' && manifest?.check) await runCheckBundle(path.join(dist, manifest.check));
else await (await import(pathToFileURL(path.join(dist, 'cli.mjs')).href)).runCli(process.argv.slice(2));

/**
 * `check` parses and checks one tree and exits, all in V8's first tiers:
 * its hot functions only get hot near the end of the run, so the optimising
 * compiler (TurboFan) would spend more CPU compiling them than the optimised
 * code saves, and compiling the bundle's functions from source at all is
 * what the code cache (made by the build) saves. A cache V8 rejects (another
 * Node, other flags) only means compiling from source as usual.
 * Nearly everything `check` allocates lives to the end (the parsed tree, its
 * docs, the entities), and the young generation starts at 1 MiB: growing it
 * 16-fold at its first growth, to its 16 MiB cap, instead of doubling step by
 * step, spares four scavenges that would copy the same live objects again
 * (measured on QEMU 10.2's schema: 7 scavenges become 3, a tenth less CPU).
 */
async function runCheckBundle(bundle) {
  const v8 = require('node:v8');
  v8.setFlagsFromString('--no-turbofan');
  v8.setFlagsFromString('--semi-space-growth-factor=16');
  const vm = require('node:vm');
  const cacheFile = bundle.replace(/\.cjs$/, '.cache');
  let cachedData;
  try {
    cachedData = writingCodeCache ? undefined : readFileSync(cacheFile);
  } catch {
    // no cache: compile from source
  }
  // CommonJS's own wrapper, so the bundle sees module, exports and require as under require()
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dist);
  await module.exports.runCli(process.argv.slice(2));
  if (writingCodeCache) {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  }
}
