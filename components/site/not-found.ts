// The 404 page (app/not-found.tsx), served for any missing path: its button
// searches, through the top bar's search dialog, for the name the path ends
// in (/events/BLOCK_JOB_COMPLETE/ -> BLOCK_JOB_COMPLETE), which is most often
// a definition that moved, was renamed or is not in that release.

/** Longer path segments are not names: the button then offers a plain search. */
const MAX_NAME = 64;

/** The name a missing page's path ends in, or '' ('/v/7.2.0/events/FOO/' -> 'FOO'). */
export function nameInPath(pathname: string): string {
  const segments = pathname.split('/').filter((s) => s && s !== 'index.html');
  let last = segments.at(-1) ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // a malformed escape: the raw segment
  }
  last = last.replace(/\.html$/, '').trim();
  return last.length <= MAX_NAME && /^[\w.+-]+$/.test(last) ? last : '';
}

export function initNotFound(): void {
  const button = document.querySelector<HTMLButtonElement>('.not-found-search');
  if (!button) return;
  const name = nameInPath(location.pathname);
  button.textContent = name ? `Search for ${name}` : 'Search the schema';
  button.hidden = false;
  button.addEventListener('click', () => {
    document.querySelector<HTMLButtonElement>('.topbar .search-button')?.click();
    const input = document.querySelector<HTMLInputElement>('dialog.search-dialog .search-input');
    if (!input || !name) return;
    input.value = name;
    input.dispatchEvent(new Event('input'));
  });
}
