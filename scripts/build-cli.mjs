// Bundles the CLI (cli/main.ts and everything it imports) so
// `qapi-explorer` starts without tsx or a TypeScript compile:
// - dist/cli.mjs, ESM, plus one chunk per lazily imported subcommand, so no
//   command parses another's code (zod and all);
// - dist/check-<hash>.cjs, the same main.ts with only `check` wired in, as a
//   plain script: bin/qapi-explorer.cjs compiles it through node:vm with V8's
//   code cache (dist/check-<hash>.cache, written here by one warm-up run of
//   `check` on content/), which a one-shot `check` would otherwise spend
//   about a sixth of its CPU time re-creating. The cache is compiled code
//   only, never a result: every run still reads and checks its tree.
// - dist/build.json: which check bundle is current, and the project sources
//   the bundles were built from (the check bundle's apart: a one-shot `check`
//   looks at those alone), so bin/ can tell when they are stale.
// Runs from `npm install` (prepare) and, on demand, from bin/qapi-explorer.cjs.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = path.join(root, 'cli');
export const entry = path.join(cliDir, 'main.ts');
const outdir = path.join(root, 'dist');
export const outfile = path.join(outdir, 'cli.mjs');
export const manifestFile = path.join(outdir, 'build.json');
const bin = path.join(root, 'bin', 'qapi-explorer.cjs');
/** What the code cache is warmed on: our own schema, written to use every construct of the language. */
const warmUpSchema = path.join(root, 'content', 'qapi-schema.json');

/**
 * Node built-ins through the bundle's require(), not ESM imports: Node's ESM
 * wrapper of a built-in reads every export, and for node:fs that loads the
 * whole stream stack (some 18 internal modules) even when `check --quiet`
 * never touches a stream.
 */
const builtinsViaRequire = {
  name: 'builtins-via-require',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) =>
      args.namespace === 'node-builtin'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'node-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => ({
      loader: 'js',
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
    }));
  },
};

/**
 * For the check bundle: main.ts with every subcommand but `check` left out.
 * bin/qapi-explorer.cjs runs this bundle for `check` only, so the others are
 * never reached; should one be, it says so instead of running the wrong code.
 */
const checkOnly = {
  name: 'check-only',
  setup(b) {
    b.onResolve({ filter: /^\.\/[a-z-]+$/ }, (args) =>
      args.importer === entry && args.kind === 'dynamic-import' && args.path !== './check'
        ? { path: args.path.slice(2), namespace: 'check-only' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'check-only' }, (args) => ({
      loader: 'js',
      contents: `export async function run() {
  throw new Error("the check bundle cannot run '${args.path}': bin/qapi-explorer.cjs runs it from dist/cli.mjs");
}`,
    }));
  },
};

export async function buildCli() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  // taken before any source is read: an edit made during the build counts as newer
  const builtAt = Date.now();
  const common = {
    write: false,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    define: { 'process.env.QAPI_EXPLORER_VERSION': JSON.stringify(pkg.version) },
  };
  const [cli, check] = await Promise.all([
    build({
      ...common,
      entryPoints: { cli: entry },
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      format: 'esm',
      splitting: true,
      // the bundle is ESM; give CommonJS dependencies a require() to call
      banner: {
        js: "import { createRequire as __qxCreateRequire } from 'node:module'; const require = __qxCreateRequire(import.meta.url);",
      },
      plugins: [builtinsViaRequire],
    }),
    build({
      ...common,
      entryPoints: { check: entry },
      // named by content: a code cache is only valid for the exact text it was made from
      entryNames: '[name]-[hash]',
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      // class fields as plain assignments in the constructor: V8 runs define-semantics
      // fields through an extra initializer call per object, which the interpreter
      // pays for on every one of the many small objects `check` builds
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
      plugins: [checkOnly],
    }),
  ]);
  const [checkBundle] = check.outputFiles;
  writeOutputs([...cli.outputFiles, checkBundle]);
  const sources = (metafile) =>
    Object.keys(metafile.inputs)
      .filter((f) => !f.includes('node_modules/') && !f.includes(':'))
      .map((f) => path.relative(root, path.resolve(f)));
  const checkInputs = [...new Set(sources(check.metafile))].sort();
  const inputs = [...new Set([...sources(cli.metafile), ...checkInputs])].sort();
  const manifest = { builtAt, check: path.basename(checkBundle.path), checkInputs, inputs };
  writeWhole(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  writeCodeCache();
  removeOld(outdir, /^check-.*\.(cjs|cache)$/, [checkBundle.path, codeCacheFile(checkBundle.path)]);
  return outfile;
}

/** Where bin/qapi-explorer.cjs looks for the code cache of a check bundle. */
export function codeCacheFile(bundle) {
  return bundle.replace(/\.cjs$/, '.cache');
}

/**
 * One `check` run, started as a user starts it (the bin itself, whose line 2
 * gives Node the flags `check` runs under; this Node first on PATH; no
 * NODE_OPTIONS: V8 accepts a cache only under the flags it was made with),
 * that leaves V8's code for every function it compiled in the cache. Best
 * effort: without a cache, `check` compiles from source as usual.
 */
function writeCodeCache() {
  const args = existsSync(warmUpSchema) ? ['check', '--quiet', warmUpSchema] : ['check', '--help'];
  const env = {
    ...process.env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    QAPI_EXPLORER_WRITE_CODE_CACHE: '1',
  };
  delete env.NODE_OPTIONS;
  spawnSync(bin, args, { env, stdio: 'ignore' });
}

function writeWhole(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

/**
 * Other processes (parallel tests, a second shell) may be running the CLI
 * while it is rebuilt: every file appears whole (write + rename), chunks
 * before the entry that imports them, and old chunks are only removed once
 * nothing can still be loading them.
 */
function writeOutputs(files) {
  const chunksDir = path.join(outdir, 'chunks');
  mkdirSync(chunksDir, { recursive: true });
  const ordered = [...files].sort((a, b) => (a.path === outfile) - (b.path === outfile));
  for (const file of ordered) writeWhole(file.path, file.contents);
  removeOld(
    chunksDir,
    /./,
    files.map((f) => f.path),
  );
}

/** Remove the files of `dir` matching `pattern` that are not `keep` and are older than a minute. */
function removeOld(dir, pattern, keep) {
  const current = new Set(keep);
  const cutoff = Date.now() - 60_000;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!pattern.test(name) || current.has(file)) continue;
    try {
      if (statSync(file).mtimeMs < cutoff) unlinkSync(file);
    } catch {
      // removed by a concurrent build
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildCli();
  console.log(`built ${path.relative(root, outfile)} in ${Math.round(performance.now() - started)} ms`);
}
