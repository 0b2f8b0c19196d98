'use client';
// The search dialog: opened by the header button, Ctrl+K / Cmd+K or '/'.
// Fetches the version's search-index JSON on first open and indexes it with
// MiniSearch in the browser; results show kind, name, owner, snippet and link
// straight to the definition or member anchor. Fully keyboard driven.
import MiniSearch from 'minisearch';
import { useCallback, useEffect, useRef, useState } from 'react';

interface Doc {
  id: number;
  k: string;
  n: string;
  p?: string;
  h: string;
  t?: string;
}

type Result = Doc & { score: number };

const KIND_LABEL: Record<string, string> = {
  event: 'Event',
  command: 'Command',
  struct: 'Struct',
  union: 'Union',
  enum: 'Enum',
  alternate: 'Alternate',
  member: 'Member',
  value: 'Value',
  module: 'Module',
};

function createIndex(docs: Doc[]): MiniSearch<Doc> {
  const ms = new MiniSearch<Doc>({
    fields: ['n', 'p', 't'],
    storeFields: ['k', 'n', 'p', 'h', 't'],
    searchOptions: { boost: { n: 5, p: 1.5 }, prefix: true, fuzzy: 0.15 },
  });
  ms.addAll(docs);
  return ms;
}

function rank(query: string, hits: Result[]): Result[] {
  const q = query.trim().toLowerCase();
  const defKinds = new Set(['event', 'command', 'struct', 'union', 'enum', 'alternate']);
  const bonus = (r: Result) => (r.n.toLowerCase() === q ? 3 : 1) * (defKinds.has(r.k) ? 1.3 : 1);
  return hits.map((r) => ({ ...r, score: r.score * bonus(r) })).sort((a, b) => b.score - a.score);
}

export function Search({ indexUrl, base }: { indexUrl: string; base: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const index = useRef<MiniSearch<Doc> | null>(null);
  const [status, setStatus] = useState<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Result[]>([]);
  const [active, setActive] = useState(0);

  const open = useCallback(() => {
    const d = dialog.current;
    if (!d || d.open) return;
    d.showModal();
    input.current?.select();
    if (index.current || status === 'loading') return;
    setStatus('loading');
    fetch(indexUrl)
      .then((r) => {
        if (!r.ok) throw new Error(String(r.status));
        return r.json() as Promise<Doc[]>;
      })
      .then((docs) => {
        index.current = createIndex(docs);
        setStatus('ready');
      })
      .catch(() => setStatus('error'));
  }, [indexUrl, status]);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const target = ev.target as HTMLElement | null;
      const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if ((ev.key === 'k' || ev.key === 'K') && (ev.ctrlKey || ev.metaKey)) {
        ev.preventDefault();
        open();
      } else if (ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
        ev.preventDefault();
        open();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  useEffect(() => {
    const ms = index.current;
    if (!ms || !query.trim()) {
      setResults([]);
      return;
    }
    let hits = ms.search(query, { combineWith: 'AND' }) as unknown as Result[];
    if (hits.length === 0) hits = ms.search(query) as unknown as Result[];
    setResults(rank(query, hits).slice(0, 40));
    setActive(0);
  }, [query, status]);

  const go = (r: Result | undefined) => {
    if (!r) return;
    dialog.current?.close();
    window.location.href = base + r.h;
  };

  return (
    <>
      <button type="button" className="search-button" onClick={open} aria-haspopup="dialog" aria-keyshortcuts="Control+K /">
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M20 20l-4-4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="search-label">Search</span>
        <kbd>Ctrl K</kbd>
      </button>
      <dialog
        ref={dialog}
        className="search-dialog"
        aria-label="Search the schema"
        onClick={(ev) => {
          if (ev.target === dialog.current) dialog.current?.close();
        }}
      >
        <div className="search-panel">
          <input
            ref={input}
            type="search"
            className="search-input"
            placeholder="Search events, commands, types, members, values…"
            aria-label="Search"
            aria-controls="search-results"
            aria-activedescendant={results[active] ? `sr-${results[active]!.id}` : undefined}
            value={query}
            onChange={(ev) => setQuery(ev.target.value)}
            onKeyDown={(ev) => {
              if (ev.key === 'ArrowDown') {
                ev.preventDefault();
                setActive((a) => Math.min(a + 1, results.length - 1));
              } else if (ev.key === 'ArrowUp') {
                ev.preventDefault();
                setActive((a) => Math.max(a - 1, 0));
              } else if (ev.key === 'Enter') {
                ev.preventDefault();
                go(results[active]);
              }
            }}
          />
          <div className="search-status" aria-live="polite">
            {status === 'loading' && 'Loading index…'}
            {status === 'error' && 'The search index could not be loaded.'}
            {status === 'ready' && query.trim() && results.length === 0 && 'No results.'}
            {status === 'ready' && !query.trim() && 'Type a name, a member or words from the docs. ↑↓ to move, Enter to open, Esc to close.'}
          </div>
          <ul id="search-results" className="search-results" role="listbox" aria-label="Results">
            {results.map((r, i) => (
              <li key={r.id} id={`sr-${r.id}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined} onMouseEnter={() => setActive(i)}>
                <a href={base + r.h} onClick={(ev) => { ev.preventDefault(); go(r); }}>
                  <span className={`kind kind-${r.k}`}>{KIND_LABEL[r.k] ?? r.k}</span>
                  <span className="result-name">
                    <code>{r.n}</code>
                    {r.p && r.k !== 'module' && <span className="result-parent"> in {r.p}</span>}
                  </span>
                  {r.t && <span className="result-snippet">{r.t}</span>}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </dialog>
    </>
  );
}
