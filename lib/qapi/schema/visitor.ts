// The visitor interface over checked entities: port of QAPISchemaVisitor
// (QEMU scripts/qapi/schema.py). QAPISchema.visit() walks modules in
// first-seen order and, within a module, entities in definition order; every
// method is optional, as every method of QEMU's base class is a no-op.
import type { QAPISourceInfo } from '../source';
import type { QAPISchemaArrayType, QAPISchemaEnumType, QAPISchemaType } from './entity';
import type { QAPISchemaEnumMember, QAPISchemaFeature, QAPISchemaIfCond, QAPISchemaObjectTypeMember } from './member';
import type { QAPISchemaAlternatives, QAPISchemaBranches, QAPISchemaObjectType } from './object';

export interface QAPISchemaVisitor {
  visitBegin?(): void;
  visitEnd?(): void;
  visitModule?(name: string): void;
  visitInclude?(name: string, info: QAPISourceInfo | null): void;
  visitBuiltinType?(name: string, info: QAPISourceInfo | null, jsonType: string): void;
  visitEnumType?(
    name: string,
    info: QAPISourceInfo | null,
    ifcond: QAPISchemaIfCond,
    features: QAPISchemaFeature[],
    members: QAPISchemaEnumMember[],
    prefix: string | undefined,
    entity: QAPISchemaEnumType,
  ): void;
  visitArrayType?(
    name: string,
    info: QAPISourceInfo | null,
    ifcond: QAPISchemaIfCond,
    elementType: QAPISchemaType,
    entity: QAPISchemaArrayType,
  ): void;
  visitObjectType?(
    name: string,
    info: QAPISourceInfo | null,
    ifcond: QAPISchemaIfCond,
    features: QAPISchemaFeature[],
    base: QAPISchemaObjectType | null,
    members: QAPISchemaObjectTypeMember[],
    branches: QAPISchemaBranches | null,
    entity: QAPISchemaObjectType,
  ): void;
  visitAlternateType?(
    name: string,
    info: QAPISourceInfo | null,
    ifcond: QAPISchemaIfCond,
    features: QAPISchemaFeature[],
    alternatives: QAPISchemaAlternatives,
  ): void;
  visitCommand?(
    name: string,
    info: QAPISourceInfo | null,
    ifcond: QAPISchemaIfCond,
    features: QAPISchemaFeature[],
    argType: QAPISchemaObjectType | null,
    retType: QAPISchemaType | null,
    flags: CommandFlags,
  ): void;
  visitEvent?(
    name: string,
    info: QAPISourceInfo | null,
    ifcond: QAPISchemaIfCond,
    features: QAPISchemaFeature[],
    argType: QAPISchemaObjectType | null,
    boxed: boolean,
  ): void;
}

export interface CommandFlags {
  gen: boolean;
  successResponse: boolean;
  boxed: boolean;
  allowOob: boolean;
  allowPreconfig: boolean;
  coroutine: boolean;
}
