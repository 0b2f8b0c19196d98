// The site's source loading accepts a QAPI_VERSIONS entry that names a
// query-qmp-schema dump (its pages are later work; the model and the site's
// view of it must load beside a tree's).
import { beforeAll, expect, it, vi } from 'vitest';
import { describeWithShared, sharedPath } from '../support/shared';
import type * as SiteSource from '../../lib/site/source';

describeWithShared('QAPI_VERSIONS naming an introspection', () => {
  let source: typeof SiteSource;

  beforeAll(async () => {
    vi.stubEnv('QAPI_MODEL_CACHE', '0');
    vi.stubEnv(
      'QAPI_VERSIONS',
      [
        `10.0.13=${sharedPath('qemu', '10.0.13', 'qapi', 'qapi-schema.json')}`,
        `10.0.0-x86_64=${sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata', 'caps_10.0.0_x86_64.replies')}`,
      ].join(','),
    );
    vi.resetModules();
    source = await import('../../lib/site/source');
    return () => vi.unstubAllEnvs();
  });

  it('loads the dump as a version of its own', () => {
    expect(source.getVersions().map((v) => [v.label, v.isDefault])).toEqual([
      ['10.0.13', true],
      ['10.0.0-x86_64', false],
    ]);
    const site = source.getSchema('10.0.0-x86_64')!;
    expect(site.model.origin).toEqual({
      kind: 'introspection',
      qemuVersion: '10.0.0',
      qemuPackage: 'v10.0.0',
      target: 'x86_64',
    });
    expect(site.events.length).toBe(55);
    expect(site.commands.length).toBe(233);
    expect(source.getSchema()!.model.origin).toBeUndefined();
  });
});
