// What a type looks like on the wire, name aside. Receives a SchemaModel;
// guarantees, per type name, one memoised WireShape: a scalar (builtin), an
// enum's values, an array's element, an object's members by name (inherited
// ones included, so a member moved into a base is where it was) with its union
// branches, or an alternate's alternatives keyed by the JSON kind that selects
// them (alternative names never reach the wire). '' is the empty object a
// command without arguments or returns, or an event without data, carries.
import type {
  AlternateType,
  Alternative,
  Branch,
  Entity,
  EnumType,
  EnumValue,
  Feature,
  IfCond,
  Member,
  SchemaModel,
  StructType,
  UnionType,
} from '../qapi/model';

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

/** QAPI's 'int' is 'int64' under another name. */
const SCALAR_ALIASES: Record<string, string> = { int: 'int64' };

export class ShapeTable {
  private readonly entities = new Map<string, Entity>();
  private readonly shapes = new Map<string, WireShape>();

  constructor(readonly model: SchemaModel) {
    for (const e of model.entities) this.entities.set(e.name, e);
  }

  entity(name: string): Entity | undefined {
    return this.entities.get(name);
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
    const s = this.shape(name);
    switch (s.kind) {
      case 'scalar': {
        const e = this.entities.get(name);
        return e?.meta === 'builtin' ? e.jsonType : s.name;
      }
      case 'enum':
        return 'string';
      case 'array':
        return 'array';
      case 'object':
        return 'object';
      default:
        return s.kind;
    }
  }

  /**
   * The definition a reader would look up for a change inside this type: the
   * command or event for their implicit argument types, the union for its
   * implicit base, otherwise the type itself.
   */
  owner(name: string): string {
    const e = this.entities.get(name);
    if (!e?.implicit) return name;
    const m = /^q_obj_(.+)-(?:arg|base|wrapper)$/.exec(name);
    return m && this.entities.has(m[1]) ? m[1] : name;
  }

  private build(name: string): WireShape {
    if (name === '') return { kind: 'object', members: new Map(), branches: new Map() };
    const e = this.entities.get(name);
    if (!e) return { kind: 'missing', name };
    switch (e.meta) {
      case 'builtin':
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
      case 'alternate':
        return { kind: 'alternate', def: e, alternatives: new Map(e.alternatives.map((a) => [this.jsonKind(a.type), a])) };
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
  if (typeof cond === 'string') return cond;
  if ('not' in cond) return `not(${condText(cond.not)})`;
  if ('all' in cond) return `all(${cond.all.map(condText).join(', ')})`;
  return `any(${cond.any.map(condText).join(', ')})`;
}

/** The special feature ('deprecated' before 'unstable') a thing carries, if any. */
export function specialFeature(features: Feature[]): 'deprecated' | 'unstable' | undefined {
  if (features.some((f) => f.name === 'deprecated')) return 'deprecated';
  if (features.some((f) => f.name === 'unstable')) return 'unstable';
  return undefined;
}

/** How a type reads in a change's from/to: its name, '[Elem]' for arrays, '{}' for the empty object. */
export function typeLabel(table: ShapeTable, name: string): string {
  if (name === '') return '{}';
  const e = table.entity(name);
  if (e?.meta === 'array') return `[${typeLabel(table, e.elementType)}]`;
  return name;
}
