// The two ways a page's text leaves it, the same on every island: a link
// holding it (while none is being made) and a file; both need a text.
export function ShareButtons({
  hasText,
  sharing,
  onCopyLink,
  onDownload,
}: {
  hasText: boolean;
  sharing: boolean;
  onCopyLink(): void;
  onDownload(): void;
}) {
  return (
    <>
      <button type="button" onClick={onCopyLink} disabled={!hasText || sharing}>
        Copy link
      </button>
      <button type="button" onClick={onDownload} disabled={!hasText}>
        Download
      </button>
    </>
  );
}
