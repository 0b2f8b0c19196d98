// query-qmp-schema's SchemaInfo list -> the plain SchemaModel (model.ts), with
// the semantics of qapi/introspect.json (5.2 … 10.2 agree on it): builtins by
// name and json-type, enums from 'members' (6.2+) or 'values', arrays, objects
// ('tag' + 'variants' make a union), alternates, commands and events whose
// 'arg-type' / 'ret-type' name the empty object when there is nothing.
// Receives the parsed list; guarantees a model the validator and the docs can
// use as they use a tree's (every type name resolves, union branches do not
// nest in a loop), or an IntrospectionFault naming the JSON path at fault.
import type {
  Alternative,
  AlternateType,
  ArrayType,
  BuiltinType,
  Command,
  Entity,
  EnumType,
  EnumValue,
  Event,
  Feature,
  Member,
  StructType,
  UnionType,
} from '../model';
import { isObject, type JsonPath } from './json-scan';

/** A fault in the reply's content, at a path inside the SchemaInfo list. */
export class IntrospectionFault {
  constructor(
    readonly path: JsonPath,
    readonly message: string,
  ) {}
}

/** A string of the reply in a fault's message: a name may be a megabyte long (the message is escaped whole by its reader). */
function named(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…, ${s.length} characters` : s;
}

/** The module every introspected definition belongs to (builtins keep QEMU's './builtin'). */
export const INTROSPECTION_MODULE = 'query-qmp-schema';

/** QAPI's builtin types and the JSON type each is sent as. */
const BUILTIN_JSON_TYPES: Record<string, BuiltinType['jsonType']> = {
  str: 'string',
  number: 'number',
  int: 'int',
  int8: 'int',
  int16: 'int',
  int32: 'int',
  int64: 'int',
  uint8: 'int',
  uint16: 'int',
  uint32: 'int',
  uint64: 'int',
  size: 'int',
  bool: 'boolean',
  null: 'null',
  any: 'value',
};

/**
 * Commands QEMU declares with 'gen': false, taking members beyond their declared
 * ones (device_add takes the device's own properties). Introspection cannot say
 * so; without this, every real device_add would be judged invalid.
 */
const UNDECLARED_ARGUMENTS = new Set(['device_add']);

type Obj = Record<string, unknown>;

class Reader {
  /** every type name used, with where: checked once all definitions are known */
  readonly refs: { name: string; path: JsonPath }[] = [];

  constructor(readonly infos: unknown[]) {}

  fault(path: JsonPath, message: string): never {
    throw new IntrospectionFault(path, message);
  }

  str(o: Obj, key: string, path: JsonPath, optional = false): string | undefined {
    if (!Object.hasOwn(o, key)) return optional ? undefined : this.fault(path, `'${key}' is missing`);
    const v = o[key];
    return typeof v === 'string' ? v : this.fault([...path, key], `'${key}' must be a string`);
  }

  ref(o: Obj, key: string, path: JsonPath): string {
    const name = this.str(o, key, path)!;
    this.refs.push({ name, path: [...path, key] });
    return name;
  }

  list(o: Obj, key: string, path: JsonPath, optional = false): unknown[] {
    if (!Object.hasOwn(o, key)) return optional ? [] : this.fault(path, `'${key}' is missing`);
    const v = o[key];
    return Array.isArray(v) ? v : this.fault([...path, key], `'${key}' must be an array`);
  }

  objects(o: Obj, key: string, path: JsonPath, optional = false): [Obj, JsonPath][] {
    return this.list(o, key, path, optional).map((v, i): [Obj, JsonPath] => {
      const at = [...path, key, i];
      return isObject(v) ? [v, at] : this.fault(at, `'${key}' must hold objects`);
    });
  }

  features(o: Obj, path: JsonPath): Feature[] {
    return this.list(o, 'features', path, true).map((f, i) =>
      typeof f === 'string'
        ? { name: f, special: f === 'deprecated' || f === 'unstable' }
        : this.fault([...path, 'features', i], "'features' must hold strings"),
    );
  }

  member(o: Obj, path: JsonPath, definedIn: string): Member {
    return {
      name: this.str(o, 'name', path)!,
      type: this.ref(o, 'type', path),
      // 'default' (always null so far) is how introspection marks an optional member
      optional: Object.hasOwn(o, 'default'),
      features: this.features(o, path),
      definedIn,
    };
  }

  entity(info: unknown, i: number): Entity {
    const path = [i];
    if (!isObject(info)) this.fault(path, 'a SchemaInfo must be an object');
    const name = this.str(info, 'name', path)!;
    const metaType = this.str(info, 'meta-type', path)!;
    const base = {
      name,
      module: INTROSPECTION_MODULE,
      loc: null,
      features: this.features(info, path),
      implicit: false,
      doc: null,
    };
    switch (metaType) {
      case 'builtin': {
        const jsonType = this.str(info, 'json-type', path)!;
        const expected = Object.hasOwn(BUILTIN_JSON_TYPES, name) ? BUILTIN_JSON_TYPES[name] : undefined;
        if (!expected) this.fault([...path, 'name'], `'${named(name)}' is not a QAPI builtin type`);
        if (jsonType !== expected)
          this.fault([...path, 'json-type'], `builtin '${name}' is sent as '${expected}', not '${named(jsonType)}'`);
        const out: BuiltinType = { ...base, module: './builtin', implicit: true, meta: 'builtin', jsonType: expected };
        // introspection maps every integer type to 'int' (introspect.py _use_type)
        if (name === 'int') out.anyInteger = true;
        return out;
      }
      case 'enum': {
        // 'members' (6.2+) carries features; 'values' is the older, redundant list
        const values: EnumValue[] = Object.hasOwn(info, 'members')
          ? this.objects(info, 'members', path).map(([m, at]) => ({
              name: this.str(m, 'name', at)!,
              features: this.features(m, at),
            }))
          : this.list(info, 'values', path).map((v, k) =>
              typeof v === 'string'
                ? { name: v, features: [] }
                : this.fault([...path, 'values', k], "'values' must hold strings"),
            );
        return { ...base, implicit: isMasked(name), meta: 'enum', values } satisfies EnumType;
      }
      case 'array':
        return {
          ...base,
          implicit: true,
          meta: 'array',
          elementType: this.ref(info, 'element-type', path),
        } satisfies ArrayType;
      case 'object':
        return this.object(info, path, { ...base, implicit: isMasked(name) });
      case 'alternate': {
        const alternatives = this.objects(info, 'members', path).map(([m, at]): Alternative => {
          const type = this.ref(m, 'type', at);
          // introspection drops the alternatives' names; the type stands for one
          return { name: type, type };
        });
        return { ...base, implicit: isMasked(name), meta: 'alternate', alternatives } satisfies AlternateType;
      }
      case 'command': {
        const allowOob = Object.hasOwn(info, 'allow-oob') ? info['allow-oob'] : false;
        if (typeof allowOob !== 'boolean') this.fault([...path, 'allow-oob'], "'allow-oob' must be true or false");
        const out: Command = {
          ...base,
          meta: 'command',
          boxed: false,
          gen: !UNDECLARED_ARGUMENTS.has(name),
          successResponse: true,
          allowOob,
          allowPreconfig: false,
          coroutine: false,
        };
        out.argType = this.ref(info, 'arg-type', path);
        out.returns = this.ref(info, 'ret-type', path);
        return out;
      }
      case 'event': {
        const out: Event = { ...base, meta: 'event', boxed: false };
        out.argType = this.ref(info, 'arg-type', path);
        return out;
      }
      default:
        return this.fault([...path, 'meta-type'], `unknown meta-type '${named(metaType)}'`);
    }
  }

  private object(info: Obj, path: JsonPath, base: Omit<StructType, 'meta' | 'members'>): StructType | UnionType {
    const members = this.objects(info, 'members', path).map(([m, at]) => this.member(m, at, base.name));
    const tag = this.str(info, 'tag', path, true);
    if (tag === undefined) {
      if (Object.hasOwn(info, 'variants')) this.fault([...path, 'variants'], "'variants' without 'tag'");
      return { ...base, meta: 'struct', members };
    }
    const tagMember = members.find((m) => m.name === tag);
    if (!tagMember) this.fault([...path, 'tag'], `the tag '${named(tag)}' is not one of the members`);
    const branches = this.objects(info, 'variants', path).map(([v, at]) => ({
      value: this.str(v, 'case', at)!,
      type: this.ref(v, 'type', at),
    }));
    // introspection flattens the base into 'members' and names no base type
    return { ...base, meta: 'union', base: '', members, discriminator: tag, tagType: tagMember.type, branches };
  }
}

/** QEMU hides type names as integers ('123'); a build with unmasked names shows QEMU's implicit ones as 'q_…'. */
function isMasked(name: string): boolean {
  return /^\d+$/.test(name) || name.startsWith('q_');
}

/**
 * How deep unions may nest through their variants: QEMU's generator fails beyond about 495 levels of unions
 * (lib/qapi/schema/object.ts); every reader of the model (the validator's walk, pages, diff) takes 2,000.
 */
export const MAX_DUMP_UNION_NESTING = 2000;
/**
 * How deep arrays may nest through their element types: QEMU has no arrays of arrays at all, and a diff of a
 * dump with arrays 500 deep takes most of a minute.
 */
export const MAX_DUMP_ARRAY_NESTING = 64;

/** Reads every SchemaInfo; throws IntrospectionFault. */
export function entitiesOf(infos: unknown[]): Entity[] {
  const reader = new Reader(infos);
  const entities: Entity[] = [];
  const byName = new Map<string, Entity>();
  infos.forEach((info, i) => {
    const e = reader.entity(info, i);
    if (byName.has(e.name)) reader.fault([i, 'name'], `'${named(e.name)}' is defined twice`);
    byName.set(e.name, e);
    entities.push(e);
  });
  for (const { name, path } of reader.refs) {
    if (!byName.has(name)) reader.fault(path, `type '${named(name)}' is not defined in the reply`);
  }
  const nesting = new Nesting(reader, byName, entities);
  infos.forEach((_, i) => checkEntity(reader, byName, nesting, entities[i]!, i));
  for (const e of entities) if (e.meta === 'command' || e.meta === 'event') dropEmptyObjects(e, byName);
  return entities;
}

/**
 * How deep each union nests unions through its variants, and each array arrays through its element type, each
 * type walked once (a diamond of unions is not walked once per path): a union whose variants lead back to
 * itself, or an array that contains itself, would make every reader of the model loop, and nesting past
 * the caps below would overflow their stacks.
 */
class Nesting {
  private readonly depth = new Map<Entity, number>();
  private readonly index = new Map<Entity, number>();

  constructor(
    private readonly reader: Reader,
    private readonly byName: Map<string, Entity>,
    entities: Entity[],
  ) {
    entities.forEach((e, i) => this.index.set(e, i));
  }

  /** The types directly below `e` that nest the same way: a union's union variants, an array's array element. */
  private below(e: Entity): Entity[] {
    if (e.meta === 'array') {
      const t = this.byName.get(e.elementType);
      return t?.meta === 'array' ? [t] : [];
    }
    if (e.meta !== 'union') return [];
    const out: Entity[] = [];
    for (const b of e.branches) {
      const t = this.byName.get(b.type);
      if (t?.meta === 'union') out.push(t);
    }
    return out;
  }

  /** Walks `root` depth first without recursion; faults as each type's own check would, at that type. */
  check(root: Entity): void {
    if (this.depth.has(root)) return;
    const onPath = new Set<Entity>([root]);
    const stack: { e: Entity; next: Entity[]; at: number }[] = [{ e: root, next: this.below(root), at: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const child = top.next[top.at++];
      if (child) {
        if (onPath.has(child)) this.cycle(root, child);
        if (this.depth.has(child)) continue;
        onPath.add(child);
        stack.push({ e: child, next: this.below(child), at: 0 });
        continue;
      }
      let d = 1;
      for (const t of top.next) d = Math.max(d, this.depth.get(t)! + 1);
      const union = top.e.meta === 'union';
      const max = union ? MAX_DUMP_UNION_NESTING : MAX_DUMP_ARRAY_NESTING;
      if (d > max) {
        const [at, what] = union ? ['variants', 'unions'] : ['element-type', 'arrays'];
        this.reader.fault([this.index.get(top.e)!, at], `${what} nested more than ${max} deep`);
      }
      this.depth.set(top.e, d);
      onPath.delete(top.e);
      stack.pop();
    }
  }

  private cycle(root: Entity, again: Entity): never {
    const i = this.index.get(root)!;
    if (root.meta === 'array')
      this.reader.fault([i, 'element-type'], `the array '${named(root.name)}' contains itself`);
    this.reader.fault([i, 'variants'], `the variants of '${named(root.name)}' contain '${named(again.name)}' again`);
  }
}

function checkEntity(reader: Reader, byName: Map<string, Entity>, nesting: Nesting, e: Entity, i: number): void {
  if (e.meta === 'union') {
    const tagType = byName.get(e.tagType);
    if (tagType?.meta !== 'enum')
      reader.fault([i, 'tag'], `the tag '${named(e.discriminator)}' must have an enum type`);
    e.branches.forEach((b, k) => {
      const t = byName.get(b.type);
      if (t?.meta !== 'struct' && t?.meta !== 'union')
        reader.fault([i, 'variants', k, 'type'], `variant '${named(b.value)}' must be an object type`);
    });
    nesting.check(e);
  } else if (e.meta === 'array') {
    nesting.check(e);
  } else if (e.meta === 'alternate') {
    // QEMU's rule (qapi-code-gen "Alternate types"): no alternative is itself an alternate
    e.alternatives.forEach((a, k) => {
      if (byName.get(a.type)?.meta === 'alternate')
        reader.fault([i, 'members', k, 'type'], `an alternative of '${named(e.name)}' cannot be an alternate`);
    });
  } else if (e.meta === 'command' || e.meta === 'event') {
    const arg = byName.get(e.argType!);
    if (arg?.meta !== 'struct' && arg?.meta !== 'union')
      reader.fault([i, 'arg-type'], "'arg-type' must name an object type");
  }
}

/** QEMU substitutes its empty object for "no arguments" / "no return value"; the model says none, as a tree's does. */
function dropEmptyObjects(e: Command | Event, byName: Map<string, Entity>): void {
  const isEmpty = (name: string | undefined): boolean => {
    const t = name === undefined ? undefined : byName.get(name);
    return t?.meta === 'struct' && t.members.length === 0;
  };
  if (isEmpty(e.argType)) delete e.argType;
  if (e.meta === 'command' && isEmpty(e.returns)) delete e.returns;
}
