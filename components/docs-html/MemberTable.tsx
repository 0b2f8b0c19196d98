/** @jsxImportSource @/lib/site/html */
// The members of an object as they appear on the wire, in one table: own
// members, inherited ones ("from X") and union branches ("when tag is v"),
// each row with its anchor, linked type, required/optional, description,
// features and conditions. Unions get a branch index above the table, an
// anchor per branch and discriminator values linked to their branches.
// Every member whose type is structured can be expanded in place
// (<details>): inline while the page's budget lasts, otherwise as a lazy
// expander that the page's script fills from the type's exported fragment
// (ExpansionFragment, href.ts expansionPath), so no member silently loses
// its expander, whatever the size of the union.
import type { Entity, Member, TypeEntity } from '@/lib/qapi/model';
import { elementName, hasPage } from '@/lib/site/site-schema';
import { wireShape, type MemberGroup } from '@/lib/site/wire-shape';
import { expansionPath, withBase } from '@/lib/site/href';
import { memberSince } from '@/lib/site/format';
import { typeHref } from '@/lib/site/site-links';
import { expansionNoun, isMaskedType } from '@/lib/site/masked-types';
import type { SiteSchema } from '@/lib/site/site-schema';
import type { Html } from '@/lib/site/html/jsx-runtime';
import { FeatureBadges, IfBadge } from './Badges';
import { RstTextCompact, type DocContext } from './Rst';
import { TypeRef } from './TypeRef';
import { Undocumented } from './Undocumented';
import { EnumValues, Alternatives } from './ValueTables';

/** How much a page inlines before expansions become lazy. */
export interface ExpandBudget {
  rows: number;
  maxDepth: number;
}

export function newBudget(rows = 100, maxDepth = 2): ExpandBudget {
  return { rows, maxDepth };
}

/** Anchor namespaces: 'm' for data/arguments/type members, 'r' for the members of a command's reply. */
export type AnchorNs = 'm' | 'r';

export function memberId(ns: AnchorNs, group: MemberGroup, m: Member): string {
  return `${ns}-${group.anchorPrefix}${m.name}`;
}

/** 'b-qcow2' for branch qcow2; 'rb-…' in a reply's table; chained values of nested unions joined by '.'. */
export function branchId(ns: AnchorNs, group: MemberGroup): string {
  return `${ns === 'm' ? 'b' : 'rb'}-${group.anchorPrefix.replace(/\.$/, '')}`;
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
  const masked = isMaskedType(x.ctx.site, t.name);
  // masked types (introspection) have fragments but no pages, and may be recursive: lazy when over budget
  if (inline || canInline || (!hasPage(t) && !masked)) {
    return (
      <details className="nested">
        <summary>Show {label}</summary>
        <ExpansionBody type={t} {...x} valueHref={valueHref} />
      </details>
    );
  }
  const page = typeHref(x.ctx.site, t.name);
  return (
    <details className="nested" data-expand={withBase(expansionPath(x.ctx.site.prefix, t.name))}>
      <summary>Show {label}</summary>
      <p className="expand-fallback">
        {masked ? (
          ''
        ) : (
          <>
            See{' '}
            {page ? (
              <a href={withBase(page)}>
                <code>{t.name}</code>
              </a>
            ) : (
              <code>{t.name}</code>
            )}
            .
          </>
        )}
      </p>
    </details>
  );
}

function GroupHeading({ group, ctx, ns, top }: { group: MemberGroup; ctx: DocContext; ns: AnchorNs; top: boolean }) {
  const o = group.origin;
  if (o.kind === 'own') return null;
  const site = ctx.site;
  const from = (name: string) => {
    const href = typeHref(site, name);
    return href ? (
      <a href={withBase(href)}>
        <code>{name}</code>
      </a>
    ) : (
      <code>{name}</code>
    );
  };
  const id = o.kind === 'branch' && top ? branchId(ns, group) : undefined;
  return (
    <tr className={`group group-${o.kind}`} id={id}>
      <th colSpan={3} scope="rowgroup">
        {o.kind === 'base' ? (
          <>Inherited from {from(o.from)}</>
        ) : (
          <>
            {o.when.map((w, i) => (
              <span key={i}>
                {i > 0 ? ', and ' : 'When '}
                <code>{w.tag}</code> is{' '}
                {id && i === o.when.length - 1 ? (
                  <a className="anchor-link" href={`#${id}`}>
                    <code>&quot;{w.value}&quot;</code>
                  </a>
                ) : (
                  <code>&quot;{w.value}&quot;</code>
                )}
              </span>
            ))}
            {!isMaskedType(site, o.from) && <span className="group-from"> — members of {from(o.from)}</span>}
            <IfBadge cond={o.if} />
          </>
        )}
      </th>
    </tr>
  );
}

/** The jump menu of a union's branches, one link per branch anchor. */
function BranchIndex({ groups, discriminator, ns }: { groups: MemberGroup[]; discriminator: string; ns: AnchorNs }) {
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
            <a href={`#${branchId(ns, g)}`}>
              <code>{g.anchorPrefix.replace(/\.$/, '').split('.').join(' › ')}</code>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
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
  const anchor = memberId(ns, group, m);
  const since = memberSince(m.description?.text);
  const isTag = m.name === discriminator;
  return (
    <tr id={top ? anchor : undefined} className={m.optional ? 'optional' : 'required'}>
      <td className="member-name">
        {top ? (
          <a className="anchor-link" href={`#${anchor}`}>
            <code>{m.name}</code>
          </a>
        ) : (
          <code>{m.name}</code>
        )}
        <span className={`req ${m.optional ? 'is-optional' : 'is-required'}`}>
          {m.optional ? 'optional' : 'required'}
        </span>
        {isTag && <span className="req is-discriminator">discriminator</span>}
        {since && <span className="req member-since">since {since}</span>}
      </td>
      <td className="member-type">
        <TypeRef site={x.ctx.site} name={m.type} />
      </td>
      <td className="member-desc">
        {m.description ? <RstTextCompact text={m.description} ctx={x.ctx} /> : <Undocumented site={x.ctx.site} />}
        {(m.features.length > 0 || m.if) && (
          <div className="member-badges">
            <FeatureBadges features={m.features} />
            <IfBadge cond={m.if} />
          </div>
        )}
        <Nested typeName={m.type} {...x} inline={isTag && top} valueHref={isTag && top ? branchHref : undefined} />
      </td>
    </tr>
  );
}

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
  const shape = wireShape(obj, ctx.site.index);
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
  const branchHref = (v: string) => (branchOf.has(v) ? `#${branchOf.get(v)}` : undefined);
  const x = { ctx, depth, budget, ancestors: [...ancestors, obj.name] };
  return (
    <>
      {top && shape.discriminator && <BranchIndex groups={groups} discriminator={shape.discriminator} ns={ns} />}
      <div className="table-wrap">
        <table className={`members ${depth > 0 ? 'members-nested' : ''}`}>
          {top && (
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Type</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
          )}
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
        </table>
      </div>
    </>
  );
}

/** Anchor ids of the top-level member rows (for @member links in doc text). */
export function memberAnchors(obj: Entity | undefined, ctx: DocContext): Set<string> {
  const set = new Set<string>();
  if (!obj) return set;
  for (const g of wireShape(obj, ctx.site.index).groups) for (const m of g.members) set.add(memberId('m', g, m));
  return set;
}
