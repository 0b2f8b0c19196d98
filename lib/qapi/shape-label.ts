// A type by its shape, for schemas whose type names say nothing: QEMU masks
// them in query-qmp-schema ('123'). Receives a schema index and a type name;
// guarantees whether the name is masked and a label that says what the value is: 'object {…}', 'object {…}
// by driver', 'enum of "a" | "b" | … 3 more', 'int | object {…}' (arrays:
// '[…]' of their element). Shared by the pages and the diff's texts.
import type { Entity, SchemaIndex, SchemaModel } from './model';

/** Values of an enum listed in its label before "… N more". */
const ENUM_VALUES_SHOWN = 3;

/** Is this the masked name of a type of an introspected schema (not a builtin, not an array)? */
export function isMaskedType(schema: { model: SchemaModel; index: SchemaIndex }, name: string): boolean {
  if (schema.model.origin?.kind !== 'introspection') return false;
  const t = schema.index.get(name);
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
