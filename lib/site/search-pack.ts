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
}

/**
 * The shipped form: rows of [kind, name, parent, path, snippet] with '' for
 * absent fields, and member/value paths relative to their parent's page
 * ('#m-x' after the preceding definition row). About a third smaller than
 * objects; unpackSearchDocs() restores SearchDoc[] in the browser.
 */
export type PackedIndex = { v: 1; rows: string[][] };

export function packSearchDocs(docs: SearchDoc[]): PackedIndex {
  let page = '';
  return {
    v: 1,
    rows: docs.map((d) => {
      const [path, anchor] = d.h.split('#');
      let h = d.h;
      if (anchor !== undefined && path === page) h = `#${anchor}`;
      else if (anchor === undefined) page = d.h;
      const row = [d.k, d.n, d.p ?? '', h, d.t ?? ''];
      while (row.length > 2 && row[row.length - 1] === '') row.pop();
      return row;
    }),
  };
}

export function unpackSearchDocs(packed: PackedIndex): SearchDoc[] {
  let page = '';
  return packed.rows.map((row, id) => {
    const [k = '', n = '', p = '', rawH = '', t = ''] = row;
    const h = rawH.startsWith('#') ? page + rawH : rawH;
    if (!rawH.includes('#')) page = rawH;
    const doc: SearchDoc = { id, k, n, h };
    if (p) doc.p = p;
    if (t) doc.t = t;
    return doc;
  });
}
