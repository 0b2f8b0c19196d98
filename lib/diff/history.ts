// Per-definition history across releases, computed from the diffs of adjacent
// releases (never from `Since:` text). Receives releases oldest first;
// guarantees, for every command, event and named type of any release, the
// releases it exists in and, per step, the indices of the changes of that
// step's diff that concern it: a command or event gets every change met
// through it, a type the changes made in it (under its old or new name).
// Indices keep the JSON small: the changes themselves are stored once, in steps.
import type { SchemaModel } from '../qapi/model';
import { diffSchemas } from './diff';
import { splitPath } from './path';
import type { Change, SchemaDiff } from './types';

export interface Release {
  label: string;
  model: SchemaModel;
}

export interface HistoryEntry {
  /** index into steps: the step from labels[step] to labels[step + 1] */
  step: number;
  /** indices into steps[step].changes */
  changes: number[];
  /** documentation parts that changed, when any */
  docs?: string[];
}

export interface DefHistory {
  /** its kind in the newest release that has it */
  meta: string;
  /** indices into labels of the releases that define it */
  in: number[];
  at: HistoryEntry[];
}

export interface SchemaHistory {
  labels: string[];
  /** steps[i]: labels[i] -> labels[i + 1] */
  steps: SchemaDiff[];
  /** by definition name: read with Object.hasOwn (a name may be 'constructor' or '__proto__') */
  defs: Record<string, DefHistory>;
}

export function buildHistory(releases: Release[]): SchemaHistory {
  const defs = new Map<string, DefHistory>();
  releases.forEach(({ model }, i) => {
    for (const e of model.entities) {
      if (e.implicit || e.meta === 'builtin') continue;
      let d = defs.get(e.name);
      if (!d) defs.set(e.name, (d = { meta: e.meta, in: [], at: [] }));
      d.meta = e.meta;
      d.in.push(i);
    }
  });
  const steps: SchemaDiff[] = [];
  for (let i = 0; i + 1 < releases.length; i++) {
    const diff = diffSchemas(releases[i].model, releases[i + 1].model);
    steps.push(diff);
    const byDef = new Map<string, number[]>();
    diff.changes.forEach((c, index) => {
      for (const name of concerned(c)) {
        const list = byDef.get(name);
        if (!list) byDef.set(name, [index]);
        else if (list[list.length - 1] !== index) list.push(index);
      }
    });
    const docs = new Map(diff.docs.map((d) => [d.def, d.parts]));
    for (const name of new Set([...byDef.keys(), ...docs.keys()])) {
      const d = defs.get(name);
      if (!d) continue;
      const entry: HistoryEntry = { step: i, changes: byDef.get(name) ?? [] };
      const parts = docs.get(name);
      if (parts) entry.docs = parts;
      d.at.push(entry);
    }
  }
  // plain data (cached as JSON), with every name an own property, '__proto__' included
  return { labels: releases.map((r) => r.label), steps, defs: Object.fromEntries(defs) };
}

/** The definitions a change concerns: where it sits, and each command or event through which it is met. */
function concerned(c: Change): Set<string> {
  const names = new Set([c.def]);
  if (c.oldDef) names.add(c.oldDef);
  for (const p of c.paths) names.add(splitPath(p)[0]);
  return names;
}

export interface ResolvedStep {
  from: string;
  to: string;
  /** 'left-out': a build that lacks what its tree has only under a condition the build does not meet */
  status: 'added' | 'removed' | 'changed' | 'left-out';
  changes: Change[];
  docs: string[];
}

/** A definition's history as a reader sees it: one entry per step where it appeared, vanished or changed. */
export function historyOf(history: SchemaHistory, name: string): ResolvedStep[] {
  const d = Object.hasOwn(history.defs, name) ? history.defs[name] : undefined;
  if (!d) return [];
  const present = new Set(d.in);
  const byStep = new Map(d.at.map((e) => [e.step, e]));
  const out: ResolvedStep[] = [];
  for (let i = 0; i < history.steps.length; i++) {
    const before = present.has(i);
    const after = present.has(i + 1);
    const e = byStep.get(i);
    if (!before && !after) continue;
    if (before && after && !e) continue;
    const changes = (e?.changes ?? []).map((k) => history.steps[i].changes[k]);
    const leftOut = changes.some((c) => c.kind === 'left-out' && c.def === name && c.item === undefined);
    out.push({
      from: history.labels[i],
      to: history.labels[i + 1],
      status: before && after ? 'changed' : leftOut ? 'left-out' : before ? 'removed' : 'added',
      changes,
      docs: e?.docs ?? [],
    });
  }
  return out;
}
