/** @jsxImportSource @/lib/site/html */
// The members of an object as they appear on the wire, in one table: own
// members, inherited ones ("from X") and union branches ("when tag is v"),
// each row with its anchor, linked type, required/optional, description,
// features and conditions. Unions get a branch index above the table, an
// anchor per branch and discriminator values linked to their branches.
// Every member whose type is structured can be expanded in place
// (<details>): inline while the page's budget lasts (expansion-of.ts),
// otherwise as a lazy expander (LazyExpander.tsx), so no member silently
// loses its expander, whatever the size of the union. Anchors are in
// member-anchors.ts, group headings and the branch index in MemberGroups.tsx.
import { inPage } from '@/lib/site/href';
import type { Entity, Member, TypeEntity } from '@/lib/qapi/model';
import { hasPage } from '@/lib/site/site-schema';
import { memberAnchor, memberLayout, type AnchorNs, type MemberGroup } from '@/lib/site/member-layout';
import { memberSince } from '@/lib/site/format';
import { isMaskedType } from '@/lib/site/masked-types';
import type { Html } from '@/lib/site/html/jsx-runtime';
import { RowBadges } from './Badges';
import { CodeLink } from './CodeLink';
import { expansionOf, newBudget, type ExpandBudget } from './expansion-of';
import { LazyExpander } from './LazyExpander';
import { branchId } from './member-anchors';
import { BranchIndex, GroupHeading } from './MemberGroups';
import { BuildMarkBadge, buildMarkOf, holdsBuildMark } from './BuildMark';
import type { DocContext } from './Rst';
import { Description, DocTable } from './TableParts';
import { TypeRef } from './TypeRef';
import { EnumValues, Alternatives } from './ValueTables';

interface Expanding {
  ctx: DocContext;
  depth: number;
  budget: ExpandBudget;
  ancestors: string[];
}

/** The nested table of a type (members, values or alternatives). */
export function ExpansionBody({
  type: t,
  ctx,
  depth,
  budget,
  ancestors,
  valueHref,
}: Expanding & { type: TypeEntity; valueHref?: (v: string) => string | undefined }) {
  if (t.meta === 'struct' || t.meta === 'union') {
    return <MemberTable obj={t} ctx={ctx} depth={depth + 1} budget={budget} ancestors={[...ancestors, t.name]} />;
  }
  if (t.meta === 'enum') {
    budget.rows -= t.values.length;
    return <EnumValues type={t} ctx={ctx} nested valueHref={valueHref} />;
  }
  if (t.meta === 'alternate') {
    const inner = { ctx, depth: depth + 1, budget, ancestors: [...ancestors, t.name] };
    return <Alternatives type={t} ctx={ctx} nested expand={(name) => <Nested typeName={name} {...inner} />} />;
  }
  return null;
}

/** The expander of a type at the top of a page (an alternate's alternatives): inline within a fresh budget. */
export function topExpander(ctx: DocContext, owner: string): (typeName: string) => Html {
  const x = { ctx, depth: 0, budget: newBudget(), ancestors: [owner] };
  return (typeName) => <Nested typeName={typeName} {...x} />;
}

function Nested({
  typeName,
  inline,
  valueHref,
  ...x
}: Expanding & { typeName: string; inline?: boolean; valueHref?: (v: string) => string | undefined }) {
  const found = expansionOf(x.ctx.site, typeName);
  if (!found) return null;
  const { type: t, label } = found;
  const canInline = !x.ancestors.includes(t.name) && x.depth < x.budget.maxDepth && x.budget.rows > 0;
  // what a build has new or changed is shown, not folded away
  const marked = !x.ancestors.includes(t.name) && holdsBuildMark(x.ctx, t);
  // masked types (introspection) have fragments but no pages, and may be recursive: lazy when over budget
  if (inline || canInline || marked || (!hasPage(t) && !isMaskedType(x.ctx.site, t.name))) {
    return (
      <details className="nested" open={marked}>
        <summary>Show {label}</summary>
        <ExpansionBody type={t} {...x} valueHref={valueHref} />
      </details>
    );
  }
  return <LazyExpander type={t} label={label} ctx={x.ctx} />;
}

interface RowProps extends Expanding {
  m: Member;
  group: MemberGroup;
  ns: AnchorNs;
  discriminator?: string;
  branchHref?: (v: string) => string | undefined;
}

function MemberRow({ m, group, ns, discriminator, branchHref, ...x }: RowProps) {
  x.budget.rows--;
  const top = x.depth === 0;
  const anchor = memberAnchor(group, m, ns);
  const since = memberSince(m.description?.text);
  const isTag = m.name === discriminator;
  const mark = buildMarkOf(x.ctx, m.definedIn, 'member', m.name);
  return (
    <tr id={top ? anchor : undefined} className={m.optional ? 'optional' : 'required'}>
      <td className="member-name">
        <CodeLink href={top ? inPage(anchor) : undefined} className="anchor-link">
          {m.name}
        </CodeLink>
        <span className={`req ${m.optional ? 'is-optional' : 'is-required'}`}>
          {m.optional ? 'optional' : 'required'}
        </span>
        {isTag && <span className="req is-discriminator">discriminator</span>}
        {since && <span className="req member-since">since {since}</span>}
        <BuildMarkBadge site={x.ctx.site} mark={mark} />
      </td>
      <td className="member-type">
        <TypeRef site={x.ctx.site} name={m.type} breakable />
      </td>
      <td className="member-desc">
        <Description text={m.description} ctx={x.ctx} mark={mark} />
        <RowBadges features={m.features} cond={m.if} />
        <Nested typeName={m.type} {...x} inline={isTag && top} valueHref={isTag && top ? branchHref : undefined} />
      </td>
    </tr>
  );
}

const MEMBER_COLUMNS = ['Member', 'Type', 'Description'];

export function MemberTable({
  obj,
  ctx,
  depth = 0,
  budget = newBudget(),
  ancestors = [],
  ns = 'm',
}: {
  obj: Entity;
  ctx: DocContext;
  depth?: number;
  budget?: ExpandBudget;
  ancestors?: string[];
  ns?: AnchorNs;
}) {
  const shape = memberLayout(obj, ctx.site.index);
  const groups = shape.groups.filter((g) => g.members.length > 0 || g.origin.kind === 'branch');
  if (groups.length === 0) return null;
  const top = depth === 0;
  // top-level discriminator values link to their branch anchors (values without a branch have none)
  const branchOf = new Map<string, string>();
  if (top) {
    for (const g of groups) {
      if (g.origin.kind === 'branch' && g.origin.when.length === 1)
        branchOf.set(g.origin.when[0]!.value, branchId(ns, g));
    }
  }
  const branchHref = (v: string) => (branchOf.has(v) ? inPage(branchOf.get(v)!) : undefined);
  const x = { ctx, depth, budget, ancestors: [...ancestors, obj.name] };
  return (
    <>
      {top && shape.discriminator && <BranchIndex groups={groups} discriminator={shape.discriminator} ns={ns} />}
      <DocTable className={`members ${depth > 0 ? 'members-nested' : ''}`} columns={top ? MEMBER_COLUMNS : undefined}>
        {groups.map((g, i) => (
          <tbody key={i}>
            <GroupHeading group={g} ctx={ctx} ns={ns} top={top} />
            {g.members.length === 0 ? (
              <tr className="empty-branch">
                <td colSpan={3}>No members.</td>
              </tr>
            ) : (
              g.members.map((m) => (
                <MemberRow
                  key={m.name}
                  m={m}
                  group={g}
                  ns={ns}
                  discriminator={shape.discriminator}
                  branchHref={branchHref}
                  {...x}
                />
              ))
            )}
          </tbody>
        ))}
      </DocTable>
    </>
  );
}
