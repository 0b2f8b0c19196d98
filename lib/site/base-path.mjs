// The one normalisation of BASE_PATH, shared by next.config.ts, the site's
// links (lib/site/href.ts) and the export scripts (plain .mjs so Node can
// import it without a TypeScript loader). Guarantees '' or '/segment[/…]':
// a leading slash, no trailing slash, no doubled slashes, '' for '' and '/'.

/** @param {string | undefined} raw */
export function normaliseBasePath(raw) {
  const parts = (raw ?? '').trim().split('/').filter(Boolean);
  return parts.length ? '/' + parts.join('/') : '';
}
