// "Accepted by" on real trees: the same messages judged by 10.0.13, 10.2.2 and
// the seed tree (10.2.2 plus VFIO_MIGRATION_PREPARE), one line per release.
import { describe, expect, it } from 'vitest';
import { loadRootModelFromDisk } from '../../lib/qapi/node';
import { optionsForTree } from '../../lib/qapi/options';
import type { SchemaModel } from '../../lib/qapi/model';
import { createValidator } from '../../lib/validate/index';
import { acceptanceOf, alignVerdicts, releaseOrder, sinceTexts } from '../../lib/validate/accepted';
import { sampleEventText, sampleValue } from '../../lib/site/validator-sample';
import { describeWithQemu, qemuTree } from '../support/shared';

describe('releaseOrder', () => {
  it('orders by version number, labels without one last', () => {
    expect(releaseOrder(['10.2.2', 'example', '10.0.13', '10.2.2+seed', '7.2.0'])).toEqual([4, 2, 0, 3, 1]);
  });
});

describe('acceptanceOf', () => {
  const labels = ['10.2.2', '9.2.0', '10.0.13'];
  const missing = { code: 'missing-member', path: '/return/0/children', message: 'missing member' } as const;
  it('names the oldest release from which the same error holds', () => {
    const lines = acceptanceOf(labels, [[missing], [null], [missing]], 0, 'query-block');
    expect(lines).toEqual([
      { label: '10.2.2', accepted: false, reason: 'missing member `children`, mandatory since 10.0.13' },
      { label: '9.2.0', accepted: true },
      { label: '10.0.13', accepted: false, reason: 'missing member `children`, mandatory since 10.0.13' },
    ]);
  });
  it('takes the member\'s own "(since X)" only when X lies between the releases that disagree', () => {
    const at = { ...missing, def: 'BlockDeviceInfo' };
    const lines = (doc: string) =>
      acceptanceOf(labels, [[at], [null], [at]], 0, null, (k) => (k === 'BlockDeviceInfo.children' ? doc : undefined));
    expect(lines('9.3')[2]!.reason).toBe('missing member `children`, mandatory since 9.3');
    expect(lines('2.0')[2]!.reason).toBe('missing member `children`, mandatory since 10.0.13');
    expect(lines('10.1')[2]!.reason).toBe('missing member `children`, mandatory since 10.0.13');
  });
  it('says no "since" when the oldest release already rejects it', () => {
    const lines = acceptanceOf(labels, [[missing], [missing], [null]], 0, null);
    expect(lines[1]).toEqual({ label: '9.2.0', accepted: false, reason: 'missing member `children`' });
  });
  it('says where an unknown event exists, with its own Since: when known', () => {
    const unknown = { code: 'unknown-event', path: '/event', message: 'unknown event' } as const;
    const lines = acceptanceOf(labels, [[null], [unknown], [unknown]], 0, 'X', (n) => (n === 'X' ? '11.0' : undefined));
    expect(lines[2]!.reason).toBe('not in 10.0.13; in 10.2.2, since 11.0');
    expect(lines[1]!.reason).toBe('not in 9.2.0; in 10.2.2, since 11.0');
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
      { label: '10.0.13', accepted: false, reason: `not in 10.0.13; in ${SEED}, since 11.0` },
      { label: '10.2.2', accepted: false, reason: `not in 10.2.2; in ${SEED}, since 11.0` },
      { label: SEED, accepted: true },
    ]);
  });
  it('a 10.0-style query-block reply without children: rejected by 10.2.2 and the seed, with the reason', () => {
    expect(accepted(1).every((a) => a.accepted)).toBe(true);
    expect(accepted(2)).toEqual([
      { label: '10.0.13', accepted: true },
      { label: '10.2.2', accepted: false, reason: 'missing member `children`, mandatory since 10.1' },
      { label: SEED, accepted: false, reason: 'missing member `children`, mandatory since 10.1' },
    ]);
  });
});
