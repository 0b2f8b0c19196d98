/** @jsxImportSource @/lib/site/html */
// One type's expansion as a standalone HTML fragment (exported per type as
// types/<name>/expand.html): the nested table a page shows when a reader opens
// a member of that type that the page did not inline. Its own structured
// members are lazy expanders again, so a fragment stays small and recursive
// types expand one level per click.
import type { Html } from '@/lib/site/html/jsx-runtime';
import type { SiteSchema } from '@/lib/site/site-schema';
import { hasPage } from '@/lib/site/site-schema';
import { isMaskedType } from '@/lib/site/masked-types';
import { expansionOf, newBudget } from './expansion-of';
import { ExpansionBody } from './MemberTable';

/** Names of the types that have an expansion fragment. */
export function expandableTypes(site: SiteSchema): string[] {
  const named = site.types.filter((t) => hasPage(t) && expansionOf(site, t.name)?.type === t).map((t) => t.name);
  // an introspection's types have no pages (their names are masked), but their members still expand lazily
  const masked = site.model.entities.filter((t) => isMaskedType(site, t.name) && expansionOf(site, t.name)?.type === t);
  return [...named, ...masked.map((t) => t.name)];
}

export function ExpansionFragment({ site, name }: { site: SiteSchema; name: string }): Html | null {
  const found = expansionOf(site, name);
  if (!found || found.type.name !== name) return null;
  // depth 0 of a fragment is the nested level of the page: no anchors, no inlined grandchildren
  return (
    <ExpansionBody
      type={found.type}
      ctx={{ site, exampleSeq: { n: 0 } }}
      depth={0}
      budget={newBudget(0, 0)}
      ancestors={[]}
    />
  ) as Html;
}
