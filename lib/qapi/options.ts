// Parser options: a release's rules (releases.ts, where every difference
// between QEMU versions lives) chosen from a QEMU version or a tree's path.
// Receives a root schema path or a QEMU version string; guarantees options
// that make that version's tree load the way that version's own generator
// loads it. The two doc-line lint rules may be overridden on their own.
import { RELEASES, releaseFor, type ReleaseRules } from './releases';

export type QapiOptions = ReleaseRules;

/** QEMU 10.2's behaviour (the newest release). */
export const DEFAULT_OPTIONS: Readonly<QapiOptions> = RELEASES['10.2'];

/** QEMU 10.0: no doc-line lint, and its own '=' heading checks. */
export const LEGACY_OPTIONS: Readonly<QapiOptions> = RELEASES['10.0'];

export function resolveOptions(options?: Partial<QapiOptions>): QapiOptions {
  if (!options) return DEFAULT_OPTIONS;
  const base = options.release ? RELEASES[options.release] : DEFAULT_OPTIONS;
  return { ...base, ...options };
}

/** Extract "major.minor" from a version string or a path such as ".../qemu/10.0.13/qapi/x.json". */
export function findVersion(text: string): [number, number] | null {
  const m = /(?:^|[^0-9.])(\d{1,3})\.(\d{1,3})(?:\.\d+)?(?:[^0-9.]|$)/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * Options for a tree, chosen from a QEMU version ('10.0.13') or a root file path
 * that contains one. Unknown versions get QEMU 10.2's (strictest) behaviour.
 */
export function optionsForTree(rootFileOrVersion: string): QapiOptions {
  const version = findVersion(rootFileOrVersion);
  return { ...RELEASES[version ? releaseFor(version[0], version[1]) : '10.2'] };
}
