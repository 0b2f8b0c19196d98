// Pages of an introspected schema (a QAPI_VERSIONS entry naming a libvirt
// dump of query-qmp-schema): a page per command and event with its wire
// shape, types shown by their shape (QEMU masks their names as '123'), doc
// text borrowed from a source tree of the same (or nearest older) release and
// marked so, or none when the site has no such tree; a default label from the
// dump's QEMU.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DefinitionPage } from '@/components/docs-html/DefinitionPage';
import { ExpansionFragment, expandableTypes } from '@/components/docs-html/Expansion';
import { ModulePage } from '@/components/docs-html/ModulePage';
import { borrowDocs, docsTreeFor } from '@/lib/site/borrow-docs';
import { buildSearchDocs } from '@/lib/site/search-docs';
import { introspectionLabel, introspectionTitle } from '@/lib/site/introspection-label';
import { isMaskedType, shapeLabel } from '@/lib/site/masked-types';
import type { SiteSchema } from '@/lib/site/site-schema';
import { describeWithShared, sharedPath } from '../support/shared';
import type * as SiteSource from '../../lib/site/source';

const dump = (name: string) => sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata', name);

function page(site: SiteSchema, name: string): string {
  const entity = site.index.get(name);
  if (!entity) throw new Error(`no ${name}`);
  return DefinitionPage({ site, entity }).value;
}

/** Every place a page shows a type or names a nested table: none may be a masked name. */
function maskedNamesShown(html: string): string[] {
  const shown: string[] = [];
  for (const m of html.matchAll(/<td class="member-type">([\s\S]*?)<\/td>/g)) {
    if (/>\d+<\/code>/.test(m[1]!)) shown.push(m[1]!);
  }
  for (const m of html.matchAll(/(?:members of|values of|alternatives of|See) (?:<[^>]+>)*(\d+)\b/g)) shown.push(m[0]);
  for (const m of html.matchAll(/<code>(\d+)<\/code>/g)) shown.push(m[0]);
  return shown;
}

describe('labels of an introspection', () => {
  it('names a dump after its QEMU and target', () => {
    const origin = { kind: 'introspection' as const, qemuVersion: '10.0.0', target: 'x86_64' };
    expect(introspectionTitle(origin)).toBe('QEMU 10.0.0 (x86_64), introspected');
    expect(introspectionLabel(origin)).toBe('10.0.0-x86_64');
    expect(introspectionLabel({ kind: 'introspection' })).toBeNull();
    expect(introspectionTitle({ kind: 'introspection' })).toBe('QEMU, introspected');
  });

  it('borrows from a tree of the same release, else of the nearest older one, the plain release before a patched one', () => {
    const trees = ['10.2.2+seed', '7.2.0', '10.2.2', 'example', '10.0.13'].map((label) => ({
      label,
      rootFile: `/x/${label}/qapi/qapi-schema.json`,
    }));
    const label = (v: string | undefined) => {
      const found = docsTreeFor(v, trees);
      return found && [trees[found.index]!.label, found.older];
    };
    expect(label('10.0.0')).toEqual(['10.0.13', false]);
    expect(label('11.1.3')).toEqual(['10.2.2', true]);
    expect(label('10.2.0')).toEqual(['10.2.2', false]);
    expect(label('10.1.1')).toEqual(['10.0.13', true]);
    expect(label('9.2.0')).toEqual(['7.2.0', true]);
    expect(label('5.2.0')).toBeNull();
    expect(label(undefined)).toBeNull();
    // a tree's version may come from its path alone
    const unlabelled = [{ label: 'tree', rootFile: '/x/qemu/10.0.13/qapi/qapi-schema.json' }];
    expect(docsTreeFor('10.0.0', unlabelled)).toEqual({ index: 0, older: false });
  });
});

describeWithShared('a site with a tree and two dumps', () => {
  let source: typeof SiteSource;
  let tree: SiteSchema;
  let x86: SiteSchema;
  let old: SiteSchema;

  beforeAll(async () => {
    vi.stubEnv('QAPI_MODEL_CACHE', '0');
    // the dumps without label=: named from their content
    vi.stubEnv(
      'QAPI_VERSIONS',
      [
        `10.0.13=${sharedPath('qemu', '10.0.13', 'qapi', 'qapi-schema.json')}`,
        dump('caps_10.0.0_x86_64.replies'),
        dump('caps_9.2.0_x86_64.replies'),
      ].join(','),
    );
    vi.resetModules();
    source = await import('../../lib/site/source');
    tree = source.getSchema('10.0.13')!;
    x86 = source.getSchema('10.0.0-x86_64')!;
    old = source.getSchema('9.2.0-x86_64')!;
    return () => vi.unstubAllEnvs();
  });

  it('labels each dump by its QEMU version and target', () => {
    expect(source.getVersions().map((v) => [v.label, v.prefix])).toEqual([
      ['10.0.13', ''],
      ['10.0.0-x86_64', '/v/10.0.0-x86_64'],
      ['9.2.0-x86_64', '/v/9.2.0-x86_64'],
    ]);
  });

  it('gives pages to commands and events only, in one module named after the QEMU', () => {
    expect(x86.types).toEqual([]);
    expect(x86.events.length).toBe(55);
    expect(x86.commands.length).toBe(233);
    expect(x86.modules.map((m) => [m.slug, m.title])).toEqual([
      ['query-qmp-schema', 'QEMU 10.0.0 (x86_64), introspected'],
    ]);
    const html = ModulePage({ site: x86, module: x86.modules[0]! }).value;
    expect(html).toContain('<h1>QEMU 10.0.0 (x86_64), introspected</h1>');
    expect(html).toContain('href="/v/10.0.0-x86_64/events/BLOCK_JOB_COMPLETED/"');
    expect(maskedNamesShown(html)).toEqual([]);
  });

  it('borrows the doc text of the 10.0.13 tree for the 10.0.0 dump, and marks it', () => {
    expect(x86.docsFrom?.label).toBe('10.0.13');
    expect(old.docsFrom).toBeUndefined();
    const html = page(x86, 'BLOCK_JOB_COMPLETED');
    expect(html).toContain('Documentation from 10.0.13 (<a href="/events/BLOCK_JOB_COMPLETED/">');
    expect(html).toContain('; unchanged on the wire in 10.0.0-x86_64.');
    expect(html).toContain('href="/events/BLOCK_JOB_COMPLETED/"');
    const treeEvent = tree.index.get('BLOCK_JOB_COMPLETED')!;
    const firstWords = treeEvent.doc!.body.text.split(/\s+/).slice(0, 4).join(' ');
    expect(html).toContain(firstWords);
    // member descriptions by member name: 'device' is described in the tree
    const device = /<tr id="m-device"[\s\S]*?<\/tr>/.exec(html)![0];
    expect(device).not.toContain('Not documented');
    // its enum member: the shape, the values, and the tree's value descriptions
    const type = /<tr id="m-type"[\s\S]*?<\/tr>/.exec(html)![0];
    expect(type).toContain('enum of &quot;commit&quot; | &quot;stream&quot; | &quot;mirror&quot; | … 6 more');
    expect(type).toContain('Show 9 values');
    // the masked type links to the tree's type it mirrors, under its shape
    expect(type).toMatch(
      /<a class="type-ref masked" href="\/types\/JobType\/" title="[^"]*mirrors JobType of the 10.0.13 source tree">/,
    );
    expect(maskedNamesShown(html)).toEqual([]);
    expect(x86.docsFrom!.typeNames.size).toBeGreaterThan(500);
  });

  it('says so when there is nothing to borrow', () => {
    const html = page(old, 'BLOCK_JOB_COMPLETED');
    expect(html).toContain('No documentation: an introspection carries none');
    expect(html).not.toContain('No description.');
    // member rows say nothing rather than "Not documented" on every row
    expect(html).not.toContain('Not documented');
    expect(/<tr id="m-device"[\s\S]*?<\/tr>/.exec(html)![0]).toContain(
      '<span class="undocumented" title="query-qmp-schema carries no doc text">—</span>',
    );
    expect(html).not.toContain('source tree (');
    expect(maskedNamesShown(html)).toEqual([]);
    // a command the 10.0.13 tree does not document under that name would say which tree had nothing
    const noDoc = x86.commands.find((c) => !x86.docsFrom!.definitions.has(c.name));
    if (noDoc) expect(page(x86, noDoc.name)).toContain('source tree has no documentation of this command');
  });

  it('shows a command with a union argument and an array reply by shape, lazily past the budget', () => {
    for (const site of [x86, old]) {
      const add = page(site, 'blockdev-add');
      expect(add).toContain('branches by <code>driver</code>');
      expect(add).toMatch(/When <code>driver<\/code> is/);
      expect(maskedNamesShown(add)).toEqual([]);
      // structured members past the inline budget load their type's fragment, which exists
      const lazy = [...add.matchAll(/data-expand="([^"]+)"/g)].map((m) => m[1]!);
      expect(lazy.length).toBeGreaterThan(0);
      const fragments = new Set(expandableTypes(site).map((n) => `${site.prefix}/types/${n}/expand.html`));
      for (const url of lazy) expect(fragments.has(url)).toBe(true);
      const name = /\/types\/([^/]+)\/expand\.html$/.exec(lazy[0]!)![1]!;
      expect(isMaskedType(site, name)).toBe(true);
      expect(maskedNamesShown(ExpansionFragment({ site, name })!.value)).toEqual([]);

      const query = page(site, 'query-block');
      expect(query).toMatch(
        /<code>return<\/code> is a JSON array; each element is an\s*<(a|code) class="type-ref masked"/,
      );
      expect(query).toContain('object {…}');
      expect(maskedNamesShown(query)).toEqual([]);
    }
    // borrowed descriptions reach nested members: query-block's reply member 'device'
    const reply = /<tr id="r-device"[\s\S]*?<\/tr>/.exec(page(x86, 'query-block'))![0];
    expect(reply).not.toContain('Not documented');
    expect(reply).toContain('The device name');
    expect(page(x86, 'query-block')).toContain(
      'each element is an <a class="type-ref masked" href="/types/BlockInfo/"',
    );
    expect(/<tr id="r-device"[\s\S]*?<\/tr>/.exec(page(old, 'query-block'))![0]).not.toContain('The device name');
  });

  it('labels alternates by their alternatives', () => {
    const alt = x86.model.entities.find((e) => e.meta === 'alternate')!;
    expect(isMaskedType(x86, alt.name)).toBe(true);
    const label = shapeLabel(x86.index, alt.name);
    expect(label).toContain(' | ');
    expect(label).not.toMatch(/\b\d+\b/);
    // blockdev-add: a union by driver, whose blkdebug branch's image is an object or a node name
    const add = x86.index.get('blockdev-add')!;
    if (add.meta !== 'command') throw new Error('blockdev-add is a command');
    const args = x86.index.get(add.argType!)!;
    expect(shapeLabel(x86.index, args.name)).toBe('object {…} by driver');
    if (args.meta !== 'union') throw new Error('blockdev-add takes a union');
    const blkdebug = x86.index.get(args.branches.find((b) => b.value === 'blkdebug')!.type)!;
    if (blkdebug.meta !== 'struct') throw new Error('blkdebug is a struct');
    expect(shapeLabel(x86.index, blkdebug.members.find((m) => m.name === 'image')!.type)).toBe('object {…} | string');
  });

  it('indexes the pages for search, never under a masked name', () => {
    const docs = buildSearchDocs(x86);
    expect(docs.find((d) => d.k === 'event' && d.n === 'BLOCK_JOB_COMPLETED')?.t).toBeTruthy();
    expect(docs.find((d) => d.k === 'branch' && d.p === 'blockdev-add' && d.n === 'qcow2')?.h).toBe(
      '/commands/blockdev-add/#b-qcow2',
    );
    expect(docs.filter((d) => /^\d+$/.test(d.n) || /members of \d+/.test(d.t ?? ''))).toEqual([]);
  });

  it('leaves the introspection it borrows for untouched', () => {
    const own = source.getSchema('10.0.0-x86_64')!;
    const plain = buildSearchDocs(old);
    expect(plain.find((d) => d.k === 'event' && d.n === 'BLOCK_JOB_COMPLETED')?.t).toBeUndefined();
    const borrowed = borrowDocs(old.model, tree.model);
    expect(borrowed.definitions.has('BLOCK_JOB_COMPLETED')).toBe(true);
    expect(old.index.get('BLOCK_JOB_COMPLETED')!.doc).toBeNull();
    expect(own.index.get('BLOCK_JOB_COMPLETED')!.doc).not.toBeNull();
  });
});

describeWithShared('a dump-only site from QAPI_SCHEMA', () => {
  it('labels the one version after the dump and borrows nothing', async () => {
    vi.stubEnv('QAPI_MODEL_CACHE', '0');
    vi.stubEnv('QAPI_VERSIONS', '');
    vi.stubEnv('QAPI_SCHEMA', dump('caps_8.2.0_aarch64.replies'));
    vi.resetModules();
    try {
      const source = await import('../../lib/site/source');
      expect(source.getVersions().map((v) => [v.label, v.isDefault, v.prefix])).toEqual([['8.2.0-aarch64', true, '']]);
      const site = source.getDefaultSchema();
      expect(site.docsFrom).toBeUndefined();
      expect(site.modules[0]!.title).toBe('QEMU 8.2.0 (aarch64), introspected');
      expect(maskedNamesShown(page(site, 'query-cpu-model-expansion'))).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
