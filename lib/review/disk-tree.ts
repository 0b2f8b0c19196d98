// A known tree on disk for a review: a tree's top (a QEMU source checkout,
// or a folder holding qapi/) or a root schema file, for the CLI's `review`
// and for the site's export (the /review page's bundles of the configured
// trees). Reads are capped and never leave the tree; blob hashes are git's
// over the file's bytes; a git checkout's history is read with
// `git cat-file` (as `git am -3` does), or the review says git is missing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readFileCapped, releaseOfRoot, MAX_INCLUDE_BYTES } from '../qapi/node';
import { releaseOf } from '../qapi/release-of';
import { SCHEMA_ROOTS, unsafePath } from './patch';
import type { ReviewTree } from './types';

/**
 * A tree from a path: its top folder, or its root schema file. A string says
 * why it is not one. The release it is read as: its VERSION file, else its
 * path, else a version in its configured label; `note` hears why when those
 * are not a verified release's own rules.
 */
export function diskTree(arg: string, cwd: string, label?: string, note?: (text: string) => void): ReviewTree | string {
  const p = path.resolve(cwd, arg);
  if (!existsSync(p)) return `no such file or directory: ${arg}`;
  let top: string;
  let roots: string[];
  if (statSync(p).isDirectory()) {
    top = path.basename(p) === 'qapi' && !existsSync(path.join(p, 'qapi')) ? path.dirname(p) : p;
    roots = SCHEMA_ROOTS.filter((r) => existsSync(path.join(top, r)));
  } else {
    // a QEMU root is read from the tree's top (the storage daemon's includes ../../qapi/)
    const known = SCHEMA_ROOTS.find((r) => p.split(path.sep).join('/').endsWith(`/${r}`));
    const dir = path.dirname(p);
    top = known ? p.slice(0, p.length - known.length - 1) : path.basename(dir) === 'qapi' ? path.dirname(dir) : dir;
    roots = [path.relative(top, p).split(path.sep).join('/')];
  }
  if (!roots.length) return `${arg} holds no QAPI schema root (${SCHEMA_ROOTS.join(', ')})`;
  // the release: its VERSION file, else its path, else a version in its label
  const found = releaseOfRoot(path.join(top, roots[0]!));
  const release = found.version === null && label ? releaseOf({ option: label }) : found;
  if (release.note) note?.(release.note);
  return {
    label: label ?? (path.basename(top) || arg),
    version: release.version,
    rules: { ...release.rules },
    roots,
    read: (file) => {
      if (unsafePath(file)) return null;
      try {
        return readFileCapped(path.join(top, file), MAX_INCLUDE_BYTES, 'a schema file');
      } catch {
        return null;
      }
    },
    blobHash: (file) => {
      if (unsafePath(file)) return null;
      try {
        const bytes = readFileSync(path.join(top, file));
        return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
      } catch {
        return null;
      }
    },
    ...gitHistory(top),
  };
}

function gitHistory(top: string): Pick<ReviewTree, 'gitBlob' | 'historyNote'> {
  if (!existsSync(path.join(top, '.git'))) return {};
  const probe = spawnSync('git', ['--version'], { encoding: 'utf8' });
  if (probe.error)
    return { historyNote: `${top} is a git checkout, but git is not on PATH: blobs of its history cannot be read` };
  return {
    gitBlob: (hash) => {
      if (!/^[0-9a-f]{4,64}$/.test(hash)) return null;
      const r = spawnSync('git', ['-C', top, 'cat-file', 'blob', hash], {
        encoding: 'utf8',
        maxBuffer: MAX_INCLUDE_BYTES,
      });
      return r.status === 0 ? r.stdout : null;
    },
  };
}
