// The schema select: the site's releases, the user's own QEMU schemas, and
// two actions in the same list (so the toolbar keeps one row): "Your QEMU's
// schema…" opens a query-qmp-schema reply or any dump holding one (a file
// dropped on the select does the same), and "Forget …" removes the chosen own
// schema from this browser.
import { useRef, useState } from 'react';
import { HiddenFileInput } from '@/components/island/HiddenFileInput';
import type { VersionInfo } from './version-info';

const OPEN = '\u0000open';
const FORGET = '\u0000forget';

interface Props {
  versions: VersionInfo[];
  /** '' = the default */
  value: string;
  onChange(version: string): void;
  onOwnFile(file: File): void;
  /** the chosen schema is an own one: forget it */
  onForgetOwn: (() => void) | null;
}

export function SchemaSelect({ versions, value, onChange, onOwnFile, onForgetOwn }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const chosen = versions.find((v) => v.label === value);
  return (
    <label className="vt-field">
      <span>Schema</span>
      <select
        aria-label="Schema version"
        title="A release of this site, or your own QEMU's query-qmp-schema reply (open or drop a file here)"
        value={value}
        data-over={over ? '' : undefined}
        onChange={(e) => {
          if (e.target.value === OPEN) input.current?.click();
          else if (e.target.value === FORGET) onForgetOwn?.();
          else onChange(e.target.value);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const f = e.dataTransfer.files[0];
          if (f) onOwnFile(f);
        }}
      >
        {versions.map((v) => (
          <option key={v.label} value={v.isDefault ? '' : v.label}>
            {v.title ?? v.label}
            {v.isDefault ? ' (default)' : ''}
          </option>
        ))}
        <option value={OPEN}>Your QEMU&apos;s schema…</option>
        {onForgetOwn && chosen && <option value={FORGET}>Forget {chosen.title ?? chosen.label}</option>}
      </select>
      <HiddenFileInput
        ref={input}
        label="Your QEMU's query-qmp-schema reply"
        accept=".json,.txt,.log,.replies,text/*,application/json"
        onFile={onOwnFile}
      />
    </label>
  );
}
