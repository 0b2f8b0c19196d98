// A site of several releases: every switcher link has a target (the same
// page, or the other release's "absent" page for what it lacks), the absent
// page says where the definition is and since when; and qga and
// storage-daemon roots render as sites of their own.
import path from 'node:path';
import { expect, it } from 'vitest';
import { absentPath, findAbsentDefinition, findAbsentModule } from '@/lib/site/absent';
import { getSchema, getVersions } from '@/lib/site/source';
import { definitionNames, moduleNames } from '@/lib/site/routes';
import { sectionOf, type Section } from '@/lib/site/href';
import { hasPage } from '@/lib/site/site-schema';
import { pathInSite } from '@/lib/site/site-links';
import { AbsentPage } from '@/components/docs-html/AbsentPage';
import { DefinitionPage } from '@/components/docs-html/DefinitionPage';
import { ModulePage } from '@/components/docs-html/ModulePage';
import { HomePage } from '@/components/docs-html/HomePage';
import { IndexPage } from '@/components/docs-html/IndexPage';
import { siteFor } from '../support/render-helpers';
import { describeWithShared, hasShared, sharedPath } from '../support/shared';

// source.ts reads the versions once, on first use: set them before any test asks.
if (hasShared) {
  process.env.QAPI_VERSIONS = [
    `10.2.2+seed=${sharedPath('qemu/10.2.2+vfio-migration-prepare/qapi/qapi-schema.json')}`,
    `10.0.13=${sharedPath('qemu/10.0.13/qapi/qapi-schema.json')}`,
    `5.2.0=${sharedPath('qemu/5.2.0/qapi/qapi-schema.json')}`,
  ].join(',');
  process.env.QAPI_SCHEMA = '';
}

const SECTIONS: Section[] = ['events', 'commands', 'types'];
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describeWithShared('absent pages of a three-release site', () => {
  it('VFIO_MIGRATION_PREPARE is not in 10.0.13; it is in 10.2.2+seed, since 11.0', () => {
    const v1000 = getSchema('10.0.13')!;
    const absent = findAbsentDefinition(v1000, 'events', 'VFIO_MIGRATION_PREPARE')!;
    expect(absent.presentIn).toEqual([
      { label: '10.2.2+seed', isDefault: true, href: '/events/VFIO_MIGRATION_PREPARE/', since: '11.0' },
    ]);
    expect(definitionNames('events')(v1000)).toContain('VFIO_MIGRATION_PREPARE');
    const html = AbsentPage({ site: v1000, absent }).value;
    expect(text(html)).toContain('VFIO_MIGRATION_PREPARE is not in 10.0.13; it is in 10.2.2+seed, since 11.0.');
    expect(html).toContain('<a href="/events/VFIO_MIGRATION_PREPARE/">10.2.2+seed</a>');
    // a tree's own definitions never get an absent page
    expect(findAbsentDefinition(getSchema()!, 'events', 'VFIO_MIGRATION_PREPARE')).toBeNull();
  });

  it('a definition that later releases dropped has absent pages there, naming the release that has it', () => {
    const v1000 = getSchema('10.0.13')!;
    const v520 = getSchema('5.2.0')!;
    const dropped = v520.commands.find((c) => !v1000.index.has(c.name))!;
    expect(dropped).toBeDefined();
    const absent = findAbsentDefinition(v1000, 'commands', dropped.name)!;
    expect(absent.presentIn.map((p) => p.label)).toEqual(['5.2.0']);
    expect(absent.presentIn[0]!.href).toBe(`/v/5.2.0/commands/${dropped.name}/`);
  });

  it('every switcher link from every definition and module page has a page to open', () => {
    const trees = getVersions().map((v) => getSchema(v.label)!);
    const pagesOf = (t: (typeof trees)[number]) =>
      new Set([
        ...SECTIONS.flatMap((s) => definitionNames(s)(t).map((n) => `${t.prefix}/${s}/${n}/`)),
        ...moduleNames(t).map((m) => `${t.prefix}/modules/${m}/`),
      ]);
    const pages = new Map(trees.map((t) => [t, pagesOf(t)]));
    for (const from of trees) {
      for (const e of from.model.entities.filter(hasPage)) {
        const ref = { kind: 'definition' as const, name: e.name, section: sectionOf(e.meta) };
        for (const to of trees) {
          const target = pathInSite(to, ref) ?? absentPath(to, ref);
          expect(target && pages.get(to)!.has(target), `${from.label} ${e.name} -> ${to.label}`).toBe(true);
        }
      }
      for (const m of from.modules) {
        for (const to of trees) {
          const ref = { kind: 'module' as const, slug: m.slug };
          const target = pathInSite(to, ref) ?? absentPath(to, ref);
          expect(target && pages.get(to)!.has(target), `${from.label} ${m.slug} -> ${to.label}`).toBe(true);
        }
      }
    }
    const vfio = findAbsentModule(getSchema('5.2.0')!, 'vfio');
    expect(vfio?.presentIn.map((p) => p.label)).toEqual(['10.2.2+seed', '10.0.13']);
  });
});

describeWithShared('qga and storage-daemon roots as sites', () => {
  const roots = ['5.2.0', '7.2.0', '10.0.13'].flatMap((r) => [
    `qemu/${r}/qga/qapi-schema.json`,
    `qemu/${r}/storage-daemon/qapi/qapi-schema.json`,
  ]);
  it.each(roots)('%s: every page renders', (root) => {
    const site = siteFor(sharedPath(root), path.basename(path.dirname(root)));
    expect(site.commands.length).toBeGreaterThan(10);
    for (const entity of [...site.events, ...site.commands, ...site.types]) {
      expect(DefinitionPage({ site, entity }).value).toContain('<h1');
    }
    for (const module of site.modules) expect(ModulePage({ site, module }).value).toContain('<h1>');
    expect(HomePage({ site }).value.length).toBeGreaterThan(0);
    expect(IndexPage({ site }).value.length).toBeGreaterThan(0);
    for (const m of site.modules) expect(m.slug).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
