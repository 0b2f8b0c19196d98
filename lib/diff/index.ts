// The public API of the schema diff (pure: imports only lib/qapi; runs in the browser).
export { diffSchemas } from './diff';
export {
  buildHistory,
  historyOf,
  splitPath,
  type Release,
  type SchemaHistory,
  type DefHistory,
  type HistoryEntry,
  type ResolvedStep,
} from './history';
export { formatDiff, describe, type DiffFormat, type FormatOptions } from './format';
export { examplesText, otherText } from './docs';
export * from './types';
