// The notices above a page's text (the validator's, the review's): the share
// link (or why there is none), the banner after a text was replaced, with
// "Restore it" (the user's own latest text), and the list of earlier texts
// kept in this browser, which is there on every visit, a reload included,
// whenever it holds any.
import { MAX_FRAGMENT } from '@/lib/site/validator-share';
import type { EarlierText, TextOrigin } from './drafts';
import type { ShareState } from './useShareLink';
import type { Banner, useDraft } from './useDraft';

export const ORIGIN_NAMES: Record<TextOrigin, string> = {
  own: 'your text',
  shared: 'shared link',
  example: 'docs example',
  file: 'file',
  sample: 'example event',
};

/** `what`: what the link carries, as the page calls it ('messages', 'patch'). */
export function ShareNotice({
  share,
  what = 'messages',
  onDownload,
}: {
  share: ShareState;
  what?: string;
  onDownload(): void;
}) {
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
          The {what} travel{what.endsWith('s') ? '' : 's'} in the link&apos;s #fragment, which is never sent to a
          server.
        </span>
      </p>
    );
  if (share.state === 'too-long')
    return (
      <p className="vt-share vt-share-too-long" role="alert">
        Too long for a link: compressed, {what === 'messages' ? 'these messages' : `this ${what}`} need
        {what.endsWith('s') ? '' : 's'} {Math.ceil(share.size / 1024)} KB of URL, and links over {MAX_FRAGMENT / 1000}{' '}
        KB break in browsers and chat tools.{' '}
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

/** How a page names where a text came from, where it differs from ORIGIN_NAMES. */
type OriginNames = Partial<Record<TextOrigin, string>>;

interface ListProps {
  earlier: EarlierText[];
  onRestore(entry: EarlierText): void;
  originNames?: OriginNames;
}

/** The texts kept in this browser, each with a button that brings it back. */
function HistoryList({ earlier, onRestore, originNames }: ListProps) {
  const ORIGIN = { ...ORIGIN_NAMES, ...originNames };
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
function EarlierTexts({ earlier, onRestore, originNames }: ListProps) {
  if (!earlier.length) return null;
  return (
    <div className="vt-earlier">
      <HistoryList earlier={earlier} onRestore={onRestore} originNames={originNames} />
    </div>
  );
}

interface BannerProps {
  banner: NonNullable<Banner>;
  earlier: EarlierText[];
  onRestore(entry: EarlierText): void;
  onDismiss(): void;
  originNames?: OriginNames;
}

function DraftBanner({ banner, earlier, onRestore, onDismiss, originNames }: BannerProps) {
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
          {earlier.length > 1 && <HistoryList earlier={earlier} onRestore={onRestore} originNames={originNames} />}
        </>
      )}
      <button type="button" className="vt-dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

interface DraftNoticesProps {
  draft: Pick<ReturnType<typeof useDraft>, 'banner' | 'setBanner' | 'earlier' | 'storageNote'>;
  onRestore(entry: EarlierText): void;
  originNames?: OriginNames;
}

/** What a page says about its text: the banner after a replacement, else the earlier texts; storage refusals. */
export function DraftNotices({ draft, onRestore, originNames }: DraftNoticesProps) {
  return (
    <>
      {draft.banner ? (
        <DraftBanner
          banner={draft.banner}
          earlier={draft.earlier}
          originNames={originNames}
          onRestore={onRestore}
          onDismiss={() => draft.setBanner(null)}
        />
      ) : (
        <EarlierTexts earlier={draft.earlier} originNames={originNames} onRestore={onRestore} />
      )}
      {draft.storageNote && (
        <p className="vt-banner vt-banner-error" role="alert">
          {draft.storageNote}
        </p>
      )}
    </>
  );
}
