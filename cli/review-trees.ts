// Known trees on disk for `review`: a tree's top (a QEMU source checkout, or
// a folder holding qapi/), a root schema file, or a label of the site's
// configuration (QAPI_VERSIONS, QAPI_SCHEMA, qapi-explorer.config.json, as
// the site reads them). Reads are capped and never leave the tree; blob
// hashes are git's over the file's bytes; a git checkout's history is read
// with `git cat-file` (as `git am -3` does), or the review says git is missing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readFileCapped, MAX_INCLUDE_BYTES } from '../lib/qapi/node';
import { optionsForTree } from '../lib/qapi/options';
import { findQemuVersion } from '../lib/qapi/version';
import { unsafePath } from '../lib/review/patch';
import { SCHEMA_ROOTS, type ReviewTree } from '../lib/review/index';
import { resolveVersions } from '../lib/site/config';

export const CONFIG_FILE = 'qapi-explorer.config.json';

/** A tree from a path: its top folder, or its root schema file. A string says why it is not one. */
export function diskTree(arg: string, cwd: string, label?: string): ReviewTree | string {
  const p = path.resolve(cwd, arg);
  if (!existsSync(p)) return `no such file or directory: ${arg}`;
  let top: string;
  let roots: string[];
  if (statSync(p).isDirectory()) {
    top = path.basename(p) === 'qapi' && !existsSync(path.join(p, 'qapi')) ? path.dirname(p) : p;
    roots = SCHEMA_ROOTS.filter((r) => existsSync(path.join(top, r)));
  } else {
    const dir = path.dirname(p);
    top = path.basename(dir) === 'qapi' ? path.dirname(dir) : dir;
    roots = [path.relative(top, p).split(path.sep).join('/')];
  }
  if (!roots.length) return `${arg} holds no QAPI schema root (${SCHEMA_ROOTS.join(', ')})`;
  const version = versionOf(top, label ?? arg);
  const name = label ?? (path.basename(top) || arg);
  return {
    label: name,
    version,
    rules: optionsForTree(version ?? top),
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

/** A QEMU checkout's VERSION file ('10.2.50' for a development tree), else a version in its label or path. */
function versionOf(top: string, label: string): string | null {
  try {
    const v = readFileSync(path.join(top, 'VERSION'), 'utf8').trim();
    if (findQemuVersion(v)) return v;
  } catch {
    // no VERSION file: a release's qapi/ folder
  }
  for (const text of [label, top]) {
    const v = findQemuVersion(path.basename(text)) ?? findQemuVersion(text);
    if (v) return `${v.major}.${v.minor}.${v.micro}`;
  }
  return null;
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

/** The source trees of the site's configuration, by label (introspection dumps are not trees: left out). */
export function configuredTrees(cwd: string, env: NodeJS.ProcessEnv): Map<string, string> {
  const configPath = path.join(cwd, CONFIG_FILE);
  let configText: string | null = null;
  try {
    configText = existsSync(configPath) ? readFileSync(configPath, 'utf8') : null;
  } catch {
    configText = null;
  }
  const out = new Map<string, string>();
  // nothing configured: the site's fallback (our example schema in content/) is no QEMU tree
  if (configText === null && !env.QAPI_VERSIONS?.trim() && !env.QAPI_SCHEMA?.trim()) return out;
  for (const v of resolveVersions(env, configText)) {
    const file = path.resolve(cwd, v.schema);
    if (path.basename(file) === 'qapi-schema.json') out.set(v.label, file);
  }
  return out;
}
