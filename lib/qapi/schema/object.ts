// Object types (structs, unions, implicit argument/base types) and alternates:
// port of QAPISchemaObjectType, QAPISchemaAlternateType and the variant
// classes (QAPISchemaVariants/Branches/Alternatives) of QEMU
// scripts/qapi/schema.py (spec: qapi-code-gen.rst "Struct types", "Union
// types", "Alternate types"). Receives parts from QAPISchema (schema.ts).
// Guarantees base resolution with cycle detection, members in wire order
// (base first), implicit 'q_empty' branches for uncovered enum values, and
// QEMU's clash and distinguishability checks in QEMU's order; the clashes a
// union's branches bring found in time linear in what they reach (QEMU walks
// every path: 2^22 for 22 levels of union diamonds), and nesting bounded
// where QEMU's own generator runs out of recursion depth.
import { cName } from '../common';
import type { QAPIDoc } from '../doc';
import { QapiError } from '../error';
import type { QAPISourceInfo } from '../source';
import { QAPISchemaEnumType, QAPISchemaType, type SchemaContext } from './entity';
import {
  type QAPISchemaIfCond,
  QAPISchemaVariant,
  type QAPISchemaFeature,
  type QAPISchemaObjectTypeMember,
  type SeenMembers,
} from './member';
import type { QAPISchemaVisitor } from './visitor';

/**
 * How many object types may wait on each other's checks (through 'base' and branches): QEMU's generator fails
 * with RecursionError from about 990 (a chain of bases defined derived first).
 */
export const MAX_OBJECT_NESTING = 1000;
/** How deep unions may nest through their branches: QEMU's generator fails with RecursionError from about 495. */
export const MAX_UNION_NESTING = 500;

export class QAPISchemaObjectType extends QAPISchemaType {
  declare readonly meta: 'struct' | 'union';
  declare base: QAPISchemaObjectType | null;
  /** all members, base members first; set by check() */
  declare members: QAPISchemaObjectTypeMember[];
  declare private checkComplete: boolean;
  declare readonly baseName: string | null;
  declare readonly localMembers: QAPISchemaObjectTypeMember[];
  declare readonly branches: QAPISchemaBranches | null;
  /** a simple union's implicit wrapper type takes its condition from the type it wraps (QEMU ≤ 6.1) */
  declare wrapped: QAPISchemaType | null;
  /** 0 for a struct; 1 + the deepest union among its branches for a union; set by check() */
  declare unionDepth: number;

  constructor(
    name: string,
    info: QAPISourceInfo | null,
    doc: QAPIDoc | null,
    ifcond: QAPISchemaIfCond | undefined,
    features: QAPISchemaFeature[],
    baseName: string | null,
    localMembers: QAPISchemaObjectTypeMember[],
    branches: QAPISchemaBranches | null,
  ) {
    super(name, info, doc, ifcond, features);
    this.meta = branches ? 'union' : 'struct';
    this.base = null;
    this.members = [];
    this.checkComplete = false;
    this.baseName = baseName;
    this.localMembers = localMembers;
    this.branches = branches;
    this.wrapped = null;
    this.unionDepth = 0;
    for (let i = 0; i < localMembers.length; i++) localMembers[i].setDefinedIn(name);
    branches?.setDefinedIn(name);
  }

  override check(schema: SchemaContext): void {
    // Checking recurses into exactly the types whose C struct this one embeds
    // (base and branches), so re-entering an unfinished check means a cycle.
    if (this.checkComplete) return;
    if (this.checked) throw new QapiError(this.info, `object ${this.name} contains itself`);
    const { nesting } = schema;
    if (nesting.objects >= MAX_OBJECT_NESTING) {
      throw new QapiError(
        this.info,
        `object types nested more than ${MAX_OBJECT_NESTING} deep through 'base' and branches`,
      );
    }
    nesting.objects++;
    try {
      this.checkNested(schema);
    } finally {
      nesting.objects--;
    }
  }

  private checkNested(schema: SchemaContext): void {
    super.check(schema);

    const seen: SeenMembers = new Map();
    if (this.baseName) {
      const base = schema.resolveType(this.baseName, this.info, "'base'");
      if (!(base instanceof QAPISchemaObjectType) || base.branches) {
        throw new QapiError(this.info, `'base' requires a struct type, ${base.describe()} isn't`);
      }
      this.base = base;
      base.check(schema);
      // the base's members are distinct (its own check): nothing to report among them
      for (let i = 0; i < base.members.length; i++) seen.set(base.members[i].cName(), base.members[i]);
    }
    for (let i = 0; i < this.localMembers.length; i++) {
      const m = this.localMembers[i];
      m.check(schema);
      m.checkClash(this.info, seen);
    }
    const members = [...seen.values()] as QAPISchemaObjectTypeMember[];

    if (this.branches) {
      const { nesting } = schema;
      if (nesting.unions >= MAX_UNION_NESTING) throw unionsTooDeep(this.info);
      nesting.unions++;
      try {
        this.branches.check(schema, seen);
      } finally {
        nesting.unions--;
      }
      this.branches.checkClash(this.info, seen);
      for (const v of this.branches.variants) {
        if (v.type instanceof QAPISchemaObjectType) this.unionDepth = Math.max(this.unionDepth, v.type.unionDepth + 1);
      }
      if (this.unionDepth > MAX_UNION_NESTING) throw unionsTooDeep(this.info);
    }
    this.members = members;
    this.checkComplete = true;
  }

  override connectDoc(doc?: QAPIDoc | null): void {
    super.connectDoc(doc);
    const d = doc ?? this.doc;
    if (this.base && this.base.isImplicit()) this.base.connectDoc(d);
    for (let i = 0; i < this.localMembers.length; i++) this.localMembers[i].connectDoc(d);
  }

  override isImplicit(): boolean {
    return this.name.startsWith('q_');
  }

  override get ifcond(): QAPISchemaIfCond {
    return this.wrapped ? this.wrapped.ifcond : this.ownIfcond;
  }

  isEmpty(): boolean {
    return this.members.length === 0 && !this.branches;
  }

  hasConditionalMembers(): boolean {
    return this.members.some((m) => m.ifcond.isPresent());
  }

  jsonType(): string {
    return 'object';
  }

  visit(visitor: QAPISchemaVisitor): void {
    visitor.visitObjectType?.(
      this.name,
      this.info,
      this.ifcond,
      this.features,
      this.base,
      this.localMembers,
      this.branches,
      this,
    );
  }
}

export class QAPISchemaVariants {
  /** the discriminator member; for unions set by check() */
  tagMember!: QAPISchemaObjectTypeMember;

  constructor(
    readonly info: QAPISourceInfo,
    readonly variants: QAPISchemaVariant[],
  ) {}

  setDefinedIn(name: string): void {
    for (let i = 0; i < this.variants.length; i++) this.variants[i].setDefinedIn(name);
  }

  check(schema: SchemaContext, _seen: SeenMembers): void {
    for (let i = 0; i < this.variants.length; i++) this.variants[i].check(schema);
  }
}

export class QAPISchemaBranches extends QAPISchemaVariants {
  constructor(
    info: QAPISourceInfo,
    variants: QAPISchemaVariant[],
    readonly tagName: string,
    /** a simple union's implicit 'type' member (QEMU ≤ 6.1); else the tag is looked up by name */
    private readonly simpleTag: QAPISchemaObjectTypeMember | null = null,
  ) {
    super(info, variants);
  }

  override check(schema: SchemaContext, seen: SeenMembers): void {
    if (this.simpleTag) {
      this.tagMember = this.simpleTag;
      this.checkBranches(schema, seen, this.simpleTag.type as QAPISchemaEnumType);
      return;
    }
    const tagMember = seen.get(cName(this.tagName)) as QAPISchemaObjectTypeMember | undefined;
    let base = "'base'";
    if (!tagMember || this.tagName !== tagMember.name) {
      throw new QapiError(this.info, `discriminator '${this.tagName}' is not a member of ${base}`);
    }
    this.tagMember = tagMember;
    const baseType = schema.lookupType(tagMember.definedIn!);
    if (baseType && !baseType.isImplicit()) base = `base type '${tagMember.definedIn}'`;
    const tagType = tagMember.type;
    if (!(tagType instanceof QAPISchemaEnumType)) {
      throw new QapiError(this.info, `discriminator member '${this.tagName}' of ${base} must be of enum type`);
    }
    if (tagMember.optional) {
      throw new QapiError(this.info, `discriminator member '${this.tagName}' of ${base} must not be optional`);
    }
    if (tagMember.ifcond.isPresent()) {
      throw new QapiError(this.info, `discriminator member '${this.tagName}' of ${base} must not be conditional`);
    }
    // enum values without a branch get an empty one
    const cases = new Set(this.variants.map((v) => v.name));
    for (const m of tagType.members) {
      if (!cases.has(m.name)) {
        const v = new QAPISchemaVariant(m.name, this.info, 'q_empty', m.ifcond);
        v.setDefinedIn(tagMember.definedIn!);
        this.variants.push(v);
      }
    }
    this.checkBranches(schema, seen, tagType);
  }

  private checkBranches(schema: SchemaContext, seen: SeenMembers, tagType: QAPISchemaEnumType): void {
    if (this.variants.length === 0) throw new QapiError(this.info, 'union has no branches');
    // QEMU ≤ 8.x: a branch may not be a union itself
    const flatOnly = schema.rules.typeChecks === 'check-type';
    for (const v of this.variants) {
      v.check(schema);
      // union branch names must be enum values (alternates are checked apart)
      if (seen.size > 0) {
        if (!tagType.hasMemberName(v.name)) {
          throw new QapiError(this.info, `branch '${v.name}' is not a value of ${tagType.describe()}`);
        }
        if (!(v.type instanceof QAPISchemaObjectType) || (flatOnly && v.type.branches)) {
          throw new QapiError(this.info, `${v.describe(this.info)} cannot use ${v.type.describe()}`);
        }
        v.type.check(schema);
      }
    }
  }

  /**
   * No member of any branch, or of any branch of a branch…, is named like one of `seen` (the union's own members).
   * QEMU walks each branch with a copy of `seen`, adding the members met on the way, so it also compares the
   * members along each path below; but each branch's own check already did that, so what is left to find is a
   * member named like one of `seen`: the first in QEMU's walk order (members, then branches, depth first), found
   * with each type visited once per union.
   */
  checkClash(info: QAPISourceInfo | null, seen: SeenMembers): void {
    const visited = new Set<QAPISchemaObjectType>();
    const stack = this.variants.map((v) => v.type as QAPISchemaObjectType).reverse();
    while (stack.length) {
      const type = stack.pop()!;
      if (visited.has(type)) continue;
      visited.add(type);
      for (let i = 0; i < type.members.length; i++) {
        const m = type.members[i];
        const other = seen.get(m.cName());
        if (other) throw new QapiError(info, `${m.describe(info)} collides with ${other.describe(info)}`);
      }
      const below = type.branches?.variants ?? [];
      for (let i = below.length - 1; i >= 0; i--) stack.push(below[i].type as QAPISchemaObjectType);
    }
  }
}

function unionsTooDeep(info: QAPISourceInfo | null): QapiError {
  return new QapiError(info, `unions nested more than ${MAX_UNION_NESTING} deep through their branches`);
}

export class QAPISchemaAlternatives extends QAPISchemaVariants {
  constructor(info: QAPISourceInfo, variants: QAPISchemaVariant[], tagMember: QAPISchemaObjectTypeMember) {
    super(info, variants);
    this.tagMember = tagMember;
  }
}

export class QAPISchemaAlternateType extends QAPISchemaType {
  readonly meta = 'alternate';

  constructor(
    name: string,
    info: QAPISourceInfo,
    doc: QAPIDoc | null,
    ifcond: QAPISchemaIfCond | undefined,
    features: QAPISchemaFeature[],
    readonly alternatives: QAPISchemaAlternatives,
  ) {
    super(name, info, doc, ifcond, features);
    alternatives.setDefinedIn(name);
    alternatives.tagMember.setDefinedIn(name);
  }

  override check(schema: SchemaContext): void {
    super.check(schema);
    this.alternatives.tagMember.check(schema);
    this.alternatives.check(schema, new Map());
    // branch names are unrelated to the tag enum, so check name clashes here
    const seen: SeenMembers = new Map();
    const typesSeen = new Map<string, string>();
    for (const v of this.alternatives.variants) {
      v.checkClash(this.info, seen);
      const qtype = v.type.alternateQtype();
      if (!qtype) {
        throw new QapiError(this.info, `${v.describe(this.info)} cannot use ${v.type.describe()}`);
      }
      const conflicting = new Set([qtype]);
      if (qtype === 'QTYPE_QSTRING') {
        if (v.type instanceof QAPISchemaEnumType) {
          for (const m of v.type.members) {
            if (m.name === 'on' || m.name === 'off') conflicting.add('QTYPE_QBOOL');
            if (/^[-+0-9.]/.test(m.name)) conflicting.add('QTYPE_QNUM');
          }
        } else {
          conflicting.add('QTYPE_QNUM');
          conflicting.add('QTYPE_QBOOL');
        }
      }
      for (const qt of conflicting) {
        const other = typesSeen.get(qt);
        if (other !== undefined) {
          throw new QapiError(this.info, `${v.describe(this.info)} can't be distinguished from '${other}'`);
        }
        typesSeen.set(qt, v.name);
      }
    }
  }

  override connectDoc(doc?: QAPIDoc | null): void {
    super.connectDoc(doc);
    const d = doc ?? this.doc;
    for (const v of this.alternatives.variants) v.connectDoc(d);
  }

  jsonType(): string {
    return 'value';
  }

  visit(visitor: QAPISchemaVisitor): void {
    visitor.visitAlternateType?.(this.name, this.info, this.ifcond, this.features, this.alternatives);
  }
}
