// Bundles the CLI (scripts/cli/main.ts and everything it imports) into ESM,
// dist/cli.mjs plus one chunk per lazily imported subcommand, so
// `qapi-explorer` starts without tsx or a TypeScript compile and `check` never
// parses the validator's code (zod and all). Runs from `npm install` (prepare) and, on demand, from
// bin/qapi-explorer.mjs. A subcommand module that does not exist yet
// (scripts/cli/<name>.ts) becomes a stub that reports it as unavailable, so
// the build never depends on which helpers have landed their commands.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = path.join(root, 'scripts', 'cli');
export const entry = path.join(cliDir, 'main.ts');
const outdir = path.join(root, 'dist');
export const outfile = path.join(outdir, 'cli.mjs');

const optionalCommands = {
  name: 'optional-cli-commands',
  setup(b) {
    b.onResolve({ filter: /^\.\/[a-z-]+$/ }, (args) => {
      if (args.importer !== entry) return undefined;
      const file = path.join(cliDir, `${args.path}.ts`);
      if (existsSync(file)) return undefined;
      return { path: args.path.slice(2), namespace: 'missing-command' };
    });
    b.onLoad({ filter: /.*/, namespace: 'missing-command' }, (args) => ({
      loader: 'js',
      contents: `export async function run(_args, io) {
  io.stderr("qapi-explorer: command '${args.path}' is not available in this build\\n");
  return 2;
}`,
    }));
  },
};

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
      args.namespace === 'node-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'node-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => ({
      loader: 'js',
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
    }));
  },
};

export async function buildCli() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const result = await build({
    write: false,
    entryPoints: { cli: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.QAPI_EXPLORER_VERSION': JSON.stringify(pkg.version) },
    // the bundle is ESM; give CommonJS dependencies a require() to call
    banner: { js: "import { createRequire as __qxCreateRequire } from 'node:module'; const require = __qxCreateRequire(import.meta.url);" },
    plugins: [optionalCommands, builtinsViaRequire],
  });
  writeOutputs(result.outputFiles);
  return outfile;
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
  for (const file of ordered) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  const current = new Set(files.map((f) => f.path));
  const cutoff = Date.now() - 60_000;
  for (const name of readdirSync(chunksDir)) {
    const file = path.join(chunksDir, name);
    try {
      if (!current.has(file) && statSync(file).mtimeMs < cutoff) unlinkSync(file);
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
