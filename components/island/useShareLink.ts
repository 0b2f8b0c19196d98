'use client';
// "Copy link": the page's link with its text compressed into the URL
// fragment (lib/site/validator-share.ts shareLink, made by the page), put on
// the clipboard (or shown when the clipboard is refused); too long for a URL
// becomes a download offer instead.
import { useCallback, useState } from 'react';
import type { ShareLink } from '@/lib/site/validator-share';

export type ShareState =
  | { state: 'idle' | 'working' }
  | { state: 'copied' | 'shown'; url: string }
  | { state: 'too-long'; size: number }
  | { state: 'failed'; message: string };

export function downloadText(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function useShareLink() {
  const [share, setShare] = useState<ShareState>({ state: 'idle' });
  const copyLink = useCallback(async (makeLink: () => Promise<ShareLink>) => {
    setShare({ state: 'working' });
    try {
      const link = await makeLink();
      if (!link.ok) return setShare({ state: 'too-long', size: link.fragmentLength });
      try {
        await navigator.clipboard.writeText(link.url);
        setShare({ state: 'copied', url: link.url });
      } catch {
        setShare({ state: 'shown', url: link.url });
      }
    } catch (err) {
      setShare({ state: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }, []);
  const reset = useCallback(() => setShare((s) => (s.state === 'idle' ? s : { state: 'idle' })), []);
  return { share, copyLink, reset };
}
