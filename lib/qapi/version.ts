// QEMU version numbers: reading one from a version string, a label or a path,
// ordering them, and QEMU's release cadence (x.0, x.1, x.2, then x+1.0 since
// QEMU 4; 2.12 was followed by 3.0, 3.1 by 4.0). A development tree's VERSION
// says x.y.50 (or x.y.90 for a release candidate): it is the development of
// the release after x.y, and its released base is x.y.

export interface QemuVersion {
  major: number;
  minor: number;
  micro: number;
}

// A version inside a longer text: not glued to digits or a dot before it, nor to digits after it.
const VERSION_IN_TEXT = /(?:^|[^0-9.])(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?(?![0-9])/;

/** The first version number in `text` ('10.2.2', '10.2.2+seed', '.../qemu/10.0.13/qapi/x.json', 'QEMU 11.1.3'), or null. */
export function findQemuVersion(text: string): QemuVersion | null {
  const m = VERSION_IN_TEXT.exec(text);
  return m ? { major: Number(m[1]), minor: Number(m[2]), micro: Number(m[3] ?? 0) } : null;
}

/** A whole string that is a version ('10.2', '10.2.2'), as command-line options take it. */
export function isQemuVersionText(text: string | undefined): text is string {
  return text !== undefined && /^\d{1,3}\.\d{1,3}(\.\d{1,3})?$/.test(text);
}

/** Older first: negative when a < b. */
export function compareQemuVersions(a: QemuVersion, b: QemuVersion): number {
  return a.major - b.major || a.minor - b.minor || a.micro - b.micro;
}

/** Whether `v` is a development snapshot or release candidate (x.y.50, x.y.90…), not a release. */
export function isDevelopmentVersion(v: QemuVersion): boolean {
  return v.micro >= 50;
}

/** The release after `major.minor`: 10.0 → 10.1, 10.2 → 11.0, 11.1 → 11.2 (2.12 → 3.0, 3.1 → 4.0 before QEMU 4). */
export function nextRelease(v: Pick<QemuVersion, 'major' | 'minor'>): { major: number; minor: number } {
  const last = v.major < 3 ? 12 : v.major === 3 ? 1 : 2;
  return v.minor >= last ? { major: v.major + 1, minor: 0 } : { major: v.major, minor: v.minor + 1 };
}

/**
 * The release whose development a tree of version `v` is part of: what a
 * definition it adds should say in `Since:`. A released tree (10.2.2) and a
 * development tree (10.2.50) both lead to the release after 10.2, 11.0.
 */
export function releaseInDevelopment(v: QemuVersion): string {
  const next = nextRelease(v);
  return `${next.major}.${next.minor}`;
}

/** 'major.minor' of a version. */
export const majorMinor = (v: Pick<QemuVersion, 'major' | 'minor'>): string => `${v.major}.${v.minor}`;

/**
 * Indices of release `labels` oldest first: by the version number in each
 * label ('10.2.2+seed', '11.1.3', 'qga-7.2.0'), a label with a suffix
 * ('10.2.2+patch') after the plain one; labels without a version number last,
 * in their given order.
 */
export function releaseOrder(labels: readonly string[]): number[] {
  const versions = labels.map(findQemuVersion);
  return labels
    .map((_, i) => i)
    .sort((a, b) => {
      const va = versions[a];
      const vb = versions[b];
      if (!va || !vb) return va ? -1 : vb ? 1 : a - b;
      return compareQemuVersions(va, vb) || labels[a]!.length - labels[b]!.length || a - b;
    });
}
