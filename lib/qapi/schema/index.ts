// The checked QEMU-style schema entities (port of QEMU scripts/qapi/schema.py),
// split by entity family; QAPISchema in schema.ts ties them together.
export { QAPISchema } from './schema';
export {
  BUILTIN_MODULE_NAME,
  QAPISchemaArrayType,
  QAPISchemaBuiltinType,
  QAPISchemaDefinition,
  QAPISchemaEntity,
  QAPISchemaEnumType,
  QAPISchemaInclude,
  QAPISchemaModule,
  QAPISchemaType,
} from './entity';
export {
  QAPISchemaEnumMember,
  QAPISchemaFeature,
  QAPISchemaIfCond,
  QAPISchemaMember,
  QAPISchemaObjectTypeMember,
  QAPISchemaVariant,
} from './member';
export {
  QAPISchemaAlternateType,
  QAPISchemaAlternatives,
  QAPISchemaBranches,
  QAPISchemaObjectType,
  QAPISchemaVariants,
} from './object';
export { QAPISchemaCommand, QAPISchemaEvent } from './command';
export type { CommandFlags, QAPISchemaVisitor } from './visitor';
