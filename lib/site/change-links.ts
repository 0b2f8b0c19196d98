// Where a change of lib/diff is shown on each side of a pair of releases.
// Receives a Change and the old and new trees; guarantees, per side, the site
// path (version prefix included, base path not) of the definition holding it
// in that tree, with the anchor of the member, enum value or alternative when
// that page has one, or null when the tree has no page for it (added or
// removed definitions). Also splits a change's path into its command or event
// and the rest, so the page can link the command or event.
import { splitPath, type Change } from '../diff';
import type { Entity } from '../qapi/model';
import { definitionPath, inPage } from './href';
import { hasPage, type SiteModule, type SiteSchema } from './site-schema';
import { dataType, memberAnchor, memberLayout } from './member-layout';

export interface ChangeSides {
  old: string | null;
  new: string | null;
}

const ITEM_KINDS = new Set<Change['kind']>([
  'member-added',
  'member-removed',
  'made-optional',
  'made-mandatory',
  'type-changed',
  'value-added',
  'value-removed',
  'alternative-added',
  'alternative-removed',
  'feature-added',
  'feature-removed',
  'if-changed',
]);

/** The anchor of `item` on e's page, if the page has a row for it. */
function itemAnchor(site: SiteSchema, e: Entity, item: string): string | undefined {
  if (e.meta === 'enum') return e.values.some((v) => v.name === item) ? `v-${item}` : undefined;
  if (e.meta === 'alternate') return e.alternatives.some((a) => a.name === item) ? `m-${item}` : undefined;
  const obj = dataType(e, site.index);
  if (!obj || (obj.meta !== 'struct' && obj.meta !== 'union')) return undefined;
  for (const g of memberLayout(obj, site.index).groups) {
    if (g.anchorPrefix) continue;
    const m = g.members.find((x) => x.name === item);
    if (m) return memberAnchor(g, m);
  }
  return undefined;
}

/** The page (and row) of `name`'s `item` in a tree, or null when the tree has no page for it. */
export function sidePath(site: SiteSchema, name: string, item?: string): string | null {
  const e = site.index.get(name);
  if (!e || !hasPage(e)) return null;
  const anchor = item === undefined ? undefined : itemAnchor(site, e, item);
  return definitionPath(site.prefix, e.meta, e.name) + (anchor ? inPage(anchor) : '');
}

export function changeSides(c: Change, oldSite: SiteSchema, newSite: SiteSchema): ChangeSides {
  const itemKind = ITEM_KINDS.has(c.kind) || (c.kind === 'left-out' && c.what !== 'branch');
  // in a type with no name, the item is a row of the definition's page only at its top
  const atTop = c.within === undefined || splitPath(c.within)[1].split(/[.[<]/).length === 2;
  const item = itemKind && atTop ? c.item : undefined;
  return { old: sidePath(oldSite, c.oldDef ?? c.def, item), new: sidePath(newSite, c.def, item) };
}

/** The module a definition is filed under on a Changes page: the new tree's, else the old one's. */
export function moduleOfChange(
  name: string,
  oldName: string,
  oldSite: SiteSchema,
  newSite: SiteSchema,
): SiteModule | undefined {
  return newSite.moduleOf.get(name) ?? oldSite.moduleOf.get(oldName);
}
