// The review's toolbar: the sample patch, open a file, the base (found by
// blob hash unless the user picks one of the site's source trees), and share
// or download the patch.
import { useRef } from 'react';
import { HiddenFileInput } from '@/components/island/HiddenFileInput';
import { ShareButtons } from '@/components/island/ShareButtons';
import type { ReviewPageData } from './page-data';

interface Props {
  data: ReviewPageData;
  base: string;
  hasText: boolean;
  sharing: boolean;
  onSample(): void;
  onFile(file: File): void;
  onBase(label: string): void;
  onCopyLink(): void;
  onDownload(): void;
}

export const PATCH_FILES = '.patch,.diff,.eml,.mbox,.txt,text/*,message/rfc822,application/mbox';

export function ReviewToolbar({
  data,
  base,
  hasText,
  sharing,
  onSample,
  onFile,
  onBase,
  onCopyLink,
  onDownload,
}: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="rv-toolbar" role="toolbar" aria-label="Review tools">
      {data.sample && (
        <button type="button" onClick={onSample}>
          Load the sample
        </button>
      )}
      <button type="button" onClick={() => fileInput.current?.click()}>
        Open file…
      </button>
      <HiddenFileInput ref={fileInput} accept={PATCH_FILES} label="Open a patch file" onFile={onFile} />
      <label className="rv-field">
        <span>Base</span>
        <select aria-label="Base" value={base} onChange={(e) => onBase(e.target.value)}>
          <option value="">found by blob hash</option>
          {data.bases.map((b) => (
            <option key={b.label} value={b.label}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
      <span className="rv-spacer" />
      <ShareButtons hasText={hasText} sharing={sharing} onCopyLink={onCopyLink} onDownload={onDownload} />
    </div>
  );
}
