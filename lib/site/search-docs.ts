// The static search index: one small document per definition, member, enum
// value, union branch, module and protocol word (lib/site/protocol.ts),
// shipped as a separate JSON file fetched when the search dialog first opens
// (the client builds a MiniSearch index from it, lib/site/search-engine.ts). Receives
// a SiteSchema; guarantees documents with a kind, a name, the owning
// definition, a deep link (path under the version prefix) and a short snippet.
import type { Entity } from '../qapi/model';
import { plainText } from './format';
import { definitionPath, memberPath, modulePath, protocolPath } from './href';
import { PROTOCOL_SECTIONS } from './protocol';
import { hasPage, type SiteSchema } from './site-schema';
import { isMaskedType } from './masked-types';
import { dataType, memberAnchor, wireShape } from './wire-shape';
import type { SearchDoc } from './search-pack';
export { packSearchDocs, unpackSearchDocs, type PackedIndex } from './search-pack';

export type { SearchDoc } from './search-pack';

const SNIPPET = 110;

function definitionDocs(site: SiteSchema, e: Entity, push: (d: Omit<SearchDoc, 'id'>) => void): void {
  const h = definitionPath('', e.meta, e.name);
  push({ k: e.meta, n: e.name, h, t: e.doc ? plainText(e.doc.body.text, SNIPPET) || undefined : undefined });
  if (e.meta === 'enum') {
    for (const v of e.values) {
      push({ k: 'value', n: v.name, p: e.name, h: memberPath('', e.meta, e.name, `v-${v.name}`), t: v.description ? plainText(v.description.text, SNIPPET) : undefined });
    }
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
  for (const g of wireShape(obj, site.index).groups) {
    if (g.origin.kind !== 'own') continue;
    for (const m of g.members) {
      push({ k: 'member', n: m.name, p: e.name, h: memberPath('', e.meta, e.name, memberAnchor(g, m)), t: m.description ? plainText(m.description.text, SNIPPET) : undefined });
    }
  }
  if (e.meta === 'alternate') {
    for (const a of e.alternatives) push({ k: 'member', n: a.name, p: e.name, h: memberPath('', e.meta, e.name, `m-${a.name}`), t: a.description ? plainText(a.description.text, SNIPPET) : undefined });
  }
}

export function buildSearchDocs(site: SiteSchema): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const push = (d: Omit<SearchDoc, 'id'>) => {
    const doc: SearchDoc = { id: docs.length, ...d };
    if (!doc.t) delete doc.t;
    if (!doc.p) delete doc.p;
    docs.push(doc);
  };
  for (const m of site.modules) push({ k: 'module', n: m.title, p: m.name, h: modulePath('', m.slug) });
  for (const s of PROTOCOL_SECTIONS) {
    const t = plainText(s.text[0]!.replace(/`/g, ''), SNIPPET);
    for (const key of s.keys) push({ k: 'protocol', n: key, p: s.title, h: protocolPath('', s.id), t });
  }
  for (const e of site.model.entities) if (hasPage(e)) definitionDocs(site, e, push);
  return docs;
}

