// The search dialog (Ctrl+K / Cmd+K / '/'), as plain DOM code attached to the
// markup of components/docs-html/frame/SearchBox.tsx. The index is fetched
// when the dialog first opens; searching and ranking are lib/site/search-engine.ts.
// Results are built with textContent only: index text is never HTML. A
// definition only other releases have says where it is (search-where.ts);
// filters alone list their results under a heading per kind.
import type MiniSearch from 'minisearch';
import { createSearchIndex, resultGroup, searchQuery, type SearchHit } from '@/lib/site/search-engine';
import { parseQuery } from '@/lib/site/search-filter';
import { whereText } from '@/lib/site/search-where';
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

/** The index's releases (oldest first) and its own, to say where a definition it lacks is. */
interface Where {
  releases: string[];
  here?: string;
}

/** One result row: kind, name (and owner), snippet; for a definition only other releases have, where it is. */
function resultItem(h: SearchHit, base: string, where: Where): HTMLLIElement {
  const li = el('li', h.w ? 'result-elsewhere' : '');
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
  const snippet = h.w ? whereText(where.releases, h.w, where.here) : h.t;
  if (snippet) a.append(el('span', 'result-snippet', snippet));
  li.append(a);
  return li;
}

/** The heading of a group of results (filters alone list them by kind): not an option, skipped by the keys. */
function groupHeading(title: string): HTMLLIElement {
  const li = el('li', 'result-group', title);
  li.setAttribute('role', 'presentation');
  return li;
}

interface LoadedIndex extends Where {
  index: MiniSearch<SearchDoc>;
}

async function loadIndex(url: string): Promise<LoadedIndex> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(String(response.status));
  const packed = (await response.json()) as PackedIndex;
  return { index: createSearchIndex(unpackSearchDocs(packed)), releases: packed.releases ?? [], here: packed.here };
}

const HELP =
  'Type a name, a member or words from the docs; filter with since:11.0, is:deprecated, is:unstable' +
  ' or changed:A..B. ↑↓ to move, Enter to open, Esc to close.';

function statusText(query: string, total: number, error?: string, corrected?: string): string {
  if (error) return error;
  if (!query.trim()) return HELP;
  if (corrected) return `${total} result${total === 1 ? '' : 's'} for ${corrected}`;
  if (total) return `${total} result${total === 1 ? '' : 's'}`;
  return query.trim().includes(' ') ? 'No results with all of these words.' : 'No results.';
}

/** The results listbox and the combobox state that goes with it (active option, expanded). */
class ResultList {
  hits: SearchHit[] = [];
  active = 0;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly base: string,
  ) {}

  /** `grouped`: a heading before each kind of result (resultGroup), as filters alone list them. */
  show(hits: SearchHit[], where: Where, grouped = false): void {
    this.hits = hits;
    this.active = 0;
    const rows: HTMLLIElement[] = [];
    hits.forEach((h, i) => {
      const group = resultGroup(h.k);
      if (grouped && (i === 0 || resultGroup(hits[i - 1]!.k) !== group)) rows.push(groupHeading(group));
      rows.push(resultItem(h, this.base, where));
    });
    this.list.replaceChildren(...rows);
    this.highlight();
  }

  private options(): HTMLLIElement[] {
    return [...this.list.querySelectorAll<HTMLLIElement>('li[role="option"]')];
  }

  /** Moves the active option by `delta`, staying within the list. */
  move(delta: number): void {
    this.select(Math.max(0, Math.min(this.active + delta, this.hits.length - 1)));
  }

  select(i: number): void {
    if (i === this.active || !this.hits[i]) return;
    this.active = i;
    this.highlight();
  }

  /** The index of the option an event happened in, or -1. */
  indexOf(target: EventTarget | null): number {
    const li = (target as Element | null)?.closest?.<HTMLLIElement>('li[role="option"]');
    return li && this.list.contains(li) ? this.options().indexOf(li) : -1;
  }

  private highlight(): void {
    this.options().forEach((li, i) => {
      li.classList.toggle('active', i === this.active);
      li.setAttribute('aria-selected', String(i === this.active));
      if (i === this.active) li.scrollIntoView({ block: 'nearest' });
    });
    this.input.setAttribute('aria-expanded', String(this.hits.length > 0));
    const current = this.hits[this.active];
    if (current) this.input.setAttribute('aria-activedescendant', `sr-${current.id}`);
    else this.input.removeAttribute('aria-activedescendant');
  }
}

/** Opens the dialog on Ctrl+K / Cmd+K anywhere, and on '/' outside text fields. */
function bindShortcuts(open: () => void): void {
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
}

export function initSearch(): void {
  const parts = findParts();
  if (!parts) return;
  const { button, dialog, input, status, list } = parts;
  const base = button.dataset.base ?? '';
  const results = new ResultList(input, list, base);
  let index: LoadedIndex | null = null;
  let loading = false;

  const search = () => {
    if (!index) return;
    const { hits, error, corrected } = searchQuery(index.index, input.value, index.releases);
    status.textContent = statusText(input.value, hits.length, error, corrected);
    results.show(hits.slice(0, MAX_RESULTS), index, !parseQuery(input.value, index.releases).text);
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
    const i = results.indexOf(ev.target);
    if (i >= 0) {
      ev.preventDefault();
      go(results.hits[i]);
    }
  });
  list.addEventListener('mousemove', (ev) => results.select(results.indexOf(ev.target)));
  input.addEventListener('input', search);
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') results.move(ev.key === 'ArrowDown' ? 1 : -1);
    else if (ev.key === 'Enter') go(results.hits[results.active]);
    else if (ev.key === 'Escape')
      dialog.close(); // one Esc closes (a text field's own Esc would only clear it)
    else return;
    ev.preventDefault();
  });
  bindShortcuts(open);
  button.dataset.ready = 'true';
}
