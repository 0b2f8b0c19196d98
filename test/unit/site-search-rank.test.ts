// Search ranking on the real search index of QEMU 10.2.2 (and of the tree
// with VFIO_MIGRATION_PREPARE), searched exactly as the dialog searches
// (lib/site/search-engine.ts): exact names first, definitions above members,
// every word required, protocol words lead to the QMP envelope page.
import { expect, it } from 'vitest';
import { buildSearchDocs } from '@/lib/site/search-docs';
import {
  createSearchIndex,
  rankHits,
  RESULT_GROUPS,
  resultGroup,
  searchDocs,
  searchQuery,
  type SearchHit,
} from '@/lib/site/search-engine';
import { siteFor } from '../support/render-helpers';
import { describeWithShared, sharedPath } from '../support/shared';

function searcher(tree: string) {
  const index = createSearchIndex(buildSearchDocs(siteFor(sharedPath('qemu', tree, 'qapi/qapi-schema.json'))));
  return (q: string) => searchDocs(index, q);
}

const label = (h: SearchHit) => `${h.k} ${h.n}${h.p ? ` in ${h.p}` : ''}`;
const DEFINITIONS = new Set(['event', 'command', 'struct', 'union', 'enum', 'alternate']);

describeWithShared('search ranking on QEMU 10.2.2', () => {
  const search = searcher('10.2.2');

  it('STOP: the event first, then the command', () => {
    const hits = search('STOP').map(label);
    expect(hits[0]).toBe('event STOP');
    expect(hits[1]).toBe('command stop');
    expect(search('stop').map(label)[0]).toBe('command stop');
  });

  it('vfio: the VFIO event above every member and value', () => {
    const hits = search('vfio');
    const event = hits.findIndex((h) => h.k === 'event' && h.n === 'VFIO_MIGRATION');
    const firstMember = hits.findIndex((h) => !DEFINITIONS.has(h.k) && h.k !== 'module');
    expect(event).toBeGreaterThanOrEqual(0);
    expect(event).toBeLessThan(firstMember);
  });

  it('an exact name comes first', () => {
    for (const name of ['query-status', 'blockdev-add', 'BlockdevOptions', 'SHUTDOWN', 'RunState']) {
      expect(label(search(name)[0]!)).toMatch(new RegExp(` ${name}$`));
    }
  });

  it('requires every word of a multi-word query', () => {
    const hits = search('blockdev-add qcow2');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(10);
    expect(hits[0]).toMatchObject({ k: 'branch', n: 'qcow2', p: 'blockdev-add', h: '/commands/blockdev-add/#b-qcow2' });
    expect(search('blockdev-add zzzqqq')).toEqual([]);
  });

  it('leads protocol words to the QMP envelope page', () => {
    const expected: Record<string, string> = {
      timestamp: '/protocol/#event',
      execute: '/protocol/#command',
      return: '/protocol/#return',
      error: '/protocol/#error',
      greeting: '/protocol/#greeting',
    };
    for (const [word, h] of Object.entries(expected)) expect(search(word)[0], word).toMatchObject({ k: 'protocol', h });
  });

  it('for the same match, definitions above members whatever their score', () => {
    const before = (hits: SearchHit[], a: (h: SearchHit) => boolean, b: (h: SearchHit) => boolean) => {
      const i = hits.findIndex(a);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(i).toBeLessThan(hits.findIndex(b));
    };
    // names that start with the word: the commands and types, then members named so or inside such a parent
    before(
      search('export'),
      (h) => h.n === 'query-block-exports',
      (h) => h.k === 'member' && h.n === 'id',
    );
    before(
      search('tls'),
      (h) => h.n === 'TlsCredsX509Properties',
      (h) => h.k === 'member' && h.n === 'tls-creds',
    );
  });

  it('finds a name typed with two letters swapped, and says what it searched', () => {
    const index = createSearchIndex(buildSearchDocs(siteFor(sharedPath('qemu', '10.2.2', 'qapi/qapi-schema.json'))));
    for (const [typed, name] of [
      ['qurey-block', 'query-block'],
      ['blcokdev-add', 'blockdev-add'],
      ['VFIO_MIGARTION', 'VFIO_MIGRATION'],
    ]) {
      const result = searchQuery(index, typed);
      expect(result.corrected).toBe(name);
      expect(label(result.hits[0]!)).toMatch(new RegExp(` ${name}$`));
    }
    expect(searchQuery(index, 'query-block').corrected).toBeUndefined();
  });

  it('filters alone group their results: events, commands, types, then members', () => {
    const index = createSearchIndex(buildSearchDocs(siteFor(sharedPath('qemu', '10.2.2', 'qapi/qapi-schema.json'))));
    const groups = searchQuery(index, 'since:10.0').hits.map((h) => resultGroup(h.k));
    expect([...new Set(groups)]).toEqual(['Events', 'Commands', 'Types', 'Members']);
    const rank = (g: string) => RESULT_GROUPS.indexOf(g as (typeof RESULT_GROUPS)[number]);
    expect(groups).toEqual([...groups].sort((a, b) => rank(a) - rank(b)));
  });

  it('puts definitions above members at equal score', () => {
    const hit = (k: string, n: string): SearchHit => ({ id: 0, k, n, h: '/', score: 1 });
    expect(rankHits('x', [hit('member', 'a'), hit('struct', 'b')]).map((h) => h.k)).toEqual(['struct', 'member']);
  });
});

describeWithShared('search ranking on 10.2.2+vfio-migration-prepare', () => {
  it('vfio: both VFIO events above every member and value', () => {
    const hits = searcher('10.2.2+vfio-migration-prepare')('vfio');
    const events = ['VFIO_MIGRATION', 'VFIO_MIGRATION_PREPARE'].map((n) =>
      hits.findIndex((h) => h.k === 'event' && h.n === n),
    );
    const firstMember = hits.findIndex((h) => !DEFINITIONS.has(h.k) && h.k !== 'module');
    expect(Math.min(...events)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...events)).toBeLessThan(firstMember);
  });
});
