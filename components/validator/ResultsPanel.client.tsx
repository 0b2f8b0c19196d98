'use client';
// The results panel: the verdict summary with its filters (only messages with
// issues; hide deprecation and unstable warnings), then the messages in a
// windowed list (useVirtualRows): whatever the input's size, one render lays
// out only the rows in view, so showing 50,000 verdicts never stalls the page.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { MessageResult, ValidationResult } from '@/lib/validate/types';
import { boundText } from '@/components/island/bounded-text';
import type { IssueContext } from './IssueCard';
import { isNoticeWarning } from './issue-groups';
import { MessageCard } from './MessageCard';
import { useVirtualRows } from './useVirtualRows';
import type { AcceptedBy } from './protocol';

const fmt = (n: number) => n.toLocaleString('en');
const NOTES_SHOWN = 200;

const hasShownIssue = (m: MessageResult, hideNotices: boolean) =>
  !m.valid || m.issues.some((i) => !hideNotices || !isNoticeWarning(i));

interface Props {
  result: ValidationResult;
  ctx: IssueContext;
  /** which releases accept each message: undefined with one release, null until known */
  accepted: AcceptedBy | null | undefined;
}

export function ResultsPanel({ result, ctx, accepted }: Props) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [hideNotices, setHideNotices] = useState(false);
  const [open, setOpen] = useState(() => new Set<string>());
  const box = useRef<HTMLOListElement>(null);
  const rows = useMemo(
    () => (onlyProblems ? result.messages.filter((m) => hasShownIssue(m, hideNotices)) : result.messages),
    [result, onlyProblems, hideNotices],
  );
  const tally = useMemo(() => {
    let warnings = 0;
    let notices = 0;
    for (const m of result.messages)
      for (const i of m.issues) {
        if (i.severity === 'warning') warnings++;
        if (isNoticeWarning(i)) notices++;
      }
    return { warnings, notices };
  }, [result]);
  const estimate = useCallback((i: number) => 40 + Math.min(rows[i]!.issues.length, 4) * 60, [rows]);
  const win = useVirtualRows(rows.length, estimate, box, rows);
  const isOpen = (index: number) => (group: number) => open.has(`${index}:${group}`);
  const toggle = (index: number) => (group: number) =>
    setOpen((s) => {
      const next = new Set(s);
      const key = `${index}:${group}`;
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const { counts } = result;
  const verdict = counts.messages === 0 ? 'empty' : result.valid ? 'valid' : 'invalid';
  const shownWarnings = hideNotices ? tally.warnings - tally.notices : tally.warnings;
  return (
    <section className="vr-panel" aria-label="Validation results">
      <div className="vr-summary" data-verdict={verdict} role="status">
        <strong className="vr-big">
          {verdict === 'empty' ? 'Nothing to check yet' : verdict === 'valid' ? 'Valid' : 'Invalid'}
        </strong>
        {counts.messages > 0 && (
          <span className="vr-counts">
            {fmt(counts.messages)} message{counts.messages > 1 ? 's' : ''}:{' '}
            <span className="vr-n-valid">{fmt(counts.valid)} valid</span>
            {counts.invalid > 0 && (
              <>
                , <span className="vr-n-invalid">{fmt(counts.invalid)} invalid</span>
              </>
            )}
            {shownWarnings > 0 && (
              <>
                , {fmt(shownWarnings)} warning{shownWarnings > 1 ? 's' : ''}
              </>
            )}
            {hideNotices && tally.notices > 0 && <>, {fmt(tally.notices)} hidden</>}
            {counts.elided > 0 && <>, {counts.elided} elided</>}
            <span className="muted"> · read as {result.form}</span>
          </span>
        )}
      </div>
      <div className="vr-filters">
        <label className="vr-filter">
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} /> only
          messages with issues
        </label>
        <label className="vr-filter">
          <input type="checkbox" checked={hideNotices} onChange={(e) => setHideNotices(e.target.checked)} /> hide
          deprecation and unstable warnings
          {tally.notices > 0 && <span className="muted"> ({fmt(tally.notices)})</span>}
        </label>
      </div>
      <ol className="vr-list" ref={box} tabIndex={-1} aria-label={`${fmt(rows.length)} messages`}>
        <li aria-hidden="true" className="vr-spacer" style={{ height: win.padTop }} />
        {rows.slice(win.first, win.end).map((m, k) => (
          <MessageCard
            key={m.index}
            m={m}
            row={win.first + k}
            hideNotices={hideNotices}
            isOpen={isOpen(m.index)}
            onToggle={toggle(m.index)}
            ctx={ctx}
            accepted={accepted}
          />
        ))}
        <li aria-hidden="true" className="vr-spacer" style={{ height: win.padBottom }} />
      </ol>
      {result.notes.length > 0 && (
        <details className="vr-notes">
          <summary>
            {fmt(result.notes.length)} line{result.notes.length > 1 ? 's' : ''} not checked (prose or elided)
          </summary>
          <ul>
            {result.notes.slice(0, NOTES_SHOWN).map((n, k) => (
              <li key={k}>
                <button type="button" className="vr-pos" onClick={() => ctx.onSelect(n)}>
                  {n.line}:{n.col}
                </button>{' '}
                {n.code}: <code>{boundText(n.text, 120)}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
