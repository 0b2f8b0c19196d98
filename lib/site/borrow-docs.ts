// Doc text for an introspected schema, borrowed from a source tree of the
// same release: query-qmp-schema carries no documentation, but its commands
// and events have the tree's names, and its (masked) types mirror the tree's
// types member for member. Receives the introspection's model and the tree's;
// guarantees a new model (the inputs are not touched) where each command and
// event the tree also has carries the tree's doc, and each member, enum value
// and alternative reachable from it carries the description of the tree's
// member of the same name at the same place (types walked in parallel: a
// member's type in the introspection against the same member's type in the
// tree). Nothing is borrowed where names differ: no guessing.
import { alternativeKind, buildIndex, type SchemaIndex, type SchemaModel } from '../qapi/model';

export interface BorrowedDocs {
  model: SchemaModel;
  /** names of the commands and events that got the tree's doc */
  definitions: Set<string>;
  /** masked type -> the named type of the tree it was paired with (types with pages in the tree only) */
  typeNames: Map<string, string>;
}

class Borrower {
  /** introspected type -> the tree type it was paired with first (a type is described once) */
  readonly paired = new Map<string, string>();

  constructor(
    readonly own: SchemaIndex,
    readonly tree: SchemaIndex,
  ) {}

  pair(ownName: string | undefined, treeName: string | undefined): void {
    if (!ownName || !treeName || this.paired.has(ownName)) return;
    const o = this.own.get(ownName);
    const t = this.tree.get(treeName);
    if (!o || !t || o.meta === 'builtin') return;
    this.paired.set(ownName, treeName);
    if ((o.meta === 'struct' || o.meta === 'union') && (t.meta === 'struct' || t.meta === 'union')) {
      const treeMembers = new Map(t.members.map((m) => [m.name, m]));
      // a tree union's branch members sit beside its base's on the wire, as the introspection's do
      for (const m of o.members) {
        const tm = treeMembers.get(m.name);
        if (!tm) continue;
        if (tm.description) m.description = tm.description;
        this.pair(m.type, tm.type);
      }
      if (o.meta === 'union' && t.meta === 'union') {
        const treeBranches = new Map(t.branches.map((b) => [b.value, b.type]));
        for (const b of o.branches) this.pair(b.type, treeBranches.get(b.value));
      }
    } else if (o.meta === 'enum' && t.meta === 'enum') {
      const treeValues = new Map(t.values.map((v) => [v.name, v]));
      for (const v of o.values) {
        const description = treeValues.get(v.name)?.description;
        if (description) v.description = description;
      }
    } else if (o.meta === 'array' && t.meta === 'array') {
      this.pair(o.elementType, t.elementType);
    } else if (o.meta === 'alternate' && t.meta === 'alternate') {
      for (const a of o.alternatives) {
        const kind = alternativeKind(this.own.get(a.type));
        const ta = t.alternatives.find((x) => alternativeKind(this.tree.get(x.type)) === kind);
        if (!ta) continue;
        if (ta.description) a.description = ta.description;
        this.pair(a.type, ta.type);
      }
    }
  }
}

export function borrowDocs(introspected: SchemaModel, tree: SchemaModel): BorrowedDocs {
  // the introspection's model is shared (memoised per build): describe a copy
  const model = structuredClone(introspected);
  const own = buildIndex(model);
  const treeIndex = buildIndex(tree);
  const borrower = new Borrower(own, treeIndex);
  const definitions = new Set<string>();
  for (const e of model.entities) {
    if (e.meta !== 'command' && e.meta !== 'event') continue;
    const t = treeIndex.get(e.name);
    if (t?.meta !== e.meta) continue;
    if (t.doc) {
      e.doc = t.doc;
      definitions.add(e.name);
    }
    borrower.pair(e.argType, t.argType);
    if (e.meta === 'command' && t.meta === 'command') borrower.pair(e.returns, t.returns);
  }
  const typeNames = new Map<string, string>();
  for (const [own, name] of borrower.paired) {
    const t = treeIndex.get(name);
    if (t && !t.implicit && t.meta !== 'builtin' && t.meta !== 'array') typeNames.set(own, name);
  }
  return { model, definitions, typeNames };
}
