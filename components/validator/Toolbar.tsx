// The validator's toolbar: insert an example event, open a file, the checking
// options (the schema: a site release or your own QEMU's), and share or download the text. Every control has a fixed width,
// so nothing moves when the example list fills in after the model loads.
import { useRef } from 'react';
import type { PageOptions } from '@/lib/site/validator-share';
import type { VersionInfo } from './version-info';
import { HiddenFileInput } from '@/components/island/HiddenFileInput';
import { ShareButtons } from '@/components/island/ShareButtons';
import { SchemaSelect } from './SchemaSelect';

interface Props {
  events: string[];
  versions: VersionInfo[];
  options: PageOptions;
  hasText: boolean;
  sharing: boolean;
  onOptions(o: PageOptions): void;
  onExample(name: string): void;
  onFile(file: File): void;
  onOwnFile(file: File): void;
  onForgetOwn: (() => void) | null;
  onCopyLink(): void;
  onDownload(): void;
}

export function Toolbar({
  events,
  versions,
  options,
  hasText,
  sharing,
  onOptions,
  onExample,
  onFile,
  onOwnFile,
  onForgetOwn,
  onCopyLink,
  onDownload,
}: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="vt-toolbar" role="toolbar" aria-label="Validator tools">
      <label className="vt-field vt-field-example">
        <span>Example</span>
        <select
          aria-label="Insert a minimal valid event"
          value=""
          disabled={!events.length}
          onChange={(e) => e.target.value && onExample(e.target.value)}
        >
          <option value="">{events.length ? `an event (${events.length})…` : 'loading…'}</option>
          {events.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Open file…
      </button>
      <HiddenFileInput ref={fileInput} accept=".json,.txt,.log,.qmp,.out,text/*,application/json" onFile={onFile} />
      <label className="vt-field">
        <span>Unknown members</span>
        <select
          aria-label="Mode"
          value={options.mode}
          onChange={(e) => onOptions({ ...options, mode: e.target.value === 'lenient' ? 'lenient' : 'strict' })}
        >
          <option value="strict">strict: error</option>
          <option value="lenient">lenient: warning</option>
        </select>
      </label>
      <label className="vt-field">
        <span>Deprecated</span>
        <select
          aria-label="Deprecated"
          value={options.deprecated}
          onChange={(e) => onOptions({ ...options, deprecated: e.target.value === 'error' ? 'error' : 'warn' })}
        >
          <option value="warn">warning</option>
          <option value="error">error</option>
        </select>
      </label>
      <SchemaSelect
        versions={versions}
        value={options.version}
        onChange={(version) => onOptions({ ...options, version })}
        onOwnFile={onOwnFile}
        onForgetOwn={onForgetOwn}
      />
      <span className="vt-spacer" />
      <ShareButtons hasText={hasText} sharing={sharing} onCopyLink={onCopyLink} onDownload={onDownload} />
    </div>
  );
}
