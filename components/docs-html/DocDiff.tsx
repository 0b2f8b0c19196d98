/** @jsxImportSource @/lib/site/html */
// A doc-only change as text: per part that changed (intro, a member's
// description, returns …), the words around each change with the old words
// struck (<del>) and the new ones marked (<ins>).
import type { DocChange } from '@/lib/diff';
import type { Doc } from '@/lib/qapi/model';
import { docPartText } from '@/lib/site/doc-parts';
import { inContext, wordDiff } from '@/lib/site/word-diff';

function partLabel(part: string): string {
  if (part.startsWith('@')) return part.slice(1);
  if (part.startsWith('feature:')) return `feature ${part.slice('feature:'.length)}`;
  return part === 'doc' ? 'documentation' : part;
}

export function DocDiff({ change, before, after }: { change: DocChange; before?: Doc | null; after?: Doc | null }) {
  return (
    <dl className="doc-diff">
      {change.parts.map((part) => (
        <>
          <dt>{partLabel(part)}</dt>
          <dd>
            {inContext(wordDiff(docPartText(before, part), docPartText(after, part))).map((s, i) => (
              <>
                {i > 0 && ' '}
                {s.op === 'del' ? <del>{s.text}</del> : s.op === 'ins' ? <ins>{s.text}</ins> : s.text}
              </>
            ))}
          </dd>
        </>
      ))}
    </dl>
  );
}
