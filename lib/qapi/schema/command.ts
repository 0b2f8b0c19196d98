// Commands and events: port of QAPISchemaCommand and QAPISchemaEvent of QEMU
// scripts/qapi/schema.py (spec: qapi-code-gen.rst "Commands", "Events").
// Receives names, resolved-later type names and flags from QAPISchema.
// Guarantees QEMU's argument/return checks ('boxed' rules, conditional
// arguments, the returns-must-be-an-object rule and its pragma exceptions).
import type { QAPIDoc } from '../doc';
import { QapiError } from '../error';
import type { QAPISourceInfo } from '../source';
import { QAPISchemaArrayType, QAPISchemaDefinition, type QAPISchemaType, type SchemaContext } from './entity';
import type { QAPISchemaFeature, QAPISchemaIfCond } from './member';
import { QAPISchemaObjectType } from './object';
import type { CommandFlags, QAPISchemaVisitor } from './visitor';

/** Resolve and check the 'data' of a command or event (shared wording: "command's 'data'"). */
function checkArgType(
  schema: SchemaContext,
  owner: 'command' | 'event',
  argTypeName: string,
  info: QAPISourceInfo,
  boxed: boolean,
): QAPISchemaObjectType {
  const argType = schema.resolveType(argTypeName, info, `${owner}'s 'data'`);
  if (!(argType instanceof QAPISchemaObjectType)) {
    throw new QapiError(info, `${owner}'s 'data' cannot take ${argType.describe()}`);
  }
  if (argType.branches && !boxed) {
    throw new QapiError(info, `${owner}'s 'data' can take ${argType.describe()} only with 'boxed': true`);
  }
  if (!schema.rules.newerSchemaChecks) return argType;
  argType.check(schema);
  if (argType.hasConditionalMembers() && !boxed) {
    throw new QapiError(info, `conditional ${owner} arguments require 'boxed': true`);
  }
  return argType;
}

/**
 * What commands and events share: arguments named by a type, or the implicit
 * type made of their 'data' (whose doc is the definition's), checked alike.
 */
abstract class QAPISchemaWithArgs extends QAPISchemaDefinition {
  abstract override readonly meta: 'command' | 'event';
  argType: QAPISchemaObjectType | null = null;

  constructor(
    name: string,
    override readonly info: QAPISourceInfo,
    doc: QAPIDoc | null,
    ifcond: QAPISchemaIfCond,
    features: QAPISchemaFeature[],
    readonly argTypeName: string | null,
    readonly boxed: boolean,
  ) {
    super(name, info, doc, ifcond, features);
  }

  override check(schema: SchemaContext): void {
    super.check(schema);
    if (this.argTypeName) {
      this.argType = checkArgType(schema, this.meta, this.argTypeName, this.info, this.boxed);
    }
  }

  override connectDoc(doc?: QAPIDoc | null): void {
    super.connectDoc(doc);
    const d = doc ?? this.doc;
    if (d && this.argType && this.argType.isImplicit()) this.argType.connectDoc(d);
  }
}

export class QAPISchemaCommand extends QAPISchemaWithArgs {
  readonly meta = 'command';
  retType: QAPISchemaType | null = null;

  constructor(
    name: string,
    info: QAPISourceInfo,
    doc: QAPIDoc | null,
    ifcond: QAPISchemaIfCond,
    features: QAPISchemaFeature[],
    argTypeName: string | null,
    readonly retTypeName: string | null,
    readonly flags: CommandFlags,
  ) {
    super(name, info, doc, ifcond, features, argTypeName, flags.boxed);
  }

  override check(schema: SchemaContext): void {
    super.check(schema);
    if (this.retTypeName) {
      const retType = schema.resolveType(this.retTypeName, this.info, "command's 'returns'");
      this.retType = retType;
      if (!this.info.pragma.commandReturnsExceptions.includes(this.name)) {
        const typ = retType instanceof QAPISchemaArrayType ? retType.elementType : retType;
        if (!(typ instanceof QAPISchemaObjectType)) {
          throw new QapiError(this.info, `command's 'returns' cannot take ${retType.describe()}`);
        }
      }
    }
  }

  override connectDoc(doc?: QAPIDoc | null): void {
    super.connectDoc(doc);
    const d = doc ?? this.doc;
    if (d && this.retType && d.rules.stubReturnsSection) d.ensureReturns(this.info);
  }

  visit(visitor: QAPISchemaVisitor): void {
    visitor.visitCommand?.(this.name, this.info, this.ifcond, this.features, this.argType, this.retType, this.flags);
  }
}

export class QAPISchemaEvent extends QAPISchemaWithArgs {
  readonly meta = 'event';

  visit(visitor: QAPISchemaVisitor): void {
    visitor.visitEvent?.(this.name, this.info, this.ifcond, this.features, this.argType, this.boxed);
  }
}
