// Which known tree the patch is for. The `index <pre>..<post>` lines carry
// git blob hashes: a tree whose files hash to every preimage the patch names
// is its base (the newest such, when an unchanged file matches several); a
// git checkout may hold a preimage in its history instead (as `git am -3`
// reads it). Without a match, every tree is tried and the newest one the
// patch applies to cleanly is taken. Receives the patch's files and the
// known trees; guarantees the chosen tree with how it was found and the
// applied texts, or the failure against the most likely tree.
import { compareQemuVersions, findQemuVersion, releaseInDevelopment } from '../qapi/version';
import { applyPatch, type Applied } from './apply';
import { gitBlobHash, hashMatches, isNullHash } from './blob-hash';
import type { BaseInfo, FilePatch, ReviewTree } from './types';

export interface BaseChoice {
  tree: ReviewTree;
  info: BaseInfo;
  /** the base's text of a file (from its history where the patch was made against that) */
  readBase: (path: string) => string | null;
  applied: Applied;
}

interface Preimage {
  path: string;
  hash: string;
}

interface Candidate {
  tree: ReviewTree;
  how: 'blob-hash' | 'git-history' | null;
  readBase: (path: string) => string | null;
  /** what the preimages matched: 'qapi/vfio.json a1a9c5b673' */
  matched: string[];
  applied?: Applied;
}

export function chooseBase(files: FilePatch[], trees: ReviewTree[]): BaseChoice | { failure: Applied['failure'] } {
  const preimages = preimagesOf(files);
  const candidates = newestFirst(trees).map((tree) => candidate(tree, preimages));
  const ordered = [
    ...candidates.filter((c) => c.how === 'blob-hash'),
    ...candidates.filter((c) => c.how === 'git-history'),
    ...candidates.filter((c) => c.how === null),
  ];
  const tried = (c: Candidate) => (c.applied ??= applyPatch(files, c.readBase));
  const byHash = ordered.find((c) => c.how !== null);
  // a tree the hashes name is the base, whether the patch applies to it or not
  const chosen = byHash ?? ordered.find((c) => !tried(c).failure);
  if (!chosen) {
    const first = ordered[0];
    return { failure: first ? tried(first).failure : { text: 'no known tree', file: null, patchLine: null } };
  }
  // no hash to go by: say which trees the patch applies to
  if (!byHash) for (const c of candidates) tried(c);
  const version = chosen.tree.version ? findQemuVersion(chosen.tree.version) : null;
  const noHash = preimages.length ? 'no blob hash of the patch matches a known tree' : 'the patch names no blob hash';
  const info: BaseInfo = {
    label: chosen.tree.label,
    version: chosen.tree.version,
    release: chosen.tree.rules.release,
    how: chosen.how ?? 'applies',
    detail:
      chosen.how === null
        ? `applies cleanly (${noHash})`
        : chosen.matched.join(', ') + (chosen.how === 'git-history' ? ' (from its git history)' : ''),
    since: version ? releaseInDevelopment(version) : null,
    others: candidates
      .filter((c) => c !== chosen)
      .map((c) => ({ label: c.tree.label, hash: c.how !== null, applies: c.applied ? !c.applied.failure : null })),
  };
  return { tree: chosen.tree, info, readBase: chosen.readBase, applied: tried(chosen) };
}

/** Each schema file's first preimage in the series: what the base must hold. */
function preimagesOf(files: FilePatch[]): Preimage[] {
  const seen = new Set<string>();
  const out: Preimage[] = [];
  for (const f of files) {
    if (!f.schema || f.oldPath === null || seen.has(f.oldPath)) continue;
    seen.add(f.oldPath);
    if (f.oldHash && !isNullHash(f.oldHash)) out.push({ path: f.oldPath, hash: f.oldHash });
  }
  return out;
}

function candidate(tree: ReviewTree, preimages: Preimage[]): Candidate {
  const hashOf = (path: string) => {
    if (tree.blobHash) return tree.blobHash(path);
    const text = tree.read(path);
    return text === null ? null : gitBlobHash(text);
  };
  const read = (path: string) => tree.read(path);
  if (!preimages.length) return { tree, how: null, readBase: read, matched: [] };
  const fromHistory = new Map<string, string>();
  for (const p of preimages) {
    const full = hashOf(p.path);
    if (full && hashMatches(p.hash, full)) continue;
    const blob = tree.gitBlob?.(p.hash) ?? null;
    if (blob === null) return { tree, how: null, readBase: read, matched: [] };
    fromHistory.set(p.path, blob);
  }
  const matched = preimages.map((p) => `${p.path} ${p.hash}`);
  if (!fromHistory.size) return { tree, how: 'blob-hash', readBase: read, matched };
  return {
    tree,
    how: 'git-history',
    readBase: (path) => (fromHistory.has(path) ? fromHistory.get(path)! : tree.read(path)),
    matched,
  };
}

/** Trees by version, newest first; trees without a version after, in the order given. */
function newestFirst(trees: ReviewTree[]): ReviewTree[] {
  const v = (t: ReviewTree) => (t.version ? findQemuVersion(t.version) : null);
  return trees
    .map((t, i) => ({ t, i, v: v(t) }))
    .sort((a, b) => (a.v && b.v ? compareQemuVersions(b.v, a.v) : a.v ? -1 : b.v ? 1 : 0) || a.i - b.i)
    .map(({ t }) => t);
}
