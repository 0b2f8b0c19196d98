'use client';
// What the review says, in the order: the verdict with the base
// (role="status"), the findings (each with its rule id, its text and a link
// that highlights its line in a read-only view of the patch; QEMU's error is
// one of them), the wire changes as on the Changes pages, a preview of every
// added or changed definition as its doc page shows it (a changed one with a
// before/after switch, its changed rows marked), and "Copy review", the reply
// mail of `qapi-explorer review --format mail`. The changes and previews are
// HTML rendered in the worker by the site's own components.
import { memo, useRef, useState } from 'react';
import { PatchView, type PatchViewHandle } from './PatchView';
import { previewAnchor, PREVIEWS_ANCHOR, type FindingView, type PreviewView } from './protocol';
import type { ReviewState } from './useReview';

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The status line: what the page is doing, or the verdict and the base. */
export function statusText(ready: boolean, state: ReviewState): string {
  if (!ready) return 'Loading…';
  if (state.status === 'failed') return `Could not review: ${state.error}.`;
  if (state.status === 'reviewing') return `Reviewing… ${state.stage}`;
  const v = state.view;
  if (!v) return 'Paste a patch, open a file or load the sample: the review runs in your browser.';
  return v.baseLine && v.verdict !== 'does-not-apply' ? `${v.summary} · ${v.baseLine}` : v.summary;
}

function Finding({ f, onShow }: { f: FindingView; onShow(line: number): void }) {
  return (
    <li className={`rv-finding rv-${f.severity}`} data-rule={f.rule}>
      <p className="rv-finding-head">
        <code className="rv-rule">{f.rule}</code> <span className={`rv-sev rv-sev-${f.severity}`}>{f.severity}</span>
        {f.judgement && <span className="rv-judgement"> judgement call</span>}
        {f.patchLine !== null && (
          <>
            {' '}
            <a
              className="rv-at"
              href="#rv-patch"
              onClick={(e) => {
                e.preventDefault();
                onShow(f.patchLine!);
              }}
            >
              patch line {f.patchLine}
            </a>
          </>
        )}
        {f.file && (
          <span className="rv-file">
            {' '}
            {f.file}
            {f.line !== null ? `:${f.line}` : ''}
          </span>
        )}
      </p>
      <p className="rv-finding-text">{f.text}</p>
    </li>
  );
}

/** One definition's preview: its page after the patch, or before it (a changed definition). */
const Preview = memo(function Preview({ p, id, base }: { p: PreviewView; id: string; base: string }) {
  const [before, setBefore] = useState(false);
  return (
    <section className="rv-preview" id={id} aria-label={`Preview of ${p.name}`} data-status={p.status}>
      <p className="rv-preview-head">
        <span className={`rv-status-badge rv-status-${p.status}`}>{p.status}</span>{' '}
        {p.before !== undefined && (
          <span className="rv-switch" role="group" aria-label={`${p.name}: before or after the patch`}>
            <button type="button" aria-pressed={!before} onClick={() => setBefore(false)}>
              After the patch
            </button>
            <button type="button" aria-pressed={before} onClick={() => setBefore(true)}>
              Before ({base})
            </button>
          </span>
        )}
        {p.marked > 0 && <span className="muted"> {plural(p.marked, 'row')} the patch adds or changes marked</span>}
      </p>
      <div className="page-content" dangerouslySetInnerHTML={{ __html: before ? p.before! : p.after }} />
    </section>
  );
});

function CopyReview({ mail }: { mail: string }) {
  const [note, setNote] = useState<string | null>(null);
  return (
    <section className="rv-section" aria-labelledby="rv-reply">
      <h2 id="rv-reply">Reply</h2>
      <p>
        <button
          type="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(mail);
              setNote('Copied: paste it into your reply.');
            } catch {
              setNote('The browser refused the clipboard: copy the text below.');
            }
          }}
        >
          Copy review
        </button>{' '}
        <span className="muted" role="status">
          {note ?? 'The review as a reply mail: the patch quoted, each finding under its line, the verdict last.'}
        </span>
      </p>
      <details open={note?.startsWith('The browser') || undefined}>
        <summary>Show the reply</summary>
        <pre className="rv-mail">{mail}</pre>
      </details>
    </section>
  );
}

export function ReviewResults({ state }: { state: ReviewState }) {
  const patch = useRef<PatchViewHandle>(null);
  const [line, setLine] = useState<number | null>(null);
  const v = state.view;
  if (!v) return null;
  const severityByLine = new Map<number, 'error' | 'warning'>();
  for (const f of v.findings)
    if (f.patchLine !== null && severityByLine.get(f.patchLine) !== 'error')
      severityByLine.set(f.patchLine, f.severity);
  const show = (n: number) => {
    setLine(n);
    patch.current?.show(n);
  };
  return (
    <div className="rv-results" data-verdict={v.verdict}>
      <ul className="rv-facts">
        <li>{v.filesLine}</li>
        {v.qapiLine && <li className="rv-qapi">{v.qapiLine}</li>}
        {v.examplesLine && <li>{v.examplesLine}</li>}
        {v.notes.map((n, i) => (
          <li key={i} className="muted">
            note: {n}
          </li>
        ))}
      </ul>
      <section className="rv-section" aria-labelledby="rv-findings">
        <h2 id="rv-findings">Findings ({v.findingCount.toLocaleString('en')})</h2>
        {v.findings.length === 0 ? (
          <p className="muted">None: nothing a QAPI reviewer would object to.</p>
        ) : (
          <ol className="rv-findings">
            {v.findings.map((f, i) => (
              <Finding key={i} f={f} onShow={show} />
            ))}
          </ol>
        )}
        {v.findingCount > v.findings.length && (
          <p className="muted">
            and {plural(v.findingCount - v.findings.length, 'more finding')} (<code>qapi-explorer review</code> lists
            them all).
          </p>
        )}
        <PatchView ref={patch} text={state.text} severityByLine={severityByLine} line={line} />
      </section>
      {v.changesHtml && (
        <section className="rv-section" aria-labelledby="rv-changes">
          <h2 id="rv-changes">Wire changes ({v.changeCount.toLocaleString('en')})</h2>
          <div className="page-content rv-changes" dangerouslySetInnerHTML={{ __html: v.changesHtml }} />
        </section>
      )}
      {v.previews > 0 && (
        <section className="rv-section" id={PREVIEWS_ANCHOR} aria-labelledby="rv-previews">
          <h2 id="rv-previews">
            Preview ({state.previews.length} of {v.previews})
          </h2>
          {state.previews.map((p, i) => (
            <Preview key={i} p={p} id={previewAnchor(i)} base={v.base ?? 'base'} />
          ))}
          {v.unpreviewed.length > 0 && (
            <p className="muted">
              Not previewed: {v.unpreviewed.join(', ')}
              {v.unpreviewed.length === 50 ? ', …' : ''}.
            </p>
          )}
        </section>
      )}
      <CopyReview mail={v.mail} />
    </div>
  );
}
