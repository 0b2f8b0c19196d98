// Static params for the routes and the lookups behind them (Node-only: reads
// the memoised schemas). Routes stay thin: params -> lookup -> notFound() or
// render. Under `output: 'export'` a dynamic route must list at least one
// param set, so when only one tree is built the /v/[version] routes get a
// single placeholder that renders the 404 page.
import type { Entity } from '../qapi/model';
import { extraVersions, getSchema } from './source';
import { hasPage, pageKind, type PageKind, type SiteSchema } from './site-schema';

export const NO_VERSION = '_none';

const KIND_OF_SECTION: Record<string, PageKind> = { events: 'event', commands: 'command', types: 'type' };

function namesOf(site: SiteSchema, kind: PageKind): string[] {
  return site.model.entities.filter((e) => hasPage(e) && pageKind(e) === kind).map((e) => e.name);
}

export function definitionParams(section: 'events' | 'commands' | 'types', site: SiteSchema): { name: string }[] {
  const names = namesOf(site, KIND_OF_SECTION[section]!).filter((n) => n !== 'builtins');
  return names.length ? names.map((name) => ({ name })) : [{ name: NO_VERSION }];
}

export function moduleParams(site: SiteSchema): { name: string }[] {
  return site.modules.length ? site.modules.map((m) => ({ name: m.slug })) : [{ name: NO_VERSION }];
}

export function versionParams(): { version: string }[] {
  const extra = extraVersions();
  return extra.length ? extra.map((v) => ({ version: v.label })) : [{ version: NO_VERSION }];
}

export function versionedParams<T extends object>(of: (site: SiteSchema) => T[]): (T & { version: string })[] {
  const out: (T & { version: string })[] = [];
  for (const v of extraVersions()) for (const p of of(getSchema(v.label)!)) out.push({ ...p, version: v.label });
  return out.length ? out : [{ version: NO_VERSION, name: NO_VERSION } as unknown as T & { version: string }];
}

export function findDefinition(site: SiteSchema | null, section: 'events' | 'commands' | 'types', name: string): Entity | null {
  if (!site) return null;
  const e = site.index.get(decodeURIComponent(name));
  if (!e || !hasPage(e) || pageKind(e) !== KIND_OF_SECTION[section]) return null;
  return e;
}

export function schemaFor(version: string | undefined): SiteSchema | null {
  if (version === NO_VERSION) return null;
  return getSchema(version);
}
