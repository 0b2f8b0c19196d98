// An issue text with every schema name that has a docs page turned into a
// link. The text is bounded first (bounded-text.ts): a hostile name echoed in
// an issue is never laid out, nor scanned, in full.
import { docsPath, type PageKindCode } from '@/lib/site/validator-model';
import { boundText } from '@/components/island/bounded-text';

export function LinkedText({
  text,
  kinds,
  docsBase,
}: {
  text: string;
  kinds: Record<string, PageKindCode>;
  docsBase: string;
}) {
  const shown = boundText(text);
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of shown.matchAll(/[A-Za-z_][A-Za-z0-9_.-]*[A-Za-z0-9_]/g)) {
    const word = m[0];
    const kind = Object.prototype.hasOwnProperty.call(kinds, word) ? kinds[word] : undefined;
    if (!kind || kind === 'b' || word.length < 3) continue;
    // 'quoted' words are values and member names ('stop', 'device-id'), not definitions
    if (shown[m.index - 1] === "'" && shown[m.index + word.length] === "'") continue;
    const href = docsPath(docsBase, kinds, word);
    if (!href) continue;
    parts.push(shown.slice(last, m.index));
    parts.push(
      <a key={m.index} href={href}>
        {word}
      </a>,
    );
    last = m.index + word.length;
  }
  parts.push(shown.slice(last));
  return <>{parts}</>;
}
