// Schema entities other than object types: port of QAPISchemaEntity,
// QAPISchemaDefinition, QAPISchemaInclude, QAPISchemaType and the built-in,
// enum and array types of QEMU scripts/qapi/schema.py (spec: qapi-code-gen.rst
// "Built-in Types", "Enumeration types", "Array types", "Include directives").
// Receives names and normalised parts from QAPISchema (schema.ts). Guarantees
// QEMU's per-entity checks, doc connection and module assignment.
import type { QAPIDoc } from '../doc';
import { QapiError } from '../error';
import type { ReleaseRules } from '../releases';
import type { QAPISourceInfo } from '../source';
import {
  checkFeatureClash,
  NO_FEATURES,
  NO_IFCOND,
  type QAPISchemaIfCond,
  type QAPISchemaEnumMember,
  type QAPISchemaFeature,
  type SeenMembers,
  type TypeResolver,
} from './member';
import type { QAPISchemaVisitor } from './visitor';

export const BUILTIN_MODULE_NAME = './builtin';

/** What entities need from QAPISchema while checking and placing themselves. */
export interface SchemaContext extends TypeResolver {
  readonly rules: ReleaseRules;
  lookupType(name: string): QAPISchemaType | null;
  moduleByFname(fname: string): QAPISchemaModule;
  /** object types whose checks are in progress (each waits on its base or a branch), and unions among them */
  readonly nesting: { objects: number; unions: number };
}

export class QAPISchemaModule {
  readonly entities: QAPISchemaEntity[] = [];

  constructor(readonly name: string) {}

  static isSystemModule(name: string): boolean {
    return name.startsWith('./');
  }

  visit(visitor: QAPISchemaVisitor): void {
    visitor.visitModule?.(this.name);
    for (const entity of this.entities) entity.visit(visitor);
  }
}

// Fields are `declare`d and assigned in constructors, as in member.ts; loops
// over members and features index arrays for the reason given there.
export abstract class QAPISchemaEntity {
  /** the definition's location; null for built-ins; for implicit types, the user that caused them */
  declare readonly info: QAPISourceInfo | null;
  declare module: QAPISchemaModule | null;
  declare protected checked: boolean;

  constructor(info: QAPISourceInfo | null) {
    this.info = info;
    this.module = null;
    this.checked = false;
  }

  check(_schema: SchemaContext): void {
    this.checked = true;
  }

  connectDoc(_doc?: QAPIDoc | null): void {}

  protected placeInModule(schema: SchemaContext, info: QAPISourceInfo | null): void {
    this.module = schema.moduleByFname(info ? info.fname : BUILTIN_MODULE_NAME);
    this.module.entities.push(this);
  }

  setModule(schema: SchemaContext): void {
    this.placeInModule(schema, this.info);
  }

  abstract visit(visitor: QAPISchemaVisitor): void;
}

export class QAPISchemaInclude extends QAPISchemaEntity {
  constructor(
    readonly subModule: QAPISchemaModule,
    info: QAPISourceInfo,
  ) {
    super(info);
  }

  visit(visitor: QAPISchemaVisitor): void {
    visitor.visitInclude?.(this.subModule.name, this.info);
  }
}

export abstract class QAPISchemaDefinition extends QAPISchemaEntity {
  abstract readonly meta: string;
  declare readonly name: string;
  declare readonly doc: QAPIDoc | null;
  declare readonly features: QAPISchemaFeature[];
  declare protected readonly ownIfcond: QAPISchemaIfCond;

  constructor(
    name: string,
    info: QAPISourceInfo | null,
    doc: QAPIDoc | null,
    ifcond?: QAPISchemaIfCond,
    features: QAPISchemaFeature[] = NO_FEATURES,
  ) {
    super(info);
    this.name = name;
    this.doc = doc;
    for (let i = 0; i < features.length; i++) features[i].setDefinedIn(name);
    this.ownIfcond = ifcond ?? NO_IFCOND;
    this.features = features;
  }

  override check(schema: SchemaContext): void {
    super.check(schema);
    checkFeatureClash(this.features, this.info);
  }

  override connectDoc(doc?: QAPIDoc | null): void {
    const d = doc ?? this.doc;
    if (d) for (let i = 0; i < this.features.length; i++) d.connectFeature(this.features[i]);
  }

  get ifcond(): QAPISchemaIfCond {
    return this.ownIfcond;
  }

  isImplicit(): boolean {
    return !this.info;
  }

  describe(): string {
    return `${this.meta} '${this.name}'`;
  }
}

const JSON_TO_QTYPE: Record<string, string> = {
  null: 'QTYPE_QNULL',
  string: 'QTYPE_QSTRING',
  number: 'QTYPE_QNUM',
  int: 'QTYPE_QNUM',
  boolean: 'QTYPE_QBOOL',
  array: 'QTYPE_QLIST',
  object: 'QTYPE_QDICT',
};

export abstract class QAPISchemaType extends QAPISchemaDefinition {
  abstract jsonType(): string;

  /** The QType an alternate dispatches on; null when the type can't be an alternative. */
  alternateQtype(): string | null {
    return JSON_TO_QTYPE[this.jsonType()] ?? null;
  }

  override check(schema: SchemaContext): void {
    super.check(schema);
    const special = schema.rules.specialFeatures;
    for (const feat of this.features) {
      if (special.includes(feat.name)) {
        throw new QapiError(this.info, `feature '${feat.name}' is not supported for types`);
      }
    }
  }

  override describe(): string {
    return `${this.meta} type '${this.name}'`;
  }
}

export type BuiltinJsonType = 'string' | 'number' | 'int' | 'boolean' | 'null' | 'value';

export class QAPISchemaBuiltinType extends QAPISchemaType {
  readonly meta = 'built-in';

  constructor(
    name: string,
    readonly builtinJsonType: BuiltinJsonType,
  ) {
    super(name, null, null);
  }

  jsonType(): string {
    return this.builtinJsonType;
  }

  visit(visitor: QAPISchemaVisitor): void {
    visitor.visitBuiltinType?.(this.name, this.info, this.builtinJsonType);
  }
}

export class QAPISchemaEnumType extends QAPISchemaType {
  readonly meta = 'enum';
  private memberNameSet: Set<string> | null = null;
  /** the implicit '<Name>Kind' enum of a simple union (QEMU ≤ 6.1) */
  simpleUnionKind = false;

  constructor(
    name: string,
    info: QAPISourceInfo | null,
    doc: QAPIDoc | null,
    ifcond: QAPISchemaIfCond | undefined,
    features: QAPISchemaFeature[],
    readonly members: QAPISchemaEnumMember[],
    readonly prefix: string | undefined,
  ) {
    super(name, info, doc, ifcond, features);
    for (let i = 0; i < members.length; i++) members[i].setDefinedIn(name);
  }

  override check(schema: SchemaContext): void {
    super.check(schema);
    const seen: SeenMembers = new Map();
    for (let i = 0; i < this.members.length; i++) this.members[i].checkClash(this.info, seen);
  }

  override connectDoc(doc?: QAPIDoc | null): void {
    super.connectDoc(doc);
    const d = doc ?? this.doc;
    for (let i = 0; i < this.members.length; i++) this.members[i].connectDoc(d);
  }

  override isImplicit(): boolean {
    // the one predefined enum, QType, and simple unions' Kind enums
    return this.name === 'QType' || this.simpleUnionKind;
  }

  hasMemberName(name: string): boolean {
    this.memberNameSet ??= new Set(this.members.map((m) => m.name));
    return this.memberNameSet.has(name);
  }

  jsonType(): string {
    return 'string';
  }

  visit(visitor: QAPISchemaVisitor): void {
    visitor.visitEnumType?.(this.name, this.info, this.ifcond, this.features, this.members, this.prefix, this);
  }
}

export class QAPISchemaArrayType extends QAPISchemaType {
  readonly meta = 'array';
  /** set by check() */
  elementType!: QAPISchemaType;

  constructor(
    name: string,
    info: QAPISourceInfo | null,
    readonly elementTypeName: string,
  ) {
    super(name, info, null);
  }

  override check(schema: SchemaContext): void {
    super.check(schema);
    this.elementType = schema.resolveType(this.elementTypeName, this.info, this.info?.defnMeta ?? null);
  }

  override setModule(schema: SchemaContext): void {
    // an array lives in its element type's module
    this.placeInModule(schema, this.elementType.info);
  }

  override get ifcond(): QAPISchemaIfCond {
    return this.elementType.ifcond;
  }

  override isImplicit(): boolean {
    return true;
  }

  jsonType(): string {
    return 'array';
  }

  visit(visitor: QAPISchemaVisitor): void {
    visitor.visitArrayType?.(this.name, this.info, this.ifcond, this.elementType, this);
  }

  override describe(): string {
    return `${this.meta} type ['${this.elementTypeName}']`;
  }
}
