// A hidden file input, opened through its ref by a button or a select's
// action; hands over the one file chosen and clears itself, so choosing the
// same file again is seen again.
import { forwardRef } from 'react';

interface Props {
  accept: string;
  /** its name for assistive technology, when the control that opens it does not say */
  label?: string;
  onFile(file: File): void;
}

export const HiddenFileInput = forwardRef<HTMLInputElement, Props>(function HiddenFileInput(
  { accept, label, onFile },
  ref,
) {
  return (
    <input
      ref={ref}
      type="file"
      aria-label={label}
      accept={accept}
      hidden
      onChange={(e) => {
        const f = e.target.files?.[0];
        if (f) onFile(f);
        e.target.value = '';
      }}
    />
  );
});
