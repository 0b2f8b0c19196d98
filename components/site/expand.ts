// Lazy expanders of the doc pages: a <details data-expand="…/expand.html">
// that the page did not fill at build time (components/docs-html/LazyExpander)
// gets the type's exported fragment when a reader first opens it. Until then
// (and if the fetch fails) it shows a link to the type's page. Fragments are
// our own build output (escaped at build time), inserted as HTML.
const cache = new Map<string, Promise<string>>();

function load(url: string): Promise<string> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))));
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

async function fill(details: HTMLDetailsElement): Promise<void> {
  const url = details.dataset.expand;
  if (!url || details.dataset.state === 'loading' || details.dataset.state === 'loaded') return;
  details.dataset.state = 'loading';
  const fallback = details.querySelector<HTMLElement>(':scope > .expand-fallback');
  try {
    const html = await load(url);
    const holder = document.createElement('div');
    holder.className = 'expansion';
    holder.innerHTML = html;
    if (fallback) fallback.replaceWith(holder);
    else details.append(holder);
    details.dataset.state = 'loaded';
  } catch {
    details.dataset.state = 'failed';
    fallback?.prepend('Could not load this expansion. ');
  }
}

export function initExpanders(): void {
  // 'toggle' does not bubble: listen in the capture phase, for fragments inserted later too
  document.addEventListener(
    'toggle',
    (ev) => {
      const d = ev.target as HTMLDetailsElement;
      if (d instanceof HTMLDetailsElement && d.open && d.dataset.expand) void fill(d);
    },
    true,
  );
}
