// diffSchemas: two SchemaModels -> their wire changes and doc changes.
// Receives any two models; guarantees every difference a client can see,
// found by walking from each command's arguments and returns and each event's
// data down through the types as they appear on the wire (type names never
// matter), each pair of types compared once however many places use it, and
// cycles (recursive types) visited once. A change carries the union of the
// directions of every place that reaches it, its verdict under QEMU's rules,
// and one shortest path from each command or event part that reaches it.
import type { Command, Event, SchemaModel } from '../qapi/model';
import { compareFeatures, compareIf, comparePair, type LocalChange, type PairResult } from './compare';
import { compareDocs } from './docs';
import { ShapeTable, specialFeature } from './shape';
import type { Change, Direction, SchemaDiff } from './types';
import { rule, verdictRank } from './verdict';

interface Root {
  /** 'chardev-add.arguments' */
  path: string;
  dir: 'send' | 'receive';
  o: string;
  n: string;
}

const key = (o: string, n: string) => `${o}\u0000${n}`;

export function diffSchemas(oldModel: SchemaModel, newModel: SchemaModel): SchemaDiff {
  const ot = new ShapeTable(oldModel);
  const nt = new ShapeTable(newModel);
  const changes: Change[] = [];
  const roots: Root[] = [];

  const place = (c: LocalChange, dir: Direction, paths: string[]): Change => {
    const feature = c.kind === 'feature-added' ? c.to : c.kind === 'feature-removed' ? c.from : undefined;
    const { at: _at, ...rest } = c;
    return { ...rest, ...rule({ ...c, feature }, dir), dir, paths };
  };

  for (const [name, ne] of definitions(newModel)) {
    const oe = ot.entity(name);
    const dir = ne.meta === 'command' ? 'send' : 'receive';
    if (!oe || oe.meta !== ne.meta) {
      changes.push(place({ kind: `${ne.meta}-added`, def: name }, dir, [name]));
      continue;
    }
    const top: LocalChange[] = [];
    compareFeatures(top, oe.features, ne.features, { def: name }, undefined, undefined);
    compareIf(top, oe.if, ne.if, { def: name }, undefined, undefined);
    for (const c of top) changes.push(place(c, dir, [name]));
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
    const c: LocalChange = { kind: `${oe.meta}-removed`, def: name, ...(w ? { was: w } : {}) };
    changes.push(place(c, oe.meta === 'command' ? 'send' : 'receive', [name]));
  }

  changes.push(...wireChanges(ot, nt, roots, place));
  changes.sort(byVerdictThenPlace);
  // a running QEMU's schema has its conditions resolved and no doc text: neither can be compared
  if (ot.masksNames || nt.masksNames) return { changes: changes.filter((c) => c.kind !== 'if-changed'), docs: [] };
  return { changes, docs: compareDocs(ot, nt, changes) };
}

function* definitions(model: SchemaModel): Generator<[string, Command | Event]> {
  for (const e of model.entities) if (e.meta === 'command' || e.meta === 'event') yield [e.name, e];
}

function wireChanges(
  ot: ShapeTable,
  nt: ShapeTable,
  roots: Root[],
  place: (c: LocalChange, dir: Direction, paths: string[]) => Change,
): Change[] {
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
  const merged = new Map<string, { c: LocalChange; dirs: Set<'send' | 'receive'>; paths: Set<string> }>();
  for (const [k, r] of pairs) {
    for (const c of r.local) {
      const id = [c.kind, c.def, c.oldDef, c.item, c.from, c.to, c.optional].join('\u0000');
      let m = merged.get(id);
      if (!m) merged.set(id, (m = { c, dirs: new Set(), paths: new Set() }));
      for (const d of dirs.get(k)!) m.dirs.add(d);
      for (const p of paths.get(k)!) m.paths.add(c.at ? p + c.at : p);
    }
  }
  const out: Change[] = [];
  for (const { c, dirs: d, paths: p } of merged.values()) {
    const dir: Direction = d.size === 2 ? 'both' : d.has('send') ? 'send' : 'receive';
    out.push(place(c, dir, [...p].sort()));
  }
  return out;
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
