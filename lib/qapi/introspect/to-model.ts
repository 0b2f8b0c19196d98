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
  /** unions whose branches are known not to lead back to any union on the way */
  readonly loopFree = new Set<string>();

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
        if (!expected) this.fault([...path, 'name'], `'${name}' is not a QAPI builtin type`);
        if (jsonType !== expected)
          this.fault([...path, 'json-type'], `builtin '${name}' is sent as '${expected}', not '${jsonType}'`);
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
        return this.fault([...path, 'meta-type'], `unknown meta-type '${metaType}'`);
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
    if (!tagMember) this.fault([...path, 'tag'], `the tag '${tag}' is not one of the members`);
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

/** Reads every SchemaInfo; throws IntrospectionFault. */
export function entitiesOf(infos: unknown[]): Entity[] {
  const reader = new Reader(infos);
  const entities: Entity[] = [];
  const byName = new Map<string, Entity>();
  infos.forEach((info, i) => {
    const e = reader.entity(info, i);
    if (byName.has(e.name)) reader.fault([i, 'name'], `'${e.name}' is defined twice`);
    byName.set(e.name, e);
    entities.push(e);
  });
  for (const { name, path } of reader.refs) {
    if (!byName.has(name)) reader.fault(path, `type '${name}' is not defined in the reply`);
  }
  infos.forEach((_, i) => checkEntity(reader, byName, entities[i]!, i));
  for (const e of entities) if (e.meta === 'command' || e.meta === 'event') dropEmptyObjects(e, byName);
  return entities;
}

function checkEntity(reader: Reader, byName: Map<string, Entity>, e: Entity, i: number): void {
  if (e.meta === 'union') {
    const tagType = byName.get(e.tagType);
    if (tagType?.meta !== 'enum') reader.fault([i, 'tag'], `the tag '${e.discriminator}' must have an enum type`);
    e.branches.forEach((b, k) => {
      const t = byName.get(b.type);
      if (t?.meta !== 'struct' && t?.meta !== 'union')
        reader.fault([i, 'variants', k, 'type'], `variant '${b.value}' must be an object type`);
    });
    // a union whose branches lead back to itself would make every reader of the model loop; depth first with a
    // stack of its own, each union explored once (a branch shared by many unions, a chain of 2,000: linear)
    if (reader.loopFree.has(e.name)) return;
    const path = [{ u: e, at: 0 }];
    const onPath = new Set([e.name]);
    while (path.length) {
      const top = path[path.length - 1]!;
      const b = top.u.branches[top.at++];
      if (!b) {
        reader.loopFree.add(top.u.name);
        onPath.delete(top.u.name);
        path.pop();
        continue;
      }
      const t = byName.get(b.type);
      if (t?.meta !== 'union' || reader.loopFree.has(t.name)) continue;
      if (onPath.has(t.name)) reader.fault([i, 'variants'], `the variants of '${e.name}' contain '${t.name}' again`);
      onPath.add(t.name);
      path.push({ u: t, at: 0 });
    }
  } else if (e.meta === 'array') {
    // an array of arrays … of itself has no JSON value of finite depth, and readers of the model would loop
    const seen = new Set([e.name]);
    for (let t = byName.get(e.elementType); t?.meta === 'array'; t = byName.get(t.elementType)) {
      if (seen.has(t.name)) reader.fault([i, 'element-type'], `the array '${e.name}' contains itself`);
      seen.add(t.name);
    }
  } else if (e.meta === 'alternate') {
    // QEMU's rule (qapi-code-gen "Alternate types"): no alternative is itself an alternate
    e.alternatives.forEach((a, k) => {
      if (byName.get(a.type)?.meta === 'alternate')
        reader.fault([i, 'members', k, 'type'], `an alternative of '${e.name}' cannot be an alternate`);
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
