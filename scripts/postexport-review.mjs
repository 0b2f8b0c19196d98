// Step of scripts/postexport.mjs for the /review page, the second client
// island: after the Next.js runtime is stripped, bundles the island (React +
// components/review, components/review/island-entry.tsx) and its web worker
// (lib/review with QEMU's generator rules, lib/diff, lib/validate, the doc
// pages' components and shiki for the previews: components/review/review.worker.ts)
// into _site/, and points review/index.html at them. The worker is loaded by
// this page only; the base trees' texts it fetches are the export's
// review/data/ files (components/site/review-data.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundle } from './postexport-validator.mjs';

/** Returns false when the export has no review page with a stripped runtime (nothing to do). */
export async function bundleReview(outDir, base) {
  const file = path.join(outDir, 'review', 'index.html');
  if (!existsSync(file)) return false;
  const html = readFileSync(file, 'utf8');
  if (!html.includes('id="review-root"') || /<script\b[^>]*src="[^"]*\/_next\//.test(html)) return false;
  const [island, worker] = await Promise.all([
    bundle('components/review/island-entry.tsx', outDir, 'review'),
    // the previews' links carry the base path (lib/site/href.ts withBase)
    bundle('components/review/review.worker.ts', outDir, 'review-worker', {
      'process.env.BASE_PATH': JSON.stringify(base),
    }),
  ]);
  const out = html
    .replace('id="review-root"', `id="review-root" data-worker-url="${base}${worker}"`)
    .replace('</head>', `<script src="${base}${island}" defer></script></head>`);
  writeFileSync(file, out);
  return true;
}
