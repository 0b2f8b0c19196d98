// What page is being shown, independent of the version: lets the version
// switcher find "the same page" in another tree, or fall back to its home.
import type { SiteSchema } from './site-schema';
import { entityPath, hasPage } from './site-schema';

export type PageRef =
  | { kind: 'home' }
  | { kind: 'index' }
  | { kind: 'builtins' }
  | { kind: 'definition'; name: string }
  | { kind: 'module'; slug: string };

/** The path of `ref` in `site` (with its version prefix), or null when that tree lacks it. */
export function pathInSite(site: SiteSchema, ref: PageRef): string | null {
  switch (ref.kind) {
    case 'home':
      return `${site.prefix}/`;
    case 'index':
      return `${site.prefix}/all/`;
    case 'builtins':
      return `${site.prefix}/types/builtins/`;
    case 'module':
      return site.modules.some((m) => m.slug === ref.slug) ? `${site.prefix}/modules/${ref.slug}/` : null;
    case 'definition': {
      const e = site.index.get(ref.name);
      return e && hasPage(e) ? site.prefix + entityPath(e) : null;
    }
  }
}
