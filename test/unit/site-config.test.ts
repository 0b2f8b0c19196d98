// Which trees the site builds and how versions map to URLs.
import { describe, expect, it } from 'vitest';
import { labelForPath, parseVersionsSpec, resolveVersions } from '@/lib/site/config';
import { pathInSite } from '@/lib/site/site-links';
import { siteFor, TREE_1000, TREE_1022, TREE_VFIO } from '../support/render-helpers';
import { describeWithQemu } from '../support/shared';
import { buildSiteSchema } from '@/lib/site/site-schema';

describe('resolveVersions', () => {
  it('defaults to the bundled example schema', () => {
    expect(resolveVersions({}, null)).toEqual([
      { label: 'example', schema: 'content/qapi-schema.json', isDefault: true },
    ]);
  });

  it('takes one tree from QAPI_SCHEMA and labels it by its QEMU version', () => {
    expect(resolveVersions({ QAPI_SCHEMA: '../shared/qemu/10.2.2/qapi/qapi-schema.json' }, null)).toEqual([
      { label: '10.2.2', schema: '../shared/qemu/10.2.2/qapi/qapi-schema.json', isDefault: true, labelFromPath: true },
    ]);
  });

  it('takes several trees from QAPI_VERSIONS, the first being the default', () => {
    const v = resolveVersions(
      { QAPI_VERSIONS: 'next=../a/qapi/qapi-schema.json, ../shared/qemu/10.0.13/qapi/qapi-schema.json' },
      null,
    );
    expect(v.map((x) => [x.label, x.isDefault])).toEqual([
      ['next', true],
      ['10.0.13', false],
    ]);
  });

  it('reads the config file when no variable is set, and keeps labels unique', () => {
    const file = JSON.stringify({
      versions: [
        { schema: 'a/qapi/s.json' },
        { label: 'x', schema: 'b/s.json', default: true },
        { label: 'x', schema: 'c/s.json' },
      ],
    });
    expect(resolveVersions({}, file).map((x) => [x.label, x.isDefault])).toEqual([
      ['a', false],
      ['x', true],
      ['x-2', false],
    ]);
  });

  it('makes URL-safe labels', () => {
    expect(labelForPath('/q/10.2.2+vfio-migration-prepare/qapi/qapi-schema.json')).toBe(
      '10.2.2+vfio-migration-prepare',
    );
    expect(parseVersionsSpec('my tree=/x.json')[0]!.label).toBe('my-tree');
  });
});

describeWithQemu(['10.2.2+vfio-migration-prepare', '10.2.2', '10.0.13'], 'version switcher targets', () => {
  it('keeps the page where the other tree has it and says so where it does not', () => {
    const vfio = siteFor(TREE_VFIO);
    const v1022 = siteFor(TREE_1022);
    const v1000 = buildSiteSchema(siteFor(TREE_1000).model, {
      label: '10.0.13',
      prefix: '/v/10.0.13',
      rootDir: 'qapi',
    });
    const page = { kind: 'definition' as const, name: 'VFIO_MIGRATION_PREPARE', section: 'events' as const };
    expect(pathInSite(vfio, page)).toBe('/events/VFIO_MIGRATION_PREPARE/');
    expect(pathInSite(v1022, page)).toBeNull();
    expect(pathInSite(v1000, { kind: 'definition', name: 'VFIO_MIGRATION', section: 'events' })).toBe(
      '/v/10.0.13/events/VFIO_MIGRATION/',
    );
    expect(pathInSite(v1000, { kind: 'module', slug: 'vfio' })).toBe('/v/10.0.13/modules/vfio/');
  });
});
