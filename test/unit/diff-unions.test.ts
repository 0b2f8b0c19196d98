// lib/diff where a struct became a union, on QEMU's real cases: the trees of
// 5.2.0 and 10.2.2, and libvirt's dumps of real builds (6.2.0 -> 8.2.0 ->
// 9.2.0, where type names are masked). The old struct is compared with each
// branch as the wire sees it; a union's tag values that were strings before
// are no new branches; a deprecated tag value is reported as any deprecated
// enum value is; and removals from what QEMU sends carry our verdict, not
// QEMU's rule.
import { beforeAll, expect, it } from 'vitest';
import { loadRootModelFromDisk } from '../../lib/qapi/node';
import { describe as describeChange, diffSchemas, RULES, type Change, type SchemaDiff } from '../../lib/diff';
import { describeWithShared, qemuTree, sharedPath } from '../support/shared';

const dump = (name: string) => sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata', name);
/** The changes met through `command`, one line each: kind, item and path (names aside: dumps mask them). */
const through = (d: SchemaDiff, command: string) =>
  d.changes
    .flatMap((c) =>
      c.paths.filter((p) => p.startsWith(`${command}.`)).map((p) => `${c.verdict} ${c.kind} ${c.item} @ ${p}`),
    )
    .sort();

describeWithShared('a struct that became a union, branch by branch', () => {
  let trees: SchemaDiff;
  let dumps62to82: SchemaDiff;
  let dumps82to92: SchemaDiff;
  beforeAll(() => {
    trees = diffSchemas(loadRootModelFromDisk(qemuTree('5.2.0')), loadRootModelFromDisk(qemuTree('10.2.2')));
    const [v62, v82, v92] = ['6.2.0', '8.2.0', '9.2.0'].map((v) =>
      loadRootModelFromDisk(dump(`caps_${v}_x86_64.replies`)),
    );
    dumps62to82 = diffSchemas(v62!, v82!);
    dumps82to92 = diffSchemas(v82!, v92!);
  });

  it('set_password and expire_password: the protocol string became an enum; display is new in the vnc branch', () => {
    for (const d of [trees, dumps62to82]) {
      expect(through(d, 'set_password')).toEqual([
        'compatible member-added display @ set_password.arguments[protocol=vnc].display',
        'incompatible type-changed connected @ set_password.arguments.connected',
        'incompatible type-changed protocol @ set_password.arguments.protocol',
      ]);
      expect(through(d, 'expire_password')).toEqual([
        'compatible member-added display @ expire_password.arguments[protocol=vnc].display',
        'incompatible type-changed protocol @ expire_password.arguments.protocol',
      ]);
    }
  });

  it('query-block-jobs: the type string became JobType; actively-synced is new in the mirror branch', () => {
    for (const d of [trees, dumps62to82]) {
      expect(through(d, 'query-block-jobs')).toEqual([
        'compatible member-added actively-synced @ query-block-jobs.returns[][type=mirror].actively-synced',
        'compatible type-changed type @ query-block-jobs.returns[].type',
      ]);
    }
  });

  it('query-sev: handle and policy are still sent for sev-type=sev, no longer for sev-snp, which has snp-policy', () => {
    const want = [
      'compatible member-added sev-type @ query-sev.returns.sev-type',
      'compatible member-added snp-policy @ query-sev.returns[sev-type=sev-snp].snp-policy',
      'incompatible member-removed handle @ query-sev.returns[sev-type=sev-snp].handle',
      'incompatible member-removed policy @ query-sev.returns[sev-type=sev-snp].policy',
    ];
    expect(through(dumps82to92, 'query-sev')).toEqual(want);
    // the trees also differ in the condition (TARGET_I386 in 5.2, none in 10.2)
    expect(through(trees, 'query-sev').filter((l) => !l.includes('if-changed'))).toEqual(want);
  });

  it('object-add: qom-type became ObjectType; its values were accepted before, so no branch is new', () => {
    const changes = through(trees, 'object-add');
    expect(changes.filter((l) => l.includes('branch-'))).toEqual([]);
    expect(changes).toContain('incompatible type-changed qom-type @ object-add.arguments.qom-type');
    expect(changes).toContain('incompatible member-removed props @ object-add.arguments.props');
    // mandatory in its branch: 5.2 took it among undeclared arguments ('gen': false), which no schema shows
    expect(changes).toContain(
      'incompatible member-added mem-path @ object-add.arguments[qom-type=memory-backend-file].mem-path',
    );
  });

  it("a union tag value's deprecation: TransactionActionKind's drive-backup, ChardevBackendKind's memory", () => {
    const deprecated = trees.changes.filter((c) => c.kind === 'feature-added' && c.to === 'deprecated');
    const find = (def: string, item: string) => deprecated.find((c) => c.def === def && c.item === item);
    expect(find('TransactionActionKind', 'drive-backup')).toMatchObject({
      verdict: 'compatible',
      rule: 'feature-special',
      paths: ['transaction.arguments.actions[][type=drive-backup]'],
    });
    expect(find('ChardevBackendKind', 'memory')?.paths).toEqual([
      'chardev-add.arguments.backend[type=memory]',
      'chardev-change.arguments.backend[type=memory]',
    ]);
  });

  it('no masked type number in any change of two builds: the unnamed type is said by its place', () => {
    for (const d of [dumps62to82, dumps82to92]) {
      for (const c of d.changes) {
        for (const field of [c.def, c.oldDef, c.from, c.to, c.within]) expect(field ?? '').not.toMatch(/^\[*\d+\]*$/);
        // an enum's label counts the values it does not list ('… 6 more'); nothing else is a bare number
        expect(describeChange(c).replace(/… \d+ more/g, '')).not.toMatch(/(?:^|[ (])\[*\d+\]*(?:$|[ ),])/);
      }
    }
    const sev = dumps82to92.changes.find((c) => c.item === 'snp-policy')!;
    expect(describeChange(sev)).toBe('mandatory member snp-policy added to branch sev-snp of the reply of query-sev');
    const connected = dumps62to82.changes.find((c) => c.item === 'connected')!;
    expect(describeChange(connected)).toBe(
      'type of connected of the arguments of set_password changed from str to enum of "keep" | "fail" | "disconnect" (narrower)',
    );
  });
});

describeWithShared('removals from what QEMU sends: our call, not QEMU rule', () => {
  it("10.2.2 -> the 11.1.3 build: microblazeel's removal from replies is judged ours, and the rule says so", () => {
    const d = diffSchemas(
      loadRootModelFromDisk(qemuTree('10.2.2')),
      loadRootModelFromDisk(sharedPath('qemu-builds', 'qemu-11.1.3-x86_64.qmp')),
    );
    const ours = d.changes.filter((c: Change) => c.verdict === 'our-call');
    expect(ours.map((c) => `${c.kind} ${c.def}.${c.item}`).sort()).toEqual([
      'branch-removed BlockStatsSpecific.gluster',
      'branch-removed CpuInfoFast.microblazeel',
      'value-removed SysEmuTarget.microblazeel',
    ]);
    for (const c of ours) expect(c).toMatchObject({ dir: 'receive', rule: 'receive-unreachable' });
    expect(RULES['receive-unreachable']).toMatch(/the verdict is ours, not QEMU's\.\)$/);
  });
});
