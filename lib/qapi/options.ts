// Parser options: a release's rules (releases.ts, where every difference
// between QEMU versions lives) chosen from a QEMU version or a tree's path.
// Receives a root schema path or a QEMU version string; guarantees options
// that make that version's tree load the way that version's own generator
// loads it. The two doc-line lint rules may be overridden on their own.
import { RELEASES, releaseFor, type ReleaseRules } from './releases';
import { findQemuVersion } from './version';

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

/** "major.minor" of a version string or a path such as ".../qemu/10.0.13/qapi/x.json" (version.ts findQemuVersion). */
export function findVersion(text: string): [number, number] | null {
  const v = findQemuVersion(text);
  return v ? [v.major, v.minor] : null;
}

/**
 * Options for a tree, chosen from a QEMU version ('10.0.13') or a root file path
 * that contains one. Unknown versions get QEMU 10.2's (strictest) behaviour.
 */
export function optionsForTree(rootFileOrVersion: string): QapiOptions {
  const version = findVersion(rootFileOrVersion);
  return { ...RELEASES[version ? releaseFor(version[0], version[1]) : '10.2'] };
}
