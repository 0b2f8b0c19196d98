/** @jsxImportSource @/lib/site/html */
// An expander over the page's budget: empty until the page's script fills it
// from the type's exported fragment (ExpansionFragment, href.ts
// expansionPath), with a link to the type's page meanwhile.
import type { TypeEntity } from '@/lib/qapi/model';
import { expansionPath, withBase } from '@/lib/site/href';
import { isMaskedType } from '@/lib/site/masked-types';
import { TypeNameLink } from './CodeLink';
import type { DocContext } from './Rst';

export function LazyExpander({ type: t, label, ctx }: { type: TypeEntity; label: string; ctx: DocContext }) {
  return (
    <details className="nested" data-expand={withBase(expansionPath(ctx.site.prefix, t.name))}>
      <summary>Show {label}</summary>
      <p className="expand-fallback">
        {isMaskedType(ctx.site, t.name) ? (
          ''
        ) : (
          <>
            See <TypeNameLink site={ctx.site} name={t.name} />.
          </>
        )}
      </p>
    </details>
  );
}
