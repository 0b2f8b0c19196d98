// The site's Changes pages and History sections on QEMU's real trees:
// 7.2.0, 10.0.13, 10.2.2 (the default) and the seed patch, as the site builds
// them (lib/site/site-history.ts, components/docs-html/ChangesPage.tsx, History.tsx).
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import type { Entity } from '../../lib/qapi/model';
import { loadRootModelFromDisk } from '../../lib/qapi/node';
import { optionsForTree } from '../../lib/qapi/options';
import { buildSiteSchema, type SiteSchema } from '../../lib/site/site-schema';
import { buildSiteHistory, findPair, sitesInReleaseOrder, type SiteHistory } from '../../lib/site/site-history';
import { ChangesPage } from '../../components/docs-html/ChangesPage';
import { ChangesIndexPage } from '../../components/docs-html/ChangesIndexPage';
import { History } from '../../components/docs-html/History';
import { describeWithShared, sharedPath } from '../support/shared';

const SEED = '10.2.2+vfio-migration-prepare';

function site(label: string, isDefault: boolean): SiteSchema {
  const root = sharedPath('qemu', label, 'qapi/qapi-schema.json');
  const model = loadRootModelFromDisk(root, optionsForTree(root));
  return buildSiteSchema(model, { label, prefix: isDefault ? '' : `/v/${label}`, rootDir: 'qapi' });
}

it('releases are ordered by version, a patched tree after its release', () => {
  const order = sitesInReleaseOrder(['10.2.2', SEED, '7.2.0', '10.0.13', '5.2.0'].map((label) => ({ label })));
  expect(order.map((s) => s.label)).toEqual(['5.2.0', '7.2.0', '10.0.13', '10.2.2', SEED]);
  expect(sitesInReleaseOrder([{ label: 'b' }, { label: '1.0' }]).map((s) => s.label)).toEqual(['1.0', 'b']);
});

describeWithShared('Changes pages and History on real trees', () => {
  let h: SiteHistory;
  const byId = (html: string, id: string) => {
    const at = html.indexOf(`id="${id}"`);
    expect(at).toBeGreaterThan(0);
    return at;
  };

  const historyHtml = (e: Entity) => History({ entity: e, history: h })?.value ?? '';

  let sites: SiteSchema[];

  beforeAll(() => {
    sites = [site('10.2.2', true), site(SEED, false), site('10.0.13', false), site('7.2.0', false)];
    h = buildSiteHistory(sites, '10.2.2');
  });

  it('pairs: each release to the next, and each release and the default, always older to newer', () => {
    expect(h.releases.map((s) => s.label)).toEqual(['7.2.0', '10.0.13', '10.2.2', SEED]);
    expect(h.pairs.map((p) => [p.slug, p.adjacent])).toEqual([
      ['7.2.0..10.0.13', true],
      ['10.0.13..10.2.2', true],
      [`10.2.2..${SEED}`, true],
      ['7.2.0..10.2.2', false],
    ]);
    // an adjacent pair is the history's own step, not a second diff
    expect(findPair(h, '10.0.13..10.2.2')!.diff).toBe(h.history.steps[1]);
    // a default with newer releases beyond its neighbour: the default is the older side
    const older = buildSiteHistory(sites, '10.0.13');
    expect(older.pairs.filter((p) => !p.adjacent).map((p) => p.slug)).toEqual([`10.0.13..${SEED}`]);
  });

  it('10.0.13 -> 10.2.2: ChardevSocket.reconnect removed, incompatible, send, linked to the old side', () => {
    const html = ChangesPage({ pair: findPair(h, '10.0.13..10.2.2')!, pairs: h.pairs }).value;
    const incompatible = byId(html, 'incompatible');
    expect(incompatible).toBeLessThan(byId(html, 'compatible'));
    const line = html.slice(
      html.indexOf('<li class="change change-incompatible">', html.indexOf('id="incompatible-ChardevSocket"')),
    );
    const item = line.slice(0, line.indexOf('</li>'));
    expect(item).toContain('member <code>reconnect</code> removed from <code>ChardevSocket</code>');
    expect(item).toContain('verdict-incompatible');
    expect(item).toContain('>send</span>');
    expect(item).toContain('href="#rule-send-incompatible"');
    expect(item).toContain('href="/v/10.0.13/types/ChardevSocket/#m-reconnect"');
    // the definition's heading links both sides; the member only exists on the old one
    const heading = html.slice(html.indexOf('id="incompatible-ChardevSocket"'));
    expect(heading.slice(0, heading.indexOf('</h4>'))).toContain('href="/types/ChardevSocket/"');
    // the commands through which clients meet it
    expect(line).toContain(
      '<a href="/commands/chardev-add/">chardev-add</a>.arguments.backend[type=socket].data.reconnect',
    );
    // the rule quoted once, documentation changes separately
    expect(html).toContain('id="rule-send-incompatible"');
    expect(html).toContain('Incompatible changes include removing commands, command arguments');
    expect(byId(html, 'docs')).toBeGreaterThan(incompatible);
    // module grouping
    expect(html).toMatch(/<h3>Character devices<\/h3>/);
    // and by command and event: chardev-add meets at least the one incompatible change
    const row =
      /<tr><th scope="row"><code><a href="\/commands\/chardev-add\/">chardev-add<\/a><\/code><\/th><td>(\d+)<\/td>/.exec(
        html,
      );
    expect(Number(row?.[1])).toBeGreaterThanOrEqual(1);
  });

  it('7.2.0 -> 10.2.2: MigrationCapability compress and block removed', () => {
    const html = ChangesPage({ pair: findPair(h, '7.2.0..10.2.2')!, pairs: h.pairs }).value;
    for (const value of ['compress', 'block']) {
      expect(html).toContain(`value <code>${value}</code> removed from enum <code>MigrationCapability</code>`);
      expect(html).toContain(`href="/v/7.2.0/types/MigrationCapability/#v-${value}"`);
    }
  });

  it('seed: VFIO_MIGRATION_PREPARE added, compatible, receive', () => {
    const html = ChangesPage({ pair: findPair(h, `10.2.2..${SEED}`)!, pairs: h.pairs }).value;
    expect(html).toContain('event <code>VFIO_MIGRATION_PREPARE</code> added');
    expect(html).toContain(`href="/v/${SEED}/events/VFIO_MIGRATION_PREPARE/"`);
    expect(html).not.toContain('id="incompatible"');
    expect(findPair(h, `${SEED}..10.2.2`)).toBeNull();
  });

  it('the index links every pair', () => {
    const html = ChangesIndexPage({ history: h }).value;
    for (const p of h.pairs) expect(html).toContain(`href="/changes/${p.slug}/"`);
  });

  it('History of ChardevSocket: the step where reconnect went, linked to that Changes page', () => {
    const e = h.releases[2].index.get('ChardevSocket')!;
    const html = historyHtml(e);
    expect(html).toContain('id="history"');
    expect(html).toContain('href="/changes/10.0.13..10.2.2/"');
    expect(html).toContain('member <code>reconnect</code> removed from <code>ChardevSocket</code>');
    expect(html).toContain('href="/v/10.0.13/types/ChardevSocket/#m-reconnect"');
  });

  it('History of VFIO_MIGRATION_PREPARE: only in the seed, added in its step', () => {
    const e = h.releases[3].index.get('VFIO_MIGRATION_PREPARE')!;
    const html = historyHtml(e);
    expect(html).toContain(`href="/v/${SEED}/events/VFIO_MIGRATION_PREPARE/"`);
    expect(html).toContain('<s>10.2.2</s>');
    expect(html).toMatch(
      /<strong>10\.2\.2\+vfio-migration-prepare<\/strong> <span class="muted">\(from 10\.2\.2\)<\/span>:\s*added/,
    );
  });

  it('History stays small: the largest one of any event or command is far below the page budget', () => {
    const def = h.releases[2];
    let largest = 0;
    for (const e of [...def.events, ...def.commands]) {
      largest = Math.max(largest, gzipSync(historyHtml(e)).length);
    }
    expect(largest).toBeLessThan(20_000);
  });
});
