// A source tree against the introspection of one build of the same release:
// QEMU 10.0.13's tree vs libvirt's 10.0.0 x86_64 dump. The diff shows that
// build's configuration (what 'if' left out of an x86_64 build on Linux) and
// nothing spurious from masked type names, flattened bases or dropped docs.
import { expect, it } from 'vitest';
import { diffSchemas } from '../../lib/diff/diff';
import type { Change } from '../../lib/diff/types';
import { buildIndex, type IfCond, type SchemaModel } from '../../lib/qapi/model';
import { loadRootModelFromDisk } from '../../lib/qapi/node';
import { describeWithShared, sharedPath } from '../support/shared';

type Diff = [Change['kind'], string, string | null];
/** The changes of `kind` to the items of the definition `def`. */
const of = (kind: Change['kind'], def: string, ...items: string[]): Diff[] => items.map((item) => [kind, def, item]);

/** Every difference, each with the 'if' of the tree that leaves it out of this build. */
const EXPECTED: Diff[] = [
  ...of('branch-removed', 'ChardevBackend', 'console'),
  ...of('member-removed', 'CpuModelExpansionInfo', 'deprecated-props'),
  ...of('value-removed', 'MultiFDCompression', 'qatzip', 'qpl', 'uadk'),
  ...of('branch-removed', 'Netdev', 'af-xdp', 'vmnet-bridged', 'vmnet-host', 'vmnet-shared'),
  ...[
    'dump-skeys',
    'get-win32-socket',
    'query-cpu-model-baseline',
    'query-cpu-model-comparison',
    'query-gic-capabilities',
    'query-s390x-cpu-polarization',
    'set-cpu-topology',
  ].map((command): Diff => ['command-removed', command, null]),
  ...of('branch-removed', 'Audiodev', 'coreaudio', 'dsound', 'jack', 'pipewire', 'sndio'),
  ['event-removed', 'CPU_POLARIZATION_CHANGE', null],
  ...of('branch-removed', 'DisplayOptions', 'cocoa', 'gtk'),
];

/** The one release difference: 10.0.13 (a stable update) backported blkdebug's delay-ns, which 10.0.0 lacks. */
const RELEASE: Diff = ['member-removed', 'BlkdebugInjectErrorOptions', 'delay-ns'];

/** The condition under which the tree has the removed thing. */
function conditionOf(tree: SchemaModel, c: Change): IfCond | undefined {
  const e = buildIndex(tree).get(c.def);
  if (!e) return undefined;
  if (c.item === undefined) return e.if;
  if (e.meta === 'enum') return e.values.find((v) => v.name === c.item)?.if;
  if (e.meta === 'union' && c.kind === 'branch-removed') return e.branches.find((b) => b.value === c.item)?.if;
  if (e.meta === 'struct' || e.meta === 'union') return e.members.find((m) => m.name === c.item)?.if;
  return undefined;
}

describeWithShared('10.0.13 tree vs the 10.0.0 x86_64 introspection', () => {
  it('only configuration differences, each under an if of the tree', () => {
    const tree = loadRootModelFromDisk(sharedPath('qemu', '10.0.13', 'qapi', 'qapi-schema.json'));
    const build = loadRootModelFromDisk(
      sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata', 'caps_10.0.0_x86_64.replies'),
    );
    const diff = diffSchemas(tree, build);
    const changes = diff.changes.map((c): [string, string, string | null] => [c.kind, c.def, c.item ?? null]);
    expect(changes.sort()).toEqual([...EXPECTED, RELEASE].sort());
    for (const c of diff.changes) {
      if (c.def === RELEASE[1]) continue;
      expect(conditionOf(tree, c), `${c.kind} ${c.def} ${c.item ?? ''}`).toBeDefined();
    }
    expect(
      conditionOf(
        tree,
        diff.changes.find((c) => c.def === RELEASE[1])!,
      ),
    ).toBeUndefined();
    expect(diff.docs).toEqual([]);
  });
});
