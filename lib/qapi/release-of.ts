// Which release's rules (releases.ts) read a tree, and why. Receives what is
// known of the tree's QEMU version: a version the user gave, the text of the
// tree's VERSION file, its path; guarantees the rules of the first of these
// that names a version (in that order), the version and where it came from,
// and a note whenever the rules are not those of that very release: a version
// that is not one of the verified releases, or no version at all (then the
// newest verified release's rules). Callers that talk to a user print the note.
import { RELEASES, releaseFor, type QemuRelease, type ReleaseRules } from './releases';
import { findQemuVersion, isDevelopmentVersion, majorMinor } from './version';

export interface ReleaseChoice {
  rules: ReleaseRules;
  /** the version found ('10.2.2', '9.2.0'), or null */
  version: string | null;
  /** where the version was found */
  from: 'option' | 'VERSION file' | 'path' | null;
  /** why these rules, when they are not simply those of the version found; null when they are */
  note: string | null;
}

export interface VersionEvidence {
  /** a version the user gave (--qemu-version) */
  option?: string;
  /** the text of the tree's VERSION file, as QEMU's source tree has one */
  versionFile?: string | null;
  /** the tree's root file, whose path may name a release ('.../qemu/10.0.13/qapi/qapi-schema.json') */
  path?: string;
}

const FROM = { option: 'as given', 'VERSION file': 'from its VERSION file', path: 'from its path' } as const;
const NEWEST = Object.keys(RELEASES).at(-1) as QemuRelease;
const VERIFIED = Object.keys(RELEASES).join(', ');

export function releaseOf(evidence: VersionEvidence | string): ReleaseChoice {
  const { option, versionFile, path } = typeof evidence === 'string' ? { path: evidence } : evidence;
  const sources = [
    ['option', option],
    ['VERSION file', versionFile],
    ['path', path],
  ] as const;
  for (const [from, text] of sources) {
    const v = text ? findQemuVersion(text) : null;
    if (!v) continue;
    const release = releaseFor(v.major, v.minor);
    const version = `${v.major}.${v.minor}.${v.micro}`;
    const verified = majorMinor(v) === release && !isDevelopmentVersion(v);
    return {
      rules: RELEASES[release],
      version,
      from,
      note: verified
        ? null
        : `QEMU ${version} (${FROM[from]}) is not one of the verified releases (${VERIFIED}): ` +
          `read with QEMU ${release}'s rules, the nearest`,
    };
  }
  return {
    rules: RELEASES[NEWEST],
    version: null,
    from: null,
    note:
      `no QEMU version in a VERSION file or in the path: read with QEMU ${NEWEST}'s rules, ` +
      `the newest verified release`,
  };
}
