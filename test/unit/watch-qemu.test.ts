// `qapi-explorer watch` on a real QEMU (Debian's qemu-system-x86_64, -M none,
// two QMP monitors): watch reads one, a client provokes events on the other
// (stop, cont, system_reset, quit); every event is seen once, in order, valid
// against the QEMU's own schema, with "accepted by" for each release of the
// site whose tree ../shared holds; the record reads back to the same verdicts.
// A monitor already serving a client stays silent: watch says so, exit 2.
// Every QEMU started here is ended by quit or by its PID, failures included.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { run as validate } from '../../cli/validate';
import { runCommand } from '../support/cli-io';
import { describeWithQemuSystem, QmpClient, startQemu, type RunningQemu } from '../support/qemu-system';
import { hasQemu, qemuTree } from '../support/shared';
import { startWatch } from '../support/watch-run';

/** The releases a five-release site builds (README), those whose tree is here. */
const SITE_RELEASES = ['10.2.2+vfio-migration-prepare', '10.2.2', '10.0.13', '7.2.0', '5.2.0'].filter((r) =>
  hasQemu(r),
);

describeWithQemuSystem('watch on a running QEMU', () => {
  const started: RunningQemu[] = [];
  const qemu = async () => {
    const q = await startQemu();
    started.push(q);
    return q;
  };
  afterAll(async () => {
    await Promise.all(started.map((q) => q.stop()));
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'qapi-watch-qemu-'));

  it('sees every event once, in order, valid, accepted by the site releases; the record reads back alike', async () => {
    const q = await qemu();
    const record = path.join(dir, 'session.qmp');
    const schemas = SITE_RELEASES.flatMap((r) => ['--schema', qemuTree(r)]);
    const w = startWatch([q.monitors[1], '--format', 'json', '--record', record, ...schemas]);
    await w.opened;
    const client = await QmpClient.connect(q.monitors[0]);
    for (const command of ['stop', 'cont', 'system_reset']) await client.execute(command);
    // QEMU answers quit, says SHUTDOWN to every monitor, and closes them: the watch ends on that
    await client.execute('quit').catch(() => undefined);
    expect(await w.done).toBe(0);
    const records = w.out
      .join('')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { name: string; valid: boolean; accepted?: Record<string, boolean> });
    expect(records.map((r) => [r.name, r.valid])).toEqual([
      ['STOP', true],
      ['RESUME', true],
      ['RESET', true],
      ['SHUTDOWN', true],
    ]);
    const version = /QEMU (\d+\.\d+\.\d+)/.exec(w.err.join(''))![1]!;
    const everyone = Object.fromEntries([version, ...SITE_RELEASES].map((label) => [label, true]));
    for (const r of records) expect(r.accepted ?? { [version]: true }).toEqual(everyone);
    const again = await runCommand(validate, ['--format', 'json', '--schema', record, ...schemas, record]);
    expect(again.status).toBe(0);
    const events = again.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string })
      .filter((r) => r.kind === 'event');
    expect(events).toEqual(records);
  });

  it('a monitor already serving another client sends no greeting: watch says so and exits 2', async () => {
    const q = await qemu();
    const holder = await QmpClient.connect(q.monitors[0]);
    try {
      const r = startWatch([q.monitors[0], '--timeout', '1']);
      expect(await r.done).toBe(2);
      expect(r.err.join('')).toMatch(/: no QMP greeting within 1 s: not a QMP server, or a monitor already serving/);
    } finally {
      holder.close();
    }
  });
});
