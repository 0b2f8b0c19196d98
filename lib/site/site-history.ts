// What changed between the site's releases, computed once per build: the
// releases in version order, the per-definition history across all of them
// (lib/diff buildHistory, from the wire diffs, never from `Since:` text) and
// the pairs that get a Changes page: each release to the next, and each
// release and the default one (older release first). Receives every tree of the site and the
// default's label; guarantees each pair is diffed once (an adjacent pair
// reuses its history step). Pure: the caller memoises and caches the diffs
// (lib/site/source.ts).
import { buildHistory, diffSchemas, type SchemaDiff, type SchemaHistory } from '../diff';
import { releaseOrder } from '../qapi/version';
import type { SchemaModel } from '../qapi/model';
import type { SiteSchema } from './site-schema';
import { compactEntity } from './validator-model';

export interface ChangesPair {
  /** URL segment of its Changes page: '10.0.13..10.2.2' */
  slug: string;
  old: SiteSchema;
  new: SiteSchema;
  diff: SchemaDiff;
  /** a pair of neighbouring releases (else: a release and the default) */
  adjacent: boolean;
}

export interface SiteHistory {
  /** oldest first */
  releases: SiteSchema[];
  history: SchemaHistory;
  pairs: ChangesPair[];
}

/** The sites oldest first (releaseOrder of their labels). */
export function sitesInReleaseOrder<T extends { label: string }>(sites: T[]): T[] {
  return releaseOrder(sites.map((s) => s.label)).map((i) => sites[i]!);
}

export const changesSlug = (oldLabel: string, newLabel: string): string => `${oldLabel}..${newLabel}`;

/**
 * The diffs behind a SiteHistory as plain data (cacheable as JSON): the
 * history across the releases in order, and the diff of each pair of a
 * release and the default that are not neighbours, by slug.
 */
export interface SiteDiffs {
  history: SchemaHistory;
  toDefault: Record<string, SchemaDiff>;
}

/**
 * The pairs of releases that get a Changes page, older first in each:
 * [old, new, adjacent]. Each release and the default are paired too, the
 * default on the newer or older side as the release is older or newer.
 */
function pairsOf(releases: SiteSchema[], defaultLabel: string): [SiteSchema, SiteSchema, boolean][] {
  const pairs: [SiteSchema, SiteSchema, boolean][] = [];
  for (let i = 0; i + 1 < releases.length; i++) pairs.push([releases[i], releases[i + 1], true]);
  const at = releases.findIndex((s) => s.label === defaultLabel);
  if (at < 0) return pairs;
  const def = releases[at]!;
  releases.forEach((s, i) => {
    if (i < at - 1) pairs.push([s, def, false]);
    else if (i > at + 1) pairs.push([def, s, false]);
  });
  return pairs;
}

export function computeSiteDiffs(sites: SiteSchema[], defaultLabel: string): SiteDiffs {
  const releases = sitesInReleaseOrder(sites);
  const history = buildHistory(releases.map((s) => ({ label: s.label, model: s.model })));
  const toDefault: Record<string, SchemaDiff> = {};
  for (const [o, n, adjacent] of pairsOf(releases, defaultLabel)) {
    if (!adjacent) toDefault[changesSlug(o.label, n.label)] = diffSchemas(o.model, n.model);
  }
  return { history, toDefault };
}

/** A SiteHistory from its diffs (computed now, or read back from a cache) and the trees they were computed from. */
export function assembleSiteHistory(sites: SiteSchema[], defaultLabel: string, diffs: SiteDiffs): SiteHistory {
  const releases = sitesInReleaseOrder(sites);
  const pairs = pairsOf(releases, defaultLabel).map(([o, n, adjacent]): ChangesPair => {
    const slug = changesSlug(o.label, n.label);
    const diff = adjacent ? diffs.history.steps[releases.indexOf(o)] : diffs.toDefault[slug];
    return { slug, old: o, new: n, diff, adjacent };
  });
  return { releases, history: diffs.history, pairs };
}

export function buildSiteHistory(sites: SiteSchema[], defaultLabel: string): SiteHistory {
  return assembleSiteHistory(sites, defaultLabel, computeSiteDiffs(sites, defaultLabel));
}

export function findPair(h: SiteHistory, slug: string): ChangesPair | null {
  return h.pairs.find((p) => p.slug === slug) ?? null;
}

/**
 * A model as the browser diffs it for a pair of releases without a static
 * page: everything the diff and the Changes page read (entities, modules,
 * docs), without the definitions' source positions; an introspection without
 * the doc text it borrowed (a diff with a build compares no docs).
 */
export function changesModel(model: SchemaModel): SchemaModel {
  if (model.origin?.kind === 'introspection')
    return { ...model, entities: model.entities.map((e) => ({ ...compactEntity(e), module: e.module })) };
  return { ...model, entities: model.entities.map((e) => (e.loc ? { ...e, loc: null } : e)) };
}
