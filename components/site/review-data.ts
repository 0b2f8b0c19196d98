// The /review page's data, written by the export (app/review/data/[file]) and
// fetched only by that page: for each source-tree release of the site, the
// schema files its root reads, with their git blob hashes (lib/review
// bundle.ts), gzipped; an index of them (label, version, release rules, blob
// hashes, docs prefix, file name) that finds the base by hash without any
// text; the sample patch when one is configured. An introspection has no
// texts: it is no base. File names carry a hash of their content, so a page
// never mixes files of two builds. Computed once per build process, from the
// models the site already loaded (no tree is parsed again). Node-only.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bundledBase, bundleTree, modelFiles, type BundledBase } from '@/lib/review/bundle';
import { diskTree } from '@/lib/review/disk-tree';
import { getSchema, getVersions, reviewSampleFile } from '@/lib/site/source';

/** A base as the page's worker finds it in the index. */
export interface ReviewBaseEntry extends BundledBase {
  /** its texts: a file of the review's data (reviewDataPath) */
  file: string;
  /** the version prefix of its docs pages ('' or '/v/<label>'): the preview links there */
  prefix: string;
}

export interface ReviewIndex {
  bases: ReviewBaseEntry[];
}

export interface ReviewData {
  /** every file, by name */
  files: Map<string, Uint8Array>;
  /** the name of the index file */
  index: string;
  /** the name of the sample patch's file, null without one */
  sample: string | null;
  /** the bases in the site's order (label and version), for the page's select */
  bases: { label: string; version: string | null }[];
}

const named = (stem: string, ext: string, bytes: Uint8Array) =>
  `${stem}-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.${ext}`;

let data: ReviewData | null = null;

export function reviewData(): ReviewData {
  if (data) return data;
  const files = new Map<string, Uint8Array>();
  const bases: ReviewBaseEntry[] = [];
  for (const [i, v] of getVersions().entries()) {
    const model = getSchema(v.label)!.model;
    if (model.origin?.kind === 'introspection') continue;
    const tree = diskTree(v.rootFile, '/', v.label);
    if (typeof tree === 'string') throw new Error(`the review's base ${v.label}: ${tree}`);
    const bundle = bundleTree(tree, (root) => modelFiles(root, model));
    const gz = gzipSync(JSON.stringify(bundle), { level: 9 });
    const file = named(`base-${i}`, 'json.gz', gz);
    files.set(file, gz);
    bases.push({ ...bundledBase(bundle), file, prefix: v.prefix });
  }
  const indexBytes = new TextEncoder().encode(JSON.stringify({ bases } satisfies ReviewIndex));
  const index = named('index', 'json', indexBytes);
  files.set(index, indexBytes);
  const sampleFile = reviewSampleFile();
  let sample: string | null = null;
  if (sampleFile) {
    const bytes = readFileSync(sampleFile);
    sample = named('sample', 'txt', bytes);
    files.set(sample, bytes);
  }
  data = { files, index, sample, bases: bases.map(({ label, version }) => ({ label, version })) };
  return data;
}
