// Shared by the render tests: QEMU's real trees (test/support/shared.ts), loaded once, and a
// readable form of rendered HTML for file snapshots.
import path from 'node:path';
import { loadModelFromDisk } from '@/lib/qapi/node';
import { optionsForTree } from '@/lib/qapi/options';
import { buildSiteSchema, type SiteSchema } from '@/lib/site/site-schema';
import { DefinitionPage } from '@/components/docs-html/DefinitionPage';
import { qemuTree } from './shared';

export const TREE_1022 = qemuTree('10.2.2');
export const TREE_VFIO = qemuTree('10.2.2+vfio-migration-prepare');
export const TREE_1000 = qemuTree('10.0.13');

const cache = new Map<string, SiteSchema>();

export function siteFor(rootFile: string, label = 'test'): SiteSchema {
  let site = cache.get(rootFile);
  if (!site) {
    const model = loadModelFromDisk(rootFile, optionsForTree(rootFile));
    site = buildSiteSchema(model, { label, prefix: '', rootDir: path.basename(path.dirname(rootFile)) });
    cache.set(rootFile, site);
  }
  return site;
}

export function renderDefinition(site: SiteSchema, name: string): string {
  const entity = site.index.get(name);
  if (!entity) throw new Error(`no definition ${name}`);
  return DefinitionPage({ site, entity }).value;
}

/** One block-level element per line, so a snapshot diff reads like a page. */
export function prettyHtml(html: string): string {
  return (
    html
      .replace(
        /(<(?:\/?)(?:section|header|div|p|table|thead|tbody|tr|figure|figcaption|details|summary|pre|h[1-6]|ul|ol|li|dl|dt|dd|aside|article|nav)\b)/g,
        '\n$1',
      )
      .trimStart() + '\n'
  );
}
