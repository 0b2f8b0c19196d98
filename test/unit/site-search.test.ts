// The static search index: what it contains and that MiniSearch, configured as
// by the dialog's own code (lib/site/search-engine.ts), finds definitions, members and enum values.
import { expect, it } from 'vitest';
import { buildSearchDocs, packSearchDocs, unpackSearchDocs } from '@/lib/site/search-docs';
import { createSearchIndex } from '@/lib/site/search-engine';
import { siteFor, TREE_VFIO } from '../support/render-helpers';
import { describeWithQemu } from '../support/shared';

describeWithQemu('10.2.2+vfio-migration-prepare', 'search index of 10.2.2+vfio-migration-prepare', () => {
  const site = siteFor(TREE_VFIO);
  const docs = buildSearchDocs(site);
  const ms = createSearchIndex(docs);

  it('has one document per definition, member and enum value, with deep links', () => {
    const byKind = (k: string) => docs.filter((d) => d.k === k).length;
    expect(byKind('event')).toBe(58);
    expect(byKind('value')).toBeGreaterThan(1000);
    expect(byKind('member')).toBeGreaterThan(2000);
    expect(docs.find((d) => d.k === 'member' && d.p === 'VFIO_MIGRATION_PREPARE' && d.n === 'device-state')?.h).toBe(
      '/events/VFIO_MIGRATION_PREPARE/#m-device-state',
    );
  });

  it('finds an event by name, first', () => {
    const [top] = ms.search('VFIO_MIGRATION_PREPARE', { combineWith: 'AND' });
    expect(top).toMatchObject({ k: 'event', n: 'VFIO_MIGRATION_PREPARE', h: '/events/VFIO_MIGRATION_PREPARE/' });
  });

  it('finds an enum value with its owning type', () => {
    const hits = ms.search('pre-copy-p2p', { combineWith: 'AND' });
    expect(
      hits.some(
        (h) =>
          h.k === 'value' &&
          h.n === 'pre-copy-p2p' &&
          h.p === 'QapiVfioMigrationState' &&
          h.h === '/types/QapiVfioMigrationState/#v-pre-copy-p2p',
      ),
    ).toBe(true);
  });

  it('finds doc text', () => {
    const hits = ms.search('quiescent', { combineWith: 'AND' });
    expect(hits.length).toBeGreaterThan(0);
  });

  it('ships packed, loses nothing, and stays small', () => {
    const packed = packSearchDocs(docs);
    expect(unpackSearchDocs(JSON.parse(JSON.stringify(packed)))).toEqual(docs);
    expect(JSON.stringify(packed).length).toBeLessThan(0.8 * JSON.stringify(docs).length);
    expect(JSON.stringify(packed).length).toBeLessThan(700_000);
  });
});
