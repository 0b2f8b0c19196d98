// A reply that quotes the patch ('> ' before every line, as the seed does):
// the quoted lines at the depth of the quoted diff, unquoted, each keeping its
// input line; the replier's own lines between and after them are not the
// patch and are left out. Receives a body's lines; guarantees them unchanged
// when no diff is quoted.
import type { SourceLine } from './lines';

const QUOTED_HUNK = /^(?:> ?)+@@ -\d/;
const QUOTED_DIFF_START = /^((?:> ?)+)(?:diff --git |Index: |--- \S|@@ -\d)/;

export function quotedPatch(lines: SourceLine[]): SourceLine[] | null {
  if (!lines.some((l) => QUOTED_HUNK.test(l.text))) return null;
  const start = lines.find((l) => QUOTED_DIFF_START.test(l.text));
  if (!start) return null;
  const depth = (QUOTED_DIFF_START.exec(start.text)![1]!.match(/>/g) ?? []).length;
  const out: SourceLine[] = [];
  for (const l of lines) {
    const text = unquote(l.text, depth);
    if (text !== null) out.push({ text, line: l.line });
  }
  return out;
}

/** The line with `depth` levels of quoting removed, or null when it is quoted less deeply (the replier's own text). */
function unquote(text: string, depth: number): string | null {
  let rest = text;
  for (let i = 0; i < depth; i++) {
    if (!rest.startsWith('>')) return null;
    rest = rest.startsWith('> ') ? rest.slice(2) : rest.slice(1);
  }
  return rest;
}
