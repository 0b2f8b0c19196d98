// Words for issue texts: receives model names and wire values; returns short
// QAPI-flavoured descriptions ("int8 (integer -128..127)", "enum RunState",
// "the data of event STOP", "string \"foo\""); a type whose name QEMU masked
// in its introspection is said by its shape or by where it is used, never by
// its number. Pure functions, no state.
import type { Entity, EnumType, IfCond, SchemaIndex } from '../qapi/model';
import { ANY_QAPI_INTEGER, declaredRange } from './ranges';
import { IntegralFloat } from './wire';
import { quote } from './quote';
import { isMasked, placeOf } from './places';
import type { SelectedBranch } from './walk';

export function describeIf(cond: IfCond): string {
  if (typeof cond === 'string') return cond;
  if ('all' in cond) return cond.all.map(describeIf).join(' and ');
  if ('any' in cond) return '(' + cond.any.map(describeIf).join(' or ') + ')';
  return 'not ' + describeIf(cond.not);
}

const BUILTIN_WORDS = new Map([
  ['str', 'a JSON string'],
  ['bool', 'true or false'],
  ['null', 'null'],
  ['any', 'any JSON value'],
  ['number', 'a JSON number'],
]);

/** e.g. "int8 (integer -128..127)", "enum RunState", "array of str", "struct BlockInfo" */
export function describeType(index: SchemaIndex, name: string): string {
  const builtin = index.get(name);
  if (builtin?.meta === 'builtin' && builtin.anyInteger) {
    const { lo, hi } = ANY_QAPI_INTEGER;
    return `${name} (an integer of some width: QEMU's introspection does not say which, so only ${lo}..${hi} is checked)`;
  }
  const range = declaredRange(name);
  if (range) return `${name} (integer ${range.lo}..${range.hi})`;
  const words = BUILTIN_WORDS.get(name);
  if (words) return `${name} (${words})`;
  const e = index.get(name);
  if (!e) return name;
  const masked = isMasked(e);
  switch (e.meta) {
    case 'array':
      return `array of ${describeType(index, e.elementType)}`;
    case 'enum':
      return masked ? 'an enum value' : `enum ${name}`;
    case 'struct':
      return e.implicit ? 'an object' : `struct ${name}`;
    case 'union':
      return e.implicit ? 'an object' : `union ${name}`;
    case 'alternate':
      return masked ? e.alternatives.map((a) => describeType(index, a.type)).join(' or ') : `alternate ${name}`;
    default:
      return name;
  }
}

/** A union by its name ('union BlockdevOptions'); one whose name QEMU masked, by where it is used. */
export function unionWords(index: SchemaIndex, name: string): string {
  if (!isMasked(index.get(name))) return `union ${name}`;
  return placeOf(index, name) ?? 'a union of this schema';
}

/** Branches shown in a text before "… and N more": a chain of unions may select hundreds. */
const BRANCHES_SHOWN = 3;

/** "branch 'qcow2' of union BlockdevOptions, selected by driver: 'qcow2'; …", for the branches a value selected. */
export function describeBranches(index: SchemaIndex, branches: readonly SelectedBranch[]): string {
  const words = branches
    .slice(0, BRANCHES_SHOWN)
    .map(
      (b) =>
        `branch '${quote(b.value)}' of ${unionWords(index, b.union)}, selected by ${b.discriminator}: '${quote(b.value)}'`,
    );
  const more = branches.length - words.length;
  return words.join('; ') + (more > 0 ? `; … and ${more} more branches` : '');
}

/** Who owns members of an object type, in user terms: implicit argument types name their command or event. */
export function describeOwner(index: SchemaIndex, typeName: string): string {
  const arg = /^q_obj_(.+)-arg$/.exec(typeName);
  if (arg) {
    const user = index.get(arg[1]!);
    if (user?.meta === 'event') return `the data of event ${user.name}`;
    if (user?.meta === 'command') return `the arguments of command ${user.name}`;
  }
  const base = /^q_obj_(.+)-base$/.exec(typeName);
  if (base) return `the base of union ${base[1]}`;
  const e = index.get(typeName);
  if (isMasked(e)) return placeOf(index, typeName) ?? 'an object of this schema';
  if (e?.meta === 'union') return `union ${typeName}`;
  if (e?.meta === 'struct') return `struct ${typeName}`;
  return typeName;
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string')
    return `string ${JSON.stringify(v.slice(0, 40))}${v.length > 40 ? `…, ${v.length} characters` : ''}`;
  if (typeof v === 'boolean') return `boolean ${v}`;
  if (typeof v === 'number' || typeof v === 'bigint') return `number ${v}`;
  if (v instanceof IntegralFloat)
    return `number ${quote(v.text)} (${Number.isFinite(v.value) ? 'a float literal' : "beyond a double's range"})`;
  if (Array.isArray(v)) return 'an array';
  return 'an object';
}

/** "a, b, c (only if CONFIG_X), … and 12 more" */
export function listEnumValues(e: EnumType, max = 24): string {
  const words = e.values.slice(0, max).map((v) => {
    const notes: string[] = [];
    if (v.if !== undefined) notes.push(`only if ${describeIf(v.if)}`);
    for (const f of v.features) if (f.special) notes.push(f.name);
    return notes.length ? `'${v.name}' (${notes.join(', ')})` : `'${v.name}'`;
  });
  return listNames(words, max, e.values.length);
}

/** "a, b, c, … and 12 more": a schema's own names, at most `max` of them (a hostile one may have thousands). */
export function listNames(names: readonly string[], max = 40, total = names.length): string {
  const more = total - Math.min(max, names.length);
  return names.slice(0, max).join(', ') + (more > 0 ? `, … and ${more} more` : '');
}

export function entityWord(e: Entity): string {
  return e.meta === 'builtin' ? 'type' : e.meta;
}
