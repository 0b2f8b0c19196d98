// The header's version switcher (markup: components/docs-html/frame/Frame.tsx,
// a <details> menu of links, one per version, each to the same page in that
// version or to its absent page). This adds: the current #anchor on links to
// the same page, closing on Escape (focus back on the button) and on a click
// or focus outside, arrow keys / Home / End between the entries, and on the
// validator page the version its schema select shows (the page is shared by
// every version; the select is the validator island's, components/validator).
// Following an entry remembers the row the reader was at, for the next page to
// say what it lacks (missing-anchor.ts).
import { rememberLeftAnchor } from './missing-anchor';

function links(menu: HTMLElement): HTMLAnchorElement[] {
  return [...menu.querySelectorAll<HTMLAnchorElement>('ul a[data-version]')];
}

/** Same-page links carry the page's current fragment (#m-member, #example-2 …). */
function keepAnchor(menu: HTMLElement): void {
  for (const a of links(menu)) {
    if (a.dataset.keepHash !== 'true') continue;
    const url = new URL(a.href, location.href);
    url.hash = location.hash;
    a.setAttribute('href', url.pathname + url.search + url.hash);
  }
}

function showVersion(menu: HTMLElement, label: string): void {
  const entries = links(menu);
  const entry = entries.find((a) => a.dataset.version === label) ?? entries.find((a) => a.dataset.default === 'true');
  if (!entry) return;
  const current = entry.dataset.version!;
  const text = menu.querySelector('.version-current');
  if (text) text.textContent = current;
  const summary = menu.querySelector('summary');
  summary?.setAttribute('aria-label', `Schema version ${current}, change version`);
  summary?.setAttribute('title', current);
  for (const a of entries) {
    if (a === entry) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  }
}

/** The version the validator opens with: `?version=`, or the one a shared or example fragment names. */
function validatorVersion(): string {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  if ((fragment.has('z') || fragment.has('example')) && fragment.has('version')) return fragment.get('version') ?? '';
  return new URLSearchParams(location.search).get('version') ?? '';
}

function followValidator(menu: HTMLElement): void {
  showVersion(menu, validatorVersion());
  document.addEventListener('change', (ev) => {
    const select = ev.target as HTMLSelectElement;
    if (select.matches?.('#validator-root select[aria-label="Schema version"]')) showVersion(menu, select.value);
  });
}

export function initVersionSwitcher(): void {
  const menu = document.querySelector<HTMLDetailsElement>('details.version-switcher');
  if (!menu) return;
  const summary = menu.querySelector('summary')!;
  const close = (refocus: boolean) => {
    if (!menu.open) return;
    menu.open = false;
    if (refocus) summary.focus();
  };

  keepAnchor(menu);
  window.addEventListener('hashchange', () => keepAnchor(menu));
  menu.addEventListener('click', (ev) => {
    if ((ev.target as Element).closest?.('a[data-keep-hash]')) rememberLeftAnchor();
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && menu.open) {
      ev.preventDefault();
      close(menu.contains(document.activeElement));
    }
  });
  document.addEventListener('click', (ev) => {
    if (menu.open && !menu.contains(ev.target as Node)) close(false);
  });
  menu.addEventListener('focusout', (ev) => {
    const next = ev.relatedTarget as Node | null;
    if (next && !menu.contains(next)) close(false);
  });
  menu.addEventListener('keydown', (ev) => {
    const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
    if (!keys.includes(ev.key)) return;
    ev.preventDefault();
    menu.open = true;
    const all = links(menu);
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    const current = Math.max(
      0,
      all.findIndex((a) => a.hasAttribute('aria-current')),
    );
    let next: number;
    if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = all.length - 1;
    else if (at < 0) next = ev.key === 'ArrowDown' ? current : all.length - 1;
    else next = (at + (ev.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length;
    all[next]?.focus();
  });
  if (document.getElementById('validator-root')) followValidator(menu);
}
