// The search index's documents and their shipped (packed) JSON form. No
// imports: this module is bundled into the browser script (site.js).

export interface SearchDoc {
  id: number;
  /** kind: event command struct union enum alternate member value branch module protocol */
  k: string;
  /** name */
  n: string;
  /** parent definition (for members, values and branches; the section, for protocol words) */
  p?: string;
  /** path under the version prefix, with #anchor for members and values */
  h: string;
  /** snippet of the doc text */
  t?: string;
  /** documented Since: ('11.0') */
  s?: string;
  /** special features: 'd' deprecated, 'u' unstable */
  f?: string;
  /** for definitions: the steps between the site's releases (PackedIndex.releases) where it was added or changed */
  c?: number[];
  /**
   * A definition this release lacks: the releases that have it (indices into
   * PackedIndex.releases); `h` is this release's page saying where it is.
   */
  w?: number[];
}

/**
 * The shipped form: rows of [kind, name, parent, path, snippet, since, flags,
 * changed steps ('1,3'), releases that have it ('0,1')] with '' for absent
 * fields (trailing ones dropped), and member/value paths relative to their
 * parent's page ('#m-x' after the preceding definition row). About a third
 * smaller than objects; unpackSearchDocs() restores SearchDoc[] in the browser.
 * `here`: the release the index is for.
 */
export type PackedIndex = { v: 1; rows: string[][]; releases?: string[]; here?: string };

/**
 * `releases`: the site's releases, oldest first; step i of SearchDoc.c is
 * releases[i] -> releases[i + 1]. `here`: the index's own release among them.
 */
export function packSearchDocs(docs: SearchDoc[], releases?: string[], here?: string): PackedIndex {
  let page = '';
  return {
    v: 1,
    ...(releases && releases.length > 1 ? { releases, ...(here ? { here } : {}) } : {}),
    rows: docs.map((d) => {
      const [path, anchor] = d.h.split('#');
      let h = d.h;
      if (anchor !== undefined && path === page) h = `#${anchor}`;
      else if (anchor === undefined) page = d.h;
      const row = [d.k, d.n, d.p ?? '', h, d.t ?? '', d.s ?? '', d.f ?? '', d.c?.join(',') ?? '', d.w?.join(',') ?? ''];
      while (row.length > 2 && row[row.length - 1] === '') row.pop();
      return row;
    }),
  };
}

export function unpackSearchDocs(packed: PackedIndex): SearchDoc[] {
  let page = '';
  return packed.rows.map((row, id) => {
    const [k = '', n = '', p = '', rawH = '', t = '', s = '', f = '', c = '', w = ''] = row;
    const h = rawH.startsWith('#') ? page + rawH : rawH;
    if (!rawH.includes('#')) page = rawH;
    const doc: SearchDoc = { id, k, n, h };
    if (p) doc.p = p;
    if (t) doc.t = t;
    if (s) doc.s = s;
    if (f) doc.f = f;
    if (c) doc.c = c.split(',').map(Number);
    if (w) doc.w = w.split(',').map(Number);
    return doc;
  });
}
