// One message of the results: kind, name (linked to its docs page), verdict
// and position, then its issues folded into groups of identical ones. The
// head selects the whole message in the editor, like an issue card.
import { useMemo } from 'react';
import type { MessageResult } from '@/lib/validate/types';
import { docsPath } from '@/lib/site/validator-model';
import { boundText } from '@/components/island/bounded-text';
import { IssueCard, type IssueContext } from './IssueCard';
import { groupIssues, issueCounts } from './issue-groups';
import { AcceptedLine } from './AcceptedLine';
import type { AcceptedBy } from './protocol';

const KIND_LABEL: Record<MessageResult['kind'], string> = {
  event: 'event',
  command: 'command',
  return: 'reply',
  error: 'error reply',
  greeting: 'greeting',
  unknown: 'message',
};

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function verdictText(valid: boolean, c: { errors: number; warnings: number; hidden: number }): string {
  const hidden = c.hidden ? ` (${c.hidden} hidden)` : '';
  if (!valid) return `invalid: ${plural(c.errors, 'error')}`;
  return c.warnings ? `valid, ${plural(c.warnings, 'warning')}${hidden}` : `valid${hidden}`;
}

interface Props {
  m: MessageResult;
  row: number;
  hideNotices: boolean;
  isOpen(group: number): boolean;
  onToggle(group: number): void;
  ctx: IssueContext;
  /** undefined: one release only, nothing to say; null: not known yet */
  accepted: AcceptedBy | null | undefined;
}

export function MessageCard({ m, row, hideNotices, isOpen, onToggle, ctx, accepted }: Props) {
  const groups = useMemo(() => groupIssues(m.issues, hideNotices), [m, hideNotices]);
  const counts = issueCounts(m.issues, hideNotices);
  const href = m.name ? docsPath(ctx.docsBase, ctx.kinds, m.name) : null;
  const name = m.name ? <code>{boundText(m.name, 120)}</code> : null;
  const select = () => ctx.onSelect({ line: m.line, col: m.col, endLine: m.line, endCol: m.col });
  return (
    <li className="vr-row" data-row={row}>
      <div
        className={`vr-message ${m.valid ? 'vr-valid' : 'vr-invalid'}`}
        data-index={m.index}
        data-name={boundText(m.name ?? '', 120)}
      >
        <div className="vr-head" onClick={(e) => !(e.target as HTMLElement).closest('a, button') && select()}>
          <span className="vr-index">#{m.index + 1}</span>
          {m.direction && <span className="vr-dir">{m.direction}</span>}
          <span className={`vr-kind vr-kind-${m.kind}`}>{KIND_LABEL[m.kind]}</span>
          {name &&
            (href ? (
              <a className="vr-name" href={href}>
                {name}
              </a>
            ) : (
              <span className="vr-name">{name}</span>
            ))}
          <span className="vr-verdict">{verdictText(m.valid, counts)}</span>
          <button type="button" className="vr-pos" title="Select this message in the editor" onClick={select}>
            {m.line}:{m.col}
          </button>
        </div>
        {accepted !== undefined && <AcceptedLine accepted={accepted} index={m.index} />}
        {groups.length > 0 && (
          <ul className="vr-issues">
            {groups.map((g, k) => (
              <IssueCard key={k} group={g} open={isOpen(k)} onToggle={() => onToggle(k)} ctx={ctx} />
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
