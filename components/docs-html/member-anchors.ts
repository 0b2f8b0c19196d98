// The anchor ids of member tables: one per top-level member row and one per
// union branch, so doc text (@member), the envelope and the search index can
// link to a row.
import type { Entity, Member } from '@/lib/qapi/model';
import { memberLayout, type MemberGroup } from '@/lib/site/member-layout';
import type { DocContext } from './Rst';

/** Anchor namespaces: 'm' for data/arguments/type members, 'r' for the members of a command's reply. */
export type AnchorNs = 'm' | 'r';

export function memberId(ns: AnchorNs, group: MemberGroup, m: Member): string {
  return `${ns}-${group.anchorPrefix}${m.name}`;
}

/** 'b-qcow2' for branch qcow2; 'rb-…' in a reply's table; chained values of nested unions joined by '.'. */
export function branchId(ns: AnchorNs, group: MemberGroup): string {
  return `${ns === 'm' ? 'b' : 'rb'}-${group.anchorPrefix.replace(/\.$/, '')}`;
}

/** Anchor ids of the top-level member rows (for @member links in doc text). */
export function memberAnchors(obj: Entity | undefined, ctx: DocContext): Set<string> {
  const set = new Set<string>();
  if (!obj) return set;
  for (const g of memberLayout(obj, ctx.site.index).groups) for (const m of g.members) set.add(memberId('m', g, m));
  return set;
}
