// The line above the editor: the wrap toggle and, for a large input, what
// view it is in with a way to switch.
import { LARGE_INPUT, LONG_LINE } from './text-geometry';

interface Props {
  length: number;
  lineCount: number;
  /** the input is too large, or has a line too long, for the textarea */
  needsView: boolean;
  /** in the read-only view of a large input */
  large: boolean;
  wrapped: boolean;
  onWrap(wrap: boolean): void;
  onEditAsText(edit: boolean): void;
}

const formatSize = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);

export function EditorBar({ length, lineCount, needsView, large, wrapped, onWrap, onEditAsText }: Props) {
  return (
    <div className="ve-bar">
      <label className="ve-wrap-toggle" title={large ? 'The read-only view of a large input does not wrap' : undefined}>
        <input type="checkbox" checked={wrapped} disabled={large} onChange={(e) => onWrap(e.target.checked)} /> Wrap
        long lines
      </label>
      {needsView && (
        <span className="ve-large-note" role="status">
          {length > LARGE_INPUT
            ? `Large input (${formatSize(length)}, ${lineCount.toLocaleString('en')} lines) `
            : `Input with a line over ${LONG_LINE.toLocaleString('en')} characters `}
          {large
            ? 'is shown read-only so the page stays fast; paste here to replace it. '
            : 'is in the text editor, which may be slow. '}
          <button type="button" onClick={() => onEditAsText(large)}>
            {large ? 'Edit as text (slow)' : 'Back to the fast view'}
          </button>
        </span>
      )}
    </div>
  );
}
