'use client';
// The results panel: a verdict summary, then one row per message (kind,
// name linked to its docs page, verdict, position) with its issues
// (severity, JSON path, line:col, explanation). Clicking a position selects
// that spot in the editor. Long results render in pages so a 50,000-message
// log stays as quick as a single event.
import { useMemo, useState } from 'react';
import type { Issue, MessageResult, ValidationResult } from '@/lib/validate/types';
import { docsPath, type PageKindCode } from '@/lib/site/validator-model';

const PAGE = 200;
const fmt = (n: number) => n.toLocaleString('en');

interface Props {
  result: ValidationResult;
  /** docs page kinds of the checked version's names */
  kinds: Record<string, PageKindCode>;
  /** base path + version prefix of the docs pages */
  docsBase: string;
  onSelect(at: { line: number; col: number; endLine: number; endCol: number }): void;
}

const KIND_LABEL: Record<MessageResult['kind'], string> = {
  event: 'event',
  command: 'command',
  return: 'reply',
  error: 'error reply',
  greeting: 'greeting',
  unknown: 'message',
};

/** Issue text with every schema name that has a docs page turned into a link. */
function LinkedText({ text, kinds, docsBase }: { text: string; kinds: Record<string, PageKindCode>; docsBase: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(/[A-Za-z_][A-Za-z0-9_.-]*[A-Za-z0-9_]/g)) {
    const word = m[0];
    const kind = Object.prototype.hasOwnProperty.call(kinds, word) ? kinds[word] : undefined;
    if (!kind || kind === 'b' || word.length < 3) continue;
    // 'quoted' words are values and member names ('stop', 'device-id'), not definitions
    if (text[m.index - 1] === "'" && text[m.index + word.length] === "'") continue;
    const href = docsPath(docsBase, kinds, word);
    if (!href) continue;
    parts.push(text.slice(last, m.index));
    parts.push(<a key={m.index} href={href}>{word}</a>);
    last = m.index + word.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

function IssueRow({ issue, props }: { issue: Issue; props: Props }) {
  return (
    <li className={`vr-issue vr-${issue.severity}`} data-code={issue.code}>
      <span className={`vr-sev vr-sev-${issue.severity}`}>{issue.severity}</span>
      <button
        type="button"
        className="vr-pos"
        title="Select this spot in the editor"
        onClick={() => props.onSelect({ line: issue.line, col: issue.col, endLine: issue.endLine, endCol: issue.endCol })}
      >
        {issue.line}:{issue.col}
      </button>
      {issue.path && <code className="vr-path">{issue.path}</code>}
      <span className="vr-headline">{issue.message}</span>
      <p className="vr-text">
        <LinkedText text={issue.text} kinds={props.kinds} docsBase={props.docsBase} />
      </p>
    </li>
  );
}

function MessageRow({ m, props }: { m: MessageResult; props: Props }) {
  const href = m.name ? docsPath(props.docsBase, props.kinds, m.name) : null;
  const errors = m.issues.filter((i) => i.severity === 'error').length;
  const warnings = m.issues.length - errors;
  return (
    <li className={`vr-message ${m.valid ? 'vr-valid' : 'vr-invalid'}`} data-index={m.index} data-name={m.name ?? ''}>
      <div className="vr-head">
        <span className="vr-index">#{m.index + 1}</span>
        {m.direction && <span className="vr-dir">{m.direction}</span>}
        <span className={`vr-kind vr-kind-${m.kind}`}>{KIND_LABEL[m.kind]}</span>
        {m.name && (href ? <a className="vr-name" href={href}><code>{m.name}</code></a> : <code className="vr-name">{m.name}</code>)}
        <span className="vr-verdict">{m.valid ? (warnings ? `valid, ${warnings} warning${warnings > 1 ? 's' : ''}` : 'valid') : `invalid: ${errors} error${errors > 1 ? 's' : ''}`}</span>
        <button type="button" className="vr-pos" title="Select this message in the editor" onClick={() => props.onSelect({ line: m.line, col: m.col, endLine: m.line, endCol: m.col })}>
          {m.line}:{m.col}
        </button>
      </div>
      {m.issues.length > 0 && (
        <ul className="vr-issues">
          {m.issues.map((issue, k) => (
            <IssueRow key={k} issue={issue} props={props} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function Results(props: Props) {
  const { result } = props;
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(
    () => (onlyProblems ? result.messages.filter((m) => !m.valid || m.issues.length > 0) : result.messages),
    [result, onlyProblems],
  );
  const { counts } = result;
  const warnings = result.messages.reduce((n, m) => n + m.issues.filter((i) => i.severity === 'warning').length, 0);
  const verdict = counts.messages === 0 ? 'empty' : result.valid ? 'valid' : 'invalid';
  return (
    <section className="vr-panel" aria-label="Validation results">
      <div className="vr-summary" data-verdict={verdict} role="status">
        <strong className="vr-big">{verdict === 'empty' ? 'Nothing to check yet' : verdict === 'valid' ? 'Valid' : 'Invalid'}</strong>
        {counts.messages > 0 && (
          <span className="vr-counts">
            {fmt(counts.messages)} message{counts.messages > 1 ? 's' : ''}: <span className="vr-n-valid">{fmt(counts.valid)} valid</span>
            {counts.invalid > 0 && <>, <span className="vr-n-invalid">{fmt(counts.invalid)} invalid</span></>}
            {warnings > 0 && <>, {warnings} warning{warnings > 1 ? 's' : ''}</>}
            {counts.elided > 0 && <>, {counts.elided} elided</>}
            <span className="muted"> · read as {result.form}</span>
          </span>
        )}
        {counts.messages > 0 && (
          <label className="vr-filter">
            <input type="checkbox" checked={onlyProblems} onChange={(e) => { setOnlyProblems(e.target.checked); setShown(PAGE); }} /> only messages with issues
          </label>
        )}
      </div>
      <ol className="vr-list">
        {rows.slice(0, shown).map((m) => (
          <MessageRow key={m.index} m={m} props={props} />
        ))}
      </ol>
      {rows.length > shown && (
        <button type="button" className="vr-more" onClick={() => setShown((n) => n + PAGE * 5)}>
          Show more ({rows.length - shown} not shown)
        </button>
      )}
      {result.notes.length > 0 && (
        <details className="vr-notes">
          <summary>{result.notes.length} line{result.notes.length > 1 ? 's' : ''} not checked (prose or elided)</summary>
          <ul>
            {result.notes.slice(0, PAGE).map((n, k) => (
              <li key={k}>
                <button type="button" className="vr-pos" onClick={() => props.onSelect(n)}>
                  {n.line}:{n.col}
                </button>{' '}
                {n.code}: <code>{n.text.length > 120 ? n.text.slice(0, 120) + '…' : n.text}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
