// The public API of the patch review (pure: imports lib/qapi, lib/diff and
// lib/validate only; runs in a browser worker as in the CLI).
export { reviewPatch } from './review';
export { formatReview, type ReviewFormat } from './format';
export { RULE_TABLE, RULE_IDS, type RuleInfo } from './rule-table';
export { gitBlobHash } from './blob-hash';
export { SCHEMA_ROOTS } from './patch';
export type * from './types';
