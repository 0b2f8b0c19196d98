// "Did you mean" for names: receives a misspelt name and the candidates;
// returns the nearest few by edit distance, treating '-' and '_' and case as
// near-equal (QAPI names mix them: block-job vs BLOCK_JOB).

function distance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag : 1 + Math.min(diag, up, prev[j - 1]!);
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Longer than any name a schema defines (QEMU's longest is under 70 characters), by a wide margin. */
const MAX_NAME = 256;

const fold = (s: string): string => s.toLowerCase().replace(/_/g, '-');

/** Up to `max` candidates close to `name`, nearest first. */
export function nearestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  // a name far longer than any QAPI name is near none of them: no fold or edit distance over all of it
  if (name.length > MAX_NAME) return [];
  const target = fold(name);
  const limit = Math.max(2, Math.floor(target.length / 3));
  const scored: [number, string][] = [];
  for (const c of candidates) {
    const f = fold(c);
    // the length difference is a lower bound of the edit distance: the distance is only computed when it can win
    const d =
      f === target
        ? 0
        : f.startsWith(target) || target.startsWith(f)
          ? 1
          : Math.abs(f.length - target.length) > limit
            ? Infinity
            : distance(target, f);
    if (d <= limit) scored.push([d, c]);
  }
  scored.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1));
  return scored.slice(0, max).map((s) => s[1]);
}

/** " (did you mean 'a' or 'b'?)" or '' */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const near = nearestNames(name, candidates);
  if (!near.length) return '';
  return ` (did you mean ${near.map((n) => `'${n}'`).join(' or ')}?)`;
}
