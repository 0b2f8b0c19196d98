// The site's Changes pages and History sections on QEMU's real trees:
// 7.2.0, 10.0.13, 10.2.2 (the default) and the seed patch, as the site builds
// them (lib/site/site-history.ts, components/docs-html/ChangesPage.tsx, History.tsx).
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it, vi } from 'vitest';
import type { Entity } from '../../lib/qapi/model';
import { loadRootModelFromDisk } from '../../lib/qapi/node';
import { optionsForTree } from '../../lib/qapi/options';
import { buildSiteSchema, type SiteSchema } from '../../lib/site/site-schema';
import {
  buildSiteHistory,
  changesModel,
  findPair,
  sitesInReleaseOrder,
  type SiteHistory,
} from '../../lib/site/site-history';
import { ChangesPage } from '../../components/docs-html/ChangesPage';
import { ChangesIndexPage } from '../../components/docs-html/ChangesIndexPage';
import { History } from '../../components/docs-html/History';
import { keeps } from '../../components/site/changes-filter';
import { computePair } from '../../components/site/changes-client';
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
      html.indexOf('<li class="change change-incompatible"', html.indexOf('id="incompatible-ChardevSocket"')),
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

  it('a pair page opens with a summary by what changed, the picker of any two releases and the filters', () => {
    const pair = findPair(h, '7.2.0..10.2.2')!;
    const html = ChangesPage({ pair, pairs: h.pairs, releases: h.releases.map((r) => r.label) }).value;
    const summary = /<p class="changes-summary">([\s\S]*?)<\/p>/.exec(html)![1]!.replace(/<[^>]+>/g, '');
    const removed = pair.diff.changes.filter((c) => c.kind === 'command-removed').length;
    expect(summary).toMatch(new RegExp(`^removed: ${removed} commands, \\d+ events, \\d+ members`));
    // every change is counted once
    const counted = [...summary.matchAll(/(\d+) /g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(counted).toBe(pair.diff.changes.length);
    expect(html).toContain('<form class="pair-picker" action="/changes/" method="get"');
    expect(html).toContain('<option value="7.2.0" selected>7.2.0</option>');
    expect(html).toContain('<form class="changes-filters"');
    // each change carries what the filters select on
    const items = [...html.matchAll(/<li class="change [^"]*" ([^>]*)>/g)].map((m) => m[1]!);
    expect(items.length).toBe(pair.diff.changes.length);
    for (const attrs of items)
      expect(attrs).toMatch(
        /^data-verdict="(incompatible|tolerate|our-call|compatible|configuration)" data-action="(added|removed|changed)" data-def="(command|event|type)" data-dir="(send|receive|both)"$/,
      );
    expect(items.filter((a) => a.includes('data-verdict="incompatible"')).length).toBe(
      pair.diff.changes.filter((c) => c.verdict === 'incompatible').length,
    );
  });

  it('the filters keep what they select; a doc-only change only without a wire filter', () => {
    const all = { incompatible: false, action: '', defs: new Set(['command', 'event', 'type']), dir: '' };
    const removedCommand = { verdict: 'incompatible', action: 'removed', def: 'command', dir: 'send' };
    const addedValue = { verdict: 'tolerate', action: 'added', def: 'type', dir: 'both' };
    const doc = { action: 'doc', def: 'event' };
    expect([removedCommand, addedValue, doc].map((x) => keeps(x, all))).toEqual([true, true, true]);
    expect([removedCommand, addedValue, doc].map((x) => keeps(x, { ...all, incompatible: true }))).toEqual([
      true,
      false,
      false,
    ]);
    expect([removedCommand, addedValue, doc].map((x) => keeps(x, { ...all, dir: 'receive' }))).toEqual([
      false,
      true,
      false,
    ]);
    expect([removedCommand, addedValue, doc].map((x) => keeps(x, { ...all, defs: new Set(['event']) }))).toEqual([
      false,
      false,
      true,
    ]);
    expect(keeps(addedValue, { ...all, action: 'added' })).toBe(true);
    expect(keeps(removedCommand, { ...all, action: 'added' })).toBe(false);
  });

  it('doc-only changes show the words before and after, the changed ones marked', () => {
    const html = ChangesPage({ pair: findPair(h, '10.0.13..10.2.2')!, pairs: h.pairs }).value;
    const item =
      /<li class="doc-change" data-action="doc" data-def="type"><code>ShutdownCause<\/code>[\s\S]*?<\/li>/.exec(
        html,
      )![0];
    expect(item).toContain(
      '<dt>intro</dt><dd>An enumeration of reasons for a <del>Shutdown.</del> <ins>shutdown.</ins></dd>',
    );
    expect(item).toContain('Reaction to the QMP command <del>&#x27;quit&#x27;</del> <ins>`quit`</ins>');
  });

  it('a pair without a static page, computed as the browser does, reads exactly as a static page', async () => {
    const releases = h.releases.map((r) => ({ label: r.label, prefix: r.prefix, model: `/m/${r.label}.json` }));
    const data = { releases, pages: {} };
    const served = new Map(h.releases.map((r) => [`/m/${r.label}.json`, JSON.stringify(changesModel(r.model))]));
    vi.stubGlobal(
      'fetch',
      async (url: string) => new Response(served.get(url) ?? null, { status: served.has(url) ? 200 : 404 }),
    );
    try {
      const html = await computePair(data, '7.2.0', '10.2.2');
      const pair = findPair(h, '7.2.0..10.2.2')!;
      expect(html).toBe(ChangesPage({ pair, pairs: [], releases: releases.map((r) => r.label) }).value);
      await expect(computePair(data, '7.2.0', '11.0.0')).rejects.toThrow('this site has no release 11.0.0');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('the index links every pair', () => {
    const html = ChangesIndexPage({ history: h, defaultLabel: '10.2.2' }).value;
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
    // struck out, and said in words (a screen reader does not announce <s>)
    expect(html).toContain('<s>10.2.2</s><span class="visually-hidden"> (not in this release)</span>');
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

describeWithShared('Changes and History between a tree and a build', () => {
  let h: SiteHistory;
  let html: string;
  beforeAll(() => {
    const build = loadRootModelFromDisk(sharedPath('qemu-builds', 'qemu-11.1.3-x86_64.qmp'));
    const sites = [
      site('10.2.2', true),
      buildSiteSchema(build, { label: '11.1.3', prefix: '/v/11.1.3', rootDir: 'qapi' }),
    ];
    h = buildSiteHistory(sites, '10.2.2');
    html = ChangesPage({ pair: findPair(h, '10.2.2..11.1.3')!, pairs: h.pairs }).value;
  });
  const section = (id: string) => {
    const at = html.indexOf(`<h2 id="${id}">`);
    expect(at).toBeGreaterThan(0);
    return html.slice(at, html.indexOf('<section class="change-section"', at + 1));
  };

  it("what the build's configuration left out has its own section, never 'removed'", () => {
    const leftOut = section('configuration');
    expect(leftOut).toContain('Left out of the build by the tree&#x27;s conditions (14)');
    expect(leftOut).toContain(
      'command <code>get-win32-socket</code> left out of the build by its condition <code>CONFIG_WIN32</code>',
    );
    expect(leftOut).toContain('verdict-configuration');
    expect(html).not.toMatch(/get-win32-socket<\/code> removed/);
    expect(section('incompatible')).toContain('command <code>query-migrationthreads</code> removed');
  });

  it("the summary and the filters say 'left out', never 'removed', for what the build's conditions left out", () => {
    const summary = /<p class="changes-summary">([\s\S]*?)<\/p>/.exec(html)![1]!.replace(/<[^>]+>/g, '');
    const leftOut = /left out: ([^·]*)/.exec(summary)![1]!;
    expect(leftOut.trim()).toBe('1 command, 3 values, 10 branches');
    expect(html).toContain('<option value="left out">left out by a condition</option>');
    const win32 = /<li class="change change-configuration" ([^>]*)>[^]*?get-win32-socket/.exec(html)![1]!;
    expect(win32).toContain('data-action="left out"');
  });

  it('removals from replies are our call, under their own heading', () => {
    const ours = section('our-call');
    expect(ours).toContain('(3)');
    expect(ours).toContain('value <code>microblazeel</code> removed from enum <code>SysEmuTarget</code>');
    expect(ours).toContain('compatible by our call');
  });

  it('no masked type number: an unnamed type is said by its place', () => {
    expect(html).toContain('optional member <code>flat</code> added to the arguments of <code>query-block</code>');
    expect(html).not.toMatch(/<code>\[*\d+\]*<\/code>/);
  });

  it('History of get-win32-socket: left out of 11.1.3 by its condition', () => {
    const e = h.releases[0].index.get('get-win32-socket')!;
    const history = History({ entity: e, history: h })?.value ?? '';
    expect(history).toMatch(/<strong>11\.1\.3<\/strong>.*left out of the build by its condition CONFIG_WIN32/s);
    expect(history).not.toMatch(/\(from 10\.2\.2\)<\/span>:\s*removed/);
  });

  it('the index counts every verdict, in its columns', () => {
    const index = ChangesIndexPage({ history: h, defaultLabel: '10.2.2' }).value;
    expect(index).toContain('<th scope="col">Compatible by our call</th>');
    expect(index).toContain('<th scope="col">Left out by a condition</th>');
  });
});
