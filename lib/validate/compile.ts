// Model -> zod. Receives the plain SchemaModel index and a direction (command
// input, or QEMU's output: events and replies); guarantees one zod schema per
// QAPI type name, compiled on first use, cached, and safe for recursive types
// (z.lazy). Implements qapi-code-gen "Built-in Types", "Struct types", "Union
// types", "Alternate types" with the wire rules of QAPI-NOTES section 3.
// The schemas only decide pass/fail with paths; explain.ts words the issues
// in QAPI terms, so no messages are built here.
import * as z from 'zod';
import type { AlternateType, Entity, Member, SchemaIndex, StructType, UnionType } from '../qapi/model';
import { IntegralFloat, isInherited, isWireObject, jsonKind, own, withoutPrototype } from './wire';
import { typeRange, type Direction } from './ranges';
import { alternativesByKind } from './walk';

type Shape = Record<string, z.ZodType>;

/** Types compiled inside one another before the rest waits for a value to reach them (z.lazy). */
export const MAX_COMPILE_DEPTH = 64;

/** A member as a union checks it: its schema, and whether it may be absent. */
interface Slot {
  schema: z.ZodType;
  optional: boolean;
}

interface UnionPlan {
  members: Map<string, Slot>;
  /** discriminator value -> branch type */
  branches: Map<string, string>;
}

const isJsonNumber = (v: unknown): boolean =>
  (typeof v === 'number' && Number.isFinite(v)) ||
  typeof v === 'bigint' ||
  (v instanceof IntegralFloat && Number.isFinite(v.value));

function intSchema(lo: bigint, hi: bigint): z.ZodType {
  const nlo = Number(lo);
  const nhi = Number(hi);
  // numbers reaching here have at most 15 characters, so the Number bounds compare exactly
  return z.custom((v) =>
    typeof v === 'number' ? Number.isInteger(v) && v >= nlo && v <= nhi : typeof v === 'bigint' && v >= lo && v <= hi,
  );
}

export class ZodCompiler {
  private readonly cache = new Map<string, z.ZodType>();
  private readonly compiling = new Set<string>();
  private readonly looseCache = new Map<string, z.ZodType>();
  private readonly unionPlans = new Map<string, UnionPlan>();
  private readonly structSlotCache = new Map<string, Map<string, Slot>>();
  /** members compiled so far: each type's once or twice (as a type, as a union's branch), whatever shares them */
  membersCompiled = 0;

  constructor(
    readonly index: SchemaIndex,
    readonly direction: Direction,
  ) {}

  /** The schema for a QAPI type name (builtin, enum, array, struct, union, alternate). */
  typeSchema(name: string): z.ZodType {
    const cached = this.cache.get(name);
    if (cached) return cached;
    // recursion, or a chain of types deeper than the stack should go: compiled when a value gets there
    if (this.compiling.has(name) || this.compiling.size > MAX_COMPILE_DEPTH)
      return z.lazy(() => this.cache.get(name) ?? this.typeSchema(name));
    this.compiling.add(name);
    const schema = this.compile(name);
    this.compiling.delete(name);
    this.cache.set(name, schema);
    return schema;
  }

  /** An object type that also takes members beyond its declared ones (commands with 'gen': false). */
  looseObjectSchema(name: string): z.ZodType {
    const e = this.index.get(name);
    if (e?.meta !== 'struct') return this.typeSchema(name);
    let schema = this.looseCache.get(name);
    if (!schema) this.looseCache.set(name, (schema = z.looseObject(this.membersShape(e.members))));
    return schema;
  }

  private compile(name: string): z.ZodType {
    const e = this.index.get(name);
    if (!e) return z.never();
    return this.compileEntity(e);
  }

  private compileEntity(e: Entity): z.ZodType {
    switch (e.meta) {
      case 'builtin':
        return this.builtin(e.name);
      case 'enum': {
        const values = e.values.map((v) => v.name);
        return values.length ? z.enum(values as [string, ...string[]]) : z.never();
      }
      case 'array':
        return z.array(this.typeSchema(e.elementType));
      case 'struct':
        return this.structSchema(e);
      case 'union':
        return this.unionSchema(e);
      case 'alternate':
        return this.alternateSchema(e);
      default:
        return z.never();
    }
  }

  private builtin(name: string): z.ZodType {
    switch (name) {
      case 'str':
        return z.string();
      case 'bool':
        return z.boolean();
      case 'null':
        return z.null();
      case 'any':
        return z.unknown().refine((v) => v !== undefined);
      case 'number':
        return z.custom(isJsonNumber);
      default: {
        const range = typeRange(this.index, name, this.direction);
        return range ? intSchema(range.lo, range.hi) : z.never();
      }
    }
  }

  private membersShape(members: Member[]): Shape {
    this.membersCompiled += members.length;
    const shape: Shape = {};
    for (const m of members) {
      const s = this.typeSchema(m.type);
      // a conditional member may not exist in this build, so its absence is fine
      shape[m.name] = m.optional || m.if !== undefined ? s.optional() : s;
    }
    return shape;
  }

  private structSchema(e: StructType): z.ZodType {
    return ownMembersOnly(
      z.strictObject(this.membersShape(e.members)),
      e.members.map((m) => m.name),
    );
  }

  /** A union's own members, and the type of each branch by discriminator value: compiled once per union. */
  private unionPlan(u: UnionType): UnionPlan {
    let plan = this.unionPlans.get(u.name);
    if (!plan) {
      plan = { members: this.slots(u.members), branches: new Map(u.branches.map((b) => [b.value, b.type])) };
      this.unionPlans.set(u.name, plan);
    }
    return plan;
  }

  private structSlots(e: StructType): Map<string, Slot> {
    let slots = this.structSlotCache.get(e.name);
    if (!slots) this.structSlotCache.set(e.name, (slots = this.slots(e.members)));
    return slots;
  }

  private slots(members: Member[]): Map<string, Slot> {
    const shape = this.membersShape(members);
    return new Map(
      members.map((m) => [m.name, { schema: shape[m.name]!, optional: m.optional || m.if !== undefined }]),
    );
  }

  /**
   * A flat union: its members, the branch its discriminator selects, and that branch's members (a branch that is
   * itself a union adds its own, and so on), as one strict object. The chain of selected branches is walked when a
   * value is checked, each union's own members compiled once: linear in the schema's size however many unions
   * share a branch, and no deeper on the stack for a chain of 2,000 unions. The issues are those zod gives for a
   * discriminated union of strict objects (invalid_union with the discriminator, members' issues under their key,
   * then unrecognized_keys).
   */
  private unionSchema(u: UnionType): z.ZodType {
    return z.unknown().superRefine((v, ctx) => {
      const issue = (i: object) => ctx.addIssue(i as never);
      if (!isWireObject(v)) return issue({ code: 'invalid_type', expected: 'object', input: v });
      // the members in force, in a strict object's order: the innermost branch's, then each union's own from the
      // outermost (a later one of the same name takes the earlier's value, not its place)
      const levels: Map<string, Slot>[] = [];
      const tags = new Set<string>();
      let branch: Map<string, Slot> | undefined;
      for (let cur: UnionType | undefined = u; cur;) {
        const plan = this.unionPlan(cur);
        levels.push(plan.members);
        tags.add(cur.discriminator);
        const tag = own(v, cur.discriminator);
        const type = typeof tag === 'string' ? plan.branches.get(tag) : undefined;
        if (type === undefined) {
          const { discriminator } = cur;
          const options = [...plan.branches.keys()];
          return issue({ code: 'invalid_union', errors: [], discriminator, options, input: v, path: [discriminator] });
        }
        const bt = this.index.get(type);
        // a union met again (only a hostile schema loops) ends the chain
        cur = bt?.meta === 'union' && !tags.has(bt.discriminator) ? bt : undefined;
        if (bt?.meta === 'struct') branch = this.structSlots(bt);
      }
      const shape = new Map<string, Slot | null>(branch);
      for (const level of levels) for (const [name, slot] of level) shape.set(name, slot);
      // each discriminator selected a branch, so it holds a value of its enum
      for (const tag of tags) shape.set(tag, null);
      for (const [key, slot] of shape) {
        if (!slot) continue;
        const x = own(v, key);
        if (x === undefined) {
          if (!slot.optional) issue({ code: 'invalid_type', expected: 'nonoptional', input: undefined, path: [key] });
          continue;
        }
        const r = slot.schema.safeParse(x);
        if (!r.success) for (const i of r.error.issues) issue({ ...i, path: [key, ...i.path] });
      }
      const unknown = Object.keys(v).filter((k) => !shape.has(k));
      if (unknown.length) issue({ code: 'unrecognized_keys', keys: unknown, input: v });
    });
  }

  /** The JSON kind picks the alternative, which then validates strictly (no fallback to another). */
  private alternateSchema(a: AlternateType): z.ZodType {
    const byKind = alternativesByKind(this.index, a);
    return z.unknown().superRefine((v, ctx) => {
      if (v === undefined) return;
      const kind = jsonKind(v);
      const type = byKind.get(kind);
      if (!type) {
        ctx.addIssue({
          code: 'custom',
          message: `no alternative takes a JSON ${kind}`,
          params: { qapi: 'no-alternative' },
        });
        return;
      }
      const r = this.typeSchema(type).safeParse(v);
      if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ ...issue } as never);
    });
  }
}

/**
 * zod reads members as `input[key]`, which finds `constructor` or `toString` on every object: where a type has
 * members named like those, the value is checked as a copy without a prototype.
 */
function ownMembersOnly(schema: z.ZodType, names: string[]): z.ZodType {
  return names.some(isInherited) ? z.preprocess(withoutPrototype, schema) : schema;
}
