// The editable textarea. A paste that would make the text larger than
// LARGE_INPUT, or give it a line longer than LONG_LINE, never enters it
// (seconds of layout): the page takes the text over and shows it in the
// read-only view instead.
import { forwardRef, useRef } from 'react';
import { needsLargeView } from './text-geometry';

const PLACEHOLDER =
  'Paste QMP events, commands and replies here (one JSON message, several, a JSON array,\nor a transcript with -> and <- lines, or a log), or drop a file.';

interface Props {
  value: string;
  wrap: boolean;
  readOnly?: boolean;
  label?: string;
  placeholder?: string;
  onText(text: string, pasted: boolean): void;
  onScroll(): void;
}

export const EditorText = forwardRef<HTMLTextAreaElement, Props>(function EditorText(
  { value, wrap, readOnly, label = 'QMP messages to validate', placeholder = PLACEHOLDER, onText, onScroll },
  ref,
) {
  // set once: later texts are written by the editor (an uncontrolled textarea keeps the user's caret)
  const initial = useRef(value).current;
  return (
    <textarea
      ref={ref}
      className="ve-textarea"
      defaultValue={initial}
      wrap={wrap ? 'soft' : 'off'}
      readOnly={readOnly}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
      aria-label={label}
      placeholder={placeholder}
      onPaste={(e) => {
        const ta = e.currentTarget;
        const pasted = e.clipboardData.getData('text/plain');
        const next = ta.value.slice(0, ta.selectionStart) + pasted + ta.value.slice(ta.selectionEnd);
        if (!needsLargeView(next)) return;
        e.preventDefault();
        onText(next, true);
      }}
      onInput={(e) => {
        const kind = (e.nativeEvent as InputEvent).inputType ?? '';
        onText(e.currentTarget.value, kind === 'insertFromPaste' || kind === 'insertFromDrop');
      }}
      onScroll={onScroll}
    />
  );
});
