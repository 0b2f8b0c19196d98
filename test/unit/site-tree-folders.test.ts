// QAPI_SCHEMA and QAPI_VERSIONS accept what every command accepts (one
// rootFileOf): a tree's root file, or a folder holding one, a QEMU source
// tree's top included; a folder's label is its release, as its root file's.
import { afterEach, expect, it, vi } from 'vitest';
import { describeWithQemu, sharedPath } from '../support/shared';

async function siteSource(env: Record<string, string>) {
  vi.stubEnv('QAPI_MODEL_CACHE', '0');
  vi.stubEnv('QAPI_SCHEMA', '');
  vi.stubEnv('QAPI_VERSIONS', '');
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  vi.resetModules();
  return import('../../lib/site/source');
}

afterEach(() => void vi.unstubAllEnvs());

describeWithQemu(['10.2.2', '10.0.13'], 'tree folders as the site schema', () => {
  it('QAPI_VERSIONS of two QEMU source folders: their qapi/qapi-schema.json, labelled 10.2.2 and 10.0.13', async () => {
    const source = await siteSource({
      QAPI_VERSIONS: `${sharedPath('qemu', '10.2.2')},${sharedPath('qemu', '10.0.13', 'qapi')}`,
    });
    expect(source.getVersions().map((v) => [v.label, v.rootFile])).toEqual([
      ['10.2.2', sharedPath('qemu', '10.2.2', 'qapi', 'qapi-schema.json')],
      ['10.0.13', sharedPath('qemu', '10.0.13', 'qapi', 'qapi-schema.json')],
    ]);
  });

  it('QAPI_SCHEMA of a folder builds its tree', async () => {
    const source = await siteSource({ QAPI_SCHEMA: sharedPath('qemu', '10.0.13') });
    expect(source.getSchema()!.events.length).toBe(56);
  });
});
