// The search itself, the one definition of it: how the index is built from
// the shipped documents (lib/site/search-pack.ts), which documents a query
// finds (all its words, each as a word, a prefix or a near miss) and in what
// order. Runs in the browser (components/site/search-dialog.ts) and in the
// tests, so both search the same way. Pure; no DOM.
//
// Order: a definition named exactly as typed (same case first: `STOP` is the
// event, `stop` the command), then definitions whose name has every word of
// the query as a word of its own (`vfio` -> VFIO_MIGRATION), then members
// and values named exactly as typed, then names that start with the words,
// then the rest; within each, definitions before members (this release's
// before those only other releases have), then by MiniSearch's score. A word
// the index does not know is tried with two neighbouring letters swapped
// (`qurey-block`). Filters (since:, is:, changed:, lib/site/search-filter.ts)
// narrow the words' results; alone, they list what they match grouped by
// kind (events, commands, types, then members), by name.
import MiniSearch from 'minisearch';
import { matchesFilters, parseQuery } from './search-filter';
import type { SearchDoc } from './search-pack';

export type SearchHit = SearchDoc & { score: number };

/** Kinds that have a page of their own (or a section of the protocol page). */
const PAGE_KINDS = new Set(['event', 'command', 'struct', 'union', 'enum', 'alternate', 'module', 'protocol']);

/** MiniSearch's default tokenizer: split at spaces and punctuation (`-`, `_` included). */
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;

function words(text: string): string[] {
  return text.toLowerCase().split(SPLIT).filter(Boolean);
}

export function createSearchIndex(docs: SearchDoc[]): MiniSearch<SearchDoc> {
  const ms = new MiniSearch<SearchDoc>({
    fields: ['n', 'p', 't'],
    storeFields: ['k', 'n', 'p', 'h', 't', 's', 'f', 'c', 'w'],
    searchOptions: { boost: { n: 5, p: 1.5 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  ms.addAll(docs);
  return ms;
}

/** Does every word of the query start a word of the name ('blockdev cre' and blockdev-create)? */
function nameHasPrefixes(h: SearchHit, queryWords: string[]): boolean {
  const own = words(h.n);
  return queryWords.length > 0 && queryWords.every((w) => own.some((o) => o.startsWith(w)));
}

/** How well a hit's name matches the query, 0 is best; definitions and members are apart only after it. */
function tier(h: SearchHit, query: string, queryWords: string[]): number {
  const page = PAGE_KINDS.has(h.k);
  if (page && h.n === query) return 0;
  const lower = h.n.toLowerCase() === query.toLowerCase();
  if (page && lower) return 1;
  if (page && queryWords.length > 0) {
    const own = new Set(words(h.n));
    if (queryWords.every((w) => own.has(w))) return 2;
  }
  if (lower) return 3;
  return nameHasPrefixes(h, queryWords) ? 4 : 5;
}

/**
 * Order: the tier of the name's match; then, for the same match, definitions
 * (and modules, protocol words) before members, this release's definitions
 * before those only other releases have; then MiniSearch's score.
 */
export function rankHits(query: string, hits: SearchHit[]): SearchHit[] {
  const q = query.trim();
  const queryWords = words(q);
  const keyed = hits.map((h) => ({
    h,
    tier: tier(h, q, queryWords),
    page: PAGE_KINDS.has(h.k) ? (h.w ? 1 : 0) : 2,
  }));
  keyed.sort((a, b) => a.tier - b.tier || a.page - b.page || b.h.score - a.h.score);
  return keyed.map((x) => x.h);
}

/** The groups a list of filter results shows, in this order (since:11.0 lists events, then commands …). */
export const RESULT_GROUPS = ['Events', 'Commands', 'Types', 'Members', 'Modules', 'Protocol'] as const;

export function resultGroup(k: string): (typeof RESULT_GROUPS)[number] {
  switch (k) {
    case 'event':
      return 'Events';
    case 'command':
      return 'Commands';
    case 'struct':
    case 'union':
    case 'enum':
    case 'alternate':
      return 'Types';
    case 'module':
      return 'Modules';
    case 'protocol':
      return 'Protocol';
    default:
      return 'Members';
  }
}

/** The word with two neighbouring letters swapped, each way ('qurey' -> 'uqrey', 'qruey', 'query', 'qurye'). */
function transpositions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++)
    if (word[i] !== word[i + 1]) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  return out;
}

/**
 * The query with each word the index has no term for (not even as a prefix)
 * replaced by a transposition of two neighbouring letters that it has
 * ('qurey-block' -> 'query-block'), or null when no word needed it.
 * MiniSearch's fuzzy match counts a transposition as two edits, more than
 * it allows for short words.
 */
export function correctTranspositions(index: MiniSearch<SearchDoc>, text: string): string | null {
  const known = (w: string) => index.search(w, { prefix: true, fuzzy: false }).length > 0;
  let changed = false;
  const parts = text.split(/([\n\r\p{Z}\p{P}]+)/u).map((part, i) => {
    if (i % 2 === 1 || part.length < 3 || known(part)) return part;
    const fixed = transpositions(part).find(known);
    if (fixed) changed = true;
    return fixed ?? part;
  });
  return changed ? parts.join('') : null;
}

export interface SearchResult {
  hits: SearchHit[];
  /** what is wrong with a filter of the query */
  error?: string;
  /** the words searched instead, when some had two letters swapped ('query-block' for 'qurey-block') */
  corrected?: string;
}

/**
 * The ranked hits of a query: documents that match every word of it and
 * every filter. `releases`: the site's releases, oldest first (the index's).
 * Filters alone list what they match grouped by kind (resultGroup: events,
 * commands, types, then members), by name within a group.
 */
export function searchQuery(index: MiniSearch<SearchDoc>, query: string, releases: string[] = []): SearchResult {
  const q = parseQuery(query, releases);
  if (q.error) return { hits: [], error: q.error };
  const filter = q.filters.length ? (r: unknown) => matchesFilters(r as SearchDoc, q.filters) : undefined;
  if (!q.text) {
    if (!filter) return { hits: [] };
    const hits = index.search(MiniSearch.wildcard, { filter }) as unknown as SearchHit[];
    const group = (h: SearchHit) => RESULT_GROUPS.indexOf(resultGroup(h.k));
    hits.sort((a, b) => group(a) - group(b) || (a.n < b.n ? -1 : a.n > b.n ? 1 : a.id - b.id));
    return { hits };
  }
  const corrected = correctTranspositions(index, q.text);
  const text = corrected ?? q.text;
  const hits = rankHits(text, index.search(text, { combineWith: 'AND', filter }) as unknown as SearchHit[]);
  return corrected ? { hits, corrected } : { hits };
}

/** The ranked hits of a query (no filter errors: none found). */
export function searchDocs(index: MiniSearch<SearchDoc>, query: string, releases: string[] = []): SearchHit[] {
  return searchQuery(index, query, releases).hits;
}
