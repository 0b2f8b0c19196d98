// Schemas written inline by the tests: a SchemaHost over a map of file name
// to text (missing files fail as the disk host fails, with code ENOENT, so
// include errors read as QEMU's), and the model or site loaded from it.
import { loadModel } from '@/lib/qapi/load';
import type { SchemaModel } from '@/lib/qapi/model';
import { optionsForTree } from '@/lib/qapi/options';
import { joinIncludePath, type SchemaHost } from '@/lib/qapi/parser';
import { buildSiteSchema, type SiteSchema } from '@/lib/site/site-schema';

export function memoryHost(files: Record<string, string>): SchemaHost {
  return {
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw Object.assign(new Error(`no file ${p}`), { code: 'ENOENT' });
      return text;
    },
    resolve: joinIncludePath,
  };
}

/** The model of `root` among `files`, read with the rules of `release` when given (else the current ones). */
export function memoryModel(files: Record<string, string>, release?: string, root = 'qapi-schema.json'): SchemaModel {
  return loadModel(root, memoryHost(files), release ? optionsForTree(release) : undefined);
}

/** The site of qapi-schema.json among `files`, labelled `release` (or 'test'), at the site root. */
export function memorySite(files: Record<string, string>, release?: string): SiteSchema {
  return buildSiteSchema(memoryModel(files, release), { label: release ?? 'test', prefix: '', rootDir: 'qapi' });
}
