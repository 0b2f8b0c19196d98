// The checked schema: port of class QAPISchema of QEMU scripts/qapi/schema.py
// (spec: qapi-code-gen.rst "Built-in Types", "Implicit types", "Features").
// Receives the expressions and docs of parser.ts after expr.ts checked them.
// Guarantees QEMU's entity list (built-ins, their arrays, q_empty, QType,
// then definitions with implicit types right before their users, include
// entities), QEMU's redefinition errors, the semantic checks of every entity
// in definition order, doc connection and checks, and modules in first-seen order.
import type { QAPIDoc } from '../doc';
import { QapiError } from '../error';
import type { QAPIExpression, QAPIObject, QAPIValue } from '../parser';
import { dirname, normalizePath } from '../paths';
import { RELEASES, type ReleaseRules } from '../releases';
import type { QAPISourceInfo } from '../source';
import { QAPISchemaCommand, QAPISchemaEvent } from './command';
import {
  BUILTIN_MODULE_NAME,
  QAPISchemaArrayType,
  QAPISchemaBuiltinType,
  QAPISchemaDefinition,
  type QAPISchemaEntity,
  QAPISchemaEnumType,
  QAPISchemaInclude,
  QAPISchemaModule,
  QAPISchemaType,
  type BuiltinJsonType,
  type SchemaContext,
} from './entity';
import {
  QAPISchemaEnumMember,
  QAPISchemaFeature,
  QAPISchemaSimpleUnionKindValue,
  ifcondOf,
  NO_FEATURES,
  type Describable,
  type QAPISchemaIfCond,
  QAPISchemaObjectTypeMember,
  QAPISchemaVariant,
} from './member';
import { QAPISchemaAlternateType, QAPISchemaAlternatives, QAPISchemaBranches, QAPISchemaObjectType } from './object';
import type { QAPISchemaVisitor } from './visitor';

const BUILTINS: [string, BuiltinJsonType][] = [
  ['str', 'string'],
  ['number', 'number'],
  ['int', 'int'],
  ['int8', 'int'],
  ['int16', 'int'],
  ['int32', 'int'],
  ['int64', 'int'],
  ['uint8', 'int'],
  ['uint16', 'int'],
  ['uint32', 'int'],
  ['uint64', 'int'],
  ['size', 'int'],
  ['bool', 'boolean'],
  ['any', 'value'],
  ['null', 'null'],
];

const QTYPE_VALUES = ['none', 'qnull', 'qnum', 'qstring', 'qdict', 'qlist', 'qbool'];

/** QEMU allows at most 64 distinct feature names per schema (a 64-bit mask in C). */
const MAX_FEATURES = 64;

/** os.path.relpath(path, start) for the relative or absolute paths a SchemaHost hands out. */
function relativePath(path: string, start: string): string {
  const parts = (p: string) => {
    const n = normalizePath(p);
    return n === '.' ? [] : n.split('/');
  };
  const from = parts(start === '' ? '.' : start);
  const to = parts(path);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const rel = [...new Array<string>(from.length - common).fill('..'), ...to.slice(common)];
  return rel.length ? rel.join('/') : '.';
}

type MemberSpec = QAPIObject; // {'type': T, 'if'?: C, 'features'?: [...]} after expr.ts

export class QAPISchema implements SchemaContext {
  readonly nesting = { objects: 0, unions: 0 };
  readonly entityList: QAPISchemaEntity[] = [];
  private readonly entityDict = new Map<string, QAPISchemaDefinition>();
  /** the types among entityDict (lookups are hot; instanceof on them is not cheap) */
  private readonly typeDict = new Map<string, QAPISchemaType>();
  private readonly moduleDict = new Map<string, QAPISchemaModule>();
  /** first use of each feature name; the special ones come first */
  private readonly featureDict = new Map<string, QAPISchemaFeature>();
  private readonly schemaDir: string;
  private predefining = true;
  theEmptyObjectType!: QAPISchemaObjectType;

  constructor(
    readonly fname: string,
    exprs: QAPIExpression[],
    readonly docs: QAPIDoc[],
    /** the rules of the release whose generator this schema imitates */
    readonly rules: ReleaseRules = RELEASES['10.2'],
  ) {
    for (const f of QAPISchemaFeature.SPECIAL_NAMES) this.featureDict.set(f, new QAPISchemaFeature(f, null));
    this.schemaDir = dirname(fname);
    this.makeModule(BUILTIN_MODULE_NAME);
    this.makeModule(fname);
    this.defPredefineds();
    this.predefining = false;
    this.defExprs(exprs);
    this.check();
  }

  get modules(): QAPISchemaModule[] {
    return [...this.moduleDict.values()];
  }

  features(): QAPISchemaFeature[] {
    return [...this.featureDict.values()];
  }

  private defEntity(ent: QAPISchemaEntity): void {
    this.entityList.push(ent);
  }

  private defDefinition(defn: QAPISchemaDefinition): void {
    if (!defn.info && !this.predefining) throw new Error(`definition ${defn.name} lacks a location`);
    this.defEntity(defn);
    const other = this.entityDict.get(defn.name);
    if (other) {
      if (other.info) {
        const where = new QapiError(other.info, 'previous definition');
        throw new QapiError(defn.info, `'${defn.name}' is already defined\n${String(where)}`);
      }
      throw new QapiError(defn.info, `${other.describe()} is already defined`);
    }
    this.entityDict.set(defn.name, defn);
    if (defn instanceof QAPISchemaType) this.typeDict.set(defn.name, defn);
  }

  lookupEntity(name: string): QAPISchemaDefinition | null {
    return this.entityDict.get(name) ?? null;
  }

  lookupType(name: string): QAPISchemaType | null {
    return this.typeDict.get(name) ?? null;
  }

  resolveType(name: string, info: QAPISourceInfo | null, what: string | null | Describable): QAPISchemaType {
    const typ = this.lookupType(name);
    if (!typ) {
      const text = what !== null && typeof what === 'object' ? what.describe(info) : what;
      throw new QapiError(info, `${text} uses unknown type '${name}'`);
    }
    return typ;
  }

  private readonly moduleNames = new Map<string, string>();

  private moduleName(fname: string): string {
    if (QAPISchemaModule.isSystemModule(fname)) return fname;
    let name = this.moduleNames.get(fname);
    if (name === undefined) {
      name = relativePath(fname, this.schemaDir);
      this.moduleNames.set(fname, name);
    }
    return name;
  }

  private makeModule(fname: string): QAPISchemaModule {
    const name = this.moduleName(fname);
    let mod = this.moduleDict.get(name);
    if (!mod) {
      mod = new QAPISchemaModule(name);
      this.moduleDict.set(name, mod);
    }
    return mod;
  }

  moduleByFname(fname: string): QAPISchemaModule {
    const mod = this.moduleDict.get(this.moduleName(fname));
    if (!mod) throw new Error(`no module for ${fname}`);
    return mod;
  }

  private defPredefineds(): void {
    for (const [name, jsonType] of BUILTINS) {
      this.defDefinition(new QAPISchemaBuiltinType(name, jsonType));
      // every built-in gets its array type, used or not
      this.makeArrayType(name, null);
    }
    this.theEmptyObjectType = new QAPISchemaObjectType('q_empty', null, null, undefined, [], null, [], null);
    this.defDefinition(this.theEmptyObjectType);
    const qtypeValues = QTYPE_VALUES.map((n) => new QAPISchemaEnumMember(n, null));
    this.defDefinition(
      new QAPISchemaEnumType('QType', null, null, undefined, [], qtypeValues, this.rules.qtypePrefix ?? undefined),
    );
  }

  private makeFeatures(features: QAPIValue | undefined, info: QAPISourceInfo | null): QAPISchemaFeature[] {
    if (features === undefined) return NO_FEATURES;
    const specs = features as QAPIObject[];
    for (const f of specs) {
      const name = f.get('name') as string;
      if (!this.featureDict.has(name)) this.featureDict.set(name, new QAPISchemaFeature(name, info));
    }
    return specs.map((f) => new QAPISchemaFeature(f.get('name') as string, info, ifcondOf(f.get('if'))));
  }

  private makeEnumMembers(values: QAPIObject[], info: QAPISourceInfo): QAPISchemaEnumMember[] {
    return values.map(
      (v) =>
        new QAPISchemaEnumMember(
          v.get('name') as string,
          info,
          ifcondOf(v.get('if')),
          this.makeFeatures(v.get('features'), info),
        ),
    );
  }

  private makeArrayType(elementType: string, info: QAPISourceInfo | null): string {
    const name = elementType + 'List'; // user type names may not end in 'List'
    if (!this.lookupType(name)) this.defDefinition(new QAPISchemaArrayType(name, info, elementType));
    return name;
  }

  private makeImplicitObjectType(
    name: string,
    info: QAPISourceInfo,
    ifcond: QAPISchemaIfCond,
    role: 'arg' | 'base',
    members: QAPISchemaObjectTypeMember[],
  ): string | null {
    if (members.length === 0) return null;
    const typeName = `q_obj_${name}-${role}`;
    // an existing one means a duplicate definition, reported by defDefinition later
    if (!this.lookupEntity(typeName)) {
      this.defDefinition(new QAPISchemaObjectType(typeName, info, null, ifcond, [], null, members, null));
    }
    return typeName;
  }

  /** The argument type of a command or event: the type its 'data' names, or the implicit one its members make. */
  private makeArgs(
    name: string,
    data: QAPIValue | undefined,
    info: QAPISourceInfo,
    ifcond: QAPISchemaIfCond,
  ): string | null {
    if (!(data instanceof Map)) return (data as string | undefined) ?? null;
    return this.makeImplicitObjectType(name, info, ifcond, 'arg', this.makeMembers(data, info));
  }

  private makeMember(
    rawName: string,
    typ: QAPIValue,
    ifcond: QAPISchemaIfCond,
    features: QAPIValue | undefined,
    info: QAPISourceInfo,
  ): QAPISchemaObjectTypeMember {
    const optional = rawName.startsWith('*');
    const name = optional ? rawName.slice(1) : rawName;
    const typeName = Array.isArray(typ) ? this.makeArrayType(typ[0] as string, info) : (typ as string);
    return new QAPISchemaObjectTypeMember(name, info, typeName, optional, ifcond, this.makeFeatures(features, info));
  }

  private makeMembers(data: QAPIObject, info: QAPISourceInfo): QAPISchemaObjectTypeMember[] {
    const members: QAPISchemaObjectTypeMember[] = [];
    data.forEach((value, key) => {
      const spec = value as MemberSpec;
      members.push(this.makeMember(key, spec.get('type')!, ifcondOf(spec.get('if')), spec.get('features'), info));
    });
    return members;
  }

  private makeVariant(name: string, typ: QAPIValue, ifcond: QAPISchemaIfCond, info: QAPISourceInfo): QAPISchemaVariant {
    const typeName = Array.isArray(typ) ? this.makeArrayType(typ[0] as string, info) : (typ as string);
    return new QAPISchemaVariant(name, info, typeName, ifcond);
  }

  private makeVariants(data: QAPIObject, info: QAPISourceInfo): QAPISchemaVariant[] {
    return [...data].map(([key, value]) => {
      const spec = value as MemberSpec;
      return this.makeVariant(key, spec.get('type')!, ifcondOf(spec.get('if')), info);
    });
  }

  private defEnumType({ expr, info, doc }: QAPIExpression): void {
    const ifcond = ifcondOf(expr.get('if'));
    const features = this.makeFeatures(expr.get('features'), info);
    this.defDefinition(
      new QAPISchemaEnumType(
        expr.get('enum') as string,
        info,
        doc,
        ifcond,
        features,
        this.makeEnumMembers(expr.get('data') as QAPIObject[], info),
        expr.get('prefix') as string | undefined,
      ),
    );
  }

  private defStructType({ expr, info, doc }: QAPIExpression): void {
    const ifcond = ifcondOf(expr.get('if'));
    const features = this.makeFeatures(expr.get('features'), info);
    const base = expr.get('base') as string | undefined;
    this.defDefinition(
      new QAPISchemaObjectType(
        expr.get('struct') as string,
        info,
        doc,
        ifcond,
        features,
        base ?? null,
        this.makeMembers(expr.get('data') as QAPIObject, info),
        null,
      ),
    );
  }

  private defUnionType({ expr, info, doc }: QAPIExpression): void {
    const name = expr.get('union') as string;
    const ifcond = ifcondOf(expr.get('if'));
    const features = this.makeFeatures(expr.get('features'), info);
    let base = expr.get('base');
    if (base instanceof Map) {
      base = this.makeImplicitObjectType(name, info, ifcond, 'base', this.makeMembers(base, info)) ?? '';
    }
    const discriminator = expr.get('discriminator');
    if (discriminator === undefined && this.rules.simpleUnions) {
      this.defSimpleUnionType(name, expr, info, doc, ifcond, features);
      return;
    }
    const variants = this.makeVariants(expr.get('data') as QAPIObject, info);
    const branches = new QAPISchemaBranches(info, variants, discriminator as string);
    this.defDefinition(
      new QAPISchemaObjectType(name, info, doc, ifcond, features, (base as string) || null, [], branches),
    );
  }

  /**
   * QEMU ≤ 6.1's simple union: each branch wraps its type in an implicit
   * 'q_obj_<Type>-wrapper' struct with one member 'data', and the implicit
   * enum '<Name>Kind' of the branch names is the type of the tag member 'type'.
   */
  private defSimpleUnionType(
    name: string,
    expr: QAPIObject,
    info: QAPISourceInfo,
    doc: QAPIDoc | null,
    ifcond: QAPISchemaIfCond,
    features: QAPISchemaFeature[],
  ): void {
    const variants = [...(expr.get('data') as QAPIObject)].map(([key, value]) => {
      const spec = value as MemberSpec;
      let typ = spec.get('type')!;
      if (Array.isArray(typ)) typ = this.makeArrayType(typ[0] as string, info);
      const wrapped = typ as string;
      const wrapperName = `q_obj_${wrapped}-wrapper`;
      if (!this.lookupEntity(wrapperName)) {
        const data = this.makeMember('data', wrapped, ifcondOf(undefined), undefined, info);
        const wrapper = new QAPISchemaObjectType(wrapperName, info, null, undefined, [], null, [data], null);
        wrapper.wrapped = this.lookupType(wrapped);
        this.defDefinition(wrapper);
      }
      return new QAPISchemaVariant(key, info, wrapperName, ifcondOf(spec.get('if')));
    });
    const kindValues = variants.map((v) => new QAPISchemaSimpleUnionKindValue(v.name, info, v.ifcond));
    const kindName = name + 'Kind';
    const kind = new QAPISchemaEnumType(kindName, info, null, ifcond, [], kindValues, undefined);
    kind.simpleUnionKind = true;
    this.defDefinition(kind);
    const tagMember = new QAPISchemaObjectTypeMember('type', info, kindName, false);
    const branches = new QAPISchemaBranches(info, variants, 'type', tagMember);
    this.defDefinition(new QAPISchemaObjectType(name, info, doc, ifcond, features, null, [tagMember], branches));
  }

  private defAlternateType({ expr, info, doc }: QAPIExpression): void {
    const ifcond = ifcondOf(expr.get('if'));
    const features = this.makeFeatures(expr.get('features'), info);
    const variants = this.makeVariants(expr.get('data') as QAPIObject, info);
    const tagMember = new QAPISchemaObjectTypeMember('type', info, 'QType', false);
    this.defDefinition(
      new QAPISchemaAlternateType(
        expr.get('alternate') as string,
        info,
        doc,
        ifcond,
        features,
        new QAPISchemaAlternatives(info, variants, tagMember),
      ),
    );
  }

  private defCommand({ expr, info, doc }: QAPIExpression): void {
    const name = expr.get('command') as string;
    const ifcond = ifcondOf(expr.get('if'));
    const features = this.makeFeatures(expr.get('features'), info);
    const argTypeName = this.makeArgs(name, expr.get('data'), info, ifcond);
    let rets = expr.get('returns');
    if (Array.isArray(rets)) rets = this.makeArrayType(rets[0] as string, info);
    this.defDefinition(
      new QAPISchemaCommand(name, info, doc, ifcond, features, argTypeName, (rets as string | undefined) ?? null, {
        gen: expr.get('gen') ?? true,
        successResponse: expr.get('success-response') ?? true,
        boxed: expr.get('boxed') ?? false,
        allowOob: expr.get('allow-oob') ?? false,
        allowPreconfig: expr.get('allow-preconfig') ?? false,
        coroutine: expr.get('coroutine') ?? false,
      } as QAPISchemaCommand['flags']),
    );
  }

  private defEvent({ expr, info, doc }: QAPIExpression): void {
    const name = expr.get('event') as string;
    const ifcond = ifcondOf(expr.get('if'));
    const features = this.makeFeatures(expr.get('features'), info);
    const argTypeName = this.makeArgs(name, expr.get('data'), info, ifcond);
    const boxed = (expr.get('boxed') ?? false) as boolean;
    this.defDefinition(new QAPISchemaEvent(name, info, doc, ifcond, features, argTypeName, boxed));
  }

  private defInclude({ expr, info }: QAPIExpression): void {
    this.defEntity(new QAPISchemaInclude(this.makeModule(expr.get('include') as string), info));
  }

  private defExprs(exprs: QAPIExpression[]): void {
    for (let i = 0; i < exprs.length; i++) {
      const e = exprs[i];
      const { expr } = e;
      if (expr.has('enum')) this.defEnumType(e);
      else if (expr.has('struct')) this.defStructType(e);
      else if (expr.has('union')) this.defUnionType(e);
      else if (expr.has('alternate')) this.defAlternateType(e);
      else if (expr.has('command')) this.defCommand(e);
      else if (expr.has('event')) this.defEvent(e);
      else if (expr.has('include')) this.defInclude(e);
    }
  }

  private check(): void {
    const entities = this.entityList;
    const perDefinition = this.rules.docCheckPerDefinition;
    for (let i = 0; i < entities.length; i++) {
      const entity = entities[i];
      entity.check(this);
      entity.connectDoc();
      if (perDefinition && entity instanceof QAPISchemaDefinition) entity.doc?.check();
    }
    for (let i = 0; i < entities.length; i++) entities[i].setModule(this);
    if (!perDefinition) for (let i = 0; i < this.docs.length; i++) this.docs[i].check();

    const features = this.features();
    if (this.rules.newerSchemaChecks && features.length > MAX_FEATURES) {
      throw new QapiError(features[MAX_FEATURES].info, `Maximum of ${MAX_FEATURES} schema features is permitted`);
    }
  }

  visit(visitor: QAPISchemaVisitor): void {
    visitor.visitBegin?.();
    for (const mod of this.moduleDict.values()) mod.visit(visitor);
    visitor.visitEnd?.();
  }
}
