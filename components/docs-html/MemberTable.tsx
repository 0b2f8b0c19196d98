/** @jsxImportSource @/lib/site/html */
// The members of an object as they appear on the wire, in one table: own
// members, inherited ones ("from X") and union branches ("when tag is v"),
// each row with its anchor, linked type, required/optional, description,
// features and conditions. A member whose type is itself structured can be
// expanded in place (<details>), within a depth and row budget so that pages
// stay light even for blockdev-add sized unions.
import type { Entity, Member } from '@/lib/qapi/model';
import { elementName } from '@/lib/site/site-schema';
import { memberAnchor, wireShape, type MemberGroup } from '@/lib/site/wire-shape';
import { withBase } from '@/lib/site/href';
import { memberSince } from '@/lib/site/format';
import { typeHref } from '@/lib/site/site-links';
import { FeatureBadges, IfBadge } from './Badges';
import { RstTextCompact, type DocContext } from './Rst';
import { TypeRef } from './TypeRef';
import { EnumValues, Alternatives } from './ValueTables';

export interface ExpandBudget {
  rows: number;
  maxDepth: number;
}

export function newBudget(): ExpandBudget {
  return { rows: 100, maxDepth: 2 };
}

function GroupHeading({ group, ctx }: { group: MemberGroup; ctx: DocContext }) {
  const o = group.origin;
  if (o.kind === 'own') return null;
  const site = ctx.site;
  const from = (name: string) => {
    const href = typeHref(site, name);
    return href ? <a href={withBase(href)}><code>{name}</code></a> : <code>{name}</code>;
  };
  return (
    <tr className={`group group-${o.kind}`}>
      <th colSpan={3} scope="rowgroup">
        {o.kind === 'base' ? (
          <>Inherited from {from(o.from)}</>
        ) : (
          <>
            {o.when.map((w, i) => (
              <span key={i}>
                {i > 0 ? ', and ' : 'When '}
                <code>{w.tag}</code> is <code>&quot;{w.value}&quot;</code>
              </span>
            ))}
            <span className="group-from"> — members of {from(o.from)}</span>
            <IfBadge cond={o.if} />
          </>
        )}
      </th>
    </tr>
  );
}

function Nested({ typeName, ctx, depth, budget, ancestors }: { typeName: string; ctx: DocContext; depth: number; budget: ExpandBudget; ancestors: string[] }) {
  const name = elementName(typeName, ctx.site.index);
  const t = ctx.site.index.get(name);
  if (!t || t.meta === 'builtin' || ancestors.includes(name) || depth >= budget.maxDepth || budget.rows <= 0) return null;
  let body;
  let label;
  if (t.meta === 'struct' || t.meta === 'union') {
    if (t.members.length === 0 && (t.meta !== 'union' || t.branches.every((b) => b.type === 'q_empty'))) return null;
    label = `members of ${name}`;
    body = <MemberTable obj={t} ctx={ctx} depth={depth + 1} budget={budget} ancestors={[...ancestors, name]} />;
  } else if (t.meta === 'enum') {
    budget.rows -= t.values.length;
    label = `${t.values.length} values of ${name}`;
    body = <EnumValues type={t} ctx={ctx} nested />;
  } else if (t.meta === 'alternate') {
    label = `alternatives of ${name}`;
    body = <Alternatives type={t} ctx={ctx} nested />;
  } else {
    return null;
  }
  return (
    <details className="nested">
      <summary>Show {label}</summary>
      {body}
    </details>
  );
}

function MemberRow({ m, group, ctx, depth, budget, ancestors, discriminator }: { m: Member; group: MemberGroup; ctx: DocContext; depth: number; budget: ExpandBudget; ancestors: string[]; discriminator?: string }) {
  budget.rows--;
  const top = depth === 0;
  const anchor = memberAnchor(group, m);
  return (
    <tr id={top ? anchor : undefined} className={m.optional ? 'optional' : 'required'}>
      <td className="member-name">
        {top ? (
          <a className="anchor-link" href={`#${anchor}`}><code>{m.name}</code></a>
        ) : (
          <code>{m.name}</code>
        )}
        <span className={`req ${m.optional ? 'is-optional' : 'is-required'}`}>{m.optional ? 'optional' : 'required'}</span>
        {m.name === discriminator && <span className="req is-discriminator">discriminator</span>}
        {memberSince(m.description?.text) && <span className="req member-since">since {memberSince(m.description?.text)}</span>}
      </td>
      <td className="member-type"><TypeRef site={ctx.site} name={m.type} /></td>
      <td className="member-desc">
        {m.description ? <RstTextCompact text={m.description} ctx={ctx} /> : <span className="undocumented">Not documented</span>}
        {(m.features.length > 0 || m.if) && (
          <div className="member-badges"><FeatureBadges features={m.features} /><IfBadge cond={m.if} /></div>
        )}
        <Nested typeName={m.type} ctx={ctx} depth={depth} budget={budget} ancestors={ancestors} />
      </td>
    </tr>
  );
}

export function MemberTable({ obj, ctx, depth = 0, budget = newBudget(), ancestors = [] }: { obj: Entity; ctx: DocContext; depth?: number; budget?: ExpandBudget; ancestors?: string[] }) {
  const shape = wireShape(obj, ctx.site.index);
  const groups = shape.groups.filter((g) => g.members.length > 0 || g.origin.kind === 'branch');
  if (groups.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className={`members ${depth > 0 ? 'members-nested' : ''}`}>
        {depth === 0 && (
          <thead><tr><th scope="col">Member</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
        )}
        {groups.map((g, i) => (
          <tbody key={i}>
            <GroupHeading group={g} ctx={ctx} />
            {g.members.length === 0 ? (
              <tr className="empty-branch"><td colSpan={3}>No members.</td></tr>
            ) : (
              g.members.map((m) => (
                <MemberRow key={m.name} m={m} group={g} ctx={ctx} depth={depth} budget={budget} ancestors={[...ancestors, obj.name]} discriminator={shape.discriminator} />
              ))
            )}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** Anchor ids of the top-level member rows (for @member links in doc text). */
export function memberAnchors(obj: Entity | undefined, ctx: DocContext): Set<string> {
  const set = new Set<string>();
  if (!obj) return set;
  for (const g of wireShape(obj, ctx.site.index).groups) for (const m of g.members) set.add(memberAnchor(g, m));
  return set;
}
