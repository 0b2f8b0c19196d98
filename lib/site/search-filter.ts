// The search's filters, typed among the words of a query: `since:11.0`
// (documented Since: that release, or a release under it: `since:10` is any
// 10.x), `is:deprecated`, `is:unstable` (carries that feature) and
// `changed:A..B` (a definition added or changed on the wire between releases
// A and B of the site, by the diffs of lib/diff). Receives the query and the
// site's releases (oldest first, as the index ships them); guarantees the
// remaining words, the filters, or one message saying what is wrong with a
// filter. Pure, no imports: bundled into the browser script.
import type { SearchDoc } from './search-pack';

export type Filter =
  { kind: 'since'; version: string } | { kind: 'is'; flag: 'd' | 'u' } | { kind: 'changed'; steps: Set<number> };

export interface ParsedQuery {
  /** the query without its filters */
  text: string;
  filters: Filter[];
  error?: string;
}

const TOKEN = /^(since|is|changed):(.*)$/i;

function parseFilter(key: string, value: string, releases: string[]): Filter | string {
  if (key === 'since') {
    return /^\d+(\.\d+)*$/.test(value) ? { kind: 'since', version: value } : `since: takes a version, e.g. since:11.0`;
  }
  if (key === 'is') {
    if (value === 'deprecated') return { kind: 'is', flag: 'd' };
    if (value === 'unstable') return { kind: 'is', flag: 'u' };
    return 'is: takes deprecated or unstable';
  }
  if (releases.length < 2) return 'changed: needs a site with two releases or more';
  const [a = '', b, extra] = value.split('..');
  const i = releases.indexOf(a);
  const j = b === undefined ? -1 : releases.indexOf(b);
  if (extra !== undefined || i < 0 || j < 0) return `changed: takes two releases, A..B, of ${releases.join(', ')}`;
  const steps = new Set<number>();
  for (let k = Math.min(i, j); k < Math.max(i, j); k++) steps.add(k);
  return { kind: 'changed', steps };
}

export function parseQuery(query: string, releases: string[] = []): ParsedQuery {
  const words: string[] = [];
  const filters: Filter[] = [];
  for (const word of query.trim().split(/\s+/)) {
    const m = TOKEN.exec(word);
    if (!m) {
      if (word) words.push(word);
      continue;
    }
    const f = parseFilter(m[1]!.toLowerCase(), m[2]!, releases);
    if (typeof f === 'string') return { text: words.join(' '), filters, error: f };
    filters.push(f);
  }
  return { text: words.join(' '), filters };
}

function matches(doc: SearchDoc, f: Filter): boolean {
  switch (f.kind) {
    case 'since':
      return !!doc.s && (doc.s === f.version || doc.s.startsWith(`${f.version}.`));
    case 'is':
      return !!doc.f?.includes(f.flag);
    case 'changed':
      return !!doc.c?.some((step) => f.steps.has(step));
  }
}

export function matchesFilters(doc: SearchDoc, filters: Filter[]): boolean {
  return filters.every((f) => matches(doc, f));
}
