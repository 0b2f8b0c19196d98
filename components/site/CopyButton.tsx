'use client';
// Copies the text of the code block in the same <figure>. Reads the DOM rather
// than taking the text as a prop so the example is not shipped twice.
import { useState } from 'react';

export function CopyButton() {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className="copy-button"
      aria-label="Copy example"
      data-state={state}
      onClick={async (event) => {
        const pre = event.currentTarget.closest('figure')?.querySelector('pre');
        try {
          await navigator.clipboard.writeText(pre?.textContent ?? '');
          setState('copied');
        } catch {
          setState('failed');
        }
        setTimeout(() => setState('idle'), 1500);
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}
