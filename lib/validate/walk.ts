// The one walker over the schema model's composite types, shared by the zod
// compiler, the precheck, the explanations and the feature warnings. Receives
// the index and a type (and, where a choice depends on it, the value);
// guarantees the same answers everywhere: an alternate's alternative is
// chosen by the value's JSON kind (qapi-code-gen "Alternate types"), a union's
// branch by its discriminator read as an own member, and an object's members
// are its base's plus those of the branch in force, recursively (a branch may
// itself be a union).
import {
  alternativeKind,
  type AlternateType,
  type Entity,
  type Member,
  type SchemaIndex,
  type UnionType,
} from '../qapi/model';
import { isWireObject, jsonKind, own } from './wire';

/** JSON kind → alternative type, for compilers that decide once per alternate. */
export function alternativesByKind(index: SchemaIndex, a: AlternateType): Map<string, string> {
  const byKind = new Map<string, string>();
  for (const alt of a.alternatives) byKind.set(alternativeKind(index.get(alt.type)), alt.type);
  return byKind;
}

/** The alternative of `a` that a value of this JSON kind takes, or null. */
export function alternativeFor(index: SchemaIndex, a: AlternateType, value: unknown): string | null {
  const kind = jsonKind(value);
  return a.alternatives.find((alt) => alternativeKind(index.get(alt.type)) === kind)?.type ?? null;
}

/** `type` with alternates resolved by the value's kind: the entity the value is really checked against. */
export function concreteEntity(index: SchemaIndex, type: string, value: unknown): Entity | undefined {
  let e = index.get(type);
  for (let guard = 0; e?.meta === 'alternate' && guard < 16; guard++) {
    const alt = alternativeFor(index, e, value);
    e = alt ? index.get(alt) : undefined;
  }
  return e;
}

/** The branch of union `u` the value's discriminator selects. */
export function selectedBranch(u: UnionType, value: unknown): UnionType['branches'][number] | undefined {
  const tag = isWireObject(value) ? own(value, u.discriminator) : undefined;
  return u.branches.find((b) => b.value === tag);
}

/** The types a value of this entity may contain directly: members, branches, elements, alternatives. */
export function childTypes(e: Entity): string[] {
  switch (e.meta) {
    case 'array':
      return [e.elementType];
    case 'struct':
      return e.members.map((m) => m.type);
    case 'union':
      return [...e.members.map((m) => m.type), ...e.branches.map((b) => b.type)];
    case 'alternate':
      return e.alternatives.map((a) => a.type);
    default:
      return [];
  }
}

/** A union's branch that a value's discriminator selected. */
export interface SelectedBranch {
  union: string;
  discriminator: string;
  value: string;
}

export interface ObjectMembers {
  members: Member[];
  /** how union branches were selected, for the texts */
  branches: SelectedBranch[];
}

/**
 * All members an object value of this type may have: base members plus the branch its discriminator selects,
 * and so on down a chain of unions (walked in a loop: a chain is as long as the schema makes it).
 */
export function objectMembers(index: SchemaIndex, typeName: string, value: unknown): ObjectMembers | null {
  const e = concreteEntity(index, typeName, value);
  if (!e) return null;
  if (e.meta === 'struct') return { members: e.members, branches: [] };
  if (e.meta !== 'union') return null;
  const out: ObjectMembers = { members: [...e.members], branches: [] };
  const seen = new Set([e.name]);
  for (let u: UnionType | null = e; u;) {
    const branch = selectedBranch(u, value);
    if (!branch) break;
    out.branches.push({ union: u.name, discriminator: u.discriminator, value: branch.value });
    const next = concreteEntity(index, branch.type, value);
    u = null;
    if (next?.meta === 'struct') out.members.push(...next.members);
    else if (next?.meta === 'union' && !seen.has(next.name)) {
      seen.add(next.name);
      out.members.push(...next.members);
      u = next;
    }
  }
  return out;
}

/** The union whose discriminator is `disc` for an object of type `type`: it may be a union down a chain of branches. */
export function unionWithDiscriminator(
  index: SchemaIndex,
  type: string | null,
  value: unknown,
  disc: string,
): UnionType | null {
  const seen = new Set<string>();
  for (let name = type; name !== null && !seen.has(name);) {
    seen.add(name);
    const e = index.get(name);
    if (e?.meta === 'alternate') {
      name = alternativeFor(index, e, value);
      continue;
    }
    if (e?.meta !== 'union') return null;
    if (e.discriminator === disc) return e;
    name = selectedBranch(e, value)?.type ?? null;
  }
  return null;
}
