// What a type looks like on the wire, name aside. Receives a SchemaModel;
// guarantees, per type name, one memoised WireShape: a scalar (builtin), an
// enum's values, an array's element, an object's members by name (inherited
// ones included, so a member moved into a base is where it was) with its union
// branches, or an alternate's alternatives keyed by the JSON kind that selects
// them (alternative names never reach the wire). '' is the empty object a
// command without arguments or returns, or an event without data, carries.
import {
  alternativeKind,
  type AlternateType,
  type Alternative,
  type Branch,
  type Entity,
  type EnumType,
  type EnumValue,
  type Feature,
  type IfCond,
  type Member,
  type SchemaModel,
  type StructType,
  type UnionType,
} from '../qapi/model';
import { isMaskedType, shapeLabel } from '../qapi/shape-label';

export type WireShape =
  | { kind: 'scalar'; name: string }
  | { kind: 'enum'; def: EnumType; values: Map<string, EnumValue> }
  | { kind: 'array'; element: string }
  | {
      kind: 'object';
      def?: StructType | UnionType;
      members: Map<string, Member>;
      discriminator?: string;
      branches: Map<string, Branch>;
    }
  | { kind: 'alternate'; def: AlternateType; alternatives: Map<string, Alternative> }
  | { kind: 'missing'; name: string };

export const ANY_INTEGER = 'int*';

/** QAPI's 'int' is 'int64' under another name. */
const SCALAR_ALIASES: Record<string, string> = { int: 'int64' };

/** What an introspected model (a running QEMU's query-qmp-schema) carries beyond a tree's. */
interface IntrospectionMarks {
  origin?: { kind?: string };
}

/** Joins an object's name to the members a subset keeps: 'SevInfo\u0001handle,policy'. */
const SUBSET = '\u0001';

export class ShapeTable {
  /** every entity by name */
  readonly index = new Map<string, Entity>();
  private readonly shapes = new Map<string, WireShape>();
  /**
   * A query-qmp-schema reply masks type names ('123'), has its conditions
   * resolved, no doc text, and one 'int' for every integer type.
   */
  readonly masksNames: boolean;

  constructor(readonly model: SchemaModel) {
    for (const e of model.entities) this.index.set(e.name, e);
    this.masksNames = (model as SchemaModel & IntrospectionMarks).origin?.kind === 'introspection';
  }

  /** The named entity (none for a subset: its own features and condition are the whole object's). */
  entity(name: string): Entity | undefined {
    return this.index.get(name);
  }

  /** A type whose name QEMU masked ('123'): never shown, said by its shape or its place instead. */
  isMasked(name: string): boolean {
    return this.masksNames && isMaskedType(this, name);
  }

  /**
   * The object `name` with only the members `keep`, as a type name of its own:
   * the side of a struct that is compared with each branch of a union.
   */
  subset(name: string, keep: string[]): string {
    const sub = `${name}${SUBSET}${keep.join(',')}`;
    if (!this.shapes.has(sub)) {
      const whole = this.shape(name);
      if (whole.kind !== 'object') throw new Error(`subset of ${name}: not an object`);
      const members = new Map([...whole.members].filter(([m]) => keep.includes(m)));
      this.shapes.set(sub, { kind: 'object', def: whole.def, members, branches: new Map() });
    }
    return sub;
  }

  shape(name: string): WireShape {
    let s = this.shapes.get(name);
    if (!s) {
      s = this.build(name);
      this.shapes.set(name, s);
    }
    return s;
  }

  /** The JSON kind that selects a value of this type in an alternate. */
  jsonKind(name: string): string {
    return alternativeKind(this.index.get(name));
  }

  /**
   * The definition a reader would look up for a change inside this type: the
   * command or event for their implicit argument types, the union for its
   * implicit base, otherwise the type itself.
   */
  owner(name: string): string {
    const whole = name.split(SUBSET)[0]!;
    const e = this.index.get(whole);
    if (!e?.implicit) return whole;
    const m = /^q_obj_(.+)-(?:arg|base|wrapper)$/.exec(whole);
    return m && this.index.has(m[1]) ? m[1] : whole;
  }

  private build(name: string): WireShape {
    if (name === '') return { kind: 'object', members: new Map(), branches: new Map() };
    const e = this.index.get(name);
    if (!e) return { kind: 'missing', name };
    switch (e.meta) {
      case 'builtin':
        // an introspected 'int' stands for every integer type
        if ((e as { anyInteger?: boolean }).anyInteger) return { kind: 'scalar', name: ANY_INTEGER };
        return { kind: 'scalar', name: SCALAR_ALIASES[name] ?? name };
      case 'enum':
        return { kind: 'enum', def: e, values: byName(e.values) };
      case 'array':
        return { kind: 'array', element: e.elementType };
      case 'struct':
        return { kind: 'object', def: e, members: byName(e.members), branches: new Map() };
      case 'union':
        return {
          kind: 'object',
          def: e,
          members: byName(e.members),
          discriminator: e.discriminator,
          branches: new Map(e.branches.map((b) => [b.value, b])),
        };
      case 'alternate': {
        const alternatives = new Map(e.alternatives.map((a) => [this.jsonKind(a.type), a]));
        return { kind: 'alternate', def: e, alternatives };
      }
      default:
        // a command or event used as a type cannot pass QEMU's checks; treat as unknown
        return { kind: 'missing', name };
    }
  }
}

function byName<T extends { name: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((x) => [x.name, x]));
}

/** A condition as one canonical string ('' when unconditional), for comparison and display. */
export function condText(cond: IfCond | undefined): string {
  if (cond === undefined) return '';
  if (typeof cond === 'string') return legacyCond(cond);
  if ('not' in cond) return `not(${condText(cond.not)})`;
  if ('all' in cond) return `all(${cond.all.map(condText).join(', ')})`;
  return `any(${cond.any.map(condText).join(', ')})`;
}

/**
 * Before QEMU 6.0 a condition was a C expression: 'defined(X)', joined by
 * '&&' or '||'. Written as today's form, it compares equal to the same
 * condition in a newer tree; any other expression stays as written.
 */
function legacyCond(text: string): string {
  const term = (t: string) => /^defined\((\w+)\)$/.exec(t.trim())?.[1];
  for (const [op, name] of [
    ['||', 'any'],
    ['&&', 'all'],
  ] as const) {
    const terms = text.split(op).map(term);
    if (terms.every((t) => t !== undefined)) return terms.length === 1 ? terms[0]! : `${name}(${terms.join(', ')})`;
  }
  return text;
}

/** The special feature ('deprecated' before 'unstable') a thing carries, if any. */
export function specialFeature(features: Feature[]): 'deprecated' | 'unstable' | undefined {
  if (features.some((f) => f.name === 'deprecated')) return 'deprecated';
  if (features.some((f) => f.name === 'unstable')) return 'unstable';
  return undefined;
}

/** How a type reads in a change's from/to: its name, '[Elem]' for arrays, '{}' for the empty object, a masked one by its shape. */
export function typeLabel(table: ShapeTable, name: string): string {
  if (name === '') return '{}';
  const e = table.entity(name);
  if (e?.meta === 'array') return `[${typeLabel(table, e.elementType)}]`;
  return table.isMasked(name) ? shapeLabel(table.index, name) : name;
}

/** Integer builtins as [min, max] (as numbers: only their order matters). */
const INT_RANGES: Record<string, [number, number]> = {
  int8: [-(2 ** 7), 2 ** 7 - 1],
  int16: [-(2 ** 15), 2 ** 15 - 1],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  uint8: [0, 2 ** 8 - 1],
  uint16: [0, 2 ** 16 - 1],
  uint32: [0, 2 ** 32 - 1],
  uint64: [0, 2 ** 64 - 1],
  size: [0, 2 ** 64 - 1],
};

/**
 * Whether every value of the old type is a value of the new one ('wider'),
 * the reverse ('narrower'), or neither (undefined): an enum's values are
 * strings, a smaller integer range fits a larger one, and QMP's 'number'
 * accepts integers.
 */
/** Two scalars that are the same on the wire (an introspected 'int' is every integer type). */
export function sameScalar(a: string, b: string): boolean {
  return a === b || (a === ANY_INTEGER && b in INT_RANGES) || (b === ANY_INTEGER && a in INT_RANGES);
}

export function valueRange(ot: ShapeTable, o: string, nt: ShapeTable, n: string): 'wider' | 'narrower' | undefined {
  const os = ot.shape(o);
  const ns = nt.shape(n);
  const name = (s: WireShape) => (s.kind === 'scalar' ? s.name : s.kind === 'enum' ? 'enum' : '');
  const contains = (outer: string, inner: string): boolean => {
    if (outer === 'str') return inner === 'enum';
    if (outer === 'number') return inner in INT_RANGES;
    const a = INT_RANGES[outer];
    const b = INT_RANGES[inner];
    return !!a && !!b && a[0] <= b[0] && b[1] <= a[1];
  };
  const [a, b] = [name(os), name(ns)];
  if (!a || !b) return undefined;
  if (a === ANY_INTEGER || b === ANY_INTEGER) return undefined;
  if (contains(b, a)) return 'wider';
  if (contains(a, b)) return 'narrower';
  return undefined;
}
