// One issue, or a group of identical ones ("×152"), as a card. The whole card
// selects the issue's spot in the editor (a click anywhere but on a link);
// its line:col button does the same from the keyboard. A group opens into
// the list of its occurrences, each with its own position.
import type { Issue } from '@/lib/validate/types';
import type { PageKindCode } from '@/lib/site/validator-model';
import { boundText } from '@/components/island/bounded-text';
import type { IssueGroup } from './issue-groups';
import { LinkedText } from './LinkedText';
import type { Spot } from './reveal-spot';

export interface IssueContext {
  kinds: Record<string, PageKindCode>;
  docsBase: string;
  onSelect(at: Spot): void;
}

const spotOf = (i: Issue): Spot => ({ line: i.line, col: i.col, endLine: i.endLine, endCol: i.endCol });

/** A click on the card, not on one of its links or buttons, and not the end of a text selection. */
function isCardClick(e: React.MouseEvent): boolean {
  if ((e.target as HTMLElement).closest('a, button, summary, input')) return false;
  return !window.getSelection()?.toString();
}

export function IssueCard({
  group,
  open,
  onToggle,
  ctx,
}: {
  group: IssueGroup;
  open: boolean;
  onToggle(): void;
  ctx: IssueContext;
}) {
  const { first, all } = group;
  return (
    <li
      className={`vr-issue vr-${first.severity}`}
      data-code={first.code}
      data-count={all.length}
      onClick={(e) => isCardClick(e) && ctx.onSelect(spotOf(first))}
    >
      <span className={`vr-sev vr-sev-${first.severity}`}>{first.severity}</span>
      <button
        type="button"
        className="vr-pos"
        title="Select this spot in the editor"
        onClick={() => ctx.onSelect(spotOf(first))}
      >
        {first.line}:{first.col}
      </button>
      {first.path && <code className="vr-path">{boundText(first.path, 120)}</code>}
      <span className="vr-headline">{first.message}</span>
      {all.length > 1 && (
        <button
          type="button"
          className="vr-count"
          aria-expanded={open}
          onClick={onToggle}
          title="Show every occurrence"
        >
          ×{all.length.toLocaleString('en')}
        </button>
      )}
      <p className="vr-text">
        <LinkedText text={first.text} kinds={ctx.kinds} docsBase={ctx.docsBase} />
      </p>
      {open && (
        <ul className="vr-occurrences">
          {all.slice(0, 1000).map((i, k) => (
            <li key={k}>
              <button type="button" className="vr-pos" onClick={() => ctx.onSelect(spotOf(i))}>
                {i.line}:{i.col}
              </button>{' '}
              <code className="vr-path">{boundText(i.path, 120) || '(the message)'}</code>
            </li>
          ))}
          {all.length > 1000 && <li className="muted">and {(all.length - 1000).toLocaleString('en')} more</li>}
        </ul>
      )}
    </li>
  );
}
