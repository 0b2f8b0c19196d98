// A definition's doc page made into one preview among others on the /review
// page: its headings moved below the page's own; its ids (and the in-page
// links and ARIA references to them) scoped to the preview, so two previews
// never share an id; links to pages the base
// release does not have (what the patch adds) pointed at the previews
// instead; and the rows the patch adds, changes or removes marked. Works on
// HTML of our own components (lib/site/html escapes every attribute value,
// so no '"' occurs inside one). Pure.
import type { Change } from '@/lib/diff';
import { changeSides } from '@/lib/site/change-links';
import type { SiteSchema } from '@/lib/site/site-schema';

export type MarkKind = 'added' | 'removed' | 'changed';

const REFERENCES = / (id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"/g;
const IN_PAGE = / href="#([^"]*)"/g;
const HREF = / href="([^"#]*)(#[^"]*)?"/g;

/** Every heading `by` levels lower (h1 -> h3 for by = 2), h6 at most. */
export function lowerHeadings(html: string, by: number): string {
  return html.replace(/<(\/?)h([1-6])\b/g, (_, close: string, n: string) => `<${close}h${Math.min(6, Number(n) + by)}`);
}

/** Ids and in-page references prefixed with `scope`. */
export function scopeIds(html: string, scope: string): string {
  return html
    .replace(REFERENCES, (_, attr: string, v: string) => ` ${attr}="${v.replace(/\S+/g, (id) => scope + id)}"`)
    .replace(IN_PAGE, (_, id: string) => ` href="#${scope}${id}"`);
}

/** Links whose page (before any '#') is a key of `to` go to its value instead, an in-page anchor. */
export function redirectLinks(html: string, to: ReadonlyMap<string, string>): string {
  return html.replace(HREF, (whole, page: string) => {
    const target = to.get(page);
    return target === undefined ? whole : ` href="#${target}"`;
  });
}

/**
 * The anchors on a definition's page (after the patch, and in the base) of
 * the rows its changes are about, with how each changed.
 */
export function changedRows(
  changes: Change[],
  base: SiteSchema,
  patched: SiteSchema,
): { after: Map<string, MarkKind>; before: Map<string, MarkKind> } {
  const after = new Map<string, MarkKind>();
  const before = new Map<string, MarkKind>();
  for (const c of changes) {
    const sides = changeSides(c, base, patched);
    const removed = c.kind.endsWith('-removed');
    const onNew = sides.new?.split('#')[1];
    const onOld = sides.old?.split('#')[1];
    if (onNew && !removed) after.set(onNew, c.kind.endsWith('-added') ? 'added' : 'changed');
    if (onOld) before.set(onOld, removed ? 'removed' : 'changed');
  }
  return { after, before };
}

/** The elements with these ids (unscoped) get data-review-mark; returns the HTML and how many were marked. */
export function markRows(html: string, marks: ReadonlyMap<string, MarkKind>): { html: string; marked: number } {
  let marked = 0;
  const out = html.replace(/ id="([^"]*)"/g, (whole, id: string) => {
    const kind = marks.get(id);
    if (!kind) return whole;
    marked++;
    return `${whole} data-review-mark="${kind}"`;
  });
  return { html: out, marked };
}
