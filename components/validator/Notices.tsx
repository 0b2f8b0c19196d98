// The notices above the editor: the share link (or why there is none), the
// banner after a text was replaced, with "Restore it" (the user's own latest
// text), and the list of earlier texts kept in this browser, which is there
// on every visit, a reload included, whenever it holds any.
import { MAX_FRAGMENT } from '@/lib/site/validator-share';
import type { EarlierText, TextOrigin } from './drafts';
import type { ShareState } from './useShareLink';
import type { Banner } from './useDraft';

const ORIGIN: Record<TextOrigin, string> = {
  own: 'your text',
  shared: 'shared link',
  example: 'docs example',
  file: 'file',
  sample: 'example event',
};

export function ShareNotice({ share, onDownload }: { share: ShareState; onDownload(): void }) {
  if (share.state === 'copied' || share.state === 'shown')
    return (
      <p className="vt-share" role="status">
        {share.state === 'copied' ? 'Link copied. ' : 'Copy this link: '}
        <input
          className="vt-share-url"
          readOnly
          value={share.url}
          onFocus={(e) => e.currentTarget.select()}
          aria-label="Share link"
        />
        <span className="muted">
          {' '}
          The messages travel in the link&apos;s #fragment, which is never sent to a server.
        </span>
      </p>
    );
  if (share.state === 'too-long')
    return (
      <p className="vt-share vt-share-too-long" role="alert">
        Too long for a link: compressed, these messages need {Math.ceil(share.size / 1024)} KB of URL, and links over{' '}
        {MAX_FRAGMENT / 1000} KB break in browsers and chat tools.{' '}
        <button type="button" onClick={onDownload}>
          Download the file
        </button>{' '}
        and share it instead.
      </p>
    );
  if (share.state === 'failed')
    return (
      <p className="vt-share" role="alert">
        Could not make a link: {share.message}
      </p>
    );
  return null;
}

/** The texts kept in this browser, each with a button that brings it back. */
function HistoryList({ earlier, onRestore }: { earlier: EarlierText[]; onRestore(entry: EarlierText): void }) {
  return (
    <details className="vt-history">
      <summary>Earlier texts ({earlier.length})</summary>
      <ul>
        {earlier.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              onClick={() => onRestore(e)}
              aria-label={`Restore ${e.origin === 'own' ? 'your text' : `the ${ORIGIN[e.origin]}`} from ${new Date(e.at).toLocaleTimeString()}`}
            >
              Restore
            </button>{' '}
            {ORIGIN[e.origin]}, {e.length.toLocaleString('en')} characters, {new Date(e.at).toLocaleTimeString()}:{' '}
            <code>{e.preview.slice(0, 60)}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The way back to earlier texts when no banner offers it: after a reload, on any visit. */
export function EarlierTexts({ earlier, onRestore }: { earlier: EarlierText[]; onRestore(entry: EarlierText): void }) {
  if (!earlier.length) return null;
  return (
    <div className="vt-earlier">
      <HistoryList earlier={earlier} onRestore={onRestore} />
    </div>
  );
}

interface BannerProps {
  banner: NonNullable<Banner>;
  earlier: EarlierText[];
  onRestore(entry: EarlierText): void;
  onDismiss(): void;
}

export function DraftBanner({ banner, earlier, onRestore, onDismiss }: BannerProps) {
  const own = earlier.find((e) => e.origin === 'own') ?? earlier[0];
  return (
    <div className={`vt-banner vt-banner-${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
      {banner.message}
      {banner.kind === 'replaced' && own && (
        <>
          {' '}
          Your {own.origin === 'own' ? '' : 'previous '}text is kept:{' '}
          <button type="button" onClick={() => onRestore(own)}>
            Restore it
          </button>
          {earlier.length > 1 && <HistoryList earlier={earlier} onRestore={onRestore} />}
        </>
      )}
      <button type="button" className="vt-dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
