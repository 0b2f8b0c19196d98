// Under a verdict: which of the offered releases accept the message, and why
// each other one does not, in one line each. Until the worker has checked the
// other releases (after the verdicts, never before), says so.
import type { AcceptedBy } from './protocol';

export function AcceptedLine({ accepted, index }: { accepted: AcceptedBy | null; index: number }) {
  if (!accepted)
    return (
      <div className="vr-accepted" data-pending="">
        accepted by: checking the other releases…
      </div>
    );
  const yes: string[] = [];
  const no: [string, string][] = [];
  accepted.labels.forEach((label, r) => {
    const id = accepted.rejected[r]?.[index] ?? -1;
    if (id < 0) yes.push(label);
    else no.push([label, accepted.reasons[id] ?? '']);
  });
  return (
    <div className="vr-accepted" data-accepted={yes.join(' ')}>
      <span className="vr-accepted-yes">accepted by {yes.length ? yes.join(', ') : 'none of the releases'}</span>
      {no.length > 0 && (
        <ul className="vr-accepted-no">
          {no.map(([label, why]) => (
            <li key={label}>
              <strong>{label}</strong>: {why}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
