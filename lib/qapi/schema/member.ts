// Members of definitions: object members, enum values, features, union and
// alternate branches. Port of QAPISchemaIfCond and QAPISchemaMember and its
// subclasses from QEMU scripts/qapi/schema.py (spec: qapi-code-gen.rst
// "Struct types", "Enumeration types", "Features", "Configuring the schema").
// Receives normalised expression parts (expr.ts). Guarantees QEMU's clash
// detection (by C name) and its wording of "<role> '<name>' of <meta> '<X>'".
import { cName } from '../common';
import type { QAPIDoc } from '../doc';
import { QapiError } from '../error';
import type { IfCond } from '../model';
import type { QAPIValue } from '../parser';
import type { QAPISourceInfo } from '../source';
import type { QAPISchemaType } from './entity';

/** Says what refers to a type, for "<what> uses unknown type 'T'" (QEMU passes a callable). */
export interface Describable {
  describe(info: QAPISourceInfo | null): string;
}

/** What members need from the schema while checking (QAPISchema.resolve_type). */
export interface TypeResolver {
  resolveType(name: string, info: QAPISourceInfo | null, what: string | null | Describable): QAPISchemaType;
}

/** Shared by every definition and member without features (never mutated). */
export const NO_FEATURES: QAPISchemaFeature[] = Object.freeze([]) as unknown as QAPISchemaFeature[];

/** An 'if' condition as plain data (checked by expr.ts, so the shape is known). */
export function toIfCond(value: QAPIValue | undefined): IfCond | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  const map = value as Map<string, QAPIValue>;
  if (map.has('not')) return { not: toIfCond(map.get('not'))! };
  if (map.has('all')) return { all: (map.get('all') as QAPIValue[]).map((v) => toIfCond(v)!) };
  return { any: (map.get('any') as QAPIValue[]).map((v) => toIfCond(v)!) };
}

export class QAPISchemaIfCond {
  declare readonly ifcond: IfCond | undefined;
  /** QEMU ≤ 6.1: the list of C preprocessor conditions, all of which must hold */
  declare readonly cStrings: readonly string[] | undefined;

  constructor(ifcond?: IfCond, cStrings?: readonly string[]) {
    this.ifcond = ifcond;
    this.cStrings = cStrings;
  }

  isPresent(): boolean {
    return this.ifcond !== undefined && this.ifcond !== '';
  }
}

/**
 * The condition object for an optional 'if' value; unconditional ones share
 * NO_IFCOND. A list is QEMU ≤ 6.1's list of C conditions (expr-if.ts made
 * every one a list): one condition reads as itself, several as {all: [...]}.
 */
export function ifcondOf(value: QAPIValue | undefined): QAPISchemaIfCond {
  if (value === undefined) return NO_IFCOND;
  if (Array.isArray(value)) {
    const list = value as string[];
    if (list.length === 0) return NO_IFCOND;
    return new QAPISchemaIfCond(list.length === 1 ? list[0] : { all: [...list] }, list);
  }
  return new QAPISchemaIfCond(toIfCond(value));
}

export type SeenMembers = Map<string, QAPISchemaMember>;

/** The condition of everything unconditional (never mutated). */
export const NO_IFCOND = new QAPISchemaIfCond();

// Fields are `declare`d and assigned in constructors: thousands of members are
// built per schema, and class-field initialisers cost a define per field.
// For the same reason loops over members and features index the arrays: a
// one-shot CLI run executes this code in V8's interpreter, where for-of
// allocates an iterator and a result object per step.
export class QAPISchemaMember {
  declare readonly name: string;
  declare readonly info: QAPISourceInfo | null;
  declare readonly ifcond: QAPISchemaIfCond;
  declare definedIn: string | null;
  /** c_name(name), computed once: base members are clash-checked once per user */
  declare private cname: string | null;

  constructor(name: string, info: QAPISourceInfo | null, ifcond?: QAPISchemaIfCond) {
    this.name = name;
    this.info = info;
    this.ifcond = ifcond ?? NO_IFCOND;
    this.definedIn = null;
    this.cname = null;
  }

  /** the word QEMU's messages use for this kind of member */
  get role(): string {
    return 'member';
  }

  setDefinedIn(name: string): void {
    this.definedIn = name;
  }

  /** c_name(name): what members clash by */
  cName(): string {
    return (this.cname ??= cName(this.name));
  }

  /** Members clash when their C names coincide; report on behalf of `info`. */
  checkClash(info: QAPISourceInfo | null, seen: SeenMembers): void {
    const cname = this.cName();
    const other = seen.get(cname);
    if (other) {
      throw new QapiError(info, `${this.describe(info)} collides with ${other.describe(info)}`);
    }
    seen.set(cname, this);
  }

  connectDoc(doc: QAPIDoc | null): void {
    if (doc) doc.connectMember(this);
  }

  /** QEMU's wording, undoing the q_obj_ mangling of implicit types. */
  describe(info: QAPISourceInfo | null): string {
    let role: string = this.role;
    let meta = 'type';
    let definedIn = this.definedIn ?? '';
    if (definedIn.startsWith('q_obj_')) {
      definedIn = definedIn.slice(6);
      if (definedIn.endsWith('-arg')) {
        role = 'parameter';
        meta = 'command';
        definedIn = definedIn.slice(0, -4);
      } else if (definedIn.endsWith('-base')) {
        role = 'base ' + role;
        definedIn = definedIn.slice(0, -5);
      }
    }
    if (definedIn !== info?.defnName) return `${role} '${this.name}' of ${meta} '${definedIn}'`;
    return `${role} '${this.name}'`;
  }
}

export class QAPISchemaFeature extends QAPISchemaMember {
  static readonly SPECIAL_NAMES = ['deprecated', 'unstable'];

  override get role(): string {
    return 'feature';
  }

  isSpecial(): boolean {
    return QAPISchemaFeature.SPECIAL_NAMES.includes(this.name);
  }
}

export function checkFeatureClash(features: QAPISchemaFeature[], info: QAPISourceInfo | null): void {
  if (features.length < 2) return;
  const seen: SeenMembers = new Map();
  for (let i = 0; i < features.length; i++) features[i].checkClash(info, seen);
}

export class QAPISchemaEnumMember extends QAPISchemaMember {
  declare readonly features: QAPISchemaFeature[];

  constructor(
    name: string,
    info: QAPISourceInfo | null,
    ifcond?: QAPISchemaIfCond,
    features: QAPISchemaFeature[] = NO_FEATURES,
  ) {
    super(name, info, ifcond);
    this.features = features;
    for (let i = 0; i < features.length; i++) features[i].setDefinedIn(name);
  }

  override get role(): string {
    return 'value';
  }

  override connectDoc(doc: QAPIDoc | null): void {
    super.connectDoc(doc);
    if (doc) for (let i = 0; i < this.features.length; i++) doc.connectFeature(this.features[i]);
  }
}

/** A value of a simple union's implicit '<Name>Kind' enum (QEMU ≤ 6.1): QEMU calls it a branch. */
export class QAPISchemaSimpleUnionKindValue extends QAPISchemaEnumMember {
  override get role(): string {
    return 'branch';
  }

  override describe(_info: QAPISourceInfo | null): string {
    return `branch '${this.name}'`;
  }
}

export class QAPISchemaObjectTypeMember extends QAPISchemaMember {
  /** set by check() */
  declare type: QAPISchemaType;
  declare readonly typeName: string;
  declare readonly optional: boolean;
  declare readonly features: QAPISchemaFeature[];

  constructor(
    name: string,
    info: QAPISourceInfo,
    typeName: string,
    optional: boolean,
    ifcond?: QAPISchemaIfCond,
    features: QAPISchemaFeature[] = NO_FEATURES,
  ) {
    super(name, info, ifcond);
    this.typeName = typeName;
    this.optional = optional;
    this.features = features;
    for (let i = 0; i < features.length; i++) features[i].setDefinedIn(name);
  }

  check(schema: TypeResolver): void {
    this.type = schema.resolveType(this.typeName, this.info, this);
    checkFeatureClash(this.features, this.info);
  }

  override connectDoc(doc: QAPIDoc | null): void {
    super.connectDoc(doc);
    if (doc) for (let i = 0; i < this.features.length; i++) doc.connectFeature(this.features[i]);
  }
}

/** A union or alternate branch. */
export class QAPISchemaVariant extends QAPISchemaObjectTypeMember {
  constructor(name: string, info: QAPISourceInfo, typeName: string, ifcond: QAPISchemaIfCond) {
    super(name, info, typeName, false, ifcond);
  }

  override get role(): string {
    return 'branch';
  }
}
