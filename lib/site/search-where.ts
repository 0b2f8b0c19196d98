// Where a definition this release lacks exists instead, in one line for a
// search result: "not in 10.2.2+seed; in 5.2.0 and 7.2.0, gone from 10.0.13
// on". Receives the site's releases (oldest first), the indices of those that
// have it and the release searched. Pure, no imports: bundled into site.js.

function list(labels: string[]): string {
  return labels.length < 2 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

export function whereText(releases: readonly string[], present: readonly number[], here: string | undefined): string {
  const labels = present.map((i) => releases[i]).filter((l): l is string => l !== undefined);
  const last = Math.max(...present);
  const first = Math.min(...present);
  const since =
    last < releases.length - 1 ? `, gone from ${releases[last + 1]} on` : first > 0 ? `, since ${releases[first]}` : '';
  return `${here ? `not in ${here}; ` : ''}in ${list(labels)}${since}`;
}
