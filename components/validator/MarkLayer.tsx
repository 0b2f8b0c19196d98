// The overlay over the editor's text: issue underlines (placed by
// placeMarks, only those in view) and the highlight of a selected spot in the
// read-only view.
import { boundText } from '@/components/island/bounded-text';
import type { PlacedMark } from './place-marks';

export function MarkLayer({ placed, lit }: { placed: PlacedMark[]; lit: PlacedMark | undefined }) {
  return (
    <div className="ve-marks" aria-hidden="true">
      {lit && <span className="ve-highlight" style={{ top: lit.top, left: lit.left, width: lit.width }} />}
      {placed.map((v) => (
        <span
          key={v.key}
          className={`ve-mark ve-mark-${v.mark.severity}`}
          style={{ top: v.top, left: v.left, width: v.width }}
          title={`${v.mark.severity}: ${boundText(v.mark.text, 200)}`}
        />
      ))}
    </div>
  );
}
