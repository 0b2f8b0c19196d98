// Everything interactive on the docs pages, as plain DOM code: the theme
// toggle, copy buttons, and the search dialog (Ctrl+K / Cmd+K / '/').
// The pages are static HTML rendered at build time; this script only attaches
// behaviour to markup the server already rendered (components/site/Shell.tsx),
// so it runs the same with Next's runtime (via Enhancer.tsx) or, after
// scripts/postexport.mjs, as the page's only script (public site.js bundle).
// Search results are built with textContent only: index text is never HTML.
import MiniSearch from 'minisearch';
import { unpackSearchDocs, type PackedIndex, type SearchDoc } from '@/lib/site/search-pack';

type Doc = SearchDoc;

type Hit = Doc & { score: number };

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
const DEFINITION_KINDS = new Set(['event', 'command', 'struct', 'union', 'enum', 'alternate']);

function initTheme(): void {
  document.addEventListener('click', (ev) => {
    if (!(ev.target as Element).closest?.('.theme-toggle')) return;
    const root = document.documentElement;
    const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // storage disabled: the choice lasts for this page
    }
  });
}

function initCopy(): void {
  document.addEventListener('click', async (ev) => {
    const button = (ev.target as Element).closest?.('.copy-button') as HTMLButtonElement | null;
    if (!button) return;
    const pre = button.closest('figure')?.querySelector('pre');
    let state = 'copied';
    try {
      await navigator.clipboard.writeText(pre?.textContent ?? '');
    } catch {
      state = 'failed';
    }
    button.dataset.state = state;
    button.textContent = state === 'copied' ? 'Copied' : 'Copy failed';
    setTimeout(() => {
      button.dataset.state = 'idle';
      button.textContent = 'Copy';
    }, 1500);
  });
}

export function rankHits(query: string, hits: Hit[]): Hit[] {
  const q = query.trim().toLowerCase();
  const bonus = (h: Hit) => (h.n.toLowerCase() === q ? 3 : 1) * (DEFINITION_KINDS.has(h.k) ? 1.3 : 1);
  return hits.map((h) => ({ ...h, score: h.score * bonus(h) })).sort((a, b) => b.score - a.score);
}

export function createSearchIndex(docs: Doc[]): MiniSearch<Doc> {
  const ms = new MiniSearch<Doc>({
    fields: ['n', 'p', 't'],
    storeFields: ['k', 'n', 'p', 'h', 't'],
    searchOptions: { boost: { n: 5, p: 1.5 }, prefix: true, fuzzy: 0.15 },
  });
  ms.addAll(docs);
  return ms;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function initSearch(): void {
  const button = document.querySelector<HTMLButtonElement>('.search-button');
  const dialog = document.querySelector<HTMLDialogElement>('dialog.search-dialog');
  const input = dialog?.querySelector<HTMLInputElement>('.search-input');
  const status = dialog?.querySelector<HTMLElement>('.search-status');
  const list = dialog?.querySelector<HTMLUListElement>('.search-results');
  if (!button || !dialog || !input || !status || !list) return;
  const indexUrl = button.dataset.index!;
  const base = button.dataset.base ?? '';
  let index: MiniSearch<Doc> | null = null;
  let loading = false;
  let hits: Hit[] = [];
  let active = 0;

  const setStatus = (text: string) => {
    status.textContent = text;
  };

  const render = () => {
    list.replaceChildren(
      ...hits.map((h, i) => {
        const li = el('li', i === active ? 'active' : '');
        li.id = `sr-${h.id}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(i === active));
        const a = el('a', '');
        a.href = base + h.h;
        a.append(el('span', `kind kind-${h.k}`, KIND_LABEL[h.k] ?? h.k));
        const name = el('span', 'result-name');
        name.append(el('code', '', h.n));
        if (h.p && h.k !== 'module') name.append(el('span', 'result-parent', ` in ${h.p}`));
        a.append(name);
        if (h.t) a.append(el('span', 'result-snippet', h.t));
        li.append(a);
        li.addEventListener('mouseenter', () => {
          active = i;
          highlight();
        });
        return li;
      }),
    );
    if (hits[active]) input.setAttribute('aria-activedescendant', `sr-${hits[active]!.id}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const highlight = () => {
    list.querySelectorAll('li').forEach((li, i) => {
      li.classList.toggle('active', i === active);
      li.setAttribute('aria-selected', String(i === active));
      if (i === active) li.scrollIntoView({ block: 'nearest' });
    });
    if (hits[active]) input.setAttribute('aria-activedescendant', `sr-${hits[active]!.id}`);
  };

  const search = () => {
    const q = input.value;
    if (!index) return;
    if (!q.trim()) {
      hits = [];
      setStatus('Type a name, a member or words from the docs. ↑↓ to move, Enter to open, Esc to close.');
    } else {
      let found = index.search(q, { combineWith: 'AND' }) as unknown as Hit[];
      if (found.length === 0) found = index.search(q) as unknown as Hit[];
      hits = rankHits(q, found).slice(0, 40);
      setStatus(hits.length ? `${found.length} result${found.length === 1 ? '' : 's'}` : 'No results.');
    }
    active = 0;
    render();
  };

  const open = () => {
    if (dialog.open) return;
    dialog.showModal();
    input.select();
    if (index || loading) return;
    loading = true;
    setStatus('Loading index…');
    fetch(indexUrl)
      .then((r) => {
        if (!r.ok) throw new Error(String(r.status));
        return r.json() as Promise<PackedIndex>;
      })
      .then((packed) => {
        index = createSearchIndex(unpackSearchDocs(packed));
        search();
      })
      .catch(() => setStatus('The search index could not be loaded.'))
      .finally(() => {
        loading = false;
      });
  };

  const go = (h: Hit | undefined) => {
    if (!h) return;
    dialog.close();
    window.location.href = base + h.h;
  };

  button.addEventListener('click', open);
  dialog.addEventListener('click', (ev) => {
    if (ev.target === dialog) dialog.close();
    const a = (ev.target as Element).closest?.('a');
    if (a && list.contains(a)) {
      ev.preventDefault();
      go(hits[[...list.children].indexOf(a.parentElement!)]);
    }
  });
  input.addEventListener('input', search);
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      active = Math.min(active + 1, hits.length - 1);
      highlight();
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      active = Math.max(active - 1, 0);
      highlight();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      go(hits[active]);
    }
  });
  document.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if ((ev.key === 'k' || ev.key === 'K') && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      open();
    } else if (ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      open();
    }
  });
  button.dataset.ready = 'true';
}

/** Bring the current page's entry into view in the (independently scrolling) sidebar. */
function revealSidebarEntry(): void {
  const sidebar = document.querySelector<HTMLElement>('.sidebar');
  const current = sidebar?.querySelector<HTMLElement>('[aria-current="page"]');
  if (!sidebar || !current || sidebar.scrollHeight <= sidebar.clientHeight) return;
  const top = current.getBoundingClientRect().top - sidebar.getBoundingClientRect().top;
  if (top > sidebar.clientHeight - 40) sidebar.scrollTop += top - sidebar.clientHeight / 3;
}

/** Attach all behaviour once per document. */
export function enhance(): void {
  const root = document.documentElement;
  if (root.dataset.enhanced === 'true') return;
  root.dataset.enhanced = 'true';
  initTheme();
  initCopy();
  initSearch();
  revealSidebarEntry();
}
