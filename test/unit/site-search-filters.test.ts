// The search filters since:, is: and changed: (lib/site/search-filter.ts)
// alone and with words, on the search index as shipped (packed and unpacked),
// for the seed tree in a site of 10.0.13, 10.2.2 and the seed; and the
// index's size with the history of the five-release site.
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { buildHistory, type SchemaHistory } from '@/lib/diff';
import { buildSearchDocs, packSearchDocs, unpackSearchDocs } from '@/lib/site/search-docs';
import { createSearchIndex, searchQuery, type SearchHit } from '@/lib/site/search-engine';
import { parseQuery } from '@/lib/site/search-filter';
import type { SiteSchema } from '@/lib/site/site-schema';
import { siteFor } from '../support/render-helpers';
import { describeWithShared, sharedPath } from '../support/shared';

const SEED = '10.2.2+vfio-migration-prepare';
const tree = (label: string) => siteFor(sharedPath('qemu', label, 'qapi/qapi-schema.json'), label);
const label = (h: SearchHit) => `${h.k} ${h.n}${h.p ? ` in ${h.p}` : ''}`;

it('parses filters out of the words, and says what is wrong with a bad one', () => {
  const releases = ['10.0.13', '10.2.2'];
  expect(parseQuery('  chardev since:9.1  is:deprecated ', releases)).toMatchObject({
    text: 'chardev',
    filters: [
      { kind: 'since', version: '9.1' },
      { kind: 'is', flag: 'd' },
    ],
  });
  const changed = parseQuery('changed:10.2.2..10.0.13', releases).filters[0];
  expect(changed).toEqual({ kind: 'changed', steps: new Set([0]) });
  expect(parseQuery('is:old', releases).error).toBe('is: takes deprecated or unstable');
  expect(parseQuery('since:soon', releases).error).toMatch(/^since: takes a version/);
  expect(parseQuery('changed:1.0..10.2.2', releases).error).toBe(
    'changed: takes two releases, A..B, of 10.0.13, 10.2.2',
  );
  expect(parseQuery('changed:10.0.13..10.2.2', []).error).toMatch(/two releases or more/);
});

describeWithShared('search filters on real trees', () => {
  let history: SchemaHistory;
  let seed: SiteSchema;
  let search: (q: string) => { hits: SearchHit[]; error?: string };

  beforeAll(() => {
    const sites = ['10.0.13', '10.2.2', SEED].map(tree);
    history = buildHistory(sites.map((s) => ({ label: s.label, model: s.model })));
    seed = sites[2]!;
    const packed = JSON.parse(JSON.stringify(packSearchDocs(buildSearchDocs(seed, history), history.labels)));
    const index = createSearchIndex(unpackSearchDocs(packed));
    search = (q) => searchQuery(index, q, packed.releases);
  });

  it('the shipped index round-trips the filter fields', () => {
    const docs = buildSearchDocs(seed, history);
    const packed = packSearchDocs(docs, history.labels);
    expect(packed.releases).toEqual(['10.0.13', '10.2.2', SEED]);
    expect(unpackSearchDocs(JSON.parse(JSON.stringify(packed)))).toEqual(docs);
    expect(docs.find((d) => d.n === 'VFIO_MIGRATION_PREPARE')).toMatchObject({ s: '11.0', c: [1] });
  });

  it('since:11.0 is the seed event', () => {
    expect(search('since:11.0').hits.map(label)).toEqual(['event VFIO_MIGRATION_PREPARE']);
  });

  it('is:deprecated and is:unstable, alone and with words', () => {
    const deprecated = search('is:deprecated').hits;
    expect(deprecated.map(label)).toContain('command drive-backup');
    expect(deprecated.every((h) => h.f?.includes('d'))).toBe(true);
    expect(deprecated.map(label)).not.toContain('command blockdev-backup');
    const unstable = search('is:unstable').hits.map(label);
    expect(unstable).toContain('command x-accel-stats');
    expect(search('accel is:unstable').hits.map(label)[0]).toBe('command x-accel-stats');
    expect(search('backup is:deprecated').hits.map(label)).toContain('command drive-backup');
    expect(search('backup is:deprecated').hits.map(label)).not.toContain('command blockdev-backup');
  });

  it('changed:10.0.13..10.2.2: what the diff says changed, nothing else', () => {
    const names = search('changed:10.0.13..10.2.2').hits.map(label);
    expect(names).toContain('struct ChardevSocket');
    expect(names).toContain('command chardev-add');
    expect(names).toContain('command query-block');
    expect(names).not.toContain('event STOP');
    expect(names).not.toContain('event VFIO_MIGRATION_PREPARE');
    // with words: only what has them
    const chardev = search('chardev changed:10.0.13..10.2.2').hits.map(label);
    expect(chardev).toContain('command chardev-add');
    expect(chardev).not.toContain('command query-block');
    expect(search(`changed:10.2.2..${SEED}`).hits.map(label)).toEqual(['event VFIO_MIGRATION_PREPARE']);
  });

  it('a bad filter finds nothing and says why', () => {
    expect(search('changed:9.2..10.2.2')).toEqual({
      hits: [],
      error: `changed: takes two releases, A..B, of 10.0.13, 10.2.2, ${SEED}`,
    });
  });
});

describeWithShared('search index size with five releases', () => {
  it("10.2.2's index with its history stays within 150 KB gzipped", () => {
    const sites = ['5.2.0', '7.2.0', '10.0.13', '10.2.2', SEED].map(tree);
    const history = buildHistory(sites.map((s) => ({ label: s.label, model: s.model })));
    const plain = gzipSync(JSON.stringify(packSearchDocs(buildSearchDocs(sites[3]!)))).length;
    const size = gzipSync(JSON.stringify(packSearchDocs(buildSearchDocs(sites[3]!, history), history.labels))).length;
    console.log(`search index 10.2.2: ${plain} B gzipped alone, ${size} B with filters`);
    expect(size).toBeLessThanOrEqual(150 * 1024);
  });
});
