// Links in the exported site. Pages use plain <a href> (full page loads of
// static files), so the configured base path is added here, in one place.
import type { SiteSchema } from './site-schema';
import { elementName, entityPath, hasPage } from './site-schema';

/** BASE_PATH without a trailing slash ('' or '/docs'). Read at build time. */
export function basePath(): string {
  const raw = (process.env.BASE_PATH ?? '').trim();
  if (!raw || raw === '/') return '';
  return '/' + raw.replace(/^\/+|\/+$/g, '');
}

export function withBase(path: string): string {
  return basePath() + path;
}

/**
 * Resolve a cross-reference target (`Name`, :qapi:event:`NAME`, :qapi:mod:`block-core`)
 * to a site path without base path, or null when nothing by that name has a page.
 */
export function resolveXref(site: SiteSchema, role: string, target: string): string | null {
  if (role === 'mod') {
    const m = site.modules.find((mv) => mv.slug === target || mv.name.replace(/\.json$/, '') === target);
    return m ? `${site.prefix}/modules/${m.slug}/` : null;
  }
  const e = site.index.get(elementName(target, site.index));
  if (!e) {
    const m = role === 'any' ? site.modules.find((mv) => mv.slug === target) : undefined;
    return m ? `${site.prefix}/modules/${m.slug}/` : null;
  }
  if (e.meta === 'builtin') return `${site.prefix}/types/builtins/#${e.name}`;
  return hasPage(e) ? site.prefix + entityPath(e) : null;
}
