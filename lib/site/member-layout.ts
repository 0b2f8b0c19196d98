// The member layout of an object on the wire: every member that can appear in the JSON
// object, grouped by where it comes from. Receives a type name and the schema
// index; guarantees groups in wire order: the type's own members, then each
// base's inherited members ("from X"), then one group per union branch with a
// non-empty type ("when driver is file"), branches of nested unions flattened
// with their conditions chained. Implements qapi-code-gen.rst "Struct types"
// (base members are on the wire as if declared locally) and "Union types"
// (the branch's members sit beside the base's), i.e. what QEMU's manual only
// shows as "The members of X".
import type { Entity, IfCond, Member, SchemaIndex } from '../qapi/model';

export type Origin =
  | { kind: 'own' }
  | { kind: 'base'; from: string }
  /** from: the branch's type; union: the union whose branch it is (the innermost, for nested unions) */
  | { kind: 'branch'; from: string; union: string; when: { tag: string; value: string }[]; if?: IfCond };

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
    groups.push({
      origin: { kind: 'branch', from: b.type, union: union.name, when, ...(b.if ? { if: b.if } : {}) },
      anchorPrefix: prefix,
      members,
    });
    if (t.meta === 'union') addBranches(groups, t, when, index, new Set([...seen, t.name]));
  }
}

/** Anchor namespaces: 'm' for data/arguments/type members, 'r' for the members of a command's reply. */
export type AnchorNs = 'm' | 'r';

/** The anchor id of a member row: the pages' ids, and what search results and change links point to. */
export function memberAnchor(group: MemberGroup, m: Member, ns: AnchorNs = 'm'): string {
  return `${ns}-${group.anchorPrefix}${m.name}`;
}
