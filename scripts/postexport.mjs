#!/usr/bin/env node
// After `next build` (output: 'export'): make the docs pages plain static HTML.
// Doc pages are rendered entirely at build time and navigate with ordinary
// links, so they need neither React in the browser nor the inline RSC payload
// that doubles each page; Next 16's client runtime alone weighs ~170 KB
// gzipped, over the 150 KB page budget. For every page marked
// data-static-doc="true" (components/site/Shell.tsx) this script removes
// Next's scripts and payload, keeps the pre-paint theme script, and adds one
// small bundle of components/site/enhance.ts (search, theme, copy buttons).
// The validator page, a React island, gets its island and web worker bundled
// by scripts/postexport-validator.mjs instead of Next's runtime, the /review
// page its own (scripts/postexport-review.mjs), and the index of Changes
// pages its pair picker (scripts/postexport-changes.mjs). The RSC
// payload files (*.txt) of the rewritten pages are removed. Every page then
// gets its Content-Security-Policy as a meta tag (scripts/postexport-csp.mjs).
//   node scripts/postexport.mjs [outDir]   (default: $EXPORT_DIR or out, moved
//   into place first when Next staged it inside the project)
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleValidator } from './postexport-validator.mjs';
import { bundleReview } from './postexport-review.mjs';
import { bundleChanges } from './postexport-changes.mjs';
import { moveStagedExport } from './export-dir.mjs';
import { withCspMeta } from './postexport-csp.mjs';
import { normaliseBasePath } from '../lib/site/base-path.mjs';
import { PLACEHOLDER } from '../lib/site/placeholder.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = 'data-static-doc="true"';

const basePath = () => normaliseBasePath(process.env.BASE_PATH);

async function bundleSiteScript(outDir) {
  const result = await build({
    entryPoints: [path.join(ROOT, 'components/site/site-entry.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  const rel = `/_site/site-${hash}.js`;
  mkdirSync(path.join(outDir, '_site'), { recursive: true });
  writeFileSync(path.join(outDir, rel), code);
  return rel;
}

/** The page without Next's runtime: returns null when the page is not a static doc page. */
export function stripRuntime(html, scriptSrc) {
  if (!html.includes(MARKER)) return null;
  let out = html
    .replace(/<script\b[^>]*\bsrc="[^"]*\/_next\/[^"]*"[^>]*><\/script>/g, '')
    .replace(/<link rel="preload" as="script"[^>]*\/_next\/[^>]*>/g, '')
    .replace(/<script(?![^>]*\bid="theme-script")(?:\s[^>]*)?>[\s\S]*?<\/script>/g, '');
  out = out.replace('</head>', `<script src="${scriptSrc}" defer></script></head>`);
  return out;
}

/**
 * The export's folders of placeholder pages (lib/site/placeholder.mjs): below
 * each dynamic route's first `[param]` folder of app/ ('changes/_none', 'v/_none',
 * the default tree's 'events/_none' for a schema without events …), so that a
 * new route needs no list kept here.
 */
export function placeholderDirs(appDir = path.join(ROOT, 'app')) {
  const dirs = [];
  const walk = (dir, rel) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (/^\[.+\]$/.test(entry.name)) dirs.push(path.join(rel, PLACEHOLDER));
      // a route group '(name)' is no segment of the URL
      else walk(path.join(dir, entry.name), /^\(.+\)$/.test(entry.name) ? rel : path.join(rel, entry.name));
    }
  };
  walk(appDir, '');
  return dirs;
}

/** Removes the placeholder pages of every dynamic route from the export. */
export function removePlaceholders(outDir, appDir) {
  for (const dir of placeholderDirs(appDir)) rmSync(path.join(outDir, dir), { recursive: true, force: true });
}

function* htmlFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name !== '_next' && entry.name !== '_site') yield* htmlFiles(path.join(dir, entry.name));
    } else if (entry.name.endsWith('.html')) {
      yield path.join(dir, entry.name);
    }
  }
}

export async function postExport(outDir) {
  const started = performance.now();
  const script = basePath() + (await bundleSiteScript(outDir));
  let pages = 0;
  let before = 0;
  let after = 0;
  // Pages given their CSP in this pass (their scripts are final) are not read and written again below:
  // with several versions the export holds thousands of pages and this step is mostly disk time.
  const withCsp = new Set();
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    const stripped = stripRuntime(html, script);
    if (stripped === null) continue;
    writeFileSync(file, withCspMeta(stripped));
    withCsp.add(file);
    pages++;
    before += html.length;
    after += stripped.length;
    if (path.basename(file) === 'index.html') {
      const dir = path.dirname(file);
      for (const f of readdirSync(dir)) if (f.endsWith('.txt')) rmSync(path.join(dir, f));
    }
  }
  // the validator island gets its own React bundle (scripts/postexport-validator.mjs)
  if (await bundleValidator(outDir, basePath())) withCsp.delete(path.join(outDir, 'validate', 'index.html'));
  if (await bundleReview(outDir, basePath())) withCsp.delete(path.join(outDir, 'review', 'index.html'));
  // the Changes index gets the pair picker's script (scripts/postexport-changes.mjs): an external script, its CSP holds
  await bundleChanges(outDir, basePath());
  removePlaceholders(outDir);
  // last, once every page has its final scripts: each page's CSP (scripts/postexport-csp.mjs)
  for (const file of htmlFiles(outDir))
    if (!withCsp.has(file)) writeFileSync(file, withCspMeta(readFileSync(file, 'utf8')));
  const ms = performance.now() - started;
  console.log(
    `postexport: ${pages} static doc pages, HTML ${(before / 1e6).toFixed(1)} MB -> ${(after / 1e6).toFixed(1)} MB, ${ms.toFixed(0)} ms`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : moveStagedExport();
  await postExport(outDir);
}
