// The words that changed between two texts, for doc-only changes on the
// Changes pages. Receives two texts; guarantees segments that read as the old
// text with deletions and insertions marked, compared word by word (runs of
// white space are one space: reflowed text is the same text), and, with
// `inContext`, only a few words around each change, the rest elided. Pure.

export interface Segment {
  op: 'same' | 'del' | 'ins' | 'gap';
  text: string;
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** Longest common subsequence beyond this many cells: the differing middle is shown as deleted, then inserted. */
const MAX_CELLS = 2_000_000;

function push(out: Segment[], op: Segment['op'], list: string[]): void {
  if (list.length === 0) return;
  const last = out.at(-1);
  if (last && last.op === op) last.text += ` ${list.join(' ')}`;
  else out.push({ op, text: list.join(' ') });
}

export function wordDiff(before: string, after: string): Segment[] {
  const a = words(before);
  const b = words(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const out: Segment[] = [];
  push(out, 'same', a.slice(0, start));
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  if ((x.length + 1) * (y.length + 1) > MAX_CELLS) {
    push(out, 'del', x);
    push(out, 'ins', y);
  } else {
    // lcs[i][j]: length of the longest common subsequence of x[i..] and y[j..]
    const w = y.length + 1;
    const lcs = new Uint32Array((x.length + 1) * w);
    for (let i = x.length - 1; i >= 0; i--)
      for (let j = y.length - 1; j >= 0; j--)
        lcs[i * w + j] =
          x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        push(out, 'same', [x[i]!]);
        i++;
        j++;
      } else if (i < x.length && (j === y.length || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        push(out, 'del', [x[i++]!]);
      } else {
        push(out, 'ins', [y[j++]!]);
      }
    }
  }
  push(out, 'same', a.slice(a.length - end));
  return out;
}

/** The segments with unchanged runs cut to `context` words beside each change ('gap' where words were left out). */
export function inContext(segments: Segment[], context = 8): Segment[] {
  const out: Segment[] = [];
  segments.forEach((s, k) => {
    if (s.op !== 'same') return void out.push(s);
    const list = words(s.text);
    const keepHead = k > 0 ? context : 0;
    const keepTail = k < segments.length - 1 ? context : 0;
    if (list.length <= keepHead + keepTail + 1) return void out.push(s);
    if (keepHead) out.push({ op: 'same', text: list.slice(0, keepHead).join(' ') });
    out.push({ op: 'gap', text: '…' });
    if (keepTail) out.push({ op: 'same', text: list.slice(list.length - keepTail).join(' ') });
  });
  return out;
}
