// "Your QEMU…": open or drop a query-qmp-schema reply (or a whole dump, such
// as libvirt's .replies files) to validate against that QEMU; when one is the
// chosen schema, a button forgets it (removes it from this browser).
import { useRef, useState } from 'react';

interface Props {
  onFile(file: File): void;
  /** the chosen schema is an own one: forget it */
  onForget: (() => void) | null;
}

export function OwnSchemaButton({ onFile, onForget }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <>
      <button
        type="button"
        className="vt-own"
        data-over={over ? '' : undefined}
        title="Open or drop a query-qmp-schema reply (or a dump holding one): validate against your own QEMU"
        onClick={() => input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOver(false);
          const f = e.dataTransfer.files[0];
          if (f) onFile(f);
        }}
      >
        Your QEMU…
      </button>
      <input
        ref={input}
        type="file"
        aria-label="Your QEMU's query-qmp-schema reply"
        accept=".json,.txt,.log,.replies,text/*,application/json"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
      {onForget && (
        <button type="button" onClick={onForget} title="Remove this schema from this browser">
          Forget it
        </button>
      )}
    </>
  );
}
