/** @jsxImportSource @/lib/site/html */
// One change of lib/diff as a line of HTML: what changed (lib/diff describe,
// names in <code>), its verdict, direction and the QEMU rule it applied, and
// links to where it is on each side of the pair. Shared by the Changes pages
// and the History sections.
import { describe, RULES, VERDICT_LABELS, type Change, type Verdict } from '@/lib/diff';
import { withBase } from '@/lib/site/href';
import type { ChangeSides } from '@/lib/site/change-links';

const OPEN = '\u0001';
const CLOSE = '\u0002';

/** A verdict on a change's badge. */
export const VERDICT_LABEL: Record<Verdict, string> = {
  ...VERDICT_LABELS,
  tolerate: 'compatible, clients must tolerate',
};

/** describe() with each name it quotes in <code> (lib/diff never names a type QEMU masked: it says where it is). */
export function ChangeDescription({ change }: { change: Change }) {
  const text = describe(change, (s) => `${OPEN}${s}${CLOSE}`);
  return text.split(OPEN).map((part, i) => {
    if (i === 0) return part;
    const [name = '', rest = ''] = part.split(CLOSE);
    return [<code>{name}</code>, rest];
  });
}

export function VerdictBadge({ change }: { change: Change }) {
  return (
    <>
      <span className={`badge verdict verdict-${change.verdict}`}>{VERDICT_LABEL[change.verdict]}</span>{' '}
      <span className="badge dir">{change.dir}</span>
    </>
  );
}

/** The rule's id, linked to its quote (`#rule-<id>` on the same page, or on `page`). */
export function RuleRef({ change, page = '' }: { change: Change; page?: string }) {
  return (
    <a className="rule-ref" href={`${page}#rule-${change.rule}`}>
      [{change.rule}]
    </a>
  );
}

export function SideLinks({ sides, oldLabel, newLabel }: { sides: ChangeSides; oldLabel: string; newLabel: string }) {
  if (!sides.old && !sides.new) return null;
  return (
    <span className="sides">
      {sides.old && (
        <a href={withBase(sides.old)} className="side side-old">
          {oldLabel}
        </a>
      )}
      {sides.old && sides.new && ' · '}
      {sides.new && (
        <a href={withBase(sides.new)} className="side side-new">
          {newLabel}
        </a>
      )}
    </span>
  );
}

/** The quoted rules, once per page, each with the anchor RuleRef links to. */
export function RuleQuotes({ rules }: { rules: Change['rule'][] }) {
  if (rules.length === 0) return null;
  return (
    <section aria-labelledby="rules">
      <h2 id="rules">Rules applied</h2>
      <p className="muted">
        From QEMU&apos;s <code>docs/devel/qapi-code-gen.rst</code>, &quot;Compatibility considerations&quot; (sentences
        in parentheses are ours). Direction <code>send</code>: command arguments; <code>receive</code>: returns and
        event data; <code>both</code>: a type used in both.
      </p>
      <dl className="rules">
        {rules.map((r) => (
          <div key={r} id={`rule-${r}`}>
            <dt>
              <code>{r}</code>
            </dt>
            <dd>
              <blockquote>{RULES[r]}</blockquote>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
