// `validate --schema A --schema B --schema C`: the first decides `valid`, each
// verdict says which of the three accept the message, JSON and text.
import { expect, it } from 'vitest';
import { run as validate } from '../../cli/validate';
import { loadRootModelFromDisk } from '../../lib/qapi/node';
import { optionsForTree } from '../../lib/qapi/options';
import { sampleValue } from '../../lib/site/validator-sample';
import { describeWithQemu, qemuTree, sharedPath } from '../support/shared';
import { runCommand } from '../support/cli-io';

const SEED = '10.2.2+vfio-migration-prepare';

const cli = (args: string[], stdin: string) => runCommand(validate, args, { stdin });

describeWithQemu(['10.0.13', '10.2.2', SEED], 'validate with three --schema', () => {
  const schemas = ['10.0.13', '10.2.2', SEED].flatMap((r) => ['--schema', qemuTree(r)]);
  const old = loadRootModelFromDisk(qemuTree('10.0.13'), optionsForTree(qemuTree('10.0.13')));
  // a 10.0-style query-block reply: 'node-name' present (QEMU always sends it), no 'children'
  const inserted = { ...(sampleValue(old, 'BlockDeviceInfo') as object), 'node-name': '#block135' };
  const reply = { return: [{ ...(sampleValue(old, 'BlockInfo') as object), inserted }], id: 'q1' };
  const input = [
    '{"event": "VFIO_MIGRATION_PREPARE", "data": {"device-id": "vfio0", "qom-path": "/machine/peripheral/vfio0", "device-state": "stop-copy"},',
    '  "timestamp": {"seconds": 1767225600, "microseconds": 0}}',
    '-> {"execute": "query-block", "id": "q1"}',
    `<- ${JSON.stringify(reply)}`,
    '',
  ].join('\n');

  it('JSON: each verdict gains "accepted", labelled as the site labels the trees', async () => {
    const r = await cli([...schemas, '--format', 'json', '-'], input);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // the first schema (10.0.13) decides: the event is unknown there
    const records = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { valid: boolean; accepted: object });
    expect(records.map((x) => [x.valid, x.accepted])).toEqual([
      [false, { '10.0.13': false, '10.2.2': false, [SEED]: true }],
      [true, { '10.0.13': true, '10.2.2': true, [SEED]: true }],
      [true, { '10.0.13': true, '10.2.2': false, [SEED]: false }],
    ]);
  });

  it('text: an accepted-by line per message and one line per reason, naming the releases it holds for', async () => {
    const r = await cli([...schemas, '-'], input);
    expect(r.stdout).toContain(
      [
        `  accepted by: ${SEED}; not by: 10.0.13, 10.2.2`,
        `    10.0.13, 10.2.2: no event \`VFIO_MIGRATION_PREPARE\`, added in 11.0 (in ${SEED})`,
      ].join('\n'),
    );
    expect(r.stdout).toContain(
      [
        `  accepted by: 10.0.13; not by: 10.2.2, ${SEED}`,
        `    10.2.2, ${SEED}: missing member \`children\`, added in 10.1`,
      ].join('\n'),
    );
  });

  it('one --schema: verdicts as before, without "accepted"', async () => {
    const r = await cli(['--schema', qemuTree(SEED), '--format', 'json', '-'], input);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('"accepted"');
  });

  it('an introspection is labelled by the QEMU version and target found in it', async () => {
    const dump = sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata', 'caps_8.2.0_aarch64.replies');
    const r = await cli(['--schema', qemuTree('10.0.13'), '--schema', dump, '--format', 'json', '-'], input);
    const first = JSON.parse(r.stdout.split('\n')[0]!) as { accepted: object };
    expect(Object.keys(first.accepted)).toEqual(['10.0.13', '8.2.0-aarch64']);
  });
});
