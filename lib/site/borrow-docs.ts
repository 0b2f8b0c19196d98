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
import {
  alternativeKind,
  buildIndex,
  type DocText,
  type Entity,
  type SchemaIndex,
  type SchemaModel,
} from '../qapi/model';
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
  /** the types of the build holding a mark, per command or event reached through (markedTypeKey) */
  markedTypes: Set<string>;
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
  `${markedTypeKey(root, type)}\u0000${kind}:${name}`;

/** The key of a type of the build that holds a mark where it is reached through `root` ('' for any). */
export const markedTypeKey = (root: string, type: string): string => `${root}\u0000${type}`;

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

/** What pairing one type of the build with one type of the tree finds at that place, and where to go on. */
interface Step {
  /** items new or changed against the tree: [type, kind, name, mark] */
  marks: [string, ItemKind, string, BuildMark][];
  /** items the tree has there and the build lacks */
  gone: number;
  /** the pairs of types below (a member's type and the tree member's type …); a tree type '' is all new */
  next: [string, string][];
}

const NO_STEP: Step = { marks: [], gone: 0, next: [] };

class Borrower {
  /** introspected type -> the tree type it was paired with first (what its type links name) */
  readonly paired = new Map<string, string>();
  readonly marks = new Map<string, BuildMark>();
  readonly markedTypes = new Set<string>();
  readonly differences = new Map<string, Differences>();
  /** each pair of types compared once (descriptions borrowed then), walked again from every root */
  private readonly steps = new Map<string, Step>();
  /** the build's entities that got doc text, copied on first write (the build's model is shared) */
  readonly copies = new Map<string, Entity>();

  constructor(
    readonly own: SchemaIndex,
    readonly tree: SchemaIndex,
  ) {}

  /**
   * Walks from a command or event's pairs of types: what it reaches is
   * marked for it (and for any page) and counted.
   */
  walkRoot(root: string, pairs: [string | undefined, string | undefined][], gone = 0): void {
    const counts: Differences = { marked: 0, gone };
    this.differences.set(root, counts);
    const walked = new Set<string>();
    const todo = pairs.filter((p): p is [string, string] => p[0] !== undefined && p[1] !== undefined);
    for (let pair = todo.pop(); pair; pair = todo.pop()) {
      const key = `${pair[0]}\u0000${pair[1]}`;
      if (walked.has(key)) continue;
      walked.add(key);
      let step = this.steps.get(key);
      if (!step) this.steps.set(key, (step = this.step(pair[0], pair[1])));
      for (const [type, kind, name, mark] of step.marks) {
        const at = markKey(root, type, kind, name);
        if (!this.marks.has(at)) counts.marked++;
        this.marks.set(at, mark);
        this.marks.set(markKey('', type, kind, name), mark);
        this.markedTypes.add(markedTypeKey(root, type)).add(markedTypeKey('', type));
      }
      counts.gone += step.gone;
      todo.push(...step.next);
    }
  }

  /** The copy of a build's entity that receives its doc text: members, values and alternatives copied too. */
  writable<T extends Entity>(e: T): T {
    let copy = this.copies.get(e.name) as T | undefined;
    if (copy) return copy;
    copy = { ...e };
    if (copy.meta === 'struct' || copy.meta === 'union') copy.members = copy.members.map((m) => ({ ...m }));
    else if (copy.meta === 'enum') copy.values = copy.values.map((v) => ({ ...v }));
    else if (copy.meta === 'alternate') copy.alternatives = copy.alternatives.map((a) => ({ ...a }));
    this.copies.set(e.name, copy);
    return copy;
  }

  /** Sets item `i` of a build's type's description, unless an earlier place gave it one. */
  private describe(o: Entity, list: 'members' | 'values' | 'alternatives', i: number, text: DocText | undefined): void {
    if (!text) return;
    const item = (this.writable(o) as unknown as Record<typeof list, { description?: DocText }[]>)[list][i]!;
    item.description ??= text;
  }

  /** Pairs a type of the build with the tree's type at the same place (tree '': none, every member is new). */
  private step(ownName: string, treeName: string): Step {
    const o = this.own.get(ownName);
    if (!o || o.meta === 'builtin') return NO_STEP;
    if (treeName === '') {
      const members = o.meta === 'struct' || o.meta === 'union' ? o.members : [];
      return { marks: members.map((m) => [m.definedIn, 'member', m.name, 'new']), gone: 0, next: [] };
    }
    const t = this.tree.get(treeName);
    if (!t) return NO_STEP;
    if (!this.paired.has(ownName)) this.paired.set(ownName, treeName);
    const step: Step = { marks: [], gone: 0, next: [] };
    if ((o.meta === 'struct' || o.meta === 'union') && (t.meta === 'struct' || t.meta === 'union')) {
      this.pairObjects(o, t, step);
    } else if (o.meta === 'enum' && t.meta === 'enum') {
      const treeValues = new Map(t.values.map((v) => [v.name, v]));
      o.values.forEach((v, i) => {
        const tv = treeValues.get(v.name);
        if (!tv) step.marks.push([o.name, 'value', v.name, 'new']);
        else this.describe(o, 'values', i, tv.description);
      });
      const own = new Set(o.values.map((v) => v.name));
      step.gone = t.values.filter((v) => !own.has(v.name)).length;
    } else if (o.meta === 'array' && t.meta === 'array') {
      step.next.push([o.elementType, t.elementType]);
    } else if (o.meta === 'alternate' && t.meta === 'alternate') {
      o.alternatives.forEach((a, i) => {
        const kind = alternativeKind(this.own.get(a.type));
        const ta = t.alternatives.find((x) => alternativeKind(this.tree.get(x.type)) === kind);
        if (!ta) return void step.marks.push([o.name, 'alternative', a.name, 'new']);
        this.describe(o, 'alternatives', i, ta.description);
        step.next.push([a.type, ta.type]);
      });
    }
    return step;
  }

  private pairObjects(o: ObjectType, t: ObjectType, step: Step): void {
    const treeMembers = new Map(t.members.map((m) => [m.name, m]));
    // a tree union's branch members sit beside its base's on the wire, as the introspection's do
    o.members.forEach((m, i) => {
      const tm = treeMembers.get(m.name);
      if (!tm) return void step.marks.push([m.definedIn, 'member', m.name, 'new']);
      if (tm.optional !== m.optional || placeShape(this.own, m.type) !== placeShape(this.tree, tm.type))
        return void step.marks.push([m.definedIn, 'member', m.name, 'changed']);
      this.describe(o, 'members', i, tm.description);
      step.next.push([m.type, tm.type]);
    });
    const own = new Set(o.members.map((m) => m.name));
    step.gone += t.members.filter((tm) => !own.has(tm.name)).length;
    if (o.meta !== 'union') return;
    const treeBranches = new Map(t.meta === 'union' ? t.branches.map((b) => [b.value, b.type]) : []);
    for (const b of o.branches) {
      const tb = treeBranches.get(b.value);
      if (tb === undefined) step.marks.push([o.name, 'branch', b.value, 'new']);
      step.next.push([b.type, tb ?? '']);
    }
    const values = new Set(o.branches.map((b) => b.value));
    if (t.meta === 'union') step.gone += t.branches.filter((b) => !values.has(b.value)).length;
  }
}

export function borrowDocs(introspected: SchemaModel, tree: SchemaModel): BorrowedDocs {
  const own = buildIndex(introspected);
  const treeIndex = buildIndex(tree);
  const borrower = new Borrower(own, treeIndex);
  const definitions = new Set<string>();
  const missing = new Set<string>();
  for (const e of introspected.entities) {
    if (e.meta !== 'command' && e.meta !== 'event') continue;
    const t = treeIndex.get(e.name);
    if (t?.meta !== e.meta) {
      missing.add(e.name);
      continue;
    }
    if (t.doc) {
      borrower.writable(e).doc = t.doc;
      definitions.add(e.name);
    }
    // data where the tree has none is all new; none where the tree has some is gone
    const pairs: [string | undefined, string | undefined][] = [[e.argType, t.argType ?? '']];
    if (e.meta === 'command' && t.meta === 'command') pairs.push([e.returns, t.returns]);
    borrower.walkRoot(e.name, pairs, Number(!e.argType && !!t.argType));
  }
  const typeNames = new Map<string, string>();
  for (const [own, name] of borrower.paired) {
    const t = treeIndex.get(name);
    if (t && !t.implicit && t.meta !== 'builtin' && t.meta !== 'array') typeNames.set(own, name);
  }
  // the introspection's model is shared (memoised per build): the entities that got doc text are copies
  const model = { ...introspected, entities: introspected.entities.map((e) => borrower.copies.get(e.name) ?? e) };
  const { marks, markedTypes, differences } = borrower;
  return { model, definitions, missing, typeNames, marks, markedTypes, differences };
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
