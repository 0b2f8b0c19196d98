/** @jsxImportSource @/lib/site/html */
// The wire changes of a patch under review (the /review page, rendered in its
// worker): each change as on the Changes pages (ChangeText.tsx: what changed,
// its verdict and direction, the rule, linked to its quote below), worst
// verdict first, with a link to the definition's page in the base release
// and to its preview on the review page. At most `shown` changes; the rest
// are counted.
import { VERDICTS, type Change } from '@/lib/diff';
import { changeSides } from '@/lib/site/change-links';
import type { SiteSchema } from '@/lib/site/site-schema';
import { ChangeDescription, RuleQuotes, RuleRef, SideLinks, VerdictBadge } from './ChangeText';

interface Props {
  changes: Change[];
  base: SiteSchema;
  patched: SiteSchema;
  /** the anchor of each definition's preview on the page, when it has one */
  previewOf: (def: string) => string | null;
  shown: number;
}

export function ReviewChanges({ changes, base, patched, previewOf, shown }: Props) {
  if (changes.length === 0) return <p className="muted">No wire changes: every message means the same as before.</p>;
  const rank = (c: Change) => VERDICTS.indexOf(c.verdict);
  const sorted = [...changes].sort((a, b) => rank(a) - rank(b));
  const listed = sorted.slice(0, shown);
  const rules = [...new Set(listed.map((c) => c.rule))];
  return (
    <>
      <ul className="changes-list">
        {listed.map((c) => {
          const preview = previewOf(c.def);
          const old = changeSides(c, base, patched).old;
          return (
            <li className={`change change-${c.verdict}`}>
              <ChangeDescription change={c} /> <VerdictBadge change={c} /> <RuleRef change={c} />{' '}
              <SideLinks sides={{ old, new: null }} oldLabel={base.label} newLabel="" />
              {preview && (
                <>
                  {old ? ' · ' : ''}
                  <a href={`#${preview}`} className="side side-new">
                    preview
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {sorted.length > listed.length && (
        <p className="muted">
          and {sorted.length - listed.length} more (<code>qapi-explorer review</code> lists them all).
        </p>
      )}
      <RuleQuotes rules={rules} />
    </>
  );
}
