// Model -> zod. Receives the plain SchemaModel index and a direction (command
// input, or QEMU's output: events and replies); guarantees one zod schema per
// QAPI type name, compiled on first use, cached, and safe for recursive types
// (z.lazy). Implements qapi-code-gen "Built-in Types", "Struct types", "Union
// types", "Alternate types" with the wire rules of QAPI-NOTES section 3.
// The schemas only decide pass/fail with paths; explain.ts words the issues
// in QAPI terms, so no messages are built here.
import * as z from 'zod';
import type { AlternateType, Entity, Member, SchemaIndex, StructType, UnionType } from '../qapi/model';
import { IntegralFloat, isInherited, jsonKind, withoutPrototype } from './wire';
import { typeRange, type Direction } from './ranges';
import { alternativesByKind, unionBranches } from './walk';

type Shape = Record<string, z.ZodType>;

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

  constructor(
    readonly index: SchemaIndex,
    readonly direction: Direction,
  ) {}

  /** The schema for a QAPI type name (builtin, enum, array, struct, union, alternate). */
  typeSchema(name: string): z.ZodType {
    const cached = this.cache.get(name);
    if (cached) return cached;
    if (this.compiling.has(name)) return z.lazy(() => this.cache.get(name)!);
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
        return this.unionSchema(e, {});
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

  /** Flat union: one strict object per branch, keyed by the discriminator; a branch that is itself a union nests in the same object. */
  private unionSchema(u: UnionType, outer: Shape): z.ZodType {
    const base = { ...outer, ...this.membersShape(u.members) };
    const options = unionBranches(this.index, u).map((b) => {
      const shape: Shape = { ...base, [u.discriminator]: z.literal(b.value) };
      const bt = b.entity;
      if (bt?.meta === 'union') return this.unionSchema(bt, shape);
      const branchMembers = bt?.meta === 'struct' ? this.membersShape(bt.members) : {};
      return z.strictObject({ ...branchMembers, ...shape });
    });
    const names = [
      u.discriminator,
      ...Object.keys(base),
      ...options.flatMap((o) => ('shape' in o ? Object.keys((o as z.ZodObject).shape) : [])),
    ];
    if (!options.length) return ownMembersOnly(z.strictObject(base), names);
    return ownMembersOnly(
      z.discriminatedUnion(u.discriminator, options as unknown as [z.ZodObject, ...z.ZodObject[]]),
      names,
    );
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
          message: `no alternative of ${a.name} takes a JSON ${kind}`,
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
