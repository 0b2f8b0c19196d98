/** @jsxImportSource @/lib/site/html */
// The description cell of a member, value or alternative without doc text.
// A tree's definition is "Not documented"; an introspection carries no doc
// text at all, so without a tree to borrow from every row would say so: a
// dash says it once per row without the noise.
import type { SiteSchema } from '@/lib/site/site-schema';

export function Undocumented({ site }: { site: SiteSchema }) {
  if (site.model.origin?.kind === 'introspection' && !site.docsFrom) {
    return (
      <span className="undocumented" title="query-qmp-schema carries no doc text">
        —
      </span>
    );
  }
  return <span className="undocumented">Not documented</span>;
}
