// The schema model as shipped to the validator page. Receives a full
// SchemaModel; guarantees a SchemaModel with the same entities, members,
// branches, values and features (everything lib/validate reads) but without
// doc comments and source positions, so the browser downloads the wire rules
// only (10.2.2: about 2.6 MB -> 0.5 MB, 45 KB gzipped), plus the commands' and
// events' `Since:` texts, which "accepted by" quotes. Pure.
import type { Alternative, EnumValue, Entity, Member, SchemaModel } from '../qapi/model';
import { sinceTexts } from '../validate/accepted';
import { definitionPath } from './href';

/** Which docs page a name has on the site: event, command, type, builtin. */
export type PageKindCode = 'e' | 'c' | 't' | 'b';

function noDescription<T extends Member | EnumValue | Alternative>(items: T[]): T[] {
  return items.map((item) => {
    const { description: _drop, ...rest } = item;
    return rest as T;
  });
}

/** An entity without its doc comment, descriptions and source position (and module name). */
export function compactEntity(e: Entity): Entity {
  const out = { ...e, doc: null, loc: null, module: '' } as Entity;
  if (out.meta === 'struct' || out.meta === 'union') out.members = noDescription(out.members);
  if (out.meta === 'enum') out.values = noDescription(out.values);
  if (out.meta === 'alternate') out.alternatives = noDescription(out.alternatives);
  return out;
}

/** The model the validator page fetches: wire rules, and `since` (command or event name -> its Since: text). */
export type ValidatorModel = SchemaModel & { since?: Record<string, string> };

export function compactModel(model: SchemaModel): ValidatorModel {
  return {
    root: model.root.split(/[\\/]/).slice(-2).join('/'),
    modules: [],
    entities: model.entities.map(compactEntity),
    ...(model.origin ? { origin: model.origin } : {}),
    since: sinceTexts([model]),
  };
}

/** Names that have a docs page, and of which kind (mirrors lib/site/site-schema hasPage). */
export function pageKinds(model: SchemaModel): Record<string, PageKindCode> {
  const out: Record<string, PageKindCode> = Object.create(null);
  for (const e of model.entities) {
    if (e.meta === 'builtin') out[e.name] = 'b';
    else if (e.implicit || e.meta === 'array') continue;
    else out[e.name] = e.meta === 'event' ? 'e' : e.meta === 'command' ? 'c' : 't';
  }
  return out;
}

const META_OF_CODE: Record<PageKindCode, Entity['meta']> = { e: 'event', c: 'command', t: 'struct', b: 'builtin' };

/** The site path (no base path) of a name's docs page, or null. */
export function docsPath(prefix: string, kinds: Record<string, PageKindCode>, name: string): string | null {
  const kind = Object.prototype.hasOwnProperty.call(kinds, name) ? kinds[name] : undefined;
  return kind ? definitionPath(prefix, META_OF_CODE[kind], name) : null;
}
