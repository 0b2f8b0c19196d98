/** @jsxImportSource @/lib/site/html */
// A definition's History: the site's releases that have it, and at each step
// between neighbouring releases whether it appeared, vanished or changed and
// how (from lib/diff's history, never from `Since:` text). A command or event
// lists every change clients meet through it; a type against a build, which
// names no types, is found through the build's type that mirrors it
// (lib/site/build-types.ts). Kept compact: a few changes per step, the rest
// on that step's Changes page.
import type { Entity } from '@/lib/qapi/model';
import { historyOf } from '@/lib/diff';
import { buildTypeState, typeStepsWithBuilds, type HistoryStep } from '@/lib/site/build-types';
import { changeSides, sidePath } from '@/lib/site/change-links';
import { changesPath, withBase } from '@/lib/site/href';
import { changesSlug, type SiteHistory } from '@/lib/site/site-history';
import { getSiteHistory } from '@/lib/site/source';
import { ChangeDescription, RuleRef, SideLinks, VerdictBadge } from './ChangeText';

/** Changes listed per step; the rest are counted and linked. */
const SHOWN = 8;

function summary(step: HistoryStep): string {
  if (step.said) return step.said;
  if (step.status === 'left-out') {
    const c = step.changes.find((x) => x.kind === 'left-out');
    return `left out of the build by its condition ${c?.condition ?? ''}`.trimEnd();
  }
  if (step.status !== 'changed') return step.status;
  const n = step.changes.length;
  const wire = n ? `${n} wire change${n === 1 ? '' : 's'}` : '';
  const docs = step.docs.length ? `documentation (${step.docs.join(', ')})` : '';
  return [wire, docs].filter(Boolean).join('; ');
}

function Step({ step, history }: { step: HistoryStep; history: SiteHistory }) {
  const from = history.releases.find((s) => s.label === step.from)!;
  const to = history.releases.find((s) => s.label === step.to)!;
  const page = changesPath(changesSlug(step.from, step.to));
  const shown = step.changes.slice(0, SHOWN);
  const rest = step.changes.length - shown.length;
  return (
    <li className={`history-step history-${step.status}`}>
      <p>
        <strong>{step.to}</strong> <span className="muted">(from {step.from})</span>: {summary(step)}
        {' — '}
        <a href={withBase(page)}>
          all changes {step.from} → {step.to}
        </a>
      </p>
      {step.status === 'changed' && shown.length > 0 && (
        <ul className="changes-list">
          {shown.map((c) => (
            <li className={`change change-${c.verdict}`}>
              <ChangeDescription change={c} /> <VerdictBadge change={c} /> <RuleRef change={c} page={withBase(page)} />{' '}
              <SideLinks sides={changeSides(c, from, to)} oldLabel={from.label} newLabel={to.label} />
            </li>
          ))}
          {rest > 0 && (
            <li className="more">
              <a href={withBase(page)}>and {rest} more on the Changes page</a>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

export function History({ entity, history = getSiteHistory() }: { entity: Entity; history?: SiteHistory | null }) {
  if (!history) return null;
  const byName = historyOf(history.history, entity.name);
  const isType = entity.meta !== 'command' && entity.meta !== 'event';
  const steps = isType ? typeStepsWithBuilds(byName, entity.name, history.releases) : byName;
  const present = history.releases.map((s) => {
    const href = sidePath(s, entity.name);
    const build = href || !isType ? null : buildTypeState(s, entity.name);
    return { s, href, unnamed: build?.kind === 'mirrored' };
  });
  return (
    <section aria-labelledby="history" className="history">
      <h2 id="history">History</h2>
      <p className="history-releases">
        In this site&apos;s releases:{' '}
        {present.map(({ s, href, unnamed }, i) => (
          <>
            {i > 0 && ' · '}
            {href ? (
              <a href={withBase(href)}>{s.label}</a>
            ) : unnamed ? (
              <span title={`${s.label} has it as an unnamed type: query-qmp-schema names no types`}>
                {s.label} (unnamed)
              </span>
            ) : (
              // struck out for the eye; said in words for a screen reader, which does not announce <s>
              <span className="absent" title={`not in ${s.label}`}>
                <s>{s.label}</s>
                <span className="visually-hidden"> (not in this release)</span>
              </span>
            )}
          </>
        ))}
      </p>
      {steps.length === 0 ? (
        <p className="muted">Unchanged on the wire and in its documentation across these releases.</p>
      ) : (
        <ol className="history-steps">
          {steps.map((step) => (
            <Step step={step} history={history} />
          ))}
        </ol>
      )}
    </section>
  );
}
