'use client';
// The /validate page's island: toolbar (examples, file, options, share),
// the editor and the results. Owns the page state and its persistence:
// options in the query string, shared input in the fragment (read once, then
// removed so a reload shows the user's latest text), the text in local
// storage. Nothing the user typed is ever dropped: whatever replaces it
// (example, file, shared link) first stores it as "previous", restorable.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_PAGE_OPTIONS, optionsSearch, readFragment, readOptions, shareLink, MAX_FRAGMENT, type PageOptions } from '@/lib/site/validator-share';
import { Editor, type EditorHandle, type Mark } from './Editor.client';
import { Results } from './Results.client';
import { loadPrevious, loadText, savePrevious, saveText } from './storage';
import { useValidation } from './useValidation';

export interface VersionInfo {
  label: string;
  isDefault: boolean;
  /** URL of the compact model JSON (base path included) */
  modelUrl: string;
  /** base path + version prefix of the docs pages */
  docsBase: string;
}

type Banner = { kind: 'replaced'; message: string } | { kind: 'info' | 'error'; message: string } | null;
type Share = { state: 'idle' | 'working' } | { state: 'copied' | 'shown'; url: string } | { state: 'too-long'; size: number } | { state: 'failed'; message: string };

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ValidatorApp({ versions }: { versions: VersionInfo[] }) {
  const [ready, setReady] = useState(false);
  const [text, setText] = useState('');
  const [options, setOptions] = useState<PageOptions>(DEFAULT_PAGE_OPTIONS);
  const [banner, setBanner] = useState<Banner>(null);
  const [share, setShare] = useState<Share>({ state: 'idle' });
  const [storageNote, setStorageNote] = useState<string | null>(null);
  const editor = useRef<EditorHandle>(null);
  const immediate = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const latest = useRef(text);
  latest.current = text;

  const version = versions.find((v) => v.label === options.version) ?? versions.find((v) => v.isDefault) ?? versions[0]!;
  const checked = useValidation(ready ? text : '', options, version.modelUrl, immediate);

  // first load: options from the query, input from the fragment or storage
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const labels = versions.filter((v) => !v.isDefault).map((v) => v.label);
      const opts = readOptions(location.search, labels);
      const [fragment, stored] = await Promise.all([readFragment(location.hash), loadText()]);
      if (cancelled) return;
      let initial = stored ?? '';
      if (fragment && 'error' in fragment) {
        setBanner({ kind: 'error', message: fragment.error });
      } else if (fragment) {
        if (fragment.version !== undefined) opts.version = labels.includes(fragment.version) ? fragment.version : '';
        if (stored && stored.trim() && stored !== fragment.text) {
          await savePrevious(stored);
          setBanner({ kind: 'replaced', message: fragment.source === 'shared' ? 'Opened the shared messages.' : 'Opened the example from the docs.' });
        }
        initial = fragment.text;
      }
      history.replaceState(history.state, '', location.pathname + optionsSearch(opts));
      immediate.current = true;
      setOptions(opts);
      setText(initial);
      setReady(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [versions]);

  // options live in the URL
  useEffect(() => {
    if (ready) history.replaceState(history.state, '', location.pathname + optionsSearch(options) + location.hash);
  }, [options, ready]);

  // keep the text (debounced; flushed when the tab is hidden)
  useEffect(() => {
    if (!ready) return;
    const flush = () => {
      void saveText(latest.current).then((ok) =>
        setStorageNote(ok ? null : 'This browser refused to keep the text (storage disabled or full): download it to keep it.'),
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

  const replaceText = useCallback(async (next: string, message: string) => {
    const current = latest.current;
    if (current.trim() && current !== next) {
      await savePrevious(current);
      setBanner({ kind: 'replaced', message });
    } else {
      setBanner(null);
    }
    immediate.current = true;
    setText(next);
    setShare({ state: 'idle' });
  }, []);

  const onText = useCallback((next: string, pasted: boolean) => {
    if (pasted) immediate.current = true;
    setText(next);
    setShare((s) => (s.state === 'idle' ? s : { state: 'idle' }));
  }, []);

  const openFile = useCallback(
    async (file: File) => {
      try {
        await replaceText(await file.text(), `Opened ${file.name}.`);
      } catch {
        setBanner({ kind: 'error', message: `Could not read ${file.name}.` });
      }
    },
    [replaceText],
  );

  const restore = useCallback(async () => {
    const previous = await loadPrevious();
    if (previous === null) setBanner({ kind: 'error', message: 'The previous text is no longer stored in this browser.' });
    else await replaceText(previous, 'Restored your previous text.');
  }, [replaceText]);

  const copyLink = useCallback(async () => {
    setShare({ state: 'working' });
    try {
      const link = await shareLink(location.href, latest.current, options);
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
  }, [options]);

  const marks = useMemo<Mark[]>(() => {
    const out: Mark[] = [];
    for (const m of checked.result?.messages ?? []) {
      for (const i of m.issues) {
        out.push({ line: i.line, col: i.col, endLine: i.endLine, endCol: i.endCol, severity: i.severity, title: `${i.severity}: ${i.text}` });
        if (out.length >= 100_000) break;
      }
    }
    return out.sort((a, b) => a.line - b.line || a.col - b.col);
  }, [checked.result]);

  const select = useCallback((at: { line: number; col: number; endLine: number; endCol: number }) => {
    editor.current?.select(at.line, at.col, at.endLine, at.endCol);
  }, []);

  const pct = checked.progress ? Math.round((100 * checked.progress.done) / checked.progress.total) : 0;
  return (
    <div className="validator" data-state={ready ? checked.status : 'loading'} data-length={checked.resultLength}>
      <div className="vt-toolbar" role="toolbar" aria-label="Validator tools">
        <label className="vt-field">
          <span>Example</span>
          <select
            aria-label="Insert a minimal valid event"
            value=""
            disabled={!checked.events.length}
            onChange={async (e) => {
              const name = e.target.value;
              const sample = name ? await checked.requestSample(name) : null;
              if (sample) await replaceText(sample, `Inserted a minimal ${name} event.`);
            }}
          >
            <option value="">{checked.events.length ? `an event (${checked.events.length})…` : 'loading…'}</option>
            {checked.events.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Open file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.txt,.log,.qmp,text/*,application/json"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void openFile(f);
            e.target.value = '';
          }}
        />
        <label className="vt-field">
          <span>Unknown members</span>
          <select aria-label="Mode" value={options.mode} onChange={(e) => setOptions({ ...options, mode: e.target.value === 'lenient' ? 'lenient' : 'strict' })}>
            <option value="strict">strict: error</option>
            <option value="lenient">lenient: warning</option>
          </select>
        </label>
        <label className="vt-field">
          <span>Deprecated</span>
          <select aria-label="Deprecated" value={options.deprecated} onChange={(e) => setOptions({ ...options, deprecated: e.target.value === 'error' ? 'error' : 'warn' })}>
            <option value="warn">warning</option>
            <option value="error">error</option>
          </select>
        </label>
        {versions.length > 1 && (
          <label className="vt-field">
            <span>Schema</span>
            <select aria-label="Schema version" value={options.version} onChange={(e) => setOptions({ ...options, version: e.target.value })}>
              {versions.map((v) => (
                <option key={v.label} value={v.isDefault ? '' : v.label}>
                  {v.label}
                  {v.isDefault ? ' (default)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="vt-spacer" />
        <button type="button" onClick={copyLink} disabled={!text || share.state === 'working'}>
          Copy link
        </button>
        <button type="button" onClick={() => download(latest.current, 'qmp-messages.txt')} disabled={!text}>
          Download
        </button>
      </div>

      {share.state === 'copied' || share.state === 'shown' ? (
        <p className="vt-share" role="status">
          {share.state === 'copied' ? 'Link copied. ' : 'Copy this link: '}
          <input className="vt-share-url" readOnly value={share.url} onFocus={(e) => e.currentTarget.select()} aria-label="Share link" />
          <span className="muted"> The messages travel in the link&apos;s #fragment, which is never sent to a server.</span>
        </p>
      ) : share.state === 'too-long' ? (
        <p className="vt-share vt-share-too-long" role="alert">
          Too long for a link: compressed, these messages need {Math.ceil(share.size / 1024)} KB of URL, and links over {MAX_FRAGMENT / 1000} KB break in
          browsers and chat tools. <button type="button" onClick={() => download(latest.current, 'qmp-messages.txt')}>Download the file</button> and share it instead.
        </p>
      ) : share.state === 'failed' ? (
        <p className="vt-share" role="alert">Could not make a link: {share.message}</p>
      ) : null}

      {banner && (
        <p className={`vt-banner vt-banner-${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
          {banner.message}
          {banner.kind === 'replaced' && (
            <>
              {' '}Your previous text is kept: <button type="button" onClick={restore}>Restore it</button>
            </>
          )}
          <button type="button" className="vt-dismiss" aria-label="Dismiss" onClick={() => setBanner(null)}>
            ×
          </button>
        </p>
      )}
      {storageNote && <p className="vt-banner vt-banner-error" role="alert">{storageNote}</p>}

      <div className="vt-panes">
        <Editor ref={editor} value={text} onText={onText} onReplace={replaceText} marks={marks} onDropFile={openFile} readOnly={!ready} />
        <div className="vt-results">
          <p className="vt-status" aria-live="polite">
            {!ready
              ? 'Loading…'
              : checked.status === 'checking'
                ? checked.progress
                  ? `Checking… ${pct}% (${checked.progress.messages.toLocaleString('en')} messages so far)`
                  : 'Checking…'
                : checked.status === 'failed'
                  ? `Could not check: ${checked.error}`
                  : checked.status === 'done'
                    ? `Checked ${plural(checked.result?.counts.messages ?? 0, 'message')} in ${Math.round(checked.ms)} ms, in your browser (nothing is sent anywhere).`
                    : ''}
            {checked.progress && <progress max={100} value={pct} />}
          </p>
          {checked.result && <Results result={checked.result} kinds={checked.kinds} docsBase={version.docsBase} onSelect={select} />}
        </div>
      </div>
    </div>
  );
}
