// The search dialog (Ctrl+K / Cmd+K / '/'), as plain DOM code attached to the
// markup of components/docs-html/frame/SearchBox.tsx. The index is fetched
// when the dialog first opens; searching and ranking are lib/site/search-engine.ts.
// Results are built with textContent only: index text is never HTML.
import type MiniSearch from 'minisearch';
import { createSearchIndex, searchDocs, type SearchHit } from '@/lib/site/search-engine';
import { unpackSearchDocs, type PackedIndex, type SearchDoc } from '@/lib/site/search-pack';

const MAX_RESULTS = 40;

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
  branch: 'Branch',
  protocol: 'Protocol',
};

interface Parts {
  button: HTMLButtonElement;
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  status: HTMLElement;
  list: HTMLUListElement;
}

function findParts(): Parts | null {
  const button = document.querySelector<HTMLButtonElement>('.search-button');
  const dialog = document.querySelector<HTMLDialogElement>('dialog.search-dialog');
  const input = dialog?.querySelector<HTMLInputElement>('.search-input');
  const status = dialog?.querySelector<HTMLElement>('.search-status');
  const list = dialog?.querySelector<HTMLUListElement>('.search-results');
  return button && dialog && input && status && list ? { button, dialog, input, status, list } : null;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One result row: kind, name (and owner), snippet. */
function resultItem(h: SearchHit, base: string): HTMLLIElement {
  const li = el('li', '');
  li.id = `sr-${h.id}`;
  li.setAttribute('role', 'option');
  const a = el('a', '');
  a.href = base + h.h;
  a.tabIndex = -1;
  a.append(el('span', `kind kind-${h.k}`, KIND_LABEL[h.k] ?? h.k));
  const name = el('span', 'result-name');
  name.append(el('code', '', h.n));
  if (h.p && h.k !== 'module') name.append(el('span', 'result-parent', ` in ${h.p}`));
  a.append(name);
  if (h.t) a.append(el('span', 'result-snippet', h.t));
  li.append(a);
  return li;
}

async function loadIndex(url: string): Promise<MiniSearch<SearchDoc>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(String(response.status));
  return createSearchIndex(unpackSearchDocs((await response.json()) as PackedIndex));
}

const HELP = 'Type a name, a member or words from the docs. ↑↓ to move, Enter to open, Esc to close.';

export function initSearch(): void {
  const parts = findParts();
  if (!parts) return;
  const { button, dialog, input, status, list } = parts;
  const base = button.dataset.base ?? '';
  let index: MiniSearch<SearchDoc> | null = null;
  let loading = false;
  let hits: SearchHit[] = [];
  let active = 0;

  const highlight = () => {
    list.querySelectorAll('li').forEach((li, i) => {
      li.classList.toggle('active', i === active);
      li.setAttribute('aria-selected', String(i === active));
      if (i === active) li.scrollIntoView({ block: 'nearest' });
    });
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (hits[active]) input.setAttribute('aria-activedescendant', `sr-${hits[active]!.id}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const search = () => {
    if (!index) return;
    const q = input.value;
    let total = 0;
    if (q.trim()) {
      const found = searchDocs(index, q);
      total = found.length;
      hits = found.slice(0, MAX_RESULTS);
    } else {
      hits = [];
    }
    status.textContent = !q.trim()
      ? HELP
      : total
        ? `${total} result${total === 1 ? '' : 's'}`
        : q.trim().includes(' ')
          ? 'No results with all of these words.'
          : 'No results.';
    active = 0;
    list.replaceChildren(...hits.map((h) => resultItem(h, base)));
    highlight();
  };

  const open = () => {
    if (dialog.open) return;
    dialog.showModal();
    input.select();
    if (index || loading) return;
    loading = true;
    status.textContent = 'Loading index…';
    loadIndex(button.dataset.index!)
      .then((loaded) => {
        index = loaded;
        search();
      })
      .catch(() => {
        status.textContent = 'The search index could not be loaded.';
      })
      .finally(() => {
        loading = false;
      });
  };

  const go = (h: SearchHit | undefined) => {
    if (!h) return;
    dialog.close();
    window.location.href = base + h.h;
  };

  button.addEventListener('click', open);
  dialog.addEventListener('click', (ev) => {
    if (ev.target === dialog) dialog.close();
    const li = (ev.target as Element).closest?.('li');
    if (li && list.contains(li)) {
      ev.preventDefault();
      go(hits[[...list.children].indexOf(li)]);
    }
  });
  list.addEventListener('mousemove', (ev) => {
    const li = (ev.target as Element).closest?.('li');
    const i = li ? [...list.children].indexOf(li) : -1;
    if (i >= 0 && i !== active) {
      active = i;
      highlight();
    }
  });
  input.addEventListener('input', search);
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      active = Math.max(0, Math.min(active + (ev.key === 'ArrowDown' ? 1 : -1), hits.length - 1));
      highlight();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      go(hits[active]);
    } else if (ev.key === 'Escape') {
      // One Esc closes the dialog (a text field's own Esc would only clear it first).
      ev.preventDefault();
      dialog.close();
    }
  });
  document.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    const ctrlK = (ev.key === 'k' || ev.key === 'K') && (ev.ctrlKey || ev.metaKey);
    const slash = ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey;
    if (ctrlK || slash) {
      ev.preventDefault();
      open();
    }
  });
  button.dataset.ready = 'true';
}
