// Documentation-only changes: definitions present in both schemas whose doc
// comment reads differently. Receives both ShapeTables and the wire changes;
// guarantees one DocChange per definition naming the parts that changed, text
// compared without source line numbers or line breaks (a paragraph reflowed
// to a new column limit reads the same), and without the descriptions of
// members that were added or removed (those belong to a wire change).
import type { Doc, Entity } from '../qapi/model';
import type { ShapeTable } from './shape';
import type { Change, DocChange } from './types';

export function compareDocs(ot: ShapeTable, nt: ShapeTable, changes: Change[]): DocChange[] {
  const addedOrRemoved = new Set<string>();
  // members, values, branches, alternatives and features come and go with their descriptions
  for (const c of changes) {
    if (c.item !== undefined && /-(added|removed)$/.test(c.kind)) addedOrRemoved.add(`${c.def}\u0000${c.item}`);
    // a branch comes with a value of the union's tag enum
    const union = c.kind.startsWith('branch-') ? (nt.entity(c.def) ?? ot.entity(c.def)) : undefined;
    if (union?.meta === 'union') addedOrRemoved.add(`${union.tagType}\u0000${c.item}`);
    const feature = c.kind === 'feature-added' ? c.to : c.kind === 'feature-removed' ? c.from : undefined;
    if (feature) addedOrRemoved.add(`${c.def}\u0000feature:${feature}`);
  }
  const out: DocChange[] = [];
  for (const ne of nt.model.entities) {
    if (ne.implicit || ne.meta === 'builtin') continue;
    const oe = ot.entity(ne.name);
    if (!oe || oe.implicit) continue;
    const parts = docParts(oe, ne).filter((p) => !addedOrRemoved.has(`${ne.name}\u0000${p.replace(/^@/, '')}`));
    if (parts.length) out.push({ def: ne.name, meta: ne.meta, parts });
  }
  return out;
}

function docParts(oe: Entity, ne: Entity): string[] {
  const od = oe.doc;
  const nd = ne.doc;
  if (!od || !nd) return od || nd ? ['doc'] : [];
  const parts: string[] = [];
  const differ = (a: string | undefined, b: string | undefined) => a !== b && flat(a) !== flat(b);
  if (differ(od.body.text, nd.body.text)) parts.push('intro');
  for (const name of union(Object.keys(od.args), Object.keys(nd.args))) {
    if (differ(ownText(od.args, name), ownText(nd.args, name))) parts.push(`@${name}`);
  }
  for (const name of union(Object.keys(od.features), Object.keys(nd.features))) {
    if (differ(ownText(od.features, name), ownText(nd.features, name))) parts.push(`feature:${name}`);
  }
  if (differ(od.returns?.text, nd.returns?.text)) parts.push('returns');
  if (differ(od.errors?.text, nd.errors?.text)) parts.push('errors');
  if (differ(od.since, nd.since)) parts.push('since');
  if (differ(otherText(od), otherText(nd))) parts.push('text');
  if (examplesText(od) !== examplesText(nd)) parts.push('examples');
  return parts;
}

/** Text with every run of white space as one space: reflowing is not a change. */
function flat(text: string | undefined): string | undefined {
  return text?.replace(/\s+/g, ' ').trim();
}

/** A member's or feature's description; own keys only ('constructor' is a member name like any other). */
function ownText(texts: Doc['args'], name: string): string | undefined {
  return Object.hasOwn(texts, name) ? texts[name]!.text : undefined;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Plain sections after the intro and TODOs. */
export function otherText(doc: Doc): string {
  return doc.sections
    .slice(1)
    .filter((s) => s.kind === 'plain' || s.kind === 'todo')
    .map((s) => s.text)
    .join('\n\u0000');
}

/** Every example's title and lines. */
export function examplesText(doc: Doc): string {
  return doc.examples.map((e) => `${e.title ?? ''}\n${e.lines.map((l) => l.text).join('\n')}`).join('\n\u0000');
}
