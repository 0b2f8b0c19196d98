// Pages for what a version lacks but another version of the site has (Node-only,
// build time: reads every tree through source.ts). The version switcher links
// every page to the same page in each other version; where that version has
// no such definition or module, the link opens its "absent" page, which says
// where the thing is instead. Receives a tree of the site and a section/name
// or module slug; guarantees, per tree, the names that have a page in some
// other tree and none in this one (so every switcher link has a target), and
// for each the versions that have it, in the site's version order. An
// introspection, whose types have no names, gets none for types (its
// switcher entry leads home, saying so).
import type { Entity } from '../qapi/model';
import { definitionPath, modulePath, sectionOf, type Section } from './href';
import { getSchema, getVersions } from './source';
import { hasPage, type SiteSchema } from './site-schema';
import { sinceOf } from './format';

export interface Presence {
  label: string;
  isDefault: boolean;
  /** site path of the thing in that version */
  href: string;
  since?: string;
}

export interface AbsentDefinition {
  absent: 'definition';
  name: string;
  section: Section;
  /** its kind in the first version that has it */
  meta: Entity['meta'];
  presentIn: Presence[];
}

export interface AbsentModule {
  absent: 'module';
  slug: string;
  /** its title in the first version that has it */
  title: string;
  presentIn: Presence[];
}

function allTrees(): SiteSchema[] {
  return getVersions().map((v) => getSchema(v.label)!);
}

function isDefault(site: SiteSchema): boolean {
  return site.prefix === '';
}

interface Absences {
  definitions: Map<string, AbsentDefinition>;
  modules: Map<string, AbsentModule>;
}

const byTree = new WeakMap<SiteSchema, Absences>();

function absences(site: SiteSchema): Absences {
  let found = byTree.get(site);
  if (found) return found;
  const definitions = new Map<string, AbsentDefinition>();
  const modules = new Map<string, AbsentModule>();
  const ownSlugs = new Set(site.modules.map((m) => m.slug));
  // an introspection names no types: it has them, under masked names, and no page says otherwise
  const typesUnnamed = site.model.origin?.kind === 'introspection';
  for (const other of allTrees()) {
    if (other === site) continue;
    for (const e of other.model.entities) {
      if (!hasPage(e) || (typesUnnamed && sectionOf(e.meta) === 'types')) continue;
      const mine = site.index.get(e.name);
      if (mine && hasPage(mine)) continue;
      const section = sectionOf(e.meta);
      const key = `${section}/${e.name}`;
      let a = definitions.get(key);
      if (!a) definitions.set(key, (a = { absent: 'definition', name: e.name, section, meta: e.meta, presentIn: [] }));
      a.presentIn.push({
        label: other.label,
        isDefault: isDefault(other),
        href: definitionPath(other.prefix, e.meta, e.name),
        since: sinceOf(e) ?? undefined,
      });
    }
    for (const m of other.modules) {
      if (ownSlugs.has(m.slug)) continue;
      let a = modules.get(m.slug);
      if (!a) modules.set(m.slug, (a = { absent: 'module', slug: m.slug, title: m.title, presentIn: [] }));
      a.presentIn.push({ label: other.label, isDefault: isDefault(other), href: modulePath(other.prefix, m.slug) });
    }
  }
  found = { definitions, modules };
  byTree.set(site, found);
  return found;
}

/** Every definition this tree lacks and another tree has, by name. */
export function absentDefinitions(site: SiteSchema): AbsentDefinition[] {
  return [...absences(site).definitions.values()];
}

/** Names of a section's absent pages in this tree. */
export function absentNames(site: SiteSchema, section: Section): string[] {
  return [...absences(site).definitions.values()].filter((a) => a.section === section).map((a) => a.name);
}

export function findAbsentDefinition(site: SiteSchema, section: Section, name: string): AbsentDefinition | null {
  return absences(site).definitions.get(`${section}/${name}`) ?? null;
}

export function absentModuleSlugs(site: SiteSchema): string[] {
  return [...absences(site).modules.keys()];
}

export function findAbsentModule(site: SiteSchema, slug: string): AbsentModule | null {
  return absences(site).modules.get(slug) ?? null;
}

/** Where the switcher sends a definition page or module page of another version that this tree lacks. */
export function absentPath(
  site: SiteSchema,
  ref: { kind: 'definition'; name: string; section: Section } | { kind: 'module'; slug: string },
): string | null {
  if (ref.kind === 'module') return findAbsentModule(site, ref.slug) ? modulePath(site.prefix, ref.slug) : null;
  const a = findAbsentDefinition(site, ref.section, ref.name);
  return a ? definitionPath(site.prefix, a.meta, a.name) : null;
}

/** Is this found page a tree's own page or an absent one? */
export function isAbsent<T>(found: T | AbsentDefinition | AbsentModule): found is AbsentDefinition | AbsentModule {
  return typeof found === 'object' && found !== null && 'absent' in found;
}
