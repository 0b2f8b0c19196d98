// The public API of the QAPI core (pure: no node:fs; see node.ts for disk loading).
export { QapiError } from './error';
export { QAPISourceInfo } from './source';
export { parseSchema, joinIncludePath, type SchemaHost, type QAPIExpression, type QAPIValue } from './parser';
export { checkExprs } from './expr';
export { loadSchema, loadModel } from './load';
export { loadSchemaRoot, loadRootModel, modelOfRoot, type SchemaRoot } from './root';
export { readIntrospection, looksLikeIntrospection } from './introspect/index';
export { toModel } from './to-model';
export { dumpSchema } from './dump';
export { cName } from './common';
export { DEFAULT_OPTIONS, LEGACY_OPTIONS, optionsForTree, resolveOptions, type QapiOptions } from './options';
export * from './schema/index';
export * from './model';
