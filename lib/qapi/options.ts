// Parser options: a release's rules (releases.ts, where every difference
// between QEMU versions lives; release-of.ts chooses the row). Guarantees
// options that make a tree load the way its release's own generator loads
// it; a test may override single rules (the two doc-line lint rules).
import { RELEASES, type ReleaseRules } from './releases';
import { releaseOf } from './release-of';

export type QapiOptions = ReleaseRules;

/** QEMU 10.2's behaviour (the newest release). */
export const DEFAULT_OPTIONS: Readonly<QapiOptions> = RELEASES['10.2'];

/** QEMU 10.0: no doc-line lint, and its own '=' heading checks. */
export const LEGACY_OPTIONS: Readonly<QapiOptions> = RELEASES['10.0'];

/**
 * The rules a load runs with: `options` over their release's row, or, for
 * what they leave open, the row releaseOf chooses from the root's path (the
 * one choice every caller makes; those that talk to a user say its note).
 */
export function resolveOptions(options: Partial<QapiOptions> | undefined, rootFile: string): QapiOptions {
  const base = options?.release ? RELEASES[options.release] : releaseOf(rootFile).rules;
  return options ? { ...base, ...options } : base;
}

/**
 * The rules alone, for a version ('10.0.13') or a path that holds one: for
 * tests and tools that report nothing. What a user runs goes through
 * releaseOf (or node.ts's releaseOfRoot) and says its note.
 */
export function optionsForTree(rootFileOrVersion: string): QapiOptions {
  return { ...releaseOf(rootFileOrVersion).rules };
}
