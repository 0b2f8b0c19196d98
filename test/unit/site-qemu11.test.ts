// QEMU 11.1.3 (Debian sid's build, its own query-qmp-schema) as a release of
// a site beside QEMU 10.2.2's tree: no tree of 11.1 exists here, so its pages
// borrow doc text from the nearest older tree, 10.2.2, where the wire is
// unchanged, and say plainly what is new or changed and has none.
import { beforeAll, expect, it, vi } from 'vitest';
import { gzipSync } from 'node:zlib';
import { ChangesPage } from '@/components/docs-html/ChangesPage';
import { DefinitionPage } from '@/components/docs-html/DefinitionPage';
import { History } from '@/components/docs-html/History';
import { computePair } from '@/components/site/changes-client';
import { changesModel } from '@/lib/site/site-history';
import { Topbar } from '@/components/docs-html/frame/Frame';
import { absentNames } from '@/lib/site/absent';
import { borrowDocs } from '@/lib/site/borrow-docs';
import { buildSiteSchema, type SiteSchema } from '@/lib/site/site-schema';
import { loadRootModelFromDisk } from '@/lib/qapi/node';
import { optionsForTree } from '@/lib/qapi/options';
import { describeWithShared, QEMU_11_BUILD, qemuTree } from '../support/shared';
import type * as SiteSource from '../../lib/site/source';

function page(site: SiteSchema, name: string): string {
  const entity = site.index.get(name);
  if (!entity) throw new Error(`no ${name}`);
  return DefinitionPage({ site, entity }).value;
}

/** The table row with this id, nested tables and all. */
function row(html: string, id: string): string {
  const start = html.indexOf(`<tr id="${id}"`);
  if (start < 0) return '';
  const tags = /<tr[\s>]|<\/tr>/g;
  tags.lastIndex = start;
  for (let depth = 0, m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0] === '</tr>' ? -1 : 1;
    if (depth === 0) return html.slice(start, tags.lastIndex);
  }
  return '';
}
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describeWithShared('QEMU 11.1.3 beside the 10.2.2 tree', () => {
  let source: typeof SiteSource;
  let build: SiteSchema;

  beforeAll(async () => {
    vi.stubEnv('QAPI_MODEL_CACHE', '0');
    vi.stubEnv('QAPI_VERSIONS', `10.2.2=${qemuTree('10.2.2')},${QEMU_11_BUILD}`);
    vi.resetModules();
    source = await import('../../lib/site/source');
    build = source.getSchema('11.1.3')!;
    return () => vi.unstubAllEnvs();
  });

  it('is named after the QEMU in the dump, listed first in the switcher, and borrows from the nearest older tree', () => {
    expect(source.getVersions().map((v) => v.label)).toEqual(['10.2.2', '11.1.3']);
    const switcher = Topbar({ site: build, page: { kind: 'home' } }).value;
    expect([...switcher.matchAll(/data-version="([^"]+)"/g)].map((m) => m[1])).toEqual(['11.1.3', '10.2.2']);
    expect(switcher).toContain('10.2.2<span class="muted"> (default)</span>');
    expect(build.docsFrom?.label).toBe('10.2.2');
    expect(build.docsFrom?.older).toBe(true);
  });

  it('VFIO_MIGRATION: device-state with its 8 values, pre-copy-p2p-prepare new since 10.2.2 and undocumented', () => {
    const html = page(build, 'VFIO_MIGRATION');
    expect(text(html)).toContain(
      'Documentation from 10.2.2 (VFIO_MIGRATION in 10.2.2) for what is unchanged on the wire in 11.1.3. ' +
        '1 member, value or branch is new or changed since 10.2.2, marked below: ' +
        'no documentation is available for it in this build.',
    );
    expect(html).toContain('This event is emitted when a VFIO device migration state is changed.');
    const state = row(html, 'm-device-state');
    expect(state).toContain('The new changed device migration state.');
    // the values open at once: one is new
    expect(state).toContain('<details class="nested" open><summary>Show 8 values</summary>');
    const values = [...state.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
    expect(values.map((v) => /&quot;([a-z0-9-]+)&quot;/.exec(v)![1])).toEqual([
      'stop',
      'running',
      'stop-copy',
      'resuming',
      'running-p2p',
      'pre-copy',
      'pre-copy-p2p',
      'pre-copy-p2p-prepare',
    ]);
    const prepare = values[7]!;
    expect(prepare).toContain('<span class="req build-mark build-new">new since 10.2.2</span>');
    expect(prepare).toContain('No documentation is available for it in this build.');
    const stop = values[0]!;
    expect(stop).toContain('The device is stopped.');
    expect(stop).not.toContain('build-mark');
  });

  it('an unchanged event says so; a member whose type changed kind keeps no description', () => {
    expect(text(page(build, 'BLOCK_JOB_COMPLETED'))).toContain(
      'Documentation from 10.2.2 (BLOCK_JOB_COMPLETED in 10.2.2); unchanged on the wire in 11.1.3.',
    );
    // 10.2.2 replies with a string, 11.1.3 with an alternate of a string and null
    const creds = row(page(build, 'query-migrate-parameters'), 'r-tls-creds');
    expect(creds).toContain('changed since 10.2.2');
    expect(creds).toContain('No documentation is available for it in this build.');
  });

  it('absent pages: for the commands 10.2.2 has and 11.1.3 lacks, none for types (the build has them, unnamed)', () => {
    expect(absentNames(build, 'commands').sort()).toEqual(['get-win32-socket', 'query-migrationthreads']);
    expect(absentNames(build, 'types')).toEqual([]);
    const tree = source.getSchema('10.2.2')!;
    const page = { kind: 'definition' as const, name: 'BlockdevOptions', section: 'types' as const };
    const switcher = Topbar({ site: tree, page }).value;
    expect(switcher).toMatch(
      /data-version="11\.1\.3"[^>]*>11\.1\.3<span class="muted"> — its types have no names<\/span>/,
    );
  });

  it("a tree type's History finds it in the build, unnamed, and says why where the build has none", () => {
    const tree = source.getSchema('10.2.2')!;
    const history = (name: string) =>
      text(History({ entity: tree.index.get(name)!, history: source.getSiteHistory() })?.value ?? '').replaceAll(
        '&#x27;',
        "'",
      );
    // query-replay's reply in 11.1.3 is ReplayInfo's shape, its mode ReplayMode's: the same type, unnamed
    expect(history('ReplayMode')).toContain("In this site's releases: 10.2.2 · 11.1.3 (unnamed)");
    expect(history('ReplayMode')).toContain('Unchanged on the wire and in its documentation across these releases.');
    // VFIO_MIGRATION's device-state has a value 10.2.2 lacks
    expect(history('QapiVfioMigrationState')).toContain(
      '11.1.3 (from 10.2.2): an unnamed type of 11.1.3 (query-qmp-schema names no types) with items new or changed against 10.2.2',
    );
    // used only by query-migrationthreads, which 11.1.3 lacks
    expect(history('MigrationThreadInfo')).toContain(
      '11.1.3 (from 10.2.2): no type of 11.1.3 mirrors it: the commands and events that use it are left out of the build or changed',
    );
    // a -machine property's type: no command or event uses it, so no query-qmp-schema lists it
    expect(history('CacheLevelAndType')).toContain(
      "11.1.3 (from 10.2.2): not in 11.1.3's query-qmp-schema, which lists only the types commands and events use, and none uses this one",
    );
    for (const name of ['ReplayMode', 'QapiVfioMigrationState', 'MigrationThreadInfo', 'CacheLevelAndType']) {
      expect(history(name)).not.toMatch(/removed/);
    }
    // a command is found by its name, as before: query-migrationthreads is removed
    expect(history('query-migrationthreads')).toContain('11.1.3 (from 10.2.2): removed');
  });

  it('tree -> build computed in the browser reads as its static page; the build ships without borrowed docs', async () => {
    const history = source.getSiteHistory()!;
    const pair = history.pairs.find((p) => p.slug === '10.2.2..11.1.3')!;
    const releases = history.releases.map((r) => ({ label: r.label, prefix: r.prefix, model: `/m/${r.label}` }));
    const served = new Map(history.releases.map((r) => [`/m/${r.label}`, JSON.stringify(changesModel(r.model))]));
    expect(gzipSync(served.get('/m/11.1.3')!).length).toBeLessThan(60_000);
    vi.stubGlobal(
      'fetch',
      async (url: string) => new Response(served.get(url) ?? null, { status: served.has(url) ? 200 : 404 }),
    );
    try {
      const html = await computePair({ releases, pages: {} }, '10.2.2', '11.1.3');
      expect(html).toBe(ChangesPage({ pair, pairs: [], releases: ['10.2.2', '11.1.3'] }).value);
      expect(html).toContain('command <code>query-migrationthreads</code> removed');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a command the tree does not have is new, and says it has no documentation', () => {
    // 10.2.2 has every command and event of 11.1.3; 10.0.13 lacks qom-list-get
    const tree = loadRootModelFromDisk(qemuTree('10.0.13'), optionsForTree(qemuTree('10.0.13')));
    const { model, ...borrowed } = borrowDocs(build.model, tree);
    const site = buildSiteSchema(model, {
      label: '11.1.3',
      prefix: '/v/11.1.3',
      rootDir: '',
      docsFrom: { ...borrowed, label: '10.0.13', prefix: '/v/10.0.13', older: true },
    });
    expect(text(page(site, 'qom-list-get'))).toContain(
      'New since 10.0.13: the 10.0.13 source tree has no such command. No documentation is available for it in this build.',
    );
  });
});
