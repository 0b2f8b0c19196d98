// One line above the results saying what the checker is doing: loading,
// checking (with progress for large inputs), failed, or how long it took.
import type { ValidationState } from './validation-state';

export function StatusLine({ ready, checked }: { ready: boolean; checked: ValidationState }) {
  const pct = checked.progress ? Math.round((100 * checked.progress.done) / checked.progress.total) : 0;
  const n = checked.result?.counts.messages ?? 0;
  const text = !ready
    ? 'Loading…'
    : checked.status === 'checking'
      ? checked.progress
        ? `Checking… ${pct}% (${checked.progress.messages.toLocaleString('en')} messages so far)`
        : 'Checking…'
      : checked.status === 'failed'
        ? `Could not check: ${checked.error}`
        : checked.status === 'done'
          ? `Checked ${n.toLocaleString('en')} message${n === 1 ? '' : 's'} in ${Math.round(checked.ms)} ms, in your browser.`
          : '';
  return (
    <p className="vt-status" aria-live="polite">
      {text}
      {checked.progress && <progress max={100} value={pct} />}
    </p>
  );
}
