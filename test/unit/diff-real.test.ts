// lib/diff on QEMU's real trees: 10.0.13 -> 10.2.2 and the seed patch
// (10.2.2 -> 10.2.2+vfio-migration-prepare), and the history across the three.
import { beforeAll, expect, it } from 'vitest';
import { loadModelFromDisk } from '../../lib/qapi/node';
import type { SchemaModel } from '../../lib/qapi/model';
import { buildHistory, diffSchemas, historyOf, type Change, type SchemaDiff } from '../../lib/diff';
import { describeWithShared, sharedPath } from '../support/shared';

const tree = (name: string) => sharedPath('qemu', name, 'qapi/qapi-schema.json');

describeWithShared('diff of real QEMU trees', () => {
  let v100: SchemaModel;
  let v102: SchemaModel;
  let seed: SchemaModel;
  let diff: SchemaDiff;
  const find = (pred: (c: Change) => boolean) => diff.changes.filter(pred);

  beforeAll(() => {
    v100 = loadModelFromDisk(tree('10.0.13'));
    v102 = loadModelFromDisk(tree('10.2.2'));
    seed = loadModelFromDisk(tree('10.2.2+vfio-migration-prepare'));
    diff = diffSchemas(v100, v102);
  });

  it('seed patch: exactly one wire change, event VFIO_MIGRATION_PREPARE added (compatible, receive)', () => {
    const d = diffSchemas(v102, seed);
    expect(d.changes).toEqual([
      {
        kind: 'event-added',
        def: 'VFIO_MIGRATION_PREPARE',
        verdict: 'compatible',
        rule: 'receive-add',
        dir: 'receive',
        paths: ['VFIO_MIGRATION_PREPARE'],
      },
    ]);
    expect(d.docs).toEqual([]);
  });

  it('a tree against itself: nothing', () => {
    expect(diffSchemas(v102, v102)).toEqual({ changes: [], docs: [] });
  });

  it('ChardevSocket.reconnect removed: incompatible, send, under chardev-add and chardev-change', () => {
    const [c] = find((c) => c.def === 'ChardevSocket' && c.item === 'reconnect');
    expect(c).toMatchObject({ kind: 'member-removed', verdict: 'incompatible', dir: 'send', was: 'deprecated' });
    expect(c.rule).toBe('send-incompatible');
    expect(c.paths).toEqual([
      'chardev-add.arguments.backend[type=socket].data.reconnect',
      'chardev-change.arguments.backend[type=socket].data.reconnect',
    ]);
  });

  it('BlockDeviceInfo.children: a mandatory member new in returns, compatible for clients', () => {
    // 10.0.13 has no BlockDeviceInfo.children at all; 10.1 added it, mandatory
    const [c] = find((c) => c.def === 'BlockDeviceInfo' && c.item === 'children');
    expect(c).toMatchObject({ kind: 'member-added', optional: false, verdict: 'compatible', dir: 'receive' });
    expect(c.paths).toContain('query-block.returns[].inserted.children');
    expect(c.paths).toContain('query-named-block-nodes.returns[].children');
  });

  it('a renamed type (SGXInfo -> SgxInfo) shows only what changed on the wire', () => {
    const sgx = find((c) => c.def === 'SgxInfo');
    expect(sgx.map((c) => [c.kind, c.oldDef])).toEqual([['if-changed', 'SGXInfo']]);
  });

  it('incompatible changes come first and every change has a path', () => {
    const ranks = diff.changes.map((c) => ['incompatible', 'tolerate', 'compatible'].indexOf(c.verdict));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(diff.changes.filter((c) => c.verdict === 'incompatible').length).toBeGreaterThan(0);
    for (const c of diff.changes) expect(c.paths.length).toBeGreaterThan(0);
  });

  it('serialises compactly', () => {
    expect(JSON.stringify(diff).length).toBeLessThan(100_000);
  });

  it('history across 10.0.13, 10.2.2, 10.2.2+seed: where each definition exists and what changed', () => {
    const h = buildHistory([
      { label: '10.0.13', model: v100 },
      { label: '10.2.2', model: v102 },
      { label: '10.2.2+seed', model: seed },
    ]);
    expect(h.defs.VFIO_MIGRATION_PREPARE).toMatchObject({ meta: 'event', in: [2] });
    expect(historyOf(h, 'VFIO_MIGRATION_PREPARE')).toEqual([
      { from: '10.2.2', to: '10.2.2+seed', status: 'added', changes: [h.steps[1].changes[0]], docs: [] },
    ]);
    expect(h.defs['x-query-opcount'].in).toEqual([0]);
    expect(historyOf(h, 'x-query-opcount').map((s) => s.status)).toEqual(['removed']);
    const chardev = historyOf(h, 'chardev-add');
    expect(chardev.map((s) => s.to)).toEqual(['10.2.2']);
    expect(chardev[0].changes.map((c) => `${c.def}.${c.item}`)).toContain('ChardevSocket.reconnect');
    const socket = historyOf(h, 'ChardevSocket');
    expect(socket[0].changes.map((c) => `${c.kind} ${c.item}`)).toContain('member-removed reconnect');
    expect(historyOf(h, 'no-such-thing')).toEqual([]);
    // the whole history, as the site would ship it
    expect(JSON.stringify(h).length).toBeLessThan(200_000);
  });

  it('7.2.0 -> 10.2.2: MigrationCapability lost compress and block (incompatible, both directions)', (ctx) => {
    let v72: SchemaModel;
    try {
      v72 = loadModelFromDisk(tree('7.2.0'));
    } catch {
      // QEMU 7.2's tree loads once its release mode exists; until then there is nothing to compare
      return ctx.skip();
    }
    const removed = diffSchemas(v72, v102).changes.filter(
      (c) => c.def === 'MigrationCapability' && c.kind === 'value-removed',
    );
    for (const value of ['compress', 'block']) {
      const c = removed.find((r) => r.item === value);
      expect(c, value).toMatchObject({ verdict: 'incompatible', dir: 'both', rule: 'send-incompatible' });
      expect(c!.paths).toContain('migrate-set-capabilities.arguments.capabilities[].capability');
      expect(c!.paths).toContain('query-migrate-capabilities.returns[].capability');
    }
  });
});
