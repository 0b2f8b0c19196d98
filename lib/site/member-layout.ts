// The member layout of an object on the wire: every member that can appear in the JSON
// object, grouped by where it comes from. Receives a type name and the schema
// index; guarantees groups in wire order: the type's own members, then each
// base's inherited members ("from X"), then one group per union branch with a
// non-empty type ("when driver is file"), branches of nested unions flattened
// with their conditions chained. Implements qapi-code-gen.rst "Struct types"
// (base members are on the wire as if declared locally) and "Union types"
// (the branch's members sit beside the base's), i.e. what QEMU's manual only
// shows as "The members of X". Nested unions are flattened MAX_FLATTENED_NESTING
// deep and to MAX_FLATTENED_GROUPS groups (QEMU's own nest 2 deep, in at most
// 53 groups): a chain of 500 unions made a 22 MB page, 22 levels of union
// diamonds (2^22 paths) more than the memory of the build; a union branch
// not flattened says how many branches of its own it has.
import type { Entity, IfCond, Member, SchemaIndex } from '../qapi/model';

export type Origin =
  | { kind: 'own' }
  | { kind: 'base'; from: string }
  | {
      kind: 'branch';
      /** the branch's type */
      from: string;
      /** the union whose branch it is (the innermost, for nested unions) */
      union: string;
      when: { tag: string; value: string }[];
      if?: IfCond;
      /** the branch is a union whose own branches are not flattened here (past the bounds): how many it has */
      branchesNotShown?: number;
    };

export interface MemberGroup {
  origin: Origin;
  /** prefix for member anchors of this group: '' for own/base, 'file.' for branch 'file' */
  anchorPrefix: string;
  members: Member[];
}

export interface MemberLayout {
  groups: MemberGroup[];
  /** the union's discriminator member, if the object is a union */
  discriminator?: string;
}

/** The object type carrying an event's data or a command's arguments. */
export function dataType(e: Entity, index: SchemaIndex): Entity | undefined {
  if (e.meta === 'event' || e.meta === 'command') return e.argType ? index.get(e.argType) : undefined;
  return e;
}

function ownGroups(obj: Entity, index: SchemaIndex, anchorPrefix: string): MemberGroup[] {
  if (obj.meta !== 'struct' && obj.meta !== 'union') return [];
  const groups = new Map<string, MemberGroup>();
  for (const m of obj.members) {
    // Members of an implicit base (inline union base, q_obj_*-arg) count as the object's own.
    const decl = index.get(m.definedIn);
    const own = m.definedIn === obj.name || !decl || decl.implicit;
    const key = own ? '' : m.definedIn;
    let g = groups.get(key);
    if (!g) {
      g = { origin: own ? { kind: 'own' } : { kind: 'base', from: m.definedIn }, anchorPrefix, members: [] };
      groups.set(key, g);
    }
    g.members.push(m);
  }
  // Own members first, then bases from nearest to farthest is not knowable here;
  // keep wire order of first appearance for bases, own group first.
  const own = groups.get('');
  return [...(own ? [own] : []), ...[...groups.entries()].filter(([k]) => k !== '').map(([, g]) => g)];
}

const shapes = new WeakMap<SchemaIndex, Map<string, MemberLayout>>();

/** Memoised per schema: shapes are shared by every page that inlines the type (read-only). */
export function memberLayout(obj: Entity, index: SchemaIndex): MemberLayout {
  let byName = shapes.get(index);
  if (!byName) shapes.set(index, (byName = new Map()));
  let shape = byName.get(obj.name);
  if (!shape) byName.set(obj.name, (shape = computeMemberLayout(obj, index)));
  return shape;
}

/** How deep nested unions are flattened into one layout, and into how many groups at most. */
export const MAX_FLATTENED_NESTING = 4;
export const MAX_FLATTENED_GROUPS = 256;

function computeMemberLayout(obj: Entity, index: SchemaIndex): MemberLayout {
  const shape: MemberLayout = { groups: ownGroups(obj, index, '') };
  if (obj.meta === 'union') {
    shape.discriminator = obj.discriminator;
    addBranches(shape.groups, obj, [], index, new Set([obj.name]));
  }
  return shape;
}

function addBranches(
  groups: MemberGroup[],
  union: Entity & { meta: 'union' },
  outer: { tag: string; value: string }[],
  index: SchemaIndex,
  seen: Set<string>,
): void {
  for (const b of union.branches) {
    if (b.type === 'q_empty') continue;
    const t = index.get(b.type);
    if (!t || seen.has(b.type)) continue;
    const when = [...outer, { tag: union.discriminator, value: b.value }];
    const prefix = when.map((w) => w.value).join('.') + '.';
    const members = t.meta === 'struct' || t.meta === 'union' ? t.members : [];
    const origin: Extract<Origin, { kind: 'branch' }> = { kind: 'branch', from: b.type, union: union.name, when };
    if (b.if) origin.if = b.if;
    groups.push({ origin, anchorPrefix: prefix, members });
    if (t.meta !== 'union') continue;
    // the bounds are on nested unions only: every branch of the outermost one is shown
    if (when.length < MAX_FLATTENED_NESTING && groups.length + t.branches.length <= MAX_FLATTENED_GROUPS)
      addBranches(groups, t, when, index, new Set([...seen, t.name]));
    else origin.branchesNotShown = t.branches.length;
  }
}

/** Anchor namespaces: 'm' for data/arguments/type members, 'r' for the members of a command's reply. */
export type AnchorNs = 'm' | 'r';

/** The anchor id of a member row: the pages' ids, and what search results and change links point to. */
export function memberAnchor(group: MemberGroup, m: Member, ns: AnchorNs = 'm'): string {
  return `${ns}-${group.anchorPrefix}${m.name}`;
}
