/** @jsxImportSource @/lib/site/html */
// Feature badges (deprecated / unstable / others), `if` conditions and Since.
import type { Feature, IfCond } from '@/lib/qapi/model';
import { ifCondText } from '@/lib/site/format';

export function FeatureBadges({ features }: { features: Feature[] }) {
  if (features.length === 0) return null;
  return features.map((f) => (
    <span
      key={f.name}
      className={`badge feature ${f.special ? `feature-${f.name}` : ''}`}
      title={f.if ? `feature '${f.name}' if ${ifCondText(f.if)}` : `feature '${f.name}'`}
    >
      {f.name}
    </span>
  ));
}

export function IfBadge({ cond }: { cond: IfCond | undefined }) {
  if (!cond) return null;
  return (
    <span className="badge cond" title="Present only when QEMU is built with this configuration">
      if {ifCondText(cond)}
    </span>
  );
}

export function SinceBadge({ since }: { since: string | undefined }) {
  if (!since) return null;
  return <span className="badge since">Since {since}</span>;
}

/** The badges of a table row (member or enum value): its features and condition, when it has any. */
export function RowBadges({ features, cond }: { features: Feature[]; cond: IfCond | undefined }) {
  if (features.length === 0 && !cond) return null;
  return (
    <div className="member-badges">
      <FeatureBadges features={features} />
      <IfBadge cond={cond} />
    </div>
  );
}
