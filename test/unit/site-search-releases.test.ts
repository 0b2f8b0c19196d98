// One search over every release of a site: the index of each release also
// holds the definitions only other releases have, found like its own (below
// them for the same match) and saying where they are, as the search-index
// route ships it for the site of 10.2.2+seed (default), 10.0.13, 7.2.0, 5.2.0.
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it, vi } from 'vitest';
import { createSearchIndex, searchQuery } from '@/lib/site/search-engine';
import { unpackSearchDocs, type PackedIndex } from '@/lib/site/search-pack';
import { whereText } from '@/lib/site/search-where';
import { describeWithShared, qemuTree } from '../support/shared';

it('says where a definition is, and from when it is gone or since when it is there', () => {
  const releases = ['5.2.0', '7.2.0', '10.0.13', '10.2.2', '10.2.2+seed'];
  expect(whereText(releases, [0, 1], '10.2.2+seed')).toBe(
    'not in 10.2.2+seed; in 5.2.0 and 7.2.0, gone from 10.0.13 on',
  );
  expect(whereText(releases, [4], '10.0.13')).toBe('not in 10.0.13; in 10.2.2+seed, since 10.2.2+seed');
  expect(whereText(releases, [1, 2, 3], '5.2.0')).toBe(
    'not in 5.2.0; in 7.2.0, 10.0.13 and 10.2.2, gone from 10.2.2+seed on',
  );
});

describeWithShared('search over every release', () => {
  let packed: PackedIndex;

  beforeAll(async () => {
    vi.stubEnv('QAPI_MODEL_CACHE', '0');
    vi.stubEnv(
      'QAPI_VERSIONS',
      [
        `10.2.2+seed=${qemuTree('10.2.2+vfio-migration-prepare')}`,
        `10.0.13=${qemuTree('10.0.13')}`,
        `7.2.0=${qemuTree('7.2.0')}`,
        `5.2.0=${qemuTree('5.2.0')}`,
      ].join(','),
    );
    vi.resetModules();
    const { searchIndexRoute } = await import('../../components/site/routes');
    const response = await searchIndexRoute('default').GET(new Request('http://site/'), {
      params: Promise.resolve({}),
    });
    packed = (await response.json()) as PackedIndex;
    return () => vi.unstubAllEnvs();
  }, 120_000);

  it('the default release finds x-query-rdma, which of these releases only 7.2.0 has, and says so', () => {
    expect(packed.here).toBe('10.2.2+seed');
    expect(packed.releases).toEqual(['5.2.0', '7.2.0', '10.0.13', '10.2.2+seed']);
    const index = createSearchIndex(unpackSearchDocs(packed));
    const hit = searchQuery(index, 'x-query-rdma', packed.releases).hits[0]!;
    expect(hit).toMatchObject({ k: 'command', n: 'x-query-rdma', h: '/commands/x-query-rdma/' });
    expect(whereText(packed.releases!, hit.w!, packed.here)).toBe('not in 10.2.2+seed; in 7.2.0, gone from 10.0.13 on');
    // its own definitions first for the same match: query-migrate is here, query-migrationthreads too
    const hits = searchQuery(index, 'query-mig', packed.releases).hits;
    const own = hits.map((h, i) => (h.w === undefined && h.k === 'command' ? i : -1)).filter((i) => i >= 0);
    const elsewhere = hits.findIndex((h) => h.w !== undefined);
    expect(elsewhere).toBeGreaterThan(Math.max(...own));
  });

  it('stays small: the default index of four releases within 150 KB gzipped', () => {
    const size = gzipSync(JSON.stringify(packed)).length;
    console.log(`search index 10.2.2+seed of four releases: ${size} B gzipped`);
    expect(size).toBeLessThanOrEqual(150 * 1024);
  });
});
