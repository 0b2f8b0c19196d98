// The public API of the QAPI core (pure: no node:fs; see node.ts for disk loading).
export { QapiError } from './error';
export { QAPISourceInfo } from './source';
export { parseSchema, joinIncludePath, type SchemaHost, type QAPIExpression, type QAPIValue } from './parser';
export { checkExprs } from './expr';
export { loadSchema, loadModel } from './load';
export { toModel } from './to-model';
export { dumpSchema } from './dump';
export { cName } from './common';
export { DEFAULT_OPTIONS, LEGACY_OPTIONS, optionsForTree, resolveOptions, type QapiOptions } from './options';
export { RELEASES, releaseFor, type QemuRelease, type ReleaseRules } from './releases';
export * from './schema/index';
export * from './model';
