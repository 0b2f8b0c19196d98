// The per-type precheck that keeps the hot path fast: receives the model and
// a direction; compiles each QAPI type (lazily, cached, recursion-safe) to a
// plain predicate that is true only when the value certainly passes the zod
// schema of compile.ts WITHOUT any issue, warnings included (no unknown or
// downstream member, no deprecated or unstable member or value). Anything else
// is false and goes to zod, which finds and explains the issues. So the
// predicate may be conservative but never more permissive than zod; a
// differential test (validate-precheck.test.ts) holds it to that.
import type { Entity, Member, SchemaIndex } from '../qapi/model';
import { alternativesByKind, unionBranches } from './walk';
import { typeRange, type Direction } from './ranges';
import { IntegralFloat, isInherited, isWireObject, jsonKind, own } from './wire';

export type Precheck = (v: unknown) => boolean;

interface Layout {
  members: Member[];
  checks: Precheck[];
  required: boolean[];
  /** members named like Object.prototype properties: read as own properties only */
  inherited: boolean[];
  /** a flat union: the discriminator's value picks the layout of the rest of the object */
  dispatch: { discriminator: string; branches: Map<string, Layout> } | null;
}

const never: Precheck = () => false;

export class PrecheckCompiler {
  private readonly cache = new Map<string, Precheck>();
  private readonly looseCache = new Map<string, Precheck>();

  constructor(
    readonly index: SchemaIndex,
    readonly direction: Direction,
    /** false: every predicate says "not sure", so zod checks everything */
    readonly enabled = true,
  ) {}

  check(name: string): Precheck {
    if (!this.enabled) return never;
    const cached = this.cache.get(name);
    if (cached) return cached;
    let compiled: Precheck | null = null;
    // recursion: the type's own predicate is looked up through this indirection until it exists
    this.cache.set(name, (v) => compiled!(v));
    compiled = this.compile(this.index.get(name));
    this.cache.set(name, compiled);
    return compiled;
  }

  /** Members beyond the declared ones are allowed (commands with 'gen': false). */
  looseCheck(name: string): Precheck {
    const e = this.index.get(name);
    if (!this.enabled) return never;
    if (e?.meta !== 'struct') return this.check(name);
    let check = this.looseCache.get(name);
    if (!check) {
      const layout = this.layout(e.members);
      check = (v) => isWireObject(v) && matchLayout(layout, v as Record<string, unknown>) >= 0;
      this.looseCache.set(name, check);
    }
    return check;
  }

  private compile(e: Entity | undefined): Precheck {
    if (!e) return never;
    switch (e.meta) {
      case 'builtin':
        return this.builtin(e.name);
      case 'enum': {
        const plain = new Set(e.values.filter((v) => !v.features.some((f) => f.special)).map((v) => v.name));
        return (v) => typeof v === 'string' && plain.has(v);
      }
      case 'array': {
        const item = this.check(e.elementType);
        return (v) => {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
          return true;
        };
      }
      case 'struct':
      case 'union': {
        const layout = this.objectLayout(e);
        return (v) => isWireObject(v) && countKeys(v) === matchLayout(layout, v as Record<string, unknown>);
      }
      case 'alternate': {
        const byKind = new Map<string, Precheck>();
        for (const [kind, type] of alternativesByKind(this.index, e)) byKind.set(kind, this.check(type));
        return (v) => (byKind.get(jsonKind(v)) ?? never)(v);
      }
      default:
        return never;
    }
  }

  private builtin(name: string): Precheck {
    switch (name) {
      case 'str':
        return (v) => typeof v === 'string';
      case 'bool':
        return (v) => typeof v === 'boolean';
      case 'null':
        return (v) => v === null;
      case 'any':
        return (v) => v !== undefined;
      case 'number':
        return (v) =>
          (typeof v === 'number' && Number.isFinite(v)) ||
          typeof v === 'bigint' ||
          (v instanceof IntegralFloat && Number.isFinite(v.value));
    }
    const range = typeRange(this.index, name, this.direction);
    if (!range) return never;
    const lo = Number(range.lo);
    const hi = Number(range.hi);
    // a negative uint64/size on input is valid but worth a warning: leave it to the full check
    const wraps = this.direction === 'input' && range.lo < 0n && (name === 'uint64' || name === 'size');
    const min = wraps ? 0 : lo;
    return (v) =>
      typeof v === 'number'
        ? Number.isInteger(v) && v >= min && v <= hi
        : typeof v === 'bigint' && v >= (wraps ? 0n : range.lo) && v <= range.hi;
  }

  private layout(members: Member[]): Layout {
    return {
      members,
      checks: members.map((m) => (m.features.some((f) => f.special) ? never : this.check(m.type))),
      required: members.map((m) => !m.optional && m.if === undefined),
      inherited: members.map((m) => isInherited(m.name)),
      dispatch: null,
    };
  }

  private objectLayout(e: Entity): Layout {
    if (e.meta === 'struct') return this.layout(e.members);
    if (e.meta !== 'union') return this.layout([]);
    const layout = this.layout(e.members);
    const branches = new Map<string, Layout>();
    for (const b of unionBranches(this.index, e)) branches.set(b.value, this.objectLayout(b.entity ?? e));
    layout.dispatch = { discriminator: e.discriminator, branches };
    return layout;
  }
}

/** Members of the value matched by the layout (each one present and valid), or -1 on any failure. */
function matchLayout(layout: Layout, v: Record<string, unknown>): number {
  let matched = 0;
  const { members, checks, required } = layout;
  for (let i = 0; i < members.length; i++) {
    const name = members[i]!.name;
    const x = layout.inherited[i] ? own(v, name) : v[name];
    if (x === undefined) {
      if (required[i]) return -1;
      continue;
    }
    if (!checks[i]!(x)) return -1;
    matched++;
  }
  if (layout.dispatch) {
    const branch = layout.dispatch.branches.get(own(v, layout.dispatch.discriminator) as string);
    if (!branch) return -1;
    const more = matchLayout(branch, v);
    if (more < 0) return -1;
    matched += more;
  }
  return matched;
}

function countKeys(v: object): number {
  let n = 0;
  for (const _ in v) n++;
  return n;
}
