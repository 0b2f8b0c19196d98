// The data side of every route (Node-only: reads the memoised schemas): which
// trees a route serves, the params of its pages, and the lookup behind a
// param. Routes stay thin (components/site/routes.tsx): params -> lookup ->
// notFound() or render. Under `output: 'export'` a dynamic route must list at
// least one param set, so a route with no pages in any tree (e.g. the
// /v/[version] routes when only one tree is built) gets a single placeholder
// that renders the 404 page.
import type { Entity } from '../qapi/model';
import { PLACEHOLDER } from './placeholder.mjs';
import { nameFromSegment, nameSegment, sectionOf, type Section } from './href';
import { extraVersions, getSchema } from './source';
import { hasPage, type SiteModule, type SiteSchema } from './site-schema';
import {
  absentModuleSlugs,
  absentNames,
  findAbsentDefinition,
  findAbsentModule,
  type AbsentDefinition,
  type AbsentModule,
} from './absent';

export { PLACEHOLDER };

/** Default: the tree served at the site root. Versioned: the others, under /v/[version]. */
export type RouteScope = 'default' | 'versioned';

export interface RouteParams {
  version?: string;
  name?: string;
}

/** The tree a page belongs to, or null for the placeholder or an unknown version. */
export function treeForRoute(scope: RouteScope, params: RouteParams): SiteSchema | null {
  if (scope === 'default') return getSchema();
  if (!params.version || params.version === PLACEHOLDER) return null;
  return getSchema(params.version);
}

/**
 * Static params of a route: one set per tree of the scope (per name when
 * `names` is given), or the placeholder when that makes none.
 */
export function staticParams(scope: RouteScope, names?: (site: SiteSchema) => string[]): RouteParams[] {
  const trees = scope === 'default' ? [{ site: getSchema()!, version: undefined }] : extraTrees();
  const out: RouteParams[] = [];
  for (const { site, version } of trees) {
    const base: RouteParams = version === undefined ? {} : { version };
    if (!names) out.push(base);
    else for (const name of names(site)) out.push({ ...base, name });
  }
  if (out.length) return out;
  return [{ ...(scope === 'versioned' ? { version: PLACEHOLDER } : {}), ...(names ? { name: PLACEHOLDER } : {}) }];
}

function extraTrees(): { site: SiteSchema; version: string }[] {
  return extraVersions().map((v) => ({ site: getSchema(v.label)!, version: v.label }));
}

/**
 * The [name] params of a section's pages, each a name as nameSegment() spells
 * it ('builtins' is the builtins page's own path under types/): the tree's
 * definitions, then the absent pages for definitions only other versions of
 * the site have (lib/site/absent.ts).
 */
export function definitionNames(section: Section): (site: SiteSchema) => string[] {
  return (site) =>
    [
      ...site.model.entities.filter((e) => hasPage(e) && sectionOf(e.meta) === section).map((e) => e.name),
      ...absentNames(site, section),
    ]
      .filter((name) => !(section === 'types' && name === 'builtins'))
      .map(nameSegment);
}

export function moduleNames(site: SiteSchema): string[] {
  return [...site.modules.map((m) => m.slug), ...absentModuleSlugs(site)];
}

/** The page behind a [name] param (a nameSegment()). */
export function findDefinition(site: SiteSchema, section: Section, segment: string): Entity | AbsentDefinition | null {
  const name = nameFromSegment(segment);
  if (name === null) return null;
  const e = site.index.get(name);
  if (e && hasPage(e)) return sectionOf(e.meta) === section ? e : null;
  return findAbsentDefinition(site, section, name);
}

export function findModule(site: SiteSchema, slug: string): SiteModule | AbsentModule | null {
  return site.modules.find((m) => m.slug === slug) ?? findAbsentModule(site, slug);
}
