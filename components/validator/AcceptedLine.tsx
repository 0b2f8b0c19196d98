// Under a verdict: which of the offered releases accept the message, and why
// the others do not, one line per reason (releases rejecting it for the same
// reason share the line: a message no release recognises gets one). Until
// the worker has checked the other releases for this message (after the
// verdicts, never before), says so.
import type { AcceptedBy } from './protocol';

export function AcceptedLine({ accepted, index }: { accepted: AcceptedBy | null; index: number }) {
  if (!accepted || index >= accepted.filled)
    return (
      <div className="vr-accepted" data-pending="">
        accepted by: checking the other releases…
      </div>
    );
  const yes: string[] = [];
  const no = new Map<number, string[]>();
  accepted.labels.forEach((label, r) => {
    const id = accepted.rejected[r]?.[index] ?? -1;
    if (id < 0) yes.push(label);
    else no.set(id, [...(no.get(id) ?? []), label]);
  });
  return (
    <div className="vr-accepted" data-accepted={yes.join(' ')}>
      <span className="vr-accepted-yes">accepted by {yes.length ? yes.join(', ') : 'none of the releases'}</span>
      {no.size > 0 && (
        <ul className="vr-accepted-no">
          {[...no].map(([id, labels]) => (
            <li key={id}>
              <strong>{labels.join(', ')}</strong>: {accepted.reasons[id] ?? ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
