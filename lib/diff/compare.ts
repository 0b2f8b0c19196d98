// One step of the wire comparison: an old type against the new type found at
// the same place on the wire. Receives the two ShapeTables and two type names;
// guarantees the changes local to that pair (members, values, branches,
// alternatives, features, conditions) and the pairs one level down (edges),
// without recursing, so the caller can memoise pairs and stop at cycles.
// Names only identify a pair: two types with the same members compare equal
// whatever they are called, and member order is never looked at.
import type { Alternative, Branch, EnumValue, Feature, IfCond, Member } from '../qapi/model';
import { condText, sameScalar, specialFeature, typeLabel, valueRange, type ShapeTable, type WireShape } from './shape';
import type { Change } from './types';

/** A change before its direction, verdict and paths are known. */
export interface LocalChange extends Omit<Change, 'verdict' | 'dir' | 'rule' | 'paths'> {
  /** what to append to the pair's path: '.member', '[type=socket]' */
  at?: string;
  /** for a thing added or removed: its own `if:` condition (condText), when it has one */
  cond?: string;
}

export interface Edge {
  /** path segment: '.member', '[]', '[type=socket]', '<string>', or '' for the same place */
  seg: string;
  o: string;
  n: string;
}

export interface PairResult {
  local: LocalChange[];
  edges: Edge[];
}

export function comparePair(ot: ShapeTable, nt: ShapeTable, o: string, n: string): PairResult {
  const out: PairResult = { local: [], edges: [] };
  const os = ot.shape(o);
  const ns = nt.shape(n);
  const where = whereOf(ot, o, nt, n);

  const step = retype(ot, nt, o, n);
  if (step) {
    for (const c of step.changes) out.local.push({ ...c, ...where });
    if (step.next) out.edges.push(step.next);
    return out;
  }

  const oe = ot.entity(o);
  const ne = nt.entity(n);
  // a type's own features and condition; implicit types carry their user's, compared there
  if (oe && ne && !oe.implicit && !ne.implicit && oe.meta !== 'builtin') {
    compareFeatures(out.local, oe.features, ne.features, where, undefined, undefined);
    compareIf(out.local, oe.if, ne.if, where, undefined, undefined);
  }

  if (os.kind === 'enum' && ns.kind === 'enum') {
    for (const [name, v] of ns.values) {
      const old = os.values.get(name);
      if (!old) out.local.push({ kind: 'value-added', ...where, item: name, ...cond(v.if) });
      else {
        compareFeatures(out.local, old.features, v.features, where, name, undefined);
        compareIf(out.local, old.if, v.if, where, name, undefined);
      }
    }
    for (const [name, v] of os.values) {
      if (!ns.values.has(name)) {
        out.local.push({ kind: 'value-removed', ...where, item: name, ...was(v.features), ...cond(v.if) });
      }
    }
  } else if (os.kind === 'array' && ns.kind === 'array') {
    out.edges.push({ seg: '[]', o: os.element, n: ns.element });
  } else if (os.kind === 'object' && ns.kind === 'object') {
    if (os.discriminator && ns.discriminator && os.discriminator !== ns.discriminator) {
      out.local.push({ kind: 'type-changed', ...where, from: typeLabel(ot, o), to: typeLabel(nt, n) });
      return out;
    }
    if (!os.discriminator !== !ns.discriminator) {
      compareStructUnion(out, ot, nt, where, o, n);
      return out;
    }
    compareMembers(out, ot, nt, where, os.members, ns.members, ns.discriminator);
    if (ns.discriminator) compareUnions(out, ot, nt, where, os, ns, ns.discriminator);
  } else if (os.kind === 'alternate' && ns.kind === 'alternate') {
    compareKeyed(out, ot, nt, where, 'alternative', (kind) => `<${kind}>`, os.alternatives, ns.alternatives);
  }
  return out;
}

type Where = { def: string; oldDef?: string };
type ObjectShape = Extract<WireShape, { kind: 'object' }>;

/**
 * Two unions with the same tag: their branches by tag value, and the tag
 * values' own features (a deprecated branch is a deprecated value of the tag's
 * enum, which the branches alone would not show).
 */
function compareUnions(
  out: PairResult,
  ot: ShapeTable,
  nt: ShapeTable,
  where: Where,
  os: ObjectShape,
  ns: ObjectShape,
  tag: string,
): void {
  const seg = (v: string) => `[${tag}=${v}]`;
  const oldTag = os.members.get(tag)?.type ?? '';
  const newTag = ns.members.get(tag)?.type ?? '';
  const oldValues = tagValues(ot, oldTag);
  const newValues = tagValues(nt, newTag);
  const removedWas = (v: string) => was(oldValues.get(v)?.features ?? []);
  compareKeyed(out, ot, nt, where, 'branch', seg, os.branches, ns.branches, removedWas);
  const tagWhere = whereOf(ot, oldTag, nt, newTag);
  for (const v of ns.branches.keys()) {
    const before = oldValues.get(v);
    const after = newValues.get(v);
    if (before && after && os.branches.has(v)) {
      compareFeatures(out.local, before.features, after.features, tagWhere, v, seg(v));
    }
  }
}

function tagValues(table: ShapeTable, name: string): Map<string, EnumValue> {
  const s = table.shape(name);
  return s.kind === 'enum' ? s.values : new Map();
}

/**
 * A struct against a union (or back): what the wire sees is the union's base
 * plus one branch, so the struct is compared with each branch. Its members
 * that no branch holds are compared with the base (the tag among them, as the
 * member it was: 'str' then the tag's enum); those a branch holds are compared
 * under that branch, so a member moved into one branch is removed only from
 * the others, and a member new to one branch is added there. Tag values were
 * accepted before (as a string, or another enum's values): no branch is new.
 */
function compareStructUnion(out: PairResult, ot: ShapeTable, nt: ShapeTable, where: Where, o: string, n: string): void {
  const os = ot.shape(o) as ObjectShape;
  const ns = nt.shape(n) as ObjectShape;
  const unionIsNew = ns.discriminator !== undefined;
  const [union, unionTable, struct] = unionIsNew ? [ns, nt, os] : [os, ot, ns];
  const inBranches = new Set<string>();
  for (const b of union.branches.values()) {
    const branch = unionTable.shape(b.type);
    if (branch.kind !== 'object') continue;
    for (const name of branch.members.keys()) if (!union.members.has(name)) inBranches.add(name);
  }
  const moved = [...struct.members.keys()].filter((m) => inBranches.has(m));
  const rest = new Map([...struct.members].filter(([m]) => !inBranches.has(m)));
  if (unionIsNew) compareMembers(out, ot, nt, where, rest, union.members, undefined);
  else compareMembers(out, ot, nt, where, union.members, rest, undefined);
  for (const [value, b] of union.branches) {
    const seg = `[${union.discriminator}=${value}]`;
    out.edges.push(
      unionIsNew ? { seg, o: ot.subset(o, moved), n: b.type } : { seg, o: b.type, n: nt.subset(n, moved) },
    );
  }
}

interface Retype {
  changes: {
    kind: 'type-changed' | 'became-alternate' | 'alternative-removed';
    item?: string;
    from?: string;
    to?: string;
    range?: 'wider' | 'narrower';
  }[];
  /** where the comparison goes on, when the old values still have a place in the new type */
  next?: Edge;
}

/**
 * A change of the kind of value at one place (null when old and new are the
 * same kind, to be compared member by member). Arrays are looked through so
 * '[str]' -> '[int]' is one change where the array is. A type that became an
 * alternate of itself, or an alternate that kept one of its alternatives, is
 * compared on with that alternative.
 */
function retype(ot: ShapeTable, nt: ShapeTable, o: string, n: string, seg = ''): Retype | null {
  const os = ot.shape(o);
  const ns = nt.shape(n);
  const from = typeLabel(ot, o);
  const to = typeLabel(nt, n);
  if (os.kind === 'array' && ns.kind === 'array') {
    const inner = retype(ot, nt, os.element, ns.element, `${seg}[]`);
    if (!inner) return null;
    return { ...inner, changes: inner.changes.map((c) => (c.kind === 'type-changed' ? { ...c, from, to } : c)) };
  }
  if (os.kind === 'alternate' && ns.kind !== 'alternate') {
    const kind = nt.jsonKind(n);
    const kept = os.alternatives.get(kind);
    if (!kept) return { changes: [{ kind: 'type-changed', from, to }] };
    const removed = [...os.alternatives.keys()].filter((k) => k !== kind);
    return {
      changes: removed.map((k) => ({ kind: 'alternative-removed', item: k })),
      next: { seg, o: kept.type, n },
    };
  }
  if (ns.kind === 'alternate' && os.kind !== 'alternate') {
    const into = ns.alternatives.get(ot.jsonKind(o));
    if (!into) return { changes: [{ kind: 'type-changed', from, to }] };
    return { changes: [{ kind: 'became-alternate', from, to }], next: { seg, o, n: into.type } };
  }
  if (os.kind !== ns.kind || (os.kind === 'scalar' && ns.kind === 'scalar' && !sameScalar(os.name, ns.name))) {
    const range = valueRange(ot, o, nt, n);
    return { changes: [{ kind: 'type-changed', from, to, ...(range ? { range } : {}) }] };
  }
  if ((os.kind === 'missing' || ns.kind === 'missing') && o !== n) {
    return { changes: [{ kind: 'type-changed', from, to }] };
  }
  return null;
}

/**
 * The definition a change is filed under: the new type's (or its user's)
 * name, with the old one when it was renamed. An introspected schema masks
 * type names ('123'), so the other side's name is used when it has one.
 */
function whereOf(ot: ShapeTable, o: string, nt: ShapeTable, n: string): Where {
  const def = nt.owner(n);
  const oldDef = ot.owner(o);
  if (o === '' || n === '' || !oldDef || oldDef === def) return { def };
  if (nt.masksNames) return { def: oldDef };
  if (ot.masksNames) return { def };
  return { def, oldDef };
}

function compareMembers(
  out: PairResult,
  ot: ShapeTable,
  nt: ShapeTable,
  container: Where,
  om: Map<string, Member>,
  nm: Map<string, Member>,
  discriminator: string | undefined,
): void {
  for (const [name, m] of nm) {
    const old = om.get(name);
    const at = `.${name}`;
    if (!old) {
      const def = nt.masksNames ? container.def : nt.owner(m.definedIn);
      out.local.push({ kind: 'member-added', def, item: name, optional: m.optional, at, ...cond(m.if) });
      continue;
    }
    const where = whereOf(ot, old.definedIn, nt, m.definedIn);
    if (old.optional !== m.optional) {
      const kind = m.optional ? 'made-optional' : 'made-mandatory';
      out.local.push({ kind, ...where, item: name, at, ...was(old.features) });
    }
    compareFeatures(out.local, old.features, m.features, where, name, at);
    compareIf(out.local, old.if, m.if, where, name, at);
    // the discriminator's values are the union's branches, reported as such
    if (name === discriminator) continue;
    const step = retype(ot, nt, old.type, m.type, at);
    if (!step) out.edges.push({ seg: at, o: old.type, n: m.type });
    else {
      // an alternative's kind names itself; the path names the member
      for (const c of step.changes) out.local.push({ ...where, item: name, at, ...c });
      if (step.next) out.edges.push(step.next);
    }
  }
  for (const [name, old] of om) {
    if (!nm.has(name)) {
      const at = `.${name}`;
      const def = ot.masksNames ? container.def : ot.owner(old.definedIn);
      const removed = { item: name, optional: old.optional, at, ...was(old.features), ...cond(old.if) };
      out.local.push({ kind: 'member-removed', def, ...removed });
    }
  }
}

/**
 * A union's branches (by discriminator value) or an alternate's alternatives
 * (by JSON kind): added, removed, or compared one level down at `seg(key)`.
 */
function compareKeyed(
  out: PairResult,
  ot: ShapeTable,
  nt: ShapeTable,
  where: Where,
  what: 'branch' | 'alternative',
  seg: (key: string) => string,
  om: Map<string, Branch | Alternative>,
  nm: Map<string, Branch | Alternative>,
  removedWas: (key: string) => { was?: 'deprecated' | 'unstable' } = () => ({}),
): void {
  // a branch's changes name their place in the path; an alternative's kind names itself
  const at = (key: string) => (what === 'branch' ? { at: seg(key) } : {});
  for (const [key, n] of nm) {
    const old = om.get(key);
    if (!old) out.local.push({ kind: `${what}-added`, ...where, item: key, ...at(key), ...cond(n.if) });
    else {
      compareIf(out.local, old.if, n.if, where, key, seg(key));
      // a kept branch or alternative whose type changed kind is one change, filed under this type
      const step = retype(ot, nt, old.type, n.type, seg(key));
      if (!step) out.edges.push({ seg: seg(key), o: old.type, n: n.type });
      else {
        for (const c of step.changes) out.local.push({ ...where, item: key, at: seg(key), ...c });
        if (step.next) out.edges.push(step.next);
      }
    }
  }
  for (const [key, old] of om) {
    if (!nm.has(key)) {
      out.local.push({ kind: `${what}-removed`, ...where, item: key, ...at(key), ...removedWas(key), ...cond(old.if) });
    }
  }
}

/** Feature changes of a definition (item undefined) or of one of its members or values. */
export function compareFeatures(
  out: LocalChange[],
  old: Feature[],
  now: Feature[],
  where: Where,
  item: string | undefined,
  at: string | undefined,
): void {
  if (old.length === 0 && now.length === 0) return;
  const extra = { ...where, ...(item !== undefined ? { item } : {}), ...(at ? { at } : {}) };
  for (const f of now) {
    if (!old.some((g) => g.name === f.name)) out.push({ kind: 'feature-added', ...extra, to: f.name });
  }
  for (const f of old) {
    if (!now.some((g) => g.name === f.name)) out.push({ kind: 'feature-removed', ...extra, from: f.name });
  }
}

export function compareIf(
  out: LocalChange[],
  old: IfCond | undefined,
  now: IfCond | undefined,
  where: Where,
  item: string | undefined,
  at: string | undefined,
): void {
  if (old === undefined && now === undefined) return;
  const from = condText(old);
  const to = condText(now);
  if (from === to) return;
  out.push({ kind: 'if-changed', ...where, ...(item !== undefined ? { item } : {}), ...(at ? { at } : {}), from, to });
}

function was(features: Feature[]): { was?: 'deprecated' | 'unstable' } {
  const w = specialFeature(features);
  return w ? { was: w } : {};
}

/** The condition of a thing added or removed, kept to tell a build's configuration from a change. */
export function cond(c: IfCond | undefined): { cond?: string } {
  const text = condText(c);
  return text ? { cond: text } : {};
}
