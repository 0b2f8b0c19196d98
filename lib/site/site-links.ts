// Links between pages of one tree, and to the same page in another tree.
// Receives a SiteSchema and a name, role or page; guarantees a site path
// (version prefix included, base path not: add it with href.ts withBase) or
// null when the tree has no page for it. The URL scheme itself is href.ts.
import type { Entity } from '../qapi/model';
import {
  builtinsPath,
  changesPath,
  definitionPath,
  homePath,
  indexPath,
  modulePath,
  protocolPath,
  reviewPath,
  type Section,
} from './href';
import { elementName, hasPage, type SiteModule, type SiteSchema } from './site-schema';

/** What page is being shown, independent of the version (for the version switcher). */
export type PageRef =
  | { kind: 'home' }
  | { kind: 'index' }
  | { kind: 'builtins' }
  | { kind: 'protocol' }
  /** section: where the page is (an absent page has no entity to say it) */
  | { kind: 'definition'; name: string; section: Section }
  /** the validator page: one page for every version, the version is its option */
  | { kind: 'validate' }
  /** the patch review page: one page for the site, its base found by the patch */
  | { kind: 'review' }
  | { kind: 'module'; slug: string }
  /** the Changes pages compare trees: the same page whichever tree's frame shows them */
  | { kind: 'changes'; slug?: string };

export function definitionHref(site: SiteSchema, e: Entity): string {
  return definitionPath(site.prefix, e.meta, e.name);
}

export function moduleHref(site: SiteSchema, m: SiteModule): string {
  return modulePath(site.prefix, m.slug);
}

/**
 * Where a type name links to, or null when it has nowhere to go (q_empty,
 * implicit types, unknown names). Arrays link to their element; builtins to
 * their entry on the builtins page.
 */
export function typeHref(site: SiteSchema, name: string): string | null {
  const t = site.index.get(elementName(name, site.index));
  if (!t || (t.meta !== 'builtin' && !hasPage(t))) return null;
  return definitionHref(site, t);
}

function moduleBySlug(site: SiteSchema, slug: string): SiteModule | undefined {
  return site.modules.find((m) => m.slug === slug);
}

/**
 * Resolve a cross-reference target (`Name`, :qapi:event:`NAME`, :qapi:mod:`block-core`)
 * to a site path, or null when nothing by that name has a page.
 */
export function xrefHref(site: SiteSchema, role: string, target: string): string | null {
  if (role === 'mod') {
    const m = site.modules.find((mv) => mv.slug === target || mv.name.replace(/\.json$/, '') === target);
    return m ? moduleHref(site, m) : null;
  }
  const href = typeHref(site, target);
  if (href) return href;
  const m = role === 'any' && !site.index.has(elementName(target, site.index)) ? moduleBySlug(site, target) : undefined;
  return m ? moduleHref(site, m) : null;
}

/** The path of `ref` in `site`, or null when that tree lacks it. */
export function pathInSite(site: SiteSchema, ref: PageRef): string | null {
  switch (ref.kind) {
    case 'home':
      return homePath(site.prefix);
    case 'index':
      return indexPath(site.prefix);
    case 'builtins':
      return builtinsPath(site.prefix);
    case 'protocol':
      return protocolPath(site.prefix);
    case 'changes':
      return changesPath(ref.slug);
    case 'module': {
      const m = moduleBySlug(site, ref.slug);
      return m ? moduleHref(site, m) : null;
    }
    case 'definition': {
      const e = site.index.get(ref.name);
      return e && hasPage(e) ? definitionHref(site, e) : null;
    }
    case 'validate':
      return null;
    case 'review':
      return reviewPath();
  }
}
