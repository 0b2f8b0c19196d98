// Everything interactive on the docs pages, as plain DOM code: the theme
// toggle, copy buttons, the sidebar's scroll position, the search dialog
// (search-dialog.ts), the lazy member expanders (expand.ts), the version
// switcher (version-switcher.ts), the filters of Changes pages (changes-filter.ts),
// the 404 page's search (not-found.ts) and landing near an #anchor the page
// lacks (missing-anchor.ts).
// The pages are static HTML rendered at build time; this script only attaches
// behaviour to markup the server already rendered (components/site/Shell.tsx,
// components/docs-html/frame/), so it runs the same with Next's runtime (via
// Enhancer.tsx) or, after scripts/postexport.mjs, as the page's only script
// (public site.js bundle).
import { initChangesFilters } from './changes-filter';
import { initExpanders } from './expand';
import { landOnMissingAnchor } from './missing-anchor';
import { initNotFound } from './not-found';
import { initSearch } from './search-dialog';
import { initVersionSwitcher } from './version-switcher';

/** The toggle's pressed state follows the theme (set before paint by lib/site/theme-script.ts). */
function showTheme(): void {
  const dark = document.documentElement.dataset.theme === 'dark';
  for (const b of document.querySelectorAll('.theme-toggle')) b.setAttribute('aria-pressed', String(dark));
}

function initTheme(): void {
  showTheme();
  document.addEventListener('click', (ev) => {
    if (!(ev.target as Element).closest?.('.theme-toggle')) return;
    const root = document.documentElement;
    const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    showTheme();
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
  initExpanders();
  initVersionSwitcher();
  initChangesFilters();
  initNotFound();
  landOnMissingAnchor();
  revealSidebarEntry();
}
