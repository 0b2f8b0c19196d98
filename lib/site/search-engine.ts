// The search itself, the one definition of it: how the index is built from
// the shipped documents (lib/site/search-pack.ts) and how a query's hits are
// ranked. Runs in the browser (components/site/search-dialog.ts) and in the
// tests, so both search the same way. Pure; no DOM.
import MiniSearch from 'minisearch';
import type { SearchDoc } from './search-pack';

export type SearchHit = SearchDoc & { score: number };

const DEFINITION_KINDS = new Set(['event', 'command', 'struct', 'union', 'enum', 'alternate']);

export function createSearchIndex(docs: SearchDoc[]): MiniSearch<SearchDoc> {
  const ms = new MiniSearch<SearchDoc>({
    fields: ['n', 'p', 't'],
    storeFields: ['k', 'n', 'p', 'h', 't'],
    searchOptions: { boost: { n: 5, p: 1.5 }, prefix: true, fuzzy: 0.15 },
  });
  ms.addAll(docs);
  return ms;
}

export function rankHits(query: string, hits: SearchHit[]): SearchHit[] {
  const q = query.trim().toLowerCase();
  const bonus = (h: SearchHit) => (h.n.toLowerCase() === q ? 3 : 1) * (DEFINITION_KINDS.has(h.k) ? 1.3 : 1);
  return hits.map((h) => ({ ...h, score: h.score * bonus(h) })).sort((a, b) => b.score - a.score);
}

/** The ranked hits of a query (all words first; any word when that finds nothing). */
export function searchDocs(index: MiniSearch<SearchDoc>, query: string): SearchHit[] {
  let found = index.search(query, { combineWith: 'AND' }) as unknown as SearchHit[];
  if (found.length === 0) found = index.search(query) as unknown as SearchHit[];
  return rankHits(query, found);
}
