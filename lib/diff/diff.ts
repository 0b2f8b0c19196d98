// diffSchemas: two SchemaModels -> their wire changes and doc changes.
// Receives any two models; guarantees every difference a client can see,
// found by walking from each command's arguments and returns and each event's
// data down through the types as they appear on the wire (type names never
// matter), each pair of types compared once however many places use it, and
// cycles (recursive types) visited once. A change carries the union of the
// directions of every place that reaches it, its verdict under QEMU's rules,
// and one shortest path from each command or event part that reaches it. A
// type a running QEMU's schema leaves unnamed is never named by its masked
// number: its changes say where clients meet it. A tree against a build: what
// the build left out by the tree's conditions is said so, not 'removed'.
import type { Command, Event, SchemaModel } from '../qapi/model';
import { compareFeatures, compareIf, comparePair, cond, type LocalChange, type PairResult } from './compare';
import { compareDocs } from './docs';
import { splitPath } from './path';
import { ShapeTable, specialFeature } from './shape';
import type { Change, Direction, LeftOut, SchemaDiff } from './types';
import { rule, verdictRank } from './verdict';

interface Root {
  /** 'chardev-add.arguments' */
  path: string;
  dir: 'send' | 'receive';
  o: string;
  n: string;
}

const key = (o: string, n: string) => `${o}\u0000${n}`;

/** A change found, with where clients meet it, before its verdict. */
interface Found {
  c: LocalChange;
  dir: Direction;
  paths: string[];
  /** the paths of the type holding it (paths less the change's own step) */
  places: string[];
}

export function diffSchemas(oldModel: SchemaModel, newModel: SchemaModel): SchemaDiff {
  const ot = new ShapeTable(oldModel);
  const nt = new ShapeTable(newModel);
  const found: Found[] = [];
  const roots: Root[] = [];
  const top = (c: LocalChange, dir: Direction, name: string) => found.push({ c, dir, paths: [name], places: [name] });

  for (const [name, ne] of definitions(newModel)) {
    const oe = ot.entity(name);
    const dir = ne.meta === 'command' ? 'send' : 'receive';
    if (!oe || oe.meta !== ne.meta) {
      top({ kind: `${ne.meta}-added`, def: name, ...cond(ne.if) }, dir, name);
      continue;
    }
    const local: LocalChange[] = [];
    compareFeatures(local, oe.features, ne.features, { def: name }, undefined, undefined);
    compareIf(local, oe.if, ne.if, { def: name }, undefined, undefined);
    for (const c of local) top(c, dir, name);
    if (ne.meta === 'command') {
      const oc = oe as Command;
      roots.push({ path: `${name}.arguments`, dir: 'send', o: oc.argType ?? '', n: ne.argType ?? '' });
      roots.push({ path: `${name}.returns`, dir: 'receive', o: oc.returns ?? '', n: ne.returns ?? '' });
    } else {
      roots.push({ path: `${name}.data`, dir: 'receive', o: (oe as Event).argType ?? '', n: ne.argType ?? '' });
    }
  }
  for (const [name, oe] of definitions(oldModel)) {
    const ne = nt.entity(name);
    if (ne && ne.meta === oe.meta) continue;
    const w = specialFeature(oe.features);
    const c: LocalChange = { kind: `${oe.meta}-removed`, def: name, ...(w ? { was: w } : {}), ...cond(oe.if) };
    top(c, oe.meta === 'command' ? 'send' : 'receive', name);
  }
  found.push(...wireChanges(ot, nt, roots));

  const changes = placeAll(found, ot, nt);
  changes.sort(byVerdictThenPlace);
  // a running QEMU's schema has its conditions resolved and no doc text: neither can be compared
  if (ot.masksNames || nt.masksNames) return { changes: changes.filter((c) => c.kind !== 'if-changed'), docs: [] };
  return { changes, docs: compareDocs(ot, nt, changes) };
}

/**
 * Each change with its verdict. A tree against a build (a running QEMU's
 * schema): what only the tree has, under a condition the build does not
 * meet, is left out by the build's configuration, not added or removed. A
 * condition is met when the build has something else under it (the tree's
 * condition, now resolved, shows as an 'if-changed' of a thing both have).
 */
function placeAll(found: Found[], ot: ShapeTable, nt: ShapeTable): Change[] {
  const treeSide = ot.masksNames === nt.masksNames ? null : ot.masksNames ? 'new' : 'old';
  const met = new Set<string>();
  for (const { c } of found) if (c.kind === 'if-changed') met.add((treeSide === 'old' ? c.from : c.to) ?? '');
  // what the tree has and the build lacks: removed (tree → build) or added (build → tree); features aside
  const onlyInTree = (kind: string) =>
    !kind.startsWith('feature-') && kind.endsWith(treeSide === 'old' ? '-removed' : '-added');
  return found.map(({ c, dir, paths, places }) => {
    const { at: _at, cond: condition, ...rest } = c;
    let change: LocalChange = rest;
    if (treeSide && condition && !met.has(condition) && onlyInTree(c.kind)) {
      const what = c.kind.slice(0, c.kind.indexOf('-')) as LeftOut;
      const { was: _was, ...kept } = rest;
      change = { ...kept, kind: 'left-out', what, condition };
    }
    if (ot.isMasked(change.def) || nt.isMasked(change.def)) {
      const within = [...places].sort()[0]!;
      const { oldDef: _old, ...named } = change;
      change = { ...named, def: splitPath(within)[0], within };
    } else if (change.oldDef !== undefined && (ot.isMasked(change.oldDef) || nt.isMasked(change.oldDef))) {
      const { oldDef: _old, ...named } = change;
      change = named;
    }
    const feature = c.kind === 'feature-added' ? c.to : c.kind === 'feature-removed' ? c.from : undefined;
    return { ...change, ...rule({ ...change, feature }, dir), dir, paths };
  });
}

function* definitions(model: SchemaModel): Generator<[string, Command | Event]> {
  for (const e of model.entities) if (e.meta === 'command' || e.meta === 'event') yield [e.name, e];
}

function wireChanges(ot: ShapeTable, nt: ShapeTable, roots: Root[]): Found[] {
  // 1. every pair reachable from a root, compared once
  const pairs = new Map<string, PairResult>();
  const stack = roots.map((r) => [r.o, r.n]);
  while (stack.length) {
    const [o, n] = stack.pop()!;
    const k = key(o, n);
    if (pairs.has(k)) continue;
    const result = comparePair(ot, nt, o, n);
    pairs.set(k, result);
    for (const e of result.edges) if (!pairs.has(key(e.o, e.n))) stack.push([e.o, e.n]);
  }
  // 2. pairs that lead to a change (walked backwards from the changed ones)
  const parents = new Map<string, string[]>();
  const dirty = new Set<string>();
  for (const [k, r] of pairs) {
    for (const e of r.edges) {
      const ek = key(e.o, e.n);
      const list = parents.get(ek);
      if (list) list.push(k);
      else parents.set(ek, [k]);
    }
    if (r.local.length) dirty.add(k);
  }
  const queue = [...dirty];
  while (queue.length) {
    for (const p of parents.get(queue.pop()!) ?? []) {
      if (dirty.has(p)) continue;
      dirty.add(p);
      queue.push(p);
    }
  }
  // 3. from each root, breadth first through dirty pairs: shortest paths and directions
  const paths = new Map<string, string[]>();
  const dirs = new Map<string, Set<'send' | 'receive'>>();
  for (const root of roots) {
    const start = key(root.o, root.n);
    if (!dirty.has(start)) continue;
    const seen = new Map<string, string>([[start, root.path]]);
    const frontier = [start];
    for (let i = 0; i < frontier.length; i++) {
      const k = frontier[i];
      const path = seen.get(k)!;
      (paths.get(k) ?? paths.set(k, []).get(k)!).push(path);
      (dirs.get(k) ?? dirs.set(k, new Set()).get(k)!).add(root.dir);
      for (const e of pairs.get(k)!.edges) {
        const ek = key(e.o, e.n);
        if (!dirty.has(ek) || seen.has(ek)) continue;
        seen.set(ek, path + e.seg);
        frontier.push(ek);
      }
    }
  }
  // 4. one change however many pairs hold it (a base's member is also in every derived type)
  type Merged = { c: LocalChange; dirs: Set<'send' | 'receive'>; paths: Set<string>; places: Set<string> };
  const merged = new Map<string, Merged>();
  for (const [k, r] of pairs) {
    for (const c of r.local) {
      const id = [c.kind, c.def, c.oldDef, c.item, c.from, c.to, c.optional].join('\u0000');
      let m = merged.get(id);
      if (!m) merged.set(id, (m = { c, dirs: new Set(), paths: new Set(), places: new Set() }));
      for (const d of dirs.get(k)!) m.dirs.add(d);
      for (const p of paths.get(k)!) {
        m.paths.add(c.at ? p + c.at : p);
        m.places.add(p);
      }
    }
  }
  return [...merged.values()].map(({ c, dirs: d, paths: p, places }) => ({
    c,
    dir: d.size === 2 ? 'both' : d.has('send') ? 'send' : 'receive',
    paths: [...p].sort(),
    places: [...places],
  }));
}

function byVerdictThenPlace(a: Change, b: Change): number {
  return (
    verdictRank(a.verdict) - verdictRank(b.verdict) ||
    cmp(a.def, b.def) ||
    cmp(a.item ?? '', b.item ?? '') ||
    cmp(a.kind, b.kind) ||
    cmp(a.paths[0] ?? '', b.paths[0] ?? '')
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
