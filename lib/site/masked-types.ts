// Types whose names QEMU masks in query-qmp-schema ('123'): a page never
// shows such a name as if it were a type's name. Receives a SiteSchema and a
// type name; guarantees whether the name is masked and, for a masked type, a
// label that says what the value is by its shape: 'object {…}', 'enum of
// "a" | "b" | … 3 more', 'int | object {…}' (arrays: '[…]' of their element).
import type { Entity, SchemaIndex } from '../qapi/model';
import type { SiteSchema } from './site-schema';

/** Values of an enum listed in its label before "… N more". */
const ENUM_VALUES_SHOWN = 3;

/** Is this the masked name of a type of an introspected schema (not a builtin, not an array)? */
export function isMaskedType(site: Pick<SiteSchema, 'model' | 'index'>, name: string): boolean {
  if (site.model.origin?.kind !== 'introspection') return false;
  const t = site.index.get(name);
  return !!t && t.implicit && t.meta !== 'builtin' && t.meta !== 'array';
}

/** The label of a type by its shape: masked types never show their name. */
export function shapeLabel(index: SchemaIndex, name: string, depth = 0): string {
  const t = index.get(name);
  if (!t) return name;
  return labelOf(t, index, depth);
}

function labelOf(t: Entity, index: SchemaIndex, depth: number): string {
  switch (t.meta) {
    case 'builtin':
      return t.jsonType;
    case 'array':
      return `[${depth > 1 ? '…' : shapeLabel(index, t.elementType, depth + 1)}]`;
    case 'struct':
      return t.members.length === 0 ? 'object {}' : 'object {…}';
    case 'union':
      // inside an alternate or array, 'by …' would read as part of the outer label
      return depth > 0 ? 'object {…}' : `object {…} by ${t.discriminator}`;
    case 'enum': {
      const shown = t.values.slice(0, ENUM_VALUES_SHOWN).map((v) => `"${v.name}"`);
      const more = t.values.length - shown.length;
      return `enum of ${shown.join(' | ')}${more > 0 ? ` | … ${more} more` : ''}`;
    }
    case 'alternate':
      return depth > 1 ? 'one of …' : t.alternatives.map((a) => shapeLabel(index, a.type, depth + 1)).join(' | ');
    default:
      return t.name;
  }
}

/** What a type's expander opens onto, without naming a masked type: 'members', '12 values', 'alternatives'. */
export function expansionNoun(t: Entity): string {
  switch (t.meta) {
    case 'enum':
      return `${t.values.length} values`;
    case 'alternate':
      return 'alternatives';
    default:
      return 'members';
  }
}

/** 'a' or 'an' before a type as TypeRef shows it ('an object {…}', 'a string' is the caller's usual 'a'). */
export function articleFor(site: Pick<SiteSchema, 'model' | 'index'>, name: string): 'a' | 'an' {
  return isMaskedType(site, name) && /^[aeiou]/.test(shapeLabel(site.index, name)) ? 'an' : 'a';
}
