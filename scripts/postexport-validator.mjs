// Step of scripts/postexport.mjs for the one page with client code: /validate.
// After the Next.js runtime is stripped from the exported pages, bundles the
// validator island (React + components/validator, components/validator/island-entry.tsx)
// and its web worker (zod + lib/validate) with esbuild into _site/, and points
// validate/index.html at them. Keeps /validate within its 200 KB gzipped JS
// budget, which Next's client runtime alone would take ~120 KB of.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One entry bundled (minified, hashed name) into outDir/_site/; returns its site path. */
export async function bundle(entry, outDir, name, define = {}) {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    write: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"', ...define },
    logLevel: 'error',
    // import.meta.url only serves the Next build's worker URL, never reached here
    logOverride: { 'empty-import-meta': 'silent' },
    absWorkingDir: ROOT,
  });
  const code = result.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  const rel = `/_site/${name}-${hash}.js`;
  mkdirSync(path.join(outDir, '_site'), { recursive: true });
  writeFileSync(path.join(outDir, rel), code);
  return rel;
}

/** Returns false when the export has no validator page with a stripped runtime (nothing to do). */
export async function bundleValidator(outDir, base) {
  const file = path.join(outDir, 'validate', 'index.html');
  if (!existsSync(file)) return false;
  const html = readFileSync(file, 'utf8');
  if (!html.includes('id="validator-root"') || /<script\b[^>]*src="[^"]*\/_next\//.test(html)) return false;
  // the worker loads the query-qmp-schema reader (third bundle) only when the user opens their own QEMU's schema
  const standalone = { 'process.env.QAPI_VALIDATOR_STANDALONE': 'true' };
  const [island, worker, reader] = await Promise.all([
    bundle('components/validator/island-entry.tsx', outDir, 'validator'),
    bundle('components/validator/validator.worker.ts', outDir, 'validator-worker', standalone),
    bundle('components/validator/introspect-chunk.ts', outDir, 'validator-introspect'),
  ]);
  const workerUrl = `${base}${worker}#${encodeURIComponent(base + reader)}`;
  const out = html
    .replace('id="validator-root"', `id="validator-root" data-worker-url="${workerUrl}"`)
    .replace('</head>', `<script src="${base}${island}" defer></script></head>`);
  writeFileSync(file, out);
  return true;
}
