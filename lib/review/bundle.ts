// A known tree as data, for a review that cannot read disk (the /review
// page's worker): the schema files each of its roots reads, with their git
// blob hashes, written once at export time and fetched by the page. The
// hashes travel apart from the texts (BundledBase, a few KB for every tree),
// so that finding the base by hash costs no text, and only the base's texts
// are fetched. Pure.
import type { SchemaModel } from '../qapi/model';
import { BUILTIN_MODULE_NAME } from '../qapi/schema/entity';
import { RELEASES, type QemuRelease } from '../qapi/releases';
import { gitBlobHash } from './blob-hash';
import { loadRoot } from './load';
import { modulePath } from './definitions';
import type { ReviewTree } from './types';

/** What identifies a tree and its files, without their texts. */
export interface BundledBase {
  label: string;
  version: string | null;
  release: QemuRelease;
  roots: string[];
  /** the git blob hash of each file its roots read, by path from the tree's top */
  hashes: Record<string, string>;
}

export interface TreeBundle extends BundledBase {
  /** the text of each file, by path from the tree's top */
  files: Record<string, string>;
}

/** The files a root of the tree reads, by path from the tree's top: found by loading it (QEMU's error throws). */
function filesRead(tree: ReviewTree, root: string): string[] {
  const loaded = loadRoot(tree, root);
  if ('error' in loaded) throw loaded.error;
  return [...loaded.ok.files];
}

/** The files of a root from its model (every module QEMU's generator read, the builtin one aside). */
export function modelFiles(root: string, model: SchemaModel): string[] {
  return model.modules.filter((m) => m.name !== BUILTIN_MODULE_NAME).map((m) => modulePath(root, m.name));
}

/**
 * The files every root of `tree` reads (`filesOf`: from their models when the
 * caller has them, else by loading each root), with their texts and blob
 * hashes (the tree's own, else computed from the text).
 */
export function bundleTree(
  tree: ReviewTree,
  filesOf: (root: string) => string[] = (r) => filesRead(tree, r),
): TreeBundle {
  const files: Record<string, string> = {};
  const hashes: Record<string, string> = {};
  for (const root of tree.roots) {
    for (const path of [...filesOf(root)].sort()) {
      const text = tree.read(path);
      if (text === null) continue;
      files[path] = text;
      hashes[path] = tree.blobHash?.(path) ?? gitBlobHash(text);
    }
  }
  const { label, version, rules, roots } = tree;
  return { label, version, release: rules.release, roots, hashes, files };
}

/** The bundle's identity alone (what an index of bundles lists). */
export function bundledBase({ label, version, release, roots, hashes }: TreeBundle): BundledBase {
  return { label, version, release, roots, hashes };
}

/**
 * A known tree from a bundle's identity; its texts come from `files`, which
 * must hold them before the review reads any (lib/review treesToRead says
 * which trees it reads).
 */
export function bundledTree(base: BundledBase, files: () => ReadonlyMap<string, string> | null): ReviewTree {
  const hashes = new Map(Object.entries(base.hashes));
  return {
    label: base.label,
    version: base.version,
    rules: RELEASES[base.release],
    roots: base.roots,
    read(path) {
      const texts = files();
      if (!texts) throw new Error(`the files of ${base.label} are not loaded`);
      return texts.get(path) ?? null;
    },
    blobHash: (path) => hashes.get(path) ?? null,
  };
}
