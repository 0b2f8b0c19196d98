// The docs site's view of one schema tree.
// Receives a SchemaModel (lib/qapi/model.ts) and the version's URL prefix;
// guarantees: the list of definitions that get a page (everything written in
// the schema: no builtins, arrays or implicit q_obj_* types), the module each
// belongs to and who uses each type. Links to them: lib/site/site-links.ts.
import {
  buildIndex,
  type Entity,
  type Module,
  type SchemaIndex,
  type SchemaModel,
  type TypeEntity,
} from '../qapi/model';
import { moduleOutline, type ModuleOutline } from './module-outline';
import { INTROSPECTION_MODULE } from '../qapi/introspect/to-model';
import { introspectionTitle } from './introspection-label';
import type { BorrowedDocs } from './borrow-docs';

export type PageKind = 'event' | 'command' | 'type';

export interface SiteModule {
  name: string;
  slug: string;
  /** the first heading of the module's free-form docs, else the file name */
  title: string;
  module: Module;
  /** definitions of the module that have pages, in definition order */
  entities: Entity[];
  /** its free-form text and definitions under their subsections */
  outline: ModuleOutline;
}

export interface SiteSchema {
  label: string;
  /** '' for the default version, '/v/<label>' otherwise */
  prefix: string;
  /** directory shown before module files in "defined at", e.g. 'qapi' */
  rootDir: string;
  model: SchemaModel;
  index: SchemaIndex;
  events: Entity[];
  commands: Entity[];
  types: TypeEntity[];
  builtins: TypeEntity[];
  modules: SiteModule[];
  moduleOf: Map<string, SiteModule>;
  /** type name -> names of definitions (with pages) that refer to it */
  usedBy: Map<string, string[]>;
  /** an introspection's doc text borrowed from a source tree of the same or an older release (lib/site/borrow-docs.ts) */
  docsFrom?: BorrowedFrom;
}

/** The tree an introspection's doc text comes from, and what it gave and could not give (lib/site/borrow-docs.ts). */
export interface BorrowedFrom extends Omit<BorrowedDocs, 'model'> {
  label: string;
  prefix: string;
  /** the tree is an older release than the build (else the same release): what it lacks is "new since" it */
  older: boolean;
}

export function hasPage(e: Entity): boolean {
  return !e.implicit && e.meta !== 'builtin' && e.meta !== 'array';
}

export function pageKind(e: Entity): PageKind {
  return e.meta === 'event' ? 'event' : e.meta === 'command' ? 'command' : 'type';
}

/**
 * URL-safe slugs for the modules of a tree, one per module: characters other
 * than letters, digits, '_' and '-' become '-', and a slug already taken
 * (`dup.x.json` and `dup-x.json` both give `dup-x`) gets -2, -3… in module order.
 */
export function moduleSlugs(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = name.replace(/\.json$/, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'module';
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}

/** Names of the types an entity's own definition mentions (not through other named types). */
export function directRefs(e: Entity, index: SchemaIndex): string[] {
  const refs: string[] = [];
  const addObject = (name: string | undefined) => {
    if (!name) return;
    const t = index.get(name);
    if (t && t.implicit && (t.meta === 'struct' || t.meta === 'union')) refs.push(...objectRefs(t, index));
    else refs.push(name);
  };
  switch (e.meta) {
    case 'event':
      addObject(e.argType);
      break;
    case 'command':
      addObject(e.argType);
      if (e.returns) refs.push(e.returns);
      break;
    default:
      refs.push(...objectRefs(e, index));
  }
  return refs.map((r) => elementName(r, index));
}

function objectRefs(e: Entity, index: SchemaIndex): string[] {
  switch (e.meta) {
    case 'struct':
      return [...(e.base ? [e.base] : []), ...e.members.filter((m) => m.definedIn === e.name).map((m) => m.type)];
    case 'union': {
      const base = index.get(e.base);
      const baseRefs = base?.implicit ? objectRefs(base, index) : [e.base];
      return [...baseRefs, ...e.branches.filter((b) => b.type !== 'q_empty').map((b) => b.type)];
    }
    case 'alternate':
      return e.alternatives.map((a) => a.type);
    case 'array':
      return [e.elementType];
    default:
      return [];
  }
}

/** 'FooList' -> 'Foo' (recursively); other names unchanged. */
export function elementName(name: string, index: SchemaIndex): string {
  let t = index.get(name);
  let n = name;
  while (t && t.meta === 'array') {
    n = t.elementType;
    t = index.get(n);
  }
  return n;
}

export function buildSiteSchema(
  model: SchemaModel,
  opts: { label: string; prefix: string; rootDir: string; docsFrom?: BorrowedFrom },
): SiteSchema {
  const index = buildIndex(model);
  const pages = model.entities.filter(hasPage);
  const modules: SiteModule[] = [];
  const moduleOf = new Map<string, SiteModule>();
  const shown = model.modules
    .map((m) => ({ m, entities: m.entities.map((n) => index.get(n)).filter((e): e is Entity => !!e && hasPage(e)) }))
    .filter(({ m, entities }) => entities.length > 0 || m.freeformDocs.length > 0);
  const slugs = moduleSlugs(shown.map(({ m }) => m.name));
  for (const [k, { m, entities }] of shown.entries()) {
    const outline = moduleOutline(m, entities);
    // an introspection is one module, named after the QEMU that described itself
    if (model.origin?.kind === 'introspection' && m.name === INTROSPECTION_MODULE)
      outline.title = introspectionTitle(model.origin);
    const view: SiteModule = { name: m.name, slug: slugs[k]!, title: outline.title, module: m, entities, outline };
    modules.push(view);
    for (const e of entities) moduleOf.set(e.name, view);
  }
  const usedBy = new Map<string, string[]>();
  for (const e of pages) {
    for (const ref of new Set(directRefs(e, index))) {
      if (ref === e.name) continue;
      const list = usedBy.get(ref);
      if (list) list.push(e.name);
      else usedBy.set(ref, [e.name]);
    }
  }
  return {
    ...opts,
    model,
    index,
    events: pages.filter((e) => e.meta === 'event'),
    commands: pages.filter((e) => e.meta === 'command'),
    types: pages.filter((e): e is TypeEntity => pageKind(e) === 'type') as TypeEntity[],
    builtins: model.entities.filter((e): e is TypeEntity => e.meta === 'builtin'),
    modules,
    moduleOf,
    usedBy,
  };
}

/** The anchor of a definition's entry on its module page ("Defined at" links there). */
export function moduleEntryId(name: string): string {
  return `d-${name}`;
}

/** "qapi/vfio.json:123" */
export function definedAt(site: SiteSchema, e: Entity): string | null {
  if (!e.loc) return null;
  return `${site.rootDir ? site.rootDir + '/' : ''}${e.loc.file}:${e.loc.line}`;
}
