/** @jsxImportSource @/lib/site/html */
// The headings of a member table's groups ("Inherited from X", "When tag is
// v — members of Y") and, above a union's table, the index of its branches.
import { inPage } from '@/lib/site/href';
import type { AnchorNs, MemberGroup } from '@/lib/site/member-layout';
import { isMaskedType } from '@/lib/site/masked-types';
import { IfBadge } from './Badges';
import { CodeLink, TypeNameLink } from './CodeLink';
import { branchId } from './member-anchors';
import { BuildMarkBadge, buildMarkOf } from './BuildMark';
import type { DocContext } from './Rst';

/** top: a branch heading of the page's own table carries the branch's anchor. */
export function GroupHeading({
  group,
  ctx,
  ns,
  top,
}: {
  group: MemberGroup;
  ctx: DocContext;
  ns: AnchorNs;
  top: boolean;
}) {
  const o = group.origin;
  if (o.kind === 'own') return null;
  const site = ctx.site;
  const id = o.kind === 'branch' && top ? branchId(ns, group) : undefined;
  return (
    <tr className={`group group-${o.kind}`} id={id}>
      <th colSpan={3} scope="rowgroup">
        {o.kind === 'base' ? (
          <>
            Inherited from <TypeNameLink site={site} name={o.from} />
          </>
        ) : (
          <>
            {o.when.map((w, i) => (
              <span key={i}>
                {i > 0 ? ', and ' : 'When '}
                <code>{w.tag}</code> is{' '}
                <CodeLink href={id && i === o.when.length - 1 ? inPage(id) : undefined} className="anchor-link">
                  &quot;{w.value}&quot;
                </CodeLink>
              </span>
            ))}
            <BuildMarkBadge site={site} mark={buildMarkOf(ctx, o.union, 'branch', o.when.at(-1)!.value)} />
            {!isMaskedType(site, o.from) && (
              <span className="group-from">
                {' '}
                — members of <TypeNameLink site={site} name={o.from} />
              </span>
            )}
            {o.branchesNotShown !== undefined && (
              <span className="group-from"> (its own {o.branchesNotShown} branches are not shown here)</span>
            )}
            <IfBadge cond={o.if} />
          </>
        )}
      </th>
    </tr>
  );
}

/** The jump menu of a union's branches, one link per branch anchor. */
export function BranchIndex({
  groups,
  discriminator,
  ns,
}: {
  groups: MemberGroup[];
  discriminator: string;
  ns: AnchorNs;
}) {
  const branches = groups.filter((g) => g.origin.kind === 'branch');
  if (branches.length < 2) return null;
  return (
    <nav className="branch-index" aria-label={`Branches by ${discriminator}`}>
      <p className="branch-index-title">
        {branches.length} branches by <code>{discriminator}</code>:
      </p>
      <ul>
        {branches.map((g) => (
          <li key={g.anchorPrefix}>
            <a href={inPage(branchId(ns, g))}>
              <code>{g.anchorPrefix.replace(/\.$/, '').split('.').join(' › ')}</code>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
