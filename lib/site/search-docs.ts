// The static search index: one small document per definition, member, enum
// value, union branch, module and protocol word (lib/site/protocol.ts), and
// per definition only other releases of the site have (where it is instead),
// shipped as a separate JSON file fetched when the search dialog first opens
// (the client builds a MiniSearch index from it, lib/site/search-engine.ts). Receives
// a SiteSchema; guarantees documents with a kind, a name, the owning
// definition, a deep link (path under the version prefix) and a short snippet.
import type { SchemaHistory } from '../diff';
import type { Entity, EnumValue, Feature, Member } from '../qapi/model';
import { memberSince, plainText, sinceOf } from './format';
import { definitionPath, memberPath, modulePath, protocolPath } from './href';
import { PROTOCOL_SECTIONS } from './protocol';
import { hasPage, type SiteSchema } from './site-schema';
import { isMaskedType } from './masked-types';
import { dataType, memberAnchor, memberLayout } from './member-layout';
import type { SearchDoc } from './search-pack';
export { packSearchDocs, unpackSearchDocs, type PackedIndex } from './search-pack';

export type { SearchDoc } from './search-pack';

const SNIPPET = 110;

/** 'd' deprecated, 'u' unstable: what `is:` filters on. */
function flags(features: Feature[]): string | undefined {
  let f = '';
  for (const x of features) if (x.special) f += x.name === 'deprecated' ? 'd' : x.name === 'unstable' ? 'u' : '';
  return f || undefined;
}

/** The steps of the history where a definition was added or changed on the wire (what `changed:` filters on). */
export function changedSteps(history: SchemaHistory | undefined, name: string): number[] | undefined {
  const d = history && Object.hasOwn(history.defs, name) ? history.defs[name] : undefined;
  if (!d) return undefined;
  const steps = new Set(d.at.filter((e) => e.changes.length > 0).map((e) => e.step));
  for (const i of d.in) if (i > 0 && !d.in.includes(i - 1)) steps.add(i - 1);
  return steps.size ? [...steps].sort((a, b) => a - b) : undefined;
}

/** A row of a definition's table (a member or an enum value), found at `anchor` on the definition's page. */
function rowDoc(e: Entity, k: 'member' | 'value', row: Member | EnumValue, anchor: string): Omit<SearchDoc, 'id'> {
  return {
    k,
    n: row.name,
    p: e.name,
    h: memberPath('', e.meta, e.name, anchor),
    t: row.description ? plainText(row.description.text, SNIPPET) : undefined,
    s: memberSince(row.description?.text),
    f: flags(row.features),
  };
}

function definitionDocs(
  site: SiteSchema,
  e: Entity,
  push: (d: Omit<SearchDoc, 'id'>) => void,
  history?: SchemaHistory,
): void {
  const h = definitionPath('', e.meta, e.name);
  const t = e.doc ? plainText(e.doc.body.text, SNIPPET) || undefined : undefined;
  push({ k: e.meta, n: e.name, h, t, s: sinceOf(e), f: flags(e.features), c: changedSteps(history, e.name) });
  if (e.meta === 'enum') {
    for (const v of e.values) push(rowDoc(e, 'value', v, `v-${v.name}`));
    return;
  }
  const obj = dataType(e, site.index);
  if (!obj) return;
  // Union branches, on the union's page and on the page of a command or event carrying it (blockdev-add: qcow2).
  if (obj.meta === 'union') {
    for (const b of obj.branches) {
      if (b.type === 'q_empty') continue;
      // an introspection's type names are masked ('123'): never shown as names
      const t = `${obj.discriminator}: "${b.value}"${isMaskedType(site, b.type) ? '' : `, members of ${b.type}`}`;
      push({ k: 'branch', n: b.value, p: e.name, h: memberPath('', e.meta, e.name, `b-${b.value}`), t });
    }
  }
  // Only members declared here (or in an implicit base): inherited ones are indexed on their own type.
  if (e.meta === 'event' || e.meta === 'command') {
    if (!obj.implicit) return;
  }
  for (const g of memberLayout(obj, site.index).groups) {
    if (g.origin.kind !== 'own') continue;
    for (const m of g.members) push(rowDoc(e, 'member', m, memberAnchor(g, m)));
  }
  if (e.meta === 'alternate') {
    for (const a of e.alternatives)
      push({
        k: 'member',
        n: a.name,
        p: e.name,
        h: memberPath('', e.meta, e.name, `m-${a.name}`),
        t: a.description ? plainText(a.description.text, SNIPPET) : undefined,
      });
  }
}

/** A definition this release lacks, and where it is: the releases (history labels) that have it. */
export interface Elsewhere {
  name: string;
  meta: Entity['meta'];
  labels: string[];
}

/**
 * `history`: the site's history across its releases (lib/site/site-history.ts),
 * when it has several; `elsewhere`: the definitions only other releases have
 * (lib/site/absent.ts), found by search too and leading to this release's
 * page saying where they are.
 */
export function buildSearchDocs(site: SiteSchema, history?: SchemaHistory, elsewhere: Elsewhere[] = []): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const push = (d: Omit<SearchDoc, 'id'>) => {
    const doc: SearchDoc = { id: docs.length, ...d };
    for (const k of ['t', 'p', 's', 'f', 'c', 'w'] as const) if (!doc[k]) delete doc[k];
    docs.push(doc);
  };
  for (const m of site.modules) push({ k: 'module', n: m.title, p: m.name, h: modulePath('', m.slug) });
  for (const s of PROTOCOL_SECTIONS) {
    const t = plainText(s.text[0]!.replace(/`/g, ''), SNIPPET);
    for (const key of s.keys) push({ k: 'protocol', n: key, p: s.title, h: protocolPath('', s.id), t });
  }
  for (const e of site.model.entities) if (hasPage(e)) definitionDocs(site, e, push, history);
  const releases = history?.labels ?? [];
  for (const a of elsewhere) {
    const w = a.labels.map((l) => releases.indexOf(l)).filter((i) => i >= 0);
    if (w.length) push({ k: a.meta, n: a.name, h: definitionPath('', a.meta, a.name), w });
  }
  return docs;
}
