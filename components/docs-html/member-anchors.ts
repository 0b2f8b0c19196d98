// The anchor ids of member tables: one per top-level member row and one per
// union branch, so doc text (@member), the envelope and the search index can
// link to a row.
import type { Entity } from '@/lib/qapi/model';
import { memberAnchor, memberLayout, type AnchorNs, type MemberGroup } from '@/lib/site/member-layout';
import type { DocContext } from './Rst';

/** 'b-qcow2' for branch qcow2; 'rb-…' in a reply's table; chained values of nested unions joined by '.'. */
export function branchId(ns: AnchorNs, group: MemberGroup): string {
  return `${ns === 'm' ? 'b' : 'rb'}-${group.anchorPrefix.replace(/\.$/, '')}`;
}

/** Anchor ids of the top-level member rows (for @member links in doc text). */
export function memberAnchors(obj: Entity | undefined, ctx: DocContext): Set<string> {
  const set = new Set<string>();
  if (!obj) return set;
  for (const g of memberLayout(obj, ctx.site.index).groups) for (const m of g.members) set.add(memberAnchor(g, m));
  return set;
}
