// What a member's type expands to in place (members, values or alternatives),
// and how much of that a page inlines before its expanders become lazy.
import type { TypeEntity } from '@/lib/qapi/model';
import { elementName, type SiteSchema } from '@/lib/site/site-schema';
import { expansionNoun, isMaskedType } from '@/lib/site/masked-types';

/** How much a page inlines before expansions become lazy. */
export interface ExpandBudget {
  rows: number;
  maxDepth: number;
}

export function newBudget(rows = 100, maxDepth = 2): ExpandBudget {
  return { rows, maxDepth };
}

/** The type a member of type `typeName` expands to, with the expander's label; null when there is nothing to show. */
export function expansionOf(site: SiteSchema, typeName: string): { type: TypeEntity; label: string } | null {
  const name = elementName(typeName, site.index);
  const t = site.index.get(name);
  if (!t) return null;
  if (isMaskedType(site, name)) {
    // introspection: no name to show, only what the expander opens onto
    const empty = t.meta === 'struct' && t.members.length === 0;
    return empty ? null : { type: t as TypeEntity, label: expansionNoun(t) };
  }
  switch (t.meta) {
    case 'struct':
      return t.members.length > 0 ? { type: t, label: `members of ${name}` } : null;
    case 'union':
      return { type: t, label: `members of ${name}` };
    case 'enum':
      return { type: t, label: `${t.values.length} values of ${name}` };
    case 'alternate':
      return { type: t, label: `alternatives of ${name}` };
    default:
      return null;
  }
}
