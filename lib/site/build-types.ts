// A named type of the source trees as a build (an introspection) has it.
// query-qmp-schema names no types, so a build never has `ReplayMode` by name:
// it has the masked type that mirrors it (borrow-docs.ts typeNames), or none
// because no command or event of the tree uses the type (query-qmp-schema
// lists only what they use: such a type is in no build's self-description),
// or none because the places that use it are left out or changed. A type's
// History and release list say which, never "removed" for a name a build
// cannot have. Pure; memoised per site.
import type { ResolvedStep } from '../diff';
import { markedTypeKey } from './borrow-docs';
import { directRefs, type BorrowedFrom, type SiteSchema } from './site-schema';

export type BuildTypeState =
  /** the build's masked type `own` mirrors it; `marked`: some of its items are new or changed against the tree */
  | { kind: 'mirrored'; own: string; marked: boolean }
  /** no command or event of the tree it is compared with uses it */
  | { kind: 'off-wire' }
  /** the tree's commands or events use it, and no type of the build mirrors it */
  | { kind: 'unmatched' };

const mirrors = new WeakMap<BorrowedFrom, Map<string, string>>();
const onWire = new WeakMap<SiteSchema, Set<string>>();

/** tree type -> the first masked type of the build that mirrors it */
function mirrorsOf(from: BorrowedFrom): Map<string, string> {
  let m = mirrors.get(from);
  if (!m) {
    m = new Map();
    for (const [own, tree] of from.typeNames) if (!m.has(tree)) m.set(tree, own);
    mirrors.set(from, m);
  }
  return m;
}

/** The types a tree's commands and events use, directly or through other types: what its introspection lists. */
export function typesOnWire(site: SiteSchema): Set<string> {
  let seen = onWire.get(site);
  if (seen) return seen;
  seen = new Set();
  const todo = [...site.commands, ...site.events].flatMap((e) => directRefs(e, site.index));
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const t = site.index.get(name);
    if (t) todo.push(...directRefs(t, site.index));
  }
  onWire.set(site, seen);
  return seen;
}

/**
 * How `build` has the tree type `name`; null when `build` is no build, or has
 * the name itself. `tree`: the release whose wire decides whether a type the
 * build lacks is used by any command or event (a step's other side).
 */
export function buildTypeState(build: SiteSchema, name: string, tree?: SiteSchema): BuildTypeState | null {
  const from = build.docsFrom;
  if (!from || build.index.has(name)) return null;
  const own = mirrorsOf(from).get(name);
  if (own !== undefined) return { kind: 'mirrored', own, marked: from.markedTypes.has(markedTypeKey('', own)) };
  return { kind: tree && !typesOnWire(tree).has(name) ? 'off-wire' : 'unmatched' };
}

/** A step of a History, with what it says in place of its status when a build is on one side. */
export type HistoryStep = ResolvedStep & { said?: string };

/**
 * A type's steps with every build on either side read through
 * buildTypeState: a step whose build mirrors the type unchanged is no step,
 * one whose build mirrors it with new or changed items says so, and one
 * whose build lacks it says why instead of "removed" or "added".
 */
export function typeStepsWithBuilds(
  steps: ResolvedStep[],
  name: string,
  releases: readonly SiteSchema[],
): HistoryStep[] {
  // the wire a build is judged against: the other side's, a build's own through the tree its docs come from
  const treeOf = (site?: SiteSchema) =>
    site?.docsFrom ? releases.find((s) => s.label === site.docsFrom!.label) : site;
  const out: HistoryStep[] = [];
  for (const step of steps) {
    const [from, to] = [step.from, step.to].map((label) => releases.find((s) => s.label === label));
    const sides = [from && buildTypeState(from, name, treeOf(to)), to && buildTypeState(to, name, treeOf(from))];
    const build = sides[1] ?? sides[0];
    if (!build || step.status === 'left-out') {
      out.push(step);
      continue;
    }
    const label = sides[1] ? step.to : step.from;
    const tree = releases.find((s) => s.label === label)?.docsFrom?.label ?? 'its source tree';
    if (build.kind === 'mirrored') {
      if (!build.marked && !step.changes.length) continue;
      out.push({
        ...step,
        status: 'changed',
        said: `an unnamed type of ${label} (query-qmp-schema names no types) with items new or changed against ${tree}`,
      });
    } else if (build.kind === 'off-wire') {
      out.push({
        ...step,
        said: `not in ${label}'s query-qmp-schema, which lists only the types commands and events use, and none uses this one`,
      });
    } else {
      out.push({
        ...step,
        said: `no type of ${label} mirrors it: the commands and events that use it are left out of the build or changed`,
      });
    }
  }
  return out;
}
