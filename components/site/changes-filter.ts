// The filters of a Changes page (markup: components/docs-html/ChangesFilters.tsx):
// each change carries data-verdict, data-action, data-def and data-dir; a
// documentation-only change data-action="doc" and data-def. Changing a filter
// hides the changes it leaves out, then every group, module and section left
// without a visible change, and says how many are shown. Listens on the
// document, so a pair computed in the browser (changes-client.ts) is filtered
// the same way.

const ITEMS = 'li.change, li.doc-change';

interface Chosen {
  incompatible: boolean;
  action: string;
  defs: Set<string>;
  dir: string;
}

function chosen(form: HTMLFormElement): Chosen {
  const data = new FormData(form);
  return {
    incompatible: data.has('incompatible'),
    action: String(data.get('action') ?? ''),
    defs: new Set(data.getAll('def').map(String)),
    dir: String(data.get('dir') ?? ''),
  };
}

/** Whether a change stays: a doc-only change only while no wire filter is chosen. */
export function keeps(item: DOMStringMap, c: Chosen): boolean {
  if (!c.defs.has(item.def ?? '')) return false;
  if (item.action === 'doc') return !c.incompatible && !c.action && !c.dir;
  return (
    (!c.incompatible || item.verdict === 'incompatible') &&
    (!c.action || item.action === c.action) &&
    (!c.dir || item.dir === c.dir || item.dir === 'both')
  );
}

function apply(form: HTMLFormElement): void {
  const page = form.closest('.changes-page');
  if (!page) return;
  const c = chosen(form);
  const items = [...page.querySelectorAll<HTMLElement>(ITEMS)];
  let shown = 0;
  for (const item of items) {
    item.hidden = !keeps(item.dataset, c);
    if (!item.hidden) shown++;
  }
  for (const box of page.querySelectorAll<HTMLElement>('.change-def, .change-module, .change-section'))
    box.hidden = !box.querySelector('li.change:not([hidden]), li.doc-change:not([hidden])');
  const count = form.querySelector('.filter-count');
  if (count) count.textContent = `${shown} of ${items.length} shown`;
}

export function initChangesFilters(): void {
  document.addEventListener('change', (ev) => {
    const form = (ev.target as Element).closest?.<HTMLFormElement>('form.changes-filters');
    if (form) apply(form);
  });
  // a form the browser restored (back to the page) filters at once
  document.querySelectorAll<HTMLFormElement>('form.changes-filters').forEach(apply);
}
