// The search itself, the one definition of it: how the index is built from
// the shipped documents (lib/site/search-pack.ts), which documents a query
// finds (all its words, each as a word, a prefix or a near miss) and in what
// order. Runs in the browser (components/site/search-dialog.ts) and in the
// tests, so both search the same way. Pure; no DOM.
//
// Order: a definition named exactly as typed (same case first: `STOP` is the
// event, `stop` the command), then definitions whose name has every word of
// the query as a word of its own (`vfio` -> VFIO_MIGRATION), then members
// and values named exactly as typed, then the rest by MiniSearch's score,
// definitions before members at equal score.
import MiniSearch from 'minisearch';
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
    storeFields: ['k', 'n', 'p', 'h', 't'],
    searchOptions: { boost: { n: 5, p: 1.5 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  ms.addAll(docs);
  return ms;
}

/** 0 is best. */
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
  return 4;
}

export function rankHits(query: string, hits: SearchHit[]): SearchHit[] {
  const q = query.trim();
  const queryWords = words(q);
  const keyed = hits.map((h) => ({ h, tier: tier(h, q, queryWords), page: PAGE_KINDS.has(h.k) ? 0 : 1 }));
  keyed.sort((a, b) => a.tier - b.tier || b.h.score - a.h.score || a.page - b.page);
  return keyed.map((x) => x.h);
}

/** The ranked hits of a query: documents that match every word of it. */
export function searchDocs(index: MiniSearch<SearchDoc>, query: string): SearchHit[] {
  if (!query.trim()) return [];
  return rankHits(query, index.search(query, { combineWith: 'AND' }) as unknown as SearchHit[]);
}
