'use client';
// A page's text and everything that may replace it (the validator's messages,
// the review's patch). Guarantees that
// nothing the user typed is lost: the text is saved per tab (drafts.ts); a
// shared link (at load or arriving later through `hashchange`), an example or
// a file first puts the text it replaces into the history, and the banner
// offers to restore the user's own text. The fragment is read, then removed,
// so a reload shows the latest text rather than the link's.
import { useCallback, useEffect, useRef, useState } from 'react';
import { readFragment, type SharedInput } from '@/lib/site/validator-share';
import type { DraftStore, EarlierText, TextOrigin } from './drafts';

export type Banner = { kind: 'replaced' | 'info' | 'error'; message: string } | null;

/** What the banner says when a link's fragment opened a text, by the link's kind. */
export type OpenedMessages = Record<SharedInput['source'], string>;

/** `drafts`: the page's store (draftStore), created once at module level. */
export function useDraft(
  drafts: DraftStore,
  opened: OpenedMessages,
  onFragmentVersion: (version: string | undefined) => void,
) {
  const { listHistory, loadDraft, loadHistoryText, pushHistory, saveDraft, storageKey } = drafts;
  const [ready, setReady] = useState(false);
  const [text, setText] = useState('');
  const [banner, setBanner] = useState<Banner>(null);
  const [earlier, setEarlier] = useState<EarlierText[]>([]);
  const [storageNote, setStorageNote] = useState<string | null>(null);
  const latest = useRef({ text: '', origin: 'own' as TextOrigin });
  latest.current.text = text;
  /** the text this tab last saved (or loaded) */
  const saved = useRef<string | null>(null);
  const versionRef = useRef(onFragmentVersion);
  versionRef.current = onFragmentVersion;

  /** Puts `next` in place of the current text, keeping the current one in the history. */
  const replaceText = useCallback(async (next: string, origin: TextOrigin, message: string) => {
    const current = latest.current;
    const kept = current.text.trim() !== '' && current.text !== next;
    if (kept && !(await pushHistory(current.text, current.origin))) {
      setStorageNote('This browser refused to keep your previous text (storage disabled or full).');
    }
    setEarlier(listHistory());
    setBanner(kept || listHistory().length ? { kind: 'replaced', message } : null);
    latest.current = { text: next, origin };
    setText(next);
  }, []);

  const openFragment = useCallback(
    async (hash: string) => {
      const fragment = await readFragment(hash);
      if (!fragment) return false;
      window.history.replaceState(window.history.state, '', location.pathname + location.search);
      if ('error' in fragment) setBanner({ kind: 'error', message: fragment.error });
      else {
        versionRef.current(fragment.version);
        await replaceText(fragment.text, fragment.source, opened[fragment.source]);
      }
      return true;
    },
    [replaceText],
  );

  // first load: this tab's draft, then a shared link over it
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const draft = await loadDraft();
      if (cancelled) return;
      latest.current = draft ?? { text: '', origin: 'own' };
      saved.current = latest.current.text;
      setText(latest.current.text);
      setEarlier(listHistory());
      if (location.hash) await openFragment(location.hash);
      if (!cancelled) setReady(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [openFragment]);

  // a shared link opened in this already open tab
  useEffect(() => {
    if (!ready) return;
    const onHash = () => void openFragment(location.hash);
    const onStorage = (e: StorageEvent) => e.key === storageKey('history') && setEarlier(listHistory());
    addEventListener('hashchange', onHash);
    addEventListener('storage', onStorage);
    return () => {
      removeEventListener('hashchange', onHash);
      removeEventListener('storage', onStorage);
    };
  }, [ready, openFragment]);

  // keep the text (debounced; flushed when the tab is hidden)
  useEffect(() => {
    if (!ready) return;
    const flush = () => {
      const { text, origin } = latest.current;
      // an unchanged text is not saved again: that would make it the latest draft for new tabs
      if (text === saved.current) return;
      saved.current = text;
      void saveDraft(text, origin).then((ok) =>
        setStorageNote(
          ok ? null : 'This browser refused to keep the text (storage disabled or full): download it to keep it.',
        ),
      );
    };
    const timer = setTimeout(flush, text.length > 1_000_000 ? 1500 : 300);
    const onHide = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHide);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [text, ready]);

  /** The user's own edit. */
  const editText = useCallback((next: string) => {
    latest.current = { text: next, origin: 'own' };
    setText(next);
  }, []);

  const restore = useCallback(
    async (entry: EarlierText) => {
      const stored = await loadHistoryText(entry.id);
      if (stored === null) setBanner({ kind: 'error', message: 'That text is no longer stored in this browser.' });
      else await replaceText(stored, entry.origin, 'Restored an earlier text.');
    },
    [replaceText],
  );

  return { ready, text, banner, setBanner, earlier, storageNote, editText, replaceText, restore, latest };
}
