// Step of scripts/postexport.mjs for /changes/: the pair picker's script
// (components/site/changes-entry.ts: lib/diff and the Changes page's
// components, which compare any two releases in the browser) bundled into
// _site/ and loaded by the index of Changes pages only, after the site script.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundle } from './postexport-validator.mjs';

/** Returns false when the export has no Changes index with a picker (a site of one release). */
export async function bundleChanges(outDir, base) {
  const file = path.join(outDir, 'changes', 'index.html');
  if (!existsSync(file)) return false;
  const html = readFileSync(file, 'utf8');
  if (!html.includes('id="changes-computed"')) return false;
  const script = await bundle('components/site/changes-entry.ts', outDir, 'changes', {
    'process.env.BASE_PATH': JSON.stringify(base),
  });
  writeFileSync(file, html.replace('</head>', `<script src="${base}${script}" defer></script></head>`));
  return true;
}
