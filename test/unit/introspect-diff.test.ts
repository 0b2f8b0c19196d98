// A source tree against the introspection of one build: what the build's
// configuration left out (the tree's 'if:' conditions it does not meet) is
// shown as such, never as removed, and nothing spurious comes from masked type
// names, flattened bases or dropped docs. The expected lists agree, fact for
// fact and condition for condition, with a wire-level comparison of QEMU's own
// generator's introspection of each tree (its scripts/qapi, names unmasked,
// each element with its 'if') against the same dump.
import { expect, it } from 'vitest';
import { diffSchemas } from '../../lib/diff/diff';
import { condText } from '../../lib/diff/shape';
import type { Change } from '../../lib/diff/types';
import { buildIndex, type IfCond, type SchemaModel } from '../../lib/qapi/model';
import { loadRootModelFromDisk } from '../../lib/qapi/node';
import { describeWithShared, qemuTree, sharedPath } from '../support/shared';

type Diff = [Change['kind'], string, string | null];
/** The changes of `kind` to the items of the definition `def`. */
const of = (kind: Change['kind'], def: string, ...items: string[]): Diff[] => items.map((item) => [kind, def, item]);
const commands = (...names: string[]): Diff[] => names.map((name) => ['left-out', name, null]);

/** The condition under which the tree has the thing. */
function conditionOf(tree: SchemaModel, c: Change): IfCond | undefined {
  const e = buildIndex(tree).get(c.def);
  if (!e) return undefined;
  if (c.item === undefined) return e.if;
  if (e.meta === 'enum') return e.values.find((v) => v.name === c.item)?.if;
  if (e.meta === 'union' && c.what === 'branch') return e.branches.find((b) => b.value === c.item)?.if;
  if (e.meta === 'struct' || e.meta === 'union') return e.members.find((m) => m.name === c.item)?.if;
  return undefined;
}

function diff(release: string, dump: string[]) {
  const tree = loadRootModelFromDisk(qemuTree(release));
  const d = diffSchemas(tree, loadRootModelFromDisk(sharedPath(...dump)));
  const changes = d.changes.map((c): Diff => [c.kind, c.def, c.item ?? null]);
  // every change left out names the tree's own condition of the thing
  for (const c of d.changes.filter((x) => x.kind === 'left-out')) {
    expect(c.condition, `${c.def} ${c.item ?? ''}`).toBe(condText(conditionOf(tree, c)));
    expect(c.verdict).toBe('configuration');
  }
  return { d, changes, tree };
}

describeWithShared('a tree vs the introspection of a build', () => {
  it('10.0.13 tree vs libvirt 10.0.0 x86_64: only configuration differences and one backport', () => {
    const { d, changes, tree } = diff('10.0.13', [
      'libvirt-11.3.0',
      'qemucapabilitiesdata',
      'caps_10.0.0_x86_64.replies',
    ]);
    // 10.0.13 (a stable update) backported blkdebug's delay-ns, which 10.0.0 lacks: a removal, without condition
    const release: Diff = ['member-removed', 'BlkdebugInjectErrorOptions', 'delay-ns'];
    expect(changes.sort()).toEqual(
      [
        release,
        ...of('left-out', 'ChardevBackend', 'console'),
        ...of('left-out', 'CpuModelExpansionInfo', 'deprecated-props'),
        ...of('left-out', 'MultiFDCompression', 'qatzip', 'qpl', 'uadk'),
        ...of('left-out', 'Netdev', 'af-xdp', 'vmnet-bridged', 'vmnet-host', 'vmnet-shared'),
        ...commands(
          'dump-skeys',
          'get-win32-socket',
          'query-cpu-model-baseline',
          'query-cpu-model-comparison',
          'query-gic-capabilities',
          'query-s390x-cpu-polarization',
          'set-cpu-topology',
        ),
        ...of('left-out', 'Audiodev', 'coreaudio', 'dsound', 'jack', 'pipewire', 'sndio'),
        ['left-out', 'CPU_POLARIZATION_CHANGE', null],
        ...of('left-out', 'DisplayOptions', 'cocoa', 'gtk'),
      ].sort(),
    );
    expect(
      conditionOf(
        tree,
        d.changes.find((c) => c.kind === 'member-removed')!,
      ),
    ).toBeUndefined();
    expect(d.docs).toEqual([]);
  });

  it('7.2.0 tree vs Debian 12 build of 7.2.22: every difference is configuration (33), none incompatible', () => {
    const { d, changes } = diff('7.2.0', ['qemu-builds', 'qemu-7.2.22-x86_64.qmp']);
    const blkio = [
      'io_uring',
      'nvme-io_uring',
      'virtio-blk-vfio-pci',
      'virtio-blk-vhost-user',
      'virtio-blk-vhost-vdpa',
    ];
    expect(changes.sort()).toEqual(
      [
        ...[
          'BlockStatsSpecific',
          'BlockdevAmendOptions',
          'BlockdevCreateOptions',
          'BlockdevDriver',
          'BlockdevOptions',
        ].flatMap((def) => of('left-out', def, ...blkio)),
        ...of('left-out', 'DisplayOptions', 'cocoa'),
        ...of('left-out', 'Netdev', 'vmnet-bridged', 'vmnet-host', 'vmnet-shared'),
        ...commands('dump-skeys', 'query-cpu-model-baseline', 'query-cpu-model-comparison', 'query-gic-capabilities'),
      ].sort(),
    );
    expect(d.changes.every((c) => c.verdict === 'configuration')).toBe(true);
  });

  it('10.2.2 tree vs Debian sid build of 11.1.3: query-migrationthreads removed, get-win32-socket left out', () => {
    const { d } = diff('10.2.2', ['qemu-builds', 'qemu-11.1.3-x86_64.qmp']);
    const find = (def: string) => d.changes.filter((c) => c.def === def && c.item === undefined);
    expect(find('query-migrationthreads')).toMatchObject([{ kind: 'command-removed', verdict: 'incompatible' }]);
    expect(find('get-win32-socket')).toMatchObject([
      { kind: 'left-out', what: 'command', condition: 'CONFIG_WIN32', verdict: 'configuration' },
    ]);
    const leftOut = d.changes.filter((c) => c.kind === 'left-out').map((c) => `${c.def} ${c.item ?? ''}`.trim());
    expect(leftOut.sort()).toEqual(
      [
        'Audiodev coreaudio',
        'Audiodev dsound',
        'Audiodev sndio',
        'ChardevBackend console',
        'DisplayOptions cocoa',
        'MultiFDCompression qatzip',
        'MultiFDCompression qpl',
        'MultiFDCompression uadk',
        'Netdev af-xdp',
        'Netdev vmnet-bridged',
        'Netdev vmnet-host',
        'Netdev vmnet-shared',
        'ObjectOptions igvm-cfg',
        'get-win32-socket',
      ].sort(),
    );
    expect(d.changes).toHaveLength(94);
  });
});
