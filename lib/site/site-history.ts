// What changed between the site's releases, computed once per build: the
// releases in version order, the per-definition history across all of them
// (lib/diff buildHistory, from the wire diffs, never from `Since:` text) and
// the pairs that get a Changes page: each release to the next, and each
// release to the default one. Receives every tree of the site and the
// default's label; guarantees each pair is diffed once (an adjacent pair
// reuses its history step). Pure: the caller memoises (lib/site/source.ts).
import { buildHistory, diffSchemas, type SchemaDiff, type SchemaHistory } from '../diff';
import type { SiteSchema } from './site-schema';

export interface ChangesPair {
  /** URL segment of its Changes page: '10.0.13..10.2.2' */
  slug: string;
  old: SiteSchema;
  new: SiteSchema;
  diff: SchemaDiff;
  /** a pair of neighbouring releases (else: a release to the default) */
  adjacent: boolean;
}

export interface SiteHistory {
  /** oldest first */
  releases: SiteSchema[];
  history: SchemaHistory;
  pairs: ChangesPair[];
}

/** '10.2.2+seed' -> [10, 2, 2]; null when the label does not start with a version number. */
function versionKey(label: string): number[] | null {
  const m = /^v?(\d+(?:\.\d+)*)/.exec(label);
  return m ? m[1].split('.').map(Number) : null;
}

/**
 * Releases oldest first: by version number when every label starts with one
 * (a label with a suffix, '10.2.2+patch', after the plain '10.2.2'), else in
 * the configured order.
 */
export function releaseOrder<T extends { label: string }>(sites: T[]): T[] {
  const keys = sites.map((s) => versionKey(s.label));
  if (keys.some((k) => !k)) return [...sites];
  const order = sites.map((s, i) => ({ s, k: keys[i]!, i }));
  order.sort((a, b) => {
    for (let j = 0; j < Math.max(a.k.length, b.k.length); j++) {
      const d = (a.k[j] ?? 0) - (b.k[j] ?? 0);
      if (d) return d;
    }
    return a.s.label.length - b.s.label.length || a.i - b.i;
  });
  return order.map((o) => o.s);
}

export const changesSlug = (oldLabel: string, newLabel: string): string => `${oldLabel}..${newLabel}`;

export function buildSiteHistory(sites: SiteSchema[], defaultLabel: string): SiteHistory {
  const releases = releaseOrder(sites);
  const history = buildHistory(releases.map((s) => ({ label: s.label, model: s.model })));
  const pairs: ChangesPair[] = [];
  const seen = new Set<string>();
  const add = (o: SiteSchema, n: SiteSchema, diff: SchemaDiff, adjacent: boolean) => {
    const slug = changesSlug(o.label, n.label);
    if (seen.has(slug)) return;
    seen.add(slug);
    pairs.push({ slug, old: o, new: n, diff, adjacent });
  };
  for (let i = 0; i + 1 < releases.length; i++) add(releases[i], releases[i + 1], history.steps[i], true);
  const def = releases.find((s) => s.label === defaultLabel);
  if (def) {
    for (const s of releases) if (s !== def) add(s, def, stepDiff(s, def) ?? diffSchemas(s.model, def.model), false);
  }
  return { releases, history, pairs };

  function stepDiff(o: SiteSchema, n: SiteSchema): SchemaDiff | undefined {
    const i = releases.indexOf(o);
    return releases[i + 1] === n ? history.steps[i] : undefined;
  }
}

export function findPair(h: SiteHistory, slug: string): ChangesPair | null {
  return h.pairs.find((p) => p.slug === slug) ?? null;
}

