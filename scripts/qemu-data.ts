// Where QEMU's real data is, for the tests, the conformance runner, the fuzzer
// and the benchmarks. Two sources, by release:
//   QEMU_SRC=/path/to/qemu  a QEMU source checkout (its qapi/, tests/qapi-schema/,
//                           docs/); it stands for the release its VERSION file
//                           names, e.g. 10.2.2 -> every ../shared/qemu/10.2.2/... path
//   ../shared/              beside the checkout (the project's CI has it): the five
//                           releases under qemu/, the seed tree, libvirt's traffic,
//                           two QEMU builds' self-descriptions under qemu-builds/
// A path under qemu/<release>/ comes from QEMU_SRC when its release matches,
// else from ../shared; callers check hasQemu() before reading.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const hasShared = existsSync(path.join(SHARED, 'qemu'));

export const QEMU_SRC = process.env.QEMU_SRC ? path.resolve(process.env.QEMU_SRC) : '';
/** The release QEMU_SRC is a checkout of (its VERSION file), or '' without one. */
export const QEMU_SRC_RELEASE = readRelease(QEMU_SRC);

function readRelease(dir: string): string {
  if (!dir) return '';
  try {
    return readFileSync(path.join(dir, 'VERSION'), 'utf8').trim();
  } catch {
    return '';
  }
}

/** The folder holding a QEMU release's qapi/, tests/ and docs/, or null when no source has it. */
export function qemuDir(release: string): string | null {
  if (release === QEMU_SRC_RELEASE && existsSync(path.join(QEMU_SRC, 'qapi'))) return QEMU_SRC;
  const dir = path.join(SHARED, 'qemu', release);
  return existsSync(dir) ? dir : null;
}

export const hasQemu = (...releases: string[]): boolean => releases.every((r) => qemuDir(r) !== null);

/** A path under ../shared, e.g. sharedPath('qemu', '10.2.2', 'qapi/qapi-schema.json'); qemu/<release>/ may come from QEMU_SRC. */
export function sharedPath(...parts: string[]): string {
  if (parts[0] === 'qemu' && parts[1]) {
    const dir = qemuDir(parts[1]);
    if (dir) return path.join(dir, ...parts.slice(2));
  }
  return path.join(SHARED, ...parts);
}

/** The root qapi-schema.json of a release's tree (qemuTree('10.2.2')). */
export const qemuTree = (release: string): string => sharedPath('qemu', release, 'qapi', 'qapi-schema.json');

/** Every release the project reads, newest first: the tree with the seed's patch, then QEMU's four. */
export const FIVE_RELEASES = ['10.2.2+vfio-migration-prepare', '10.2.2', '10.0.13', '7.2.0', '5.2.0'];

/** QAPI_VERSIONS of a site of the five releases, each labelled by its release (the patched tree by `seedLabel`), the first the default. */
export function fiveReleaseVersions(seedLabel = FIVE_RELEASES[0]!): string {
  return FIVE_RELEASES.map((r, i) => `${i === 0 ? seedLabel : r}=${qemuTree(r)}`).join(',');
}

/** What to set to get the data of a release. */
export const HOW_TO_GET = 'set QEMU_SRC to a QEMU source checkout of that release, or put the data in ../shared/';

/** Why these releases' data (or, with none named, ../shared/ itself) is not here. */
function whyMissing(releases: string[]): string {
  const what = releases.length ? `QEMU ${releases.join(', ')}` : "libvirt's traffic";
  if (!QEMU_SRC) return hasShared ? `../shared/ has no ${what}` : 'no ../shared/, no QEMU_SRC';
  if (!QEMU_SRC_RELEASE)
    return `QEMU_SRC=${QEMU_SRC} has no VERSION file and ${hasShared ? `../shared/ has no ${what}` : 'there is no ../shared/'}`;
  return `QEMU_SRC is QEMU ${QEMU_SRC_RELEASE} and ${hasShared ? `../shared/ has no ${what}` : 'there is no ../shared/'}`;
}

/** The one line that says what is skipped for want of QEMU's data, as the tests say it. */
export function skipLine(what: string, releases: string[] = [], them = false): string {
  return `[qemu data] skipped: ${what}: ${whyMissing(releases)}; to run ${them ? 'them' : 'it'}, ${HOW_TO_GET}.`;
}

/**
 * For a script (benchmark, fuzzer) that needs these releases' trees, or
 * ../shared/ itself with none named: without them, say so in the one line and
 * exit 0 (skipped, as the tests skip; nothing failed).
 */
export function needQemuData(script: string, ...releases: string[]): void {
  if (releases.length ? hasQemu(...releases) : hasShared) return;
  const needs = releases.length ? `QEMU ${releases.join(', ')}` : "libvirt's traffic in ../shared/";
  console.log(skipLine(`${script} (it reads ${needs})`, releases));
  process.exit(0);
}
/** What a real QEMU build says about itself (greeting, query-version, query-qmp-schema), in ../shared/qemu-builds/. */
export const qemuBuild = (name: string): string => path.join(SHARED, 'qemu-builds', name);

/** QEMU 11.1.3 (Debian sid's build): the newest release, known only by its build (no tree of 11.x here). */
export const QEMU_11_BUILD = qemuBuild('qemu-11.1.3-x86_64.qmp');

/**
 * The site of six releases (README, `npm run bench:site`, the browser tests
 * of test/e2e/six-releases.test.ts): the seeded 10.2.2 tree is the default,
 * 11.1.3 is a build; the switcher lists them newest first whatever this order.
 */
export const SIX_RELEASES = [
  `10.2.2+seed=${qemuTree('10.2.2+vfio-migration-prepare')}`,
  `11.1.3=${QEMU_11_BUILD}`,
  `10.2.2=${qemuTree('10.2.2')}`,
  `10.0.13=${qemuTree('10.0.13')}`,
  `7.2.0=${qemuTree('7.2.0')}`,
  `5.2.0=${qemuTree('5.2.0')}`,
].join(',');

/** Whether the six releases' data is here. */
export const hasSixReleases = (): boolean =>
  hasQemu('10.2.2+vfio-migration-prepare', '10.2.2', '10.0.13', '7.2.0', '5.2.0') && existsSync(QEMU_11_BUILD);
