// "Accepted by": its wording (what was added or removed where, every error,
// names cut to a prefix, equal lines of several releases as one), on
// libvirt's real traffic judged by four releases' trees, and on the seed tree
// (10.2.2 plus VFIO_MIGRATION_PREPARE).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRootModelFromDisk } from '../../lib/qapi/node';
import { optionsForTree } from '../../lib/qapi/options';
import type { SchemaModel } from '../../lib/qapi/model';
import { createValidator } from '../../lib/validate/index';
import {
  acceptanceOf,
  alignVerdicts,
  groupedReasons,
  releaseOrder,
  sinceTexts,
  type ErrorRef,
  type Rejection,
} from '../../lib/validate/accepted';
import { sampleEventText, sampleValue } from '../../lib/site/validator-sample';
import { describeWithQemu, hasShared, qemuTree, sharedPath } from '../support/shared';

describe('releaseOrder', () => {
  it('orders by version number, labels without one last', () => {
    expect(releaseOrder(['10.2.2', 'example', '10.0.13', '10.2.2+seed', '7.2.0'])).toEqual([4, 2, 0, 3, 1]);
  });
});

const no = (...errors: ErrorRef[]): Rejection => ({ errors, more: 0 });

describe('acceptanceOf', () => {
  const labels = ['10.2.2', '9.2.0', '10.0.13'];
  const missing = { code: 'missing-member', path: '/return/0/children', message: 'missing member' } as const;
  it('a change between neighbouring releases is "in" the newer, else "between" the two', () => {
    const lines = acceptanceOf(labels, [[no(missing)], [null], [no(missing)]], 0, 'query-block');
    expect(lines).toEqual([
      { label: '10.2.2', accepted: false, reason: 'missing member `children`, made mandatory in 10.0.13' },
      { label: '9.2.0', accepted: true },
      { label: '10.0.13', accepted: false, reason: 'missing member `children`, made mandatory in 10.0.13' },
    ]);
    const far = acceptanceOf(['7.2.0', '10.0.13'], [[null], [no(missing)]], 0, null);
    expect(far[1]!.reason).toBe('missing member `children`, made mandatory between 7.2.0 and 10.0.13');
  });
  it('a member\'s own "(since X)" says when it was added, when X lies between the releases that disagree', () => {
    const at = { ...missing, def: 'BlockDeviceInfo' };
    const lines = (doc: string) =>
      acceptanceOf(labels, [[no(at)], [null], [no(at)]], 0, null, (k) =>
        k === 'BlockDeviceInfo.children' ? doc : undefined,
      );
    expect(lines('9.3')[2]!.reason).toBe('missing member `children`, added in 9.3');
    expect(lines('2.0')[2]!.reason).toBe('missing member `children`, made mandatory in 10.0.13');
    expect(lines('10.1')[2]!.reason).toBe('missing member `children`, made mandatory in 10.0.13');
  });
  it('an unknown member is "removed" where older releases take it, "added" where newer ones do', () => {
    const unknown = { code: 'unknown-member', path: '/data/blk', message: 'unknown member' } as const;
    expect(acceptanceOf(['7.2.0', '10.0.13'], [[null], [no(unknown)]], 0, null)[1]!.reason).toBe(
      'unknown member `blk`, removed between 7.2.0 and 10.0.13',
    );
    expect(acceptanceOf(['10.1.0', '10.2.2'], [[no(unknown)], [null]], 0, null)[0]!.reason).toBe(
      'unknown member `blk`, added in 10.2.2',
    );
  });
  it('a member older releases require and a newer one does not is "no longer mandatory"; none at all: no change', () => {
    const lines = acceptanceOf(labels, [[no(missing)], [no(missing)], [null]], 0, null);
    expect(lines[1]).toEqual({
      label: '9.2.0',
      accepted: false,
      reason: 'missing member `children`, no longer mandatory in 10.0.13',
    });
    const all = acceptanceOf(labels, [[no(missing)], [no(missing)], [no(missing)]], 0, null);
    expect(all[1]).toEqual({ label: '9.2.0', accepted: false, reason: 'missing member `children`' });
  });
  it('gives every error (equal lines once, with a count), the first three, then "+N more"', () => {
    const e = (path: string, code: 'missing-member' | 'unknown-member' = 'unknown-member') =>
      ({ code, path, message: 'x' }) as const;
    const v = { errors: [e('/a/0/x'), e('/a/1/x'), e('/b'), e('/c', 'missing-member'), e('/d')], more: 4 };
    expect(acceptanceOf(['1.0'], [[v]], 0, null)[0]!.reason).toBe(
      'unknown member `x` (×2); unknown member `b`; missing member `c`; +5 more',
    );
  });
  it('says where an unknown event exists, with its own Since: when known; equal lines of releases group', () => {
    const unknown = { code: 'unknown-event', path: '/event', message: 'unknown event' } as const;
    const lines = acceptanceOf(labels, [[null], [no(unknown)], [no(unknown)]], 0, 'X', (n) =>
      n === 'X' ? '11.0' : undefined,
    );
    expect(lines[2]!.reason).toBe('no event `X`, added in 11.0 (in 10.2.2)');
    expect(groupedReasons(lines)).toEqual([[['9.2.0', '10.0.13'], 'no event `X`, added in 11.0 (in 10.2.2)']]);
    const nowhere = acceptanceOf(labels, [[no(unknown)], [no(unknown)], [no(unknown)]], 0, 'X');
    expect(groupedReasons(nowhere)).toEqual([[labels, 'no event `X`']]);
    // labels without a version number have no order in time: no "added" or "removed"
    const unversioned = acceptanceOf(['mine', 'example'], [[null], [no(unknown)]], 0, 'X');
    expect(unversioned[1]!.reason).toBe('no event `X` (in mine)');
  });
  it('quotes a name from the input by a bounded prefix', () => {
    const huge = 'n'.repeat(1_000_000);
    const unknown = { code: 'unknown-member', path: `/data/${huge}`, message: 'unknown member' } as const;
    const lines = acceptanceOf(['7.2.0', '10.0.13'], [[null], [no(unknown)]], 0, huge);
    expect(lines[1]!.reason!.length).toBeLessThan(200);
    expect(lines[1]!.reason).toContain('…, 1000000 characters');
  });
});

// libvirt's recorded traffic of QEMU 6.2 and 10.0 builds, judged by four releases' trees
const RELEASES = ['10.2.2', '10.0.13', '7.2.0', '5.2.0'];
describeWithQemu(RELEASES, "accepted by 10.2.2, 10.0.13, 7.2.0 and 5.2.0 on libvirt's dumps", () => {
  const models = RELEASES.map((l) => loadRootModelFromDisk(qemuTree(l), optionsForTree(qemuTree(l))));
  const since = sinceTexts(models);
  /** Per message of the dump with one release rejecting it at least: its reasons, grouped. */
  const reasons = (file: string): { name: string | null; groups: [string[], string][] }[] => {
    const text = readFileSync(sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata', file), 'utf8');
    const results = models.map((m) => createValidator(m).validateText(text));
    const verdicts = results.map((r) => alignVerdicts(results[0]!.messages, r.messages));
    return results[0]!.messages
      .map((m, i) => ({
        name: m.name,
        groups: groupedReasons(acceptanceOf(RELEASES, verdicts, i, m.name, (n) => since[n])),
      }))
      .filter((x) => x.groups.length);
  };

  it.runIf(hasShared)('10.0.0 traffic: what 7.2.0 and 5.2.0 lack is "added in", from its own since', () => {
    const got = reasons('caps_10.0.0_x86_64.replies');
    const of = (name: string) => got.filter((x) => x.name === name).flatMap((x) => x.groups);
    // a reply to a command 5.2.0 lacks: 5.2.0 could not have sent it
    expect(of('query-sgx-capabilities')).toEqual([
      [['5.2.0'], 'no command `query-sgx-capabilities`, added in 6.2 (in 7.2.0, 10.0.13, 10.2.2)'],
      [['5.2.0'], 'no command `query-sgx-capabilities`, added in 6.2 (in 7.2.0, 10.0.13, 10.2.2)'],
    ]);
    // query-machines' 'acpi' (since 8.0): one line for both releases, each error counted, then "+N more"
    expect(of('query-machines')[0]).toEqual([
      ['7.2.0', '5.2.0'],
      expect.stringMatching(/^unknown member `acpi`, added in 8\.0 \(×32\); \+\d+ more$/),
    ]);
    expect(of('query-migrate-capabilities')).toContainEqual([
      ['5.2.0'],
      expect.stringMatching(/^not an enum value at \/return\/\d+\/capability, added between 5\.2\.0 and 7\.2\.0/),
    ]);
  });

  it.runIf(hasShared)('6.2.0 traffic: what 10.0.13 and 10.2.2 dropped is "removed", what they added "added in"', () => {
    const got = reasons('caps_6.2.0_x86_64.replies');
    const of = (name: string) => got.filter((x) => x.name === name).flatMap((x) => x.groups);
    expect(of('query-machines')[0]).toEqual([
      ['10.2.2', '10.0.13'],
      expect.stringMatching(/^missing member `acpi`, added in 8\.0 \(×32\); \+\d+ more$/),
    ]);
    expect(of('query-migrate-capabilities')).toContainEqual([
      ['10.2.2', '10.0.13'],
      expect.stringMatching(/^not an enum value at \/return\/\d+\/capability, removed between 7\.2\.0 and 10\.0\.13; /),
    ]);
  });

  it('a text that is no QMP message, or an event no release has: one line for all releases', () => {
    const text = '{"hello": 1}\n{"event": "NO_SUCH_EVENT", "timestamp": {"seconds": 1, "microseconds": 0}}';
    const results = models.map((m) => createValidator(m).validateText(text));
    const verdicts = results.map((r) => alignVerdicts(results[0]!.messages, r.messages));
    const groups = results[0]!.messages.map((m, i) => groupedReasons(acceptanceOf(RELEASES, verdicts, i, m.name)));
    expect(groups.map((g) => g.map(([labels]) => labels))).toEqual([[RELEASES], [RELEASES]]);
    expect(groups[1]![0]![1]).toBe('no event `NO_SUCH_EVENT`');
  });
});

const SEED = '10.2.2+vfio-migration-prepare';

describeWithQemu(['10.0.13', '10.2.2', SEED], 'accepted by 10.0.13, 10.2.2 and the seed', () => {
  const labels = ['10.0.13', '10.2.2', SEED];
  const models: SchemaModel[] = labels.map((l) => loadRootModelFromDisk(qemuTree(l), optionsForTree(qemuTree(l))));
  const [old] = models;
  // what QEMU 10.0 sends: 'node-name' (optional then) is always there, 'children' does not exist yet
  const inserted = { ...(sampleValue(old!, 'BlockDeviceInfo') as object), 'node-name': '#block135' };
  const blockInfo = { ...(sampleValue(old!, 'BlockInfo') as object), inserted };
  const text = [
    sampleEventText(models[2]!, 'VFIO_MIGRATION_PREPARE')!.replace(/\n\s*/g, ' '),
    '-> {"execute": "query-block", "id": "b1"}',
    `<- ${JSON.stringify({ return: [blockInfo], id: 'b1' })}`,
  ].join('\n');
  const results = models.map((m) => createValidator(m).validateText(text));
  const verdicts = results.map((r) => alignVerdicts(results[0]!.messages, r.messages));
  const since = sinceTexts(models);
  const accepted = (i: number) => acceptanceOf(labels, verdicts, i, results[0]!.messages[i]!.name, (n) => since[n]);

  it('reads the same three messages with every tree', () => {
    expect(results.map((r) => r.messages.map((m) => m.kind))).toEqual(labels.map(() => ['event', 'command', 'return']));
  });
  it('VFIO_MIGRATION_PREPARE: accepted by the seed only, and the others say where it is', () => {
    expect(accepted(0)).toEqual([
      { label: '10.0.13', accepted: false, reason: `no event \`VFIO_MIGRATION_PREPARE\`, added in 11.0 (in ${SEED})` },
      { label: '10.2.2', accepted: false, reason: `no event \`VFIO_MIGRATION_PREPARE\`, added in 11.0 (in ${SEED})` },
      { label: SEED, accepted: true },
    ]);
  });
  it('a 10.0-style query-block reply without children: rejected by 10.2.2 and the seed, with the reason', () => {
    expect(accepted(1).every((a) => a.accepted)).toBe(true);
    expect(accepted(2)).toEqual([
      { label: '10.0.13', accepted: true },
      { label: '10.2.2', accepted: false, reason: 'missing member `children`, added in 10.1' },
      { label: SEED, accepted: false, reason: 'missing member `children`, added in 10.1' },
    ]);
  });
});
