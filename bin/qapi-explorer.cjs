#!/bin/sh
':' //# ; unset NODE_EXTRA_CA_CERTS; [ "$1" = check ] && exec node --no-turbofan --max-semi-space-size=1 "$0" "$@"; exec node "$0" "$@"
// The `qapi-explorer` executable: runs the bundled CLI (scripts/build-cli.mjs
// makes it). `check` runs from dist/check-<hash>.cjs, compiled through
// node:vm with V8's code cache; every other command from dist/cli.mjs. In a
// checkout the bundles are (re)built first when missing or older than one of
// their sources, so edits never run stale code.
// Line 2 is read by sh and by Node alike: run as a program, sh drops
// NODE_EXTRA_CA_CERTS and starts Node on this file (for `check`, with the
// V8 flags runCheckBundle explains); to Node it is a string and a comment.
// Node parses every certificate that variable names before it runs a line
// of script (the system's 144 CAs: 38 ms of a bare 62 ms start where it is
// set, as on our CI machine), and qapi-explorer never opens a TLS
// connection.
// A CommonJS script, not a module: starting Node's ESM loader for the entry
// point alone costs a one-shot `check` about 7 ms; the ESM parts (the build
// script, dist/cli.mjs) are loaded through import() only when needed.
'use strict';
const { existsSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
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

/** Is the bundle that runs this command missing, or older than one of its sources? */
function isStale(manifest, forCheck) {
  if (!manifest) return true;
  if (forCheck ? !manifest.checkInputs : !existsSync(path.join(dist, 'cli.mjs'))) return true;
  return (forCheck ? manifest.checkInputs : manifest.inputs).some(
    (f) => (statSync(path.join(root, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > manifest.builtAt,
  );
}

/** import() of a file: from CommonJS, the one way to load an ES module. */
function importFile(file) {
  return import(require('node:url').pathToFileURL(file).href);
}

async function main() {
  const forCheck = process.argv[2] === 'check';
  let manifest = readManifest();
  // the build itself runs `check` once to write the code cache: never a rebuild from there
  if (!writingCodeCache && existsSync(buildScript) && isStale(manifest, forCheck)) {
    await (await importFile(buildScript)).buildCli();
    manifest = readManifest();
  }
  if (forCheck && manifest?.check) await runCheckBundle(path.join(dist, manifest.check));
  else await (await importFile(path.join(dist, 'cli.mjs'))).runCli(process.argv.slice(2));
}

/** The V8 flags line 2 starts `check` with. */
const CHECK_FLAGS = ['--no-turbofan', '--max-semi-space-size=1'];

/**
 * `check` parses and checks one tree and exits, all in V8's first tiers:
 * its hot functions only get hot near the end of the run, so the optimising
 * compiler (TurboFan) would spend more CPU compiling them than the optimised
 * code saves, and compiling the bundle's functions from source at all is
 * what the code cache (made by the build) saves. A cache V8 rejects (another
 * Node, other flags) only means compiling from source as usual.
 * Nearly everything `check` allocates lives to the end (the parsed tree, its
 * docs, the entities), and where a first touch of a fresh page of memory
 * costs ~12 µs, as on our CI machine, touching fewer pages beats copying
 * fewer objects: a young generation held at 1 MiB recycles its garbage in
 * the same pages, where one left to grow to 16 MiB lays the whole run's
 * allocations on new ones (QEMU 10.2's tree: ~1,000 fewer page faults,
 * 5-8% less wall time, paired run by run, though it scavenges 18 times).
 * That cap is fixed when V8 starts, hence line 2. --no-turbofan is given
 * there too: setting it here would load node:v8, and with it Node's whole
 * stream stack (some 20 internal modules) that `check` never uses. Started
 * some other way (`node bin/qapi-explorer.cjs check`), it sets what it
 * still can.
 */
async function runCheckBundle(bundle) {
  if (!CHECK_FLAGS.every((flag) => process.execArgv.includes(flag))) require('node:v8').setFlagsFromString('--no-turbofan');
  const vm = require('node:vm');
  const cacheFile = bundle.replace(/\.cjs$/, '.cache');
  let cachedData;
  try {
    cachedData = writingCodeCache ? undefined : readFileSync(cacheFile);
  } catch {
    // no cache: compile from source
  }
  // CommonJS's own wrapper, so the bundle sees module, exports and require as under require();
  // the bundle requires nothing but Node's built-ins, so this script's require serves
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, bundle, dist);
  const flushed = await module.exports.runCli(process.argv.slice(2));
  if (writingCodeCache) {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  }
  // all said: exit without tearing down the heap the run leaves behind (a few ms)
  if (flushed) process.exit();
}

main().catch((err) => {
  process.exitCode = 1;
  console.error(err);
});
