// The per-type precheck that keeps the hot path fast: receives the model and
// a direction; compiles each QAPI type (lazily, cached, recursion-safe) to a
// plain predicate that is true only when the value certainly passes the zod
// schema of compile.ts WITHOUT any issue, warnings included (no unknown or
// downstream member, no deprecated or unstable member or value). Anything else
// is false and goes to zod, which finds and explains the issues. So the
// predicate may be conservative but never more permissive than zod; a
// differential test (validate-precheck.test.ts) holds it to that.
import type { Entity, Member, SchemaIndex } from '../qapi/model';
import { alternativesByKind } from './walk';
import { MAX_COMPILE_DEPTH } from './compile';
import { typeRange, type Direction } from './ranges';
import { IntegralFloat, isInherited, isWireObject, jsonKind, own } from './wire';

export type Precheck = (v: unknown) => boolean;

interface Layout {
  members: Member[];
  checks: Precheck[];
  required: boolean[];
  /** members named like Object.prototype properties: read as own properties only */
  inherited: boolean[];
  /** a flat union: the discriminator's value picks the type whose layout has the rest of the object */
  dispatch: { discriminator: string; branches: Map<string, string>; layout(type: string): Layout | null } | null;
}

const never: Precheck = () => false;

export class PrecheckCompiler {
  private readonly cache = new Map<string, Precheck>();
  private readonly looseCache = new Map<string, Precheck>();
  private readonly layouts = new Map<string, Layout>();
  /** types being compiled, one inside another */
  private depth = 0;
  /** members laid out so far: each object type's once, whatever shares it */
  membersLaidOut = 0;

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
    // a chain of types deeper than the stack should go: compiled when a value gets there
    if (this.depth > MAX_COMPILE_DEPTH) return (v) => this.check(name)(v);
    let compiled: Precheck | null = null;
    // recursion: the type's own predicate is looked up through this indirection until it exists
    this.cache.set(name, (v) => compiled!(v));
    this.depth++;
    try {
      compiled = this.compile(this.index.get(name));
    } finally {
      this.depth--;
    }
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
    this.membersLaidOut += members.length;
    return {
      members,
      checks: members.map((m) => (m.features.some((f) => f.special) ? never : this.check(m.type))),
      required: members.map((m) => !m.optional && m.if === undefined),
      inherited: members.map((m) => isInherited(m.name)),
      dispatch: null,
    };
  }

  /** A struct's or union's layout, once per type: a branch shared by many unions is laid out once. */
  private objectLayout(e: Entity): Layout {
    let layout = this.layouts.get(e.name);
    if (layout) return layout;
    if (e.meta === 'struct') layout = this.layout(e.members);
    else if (e.meta !== 'union') layout = this.layout([]);
    else {
      layout = this.layout(e.members);
      // branches are laid out when a value selects them, so a chain of unions is no deeper on the stack
      layout.dispatch = {
        discriminator: e.discriminator,
        branches: new Map(e.branches.map((b) => [b.value, b.type])),
        layout: (type) => {
          const t = this.index.get(type);
          return t?.meta === 'struct' || t?.meta === 'union' ? this.objectLayout(t) : null;
        },
      };
    }
    this.layouts.set(e.name, layout);
    return layout;
  }
}

/** Members of the value matched by the layout (each one present and valid), or -1 on any failure. */
function matchLayout(layout: Layout, v: Record<string, unknown>): number {
  let matched = 0;
  let keys = -1;
  // a union's branch continues the same object: one level of the chain per turn, never deeper on the stack
  for (let at: Layout | null = layout, turns = 0; at; turns++) {
    const { members, checks, required } = at;
    for (let i = 0; i < members.length; i++) {
      const name = members[i]!.name;
      const x = at.inherited[i] ? own(v, name) : v[name];
      if (x === undefined) {
        if (required[i]) return -1;
        continue;
      }
      if (!checks[i]!(x)) return -1;
      matched++;
    }
    if (!at.dispatch) break;
    const type = at.dispatch.branches.get(own(v, at.dispatch.discriminator) as string);
    // each union of a chain has its own discriminator among the keys: a longer chain loops (a hostile schema)
    if (type === undefined) return -1;
    if (turns > 64 && turns > (keys < 0 ? (keys = countKeys(v)) : keys)) return -1;
    at = at.dispatch.layout(type);
    if (!at) return -1;
  }
  return matched;
}

function countKeys(v: object): number {
  let n = 0;
  for (const _ in v) n++;
  return n;
}
