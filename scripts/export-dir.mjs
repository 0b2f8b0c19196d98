// Where the static export lands. Next.js refuses a distDir outside the
// project, so an EXPORT_DIR elsewhere is exported into a staging folder inside
// the project first and moved into place by scripts/postexport.mjs.
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAGING = 'out-export-staging';

/** { target: where the export must end up (absolute), distDir: what next.config.ts gives Next (inside the project) }. */
export function exportPaths(exportDir = process.env.EXPORT_DIR || 'out') {
  const target = path.resolve(ROOT, exportDir);
  const rel = path.relative(ROOT, target);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return { target, distDir: inside ? rel : STAGING };
}

/** Moves a staged export to its target (replacing what was there); no-op when Next wrote it in place. */
export function moveStagedExport(exportDir) {
  const { target, distDir } = exportPaths(exportDir);
  const staged = path.resolve(ROOT, distDir);
  if (staged === target || !existsSync(staged)) return target;
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(staged, target);
  } catch (err) {
    if (err.code !== 'EXDEV') throw err;
    // another filesystem: copy, then drop the staging folder
    cpSync(staged, target, { recursive: true });
    rmSync(staged, { recursive: true, force: true });
  }
  return target;
}
