// Doc text for an introspected schema, borrowed from a source tree of the
// same release or, failing one, of the nearest older release: query-qmp-schema
// carries no documentation, but its commands and events have the tree's
// names, and its (masked) types mirror the tree's types member for member.
// Receives the introspection's model and the tree's; guarantees a new model
// (the inputs are not touched) where each command and event the tree also
// has carries the tree's doc, and each member, enum value, branch and
// alternative reachable from it carries the description of the tree's item
// of the same name at the same place (types walked in parallel: a member's
// type in the introspection against the same member's type in the tree),
// but only where the wire shape at that place is the same: a member whose
// type changed kind or optionality gets no description. What the tree does
// not have at that place, or has with another shape, is marked 'new' or
// 'changed' (the pages say so, and that no documentation is available for
// it), and what the tree has there and the build lacks is counted as gone.
// Nothing is borrowed where names differ: no guessing.
import { alternativeKind, buildIndex, type Entity, type SchemaIndex, type SchemaModel } from '../qapi/model';
import { compareQemuVersions, findQemuVersion, type QemuVersion } from '../qapi/version';

/** An item of a type: its member, enum value, union branch or alternative. */
export type ItemKind = 'member' | 'value' | 'branch' | 'alternative';

/** What the build has at a place compared with the tree: an item the tree lacks, or has with another shape. */
export type BuildMark = 'new' | 'changed';

export interface BorrowedDocs {
  model: SchemaModel;
  /** names of the commands and events that got the tree's doc */
  definitions: Set<string>;
  /** commands and events of the build the tree does not have */
  missing: Set<string>;
  /** masked type -> the named type of the tree it was paired with (types with pages in the tree only) */
  typeNames: Map<string, string>;
  /** what is new or changed against the tree, per command or event reached through (markKey) */
  marks: Map<string, BuildMark>;
  /** per command and event both have: how many items reachable from it are new, changed or gone */
  differences: Map<string, Differences>;
}

export interface Differences {
  marked: number;
  gone: number;
}

/**
 * The key of an item's mark: the command or event it is reached through
 * ('' for any of them: a type's fragment, shared by every page), the type of
 * the build holding it, and the item. A type of the build may stand at places
 * where the tree had different types (QEMU 11 replies with the type
 * migrate-set-parameters takes; 10.2.2 had two): marks are per place.
 */
export const markKey = (root: string, type: string, kind: ItemKind, name: string): string =>
  `${root}\u0000${type}\u0000${kind}:${name}`;

/**
 * The shape of a type at a place on the wire, as far as a description still
 * fits it: the JSON kind ('string', 'int', 'enum', 'object', 'alternate'),
 * arrays by their element's ('[string]'). Enum values and members below are
 * compared item by item, not here.
 */
function placeShape(index: SchemaIndex, name: string): string {
  const t = index.get(name);
  if (!t) return 'unknown';
  switch (t.meta) {
    case 'builtin':
      return t.jsonType;
    case 'array':
      return `[${placeShape(index, t.elementType)}]`;
    case 'struct':
    case 'union':
      return 'object';
    default:
      return t.meta;
  }
}

type ObjectType = Entity & { meta: 'struct' | 'union' };

class Borrower {
  /** introspected type -> the tree type it was paired with first (what its type links name) */
  readonly paired = new Map<string, string>();
  readonly marks = new Map<string, BuildMark>();
  readonly differences = new Map<string, Differences>();
  /** the command or event being walked, and the pairs of types already walked from it */
  private root = '';
  private walked = new Set<string>();
  private counts: Differences = { marked: 0, gone: 0 };

  constructor(
    readonly own: SchemaIndex,
    readonly tree: SchemaIndex,
  ) {}

  /** Walks from a command or event: what it reaches is counted and marked for it. */
  startRoot(name: string): void {
    this.root = name;
    this.walked = new Set();
    this.differences.set(name, (this.counts = { marked: 0, gone: 0 }));
  }

  mark(type: string, kind: ItemKind, name: string, mark: BuildMark): void {
    const key = markKey(this.root, type, kind, name);
    if (!this.marks.has(key)) this.counts.marked++;
    this.marks.set(key, mark);
    this.marks.set(markKey('', type, kind, name), mark);
  }

  countGone(n: number): void {
    this.counts.gone += n;
  }

  /** Every member of a type the tree has nothing at the place of (a new branch's, a new argument type's). */
  markAllNew(ownName: string | undefined): void {
    const o = ownName === undefined ? undefined : this.own.get(ownName);
    if (!o || (o.meta !== 'struct' && o.meta !== 'union') || this.walked.has(`${o.name}\u0000`)) return;
    this.walked.add(`${o.name}\u0000`);
    for (const m of o.members) this.mark(m.definedIn, 'member', m.name, 'new');
  }

  pair(ownName: string | undefined, treeName: string | undefined): void {
    if (!ownName || !treeName) return;
    const key = `${ownName}\u0000${treeName}`;
    if (this.walked.has(key)) return;
    const o = this.own.get(ownName);
    const t = this.tree.get(treeName);
    if (!o || !t || o.meta === 'builtin') return;
    this.walked.add(key);
    if (!this.paired.has(ownName)) this.paired.set(ownName, treeName);
    if ((o.meta === 'struct' || o.meta === 'union') && (t.meta === 'struct' || t.meta === 'union')) {
      this.pairObjects(o, t);
    } else if (o.meta === 'enum' && t.meta === 'enum') {
      const treeValues = new Map(t.values.map((v) => [v.name, v]));
      for (const v of o.values) {
        const tv = treeValues.get(v.name);
        if (!tv) this.mark(o.name, 'value', v.name, 'new');
        else if (tv.description && !v.description) v.description = tv.description;
      }
      this.countGone(t.values.filter((v) => !o.values.some((x) => x.name === v.name)).length);
    } else if (o.meta === 'array' && t.meta === 'array') {
      this.pair(o.elementType, t.elementType);
    } else if (o.meta === 'alternate' && t.meta === 'alternate') {
      for (const a of o.alternatives) {
        const kind = alternativeKind(this.own.get(a.type));
        const ta = t.alternatives.find((x) => alternativeKind(this.tree.get(x.type)) === kind);
        if (!ta) {
          this.mark(o.name, 'alternative', a.name, 'new');
          continue;
        }
        if (ta.description && !a.description) a.description = ta.description;
        this.pair(a.type, ta.type);
      }
    }
  }

  private pairObjects(o: ObjectType, t: ObjectType): void {
    const treeMembers = new Map(t.members.map((m) => [m.name, m]));
    // a tree union's branch members sit beside its base's on the wire, as the introspection's do
    for (const m of o.members) {
      const tm = treeMembers.get(m.name);
      if (!tm) {
        this.mark(m.definedIn, 'member', m.name, 'new');
        continue;
      }
      if (tm.optional !== m.optional || placeShape(this.own, m.type) !== placeShape(this.tree, tm.type)) {
        this.mark(m.definedIn, 'member', m.name, 'changed');
        continue;
      }
      if (tm.description && !m.description) m.description = tm.description;
      this.pair(m.type, tm.type);
    }
    this.countGone(t.members.filter((tm) => !o.members.some((m) => m.name === tm.name)).length);
    if (o.meta !== 'union') return;
    const treeBranches = new Map(t.meta === 'union' ? t.branches.map((b) => [b.value, b.type]) : []);
    for (const b of o.branches) {
      const tb = treeBranches.get(b.value);
      if (tb === undefined) {
        this.mark(o.name, 'branch', b.value, 'new');
        this.markAllNew(b.type);
      } else this.pair(b.type, tb);
    }
    if (t.meta === 'union')
      this.countGone(t.branches.filter((b) => !o.branches.some((x) => x.value === b.value)).length);
  }
}

export function borrowDocs(introspected: SchemaModel, tree: SchemaModel): BorrowedDocs {
  // the introspection's model is shared (memoised per build): describe a copy
  const model = structuredClone(introspected);
  const own = buildIndex(model);
  const treeIndex = buildIndex(tree);
  const borrower = new Borrower(own, treeIndex);
  const definitions = new Set<string>();
  const missing = new Set<string>();
  for (const e of model.entities) {
    if (e.meta !== 'command' && e.meta !== 'event') continue;
    const t = treeIndex.get(e.name);
    if (t?.meta !== e.meta) {
      missing.add(e.name);
      continue;
    }
    if (t.doc) {
      e.doc = t.doc;
      definitions.add(e.name);
    }
    borrower.startRoot(e.name);
    // data where the tree has none (all of it is new), or none where the tree has some
    if (e.argType && !t.argType) borrower.markAllNew(e.argType);
    if (!e.argType && t.argType) borrower.countGone(1);
    borrower.pair(e.argType, t.argType);
    if (e.meta === 'command' && t.meta === 'command') borrower.pair(e.returns, t.returns);
  }
  const typeNames = new Map<string, string>();
  for (const [own, name] of borrower.paired) {
    const t = treeIndex.get(name);
    if (t && !t.implicit && t.meta !== 'builtin' && t.meta !== 'array') typeNames.set(own, name);
  }
  return { model, definitions, missing, typeNames, marks: borrower.marks, differences: borrower.differences };
}

/** A source tree of the site, by its label and root file (either may hold its version). */
export interface TreeCandidate {
  label: string;
  rootFile: string;
}

/**
 * The tree an introspection of QEMU `qemuVersion` borrows its doc text from:
 * one of the same release (major.minor: a 10.0.0 build and the 10.0.13 tree),
 * else the nearest older release (11.1.3 and 10.2.2); among trees of the same
 * version, the first in release order (the plain release before a patched
 * tree, '10.2.2' before '10.2.2+seed'). Null when no tree qualifies.
 */
export function docsTreeFor(
  qemuVersion: string | undefined,
  trees: readonly TreeCandidate[],
): { index: number; older: boolean } | null {
  const own = qemuVersion ? findQemuVersion(qemuVersion) : null;
  if (!own) return null;
  const candidates = trees
    .map((t, index) => ({ index, v: findQemuVersion(t.label) ?? findQemuVersion(t.rootFile), length: t.label.length }))
    .filter((c): c is { index: number; v: QemuVersion; length: number } => c.v !== null)
    .sort((a, b) => compareQemuVersions(a.v, b.v) || a.length - b.length || a.index - b.index);
  const same = candidates.find((c) => c.v.major === own.major && c.v.minor === own.minor);
  if (same) return { index: same.index, older: false };
  const older = candidates.filter((c) => compareQemuVersions(c.v, own) < 0);
  const nearest = older.at(-1);
  // the first tree of that version: the plain release before a patched tree of it
  const first = nearest && older.find((c) => compareQemuVersions(c.v, nearest.v) === 0);
  return first ? { index: first.index, older: true } : null;
}
