// The public API of the schema diff (pure: imports only lib/qapi; runs in the browser).
export { diffSchemas } from './diff';
export {
  buildHistory,
  historyOf,
  type Release,
  type SchemaHistory,
  type DefHistory,
  type HistoryEntry,
  type ResolvedStep,
} from './history';
export { splitPath, placeText } from './path';
export { formatDiff, describe, verdictCounts, type DiffFormat, type FormatOptions } from './format';
export { examplesText, otherText } from './docs';
export * from './types';
