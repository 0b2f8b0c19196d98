// The validator worker's "accepted by" and "your own QEMU": after a result,
// the other releases' models are fetched and checked, and one 'accepted'
// message says which reject what and why; a newer check drops the older
// one's work; a query-qmp-schema dump is read in the worker, named after the
// QEMU in it, and becomes a model like any release's.
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { loadRootModelFromDisk } from '../../lib/qapi/node';
import { optionsForTree } from '../../lib/qapi/options';
import type { SchemaModel } from '../../lib/qapi/model';
import { compactModel } from '../../lib/site/validator-model';
import { readIntrospection } from '../../lib/qapi/introspect/index';
import { WorkerCore } from '../../components/validator/worker-core';
import type { FromWorker, ToWorker } from '../../components/validator/protocol';
import { mergeAccepted } from '../../components/validator/validator-client';
import { ACCEPTED_SLICE } from '../../components/validator/worker-accepted';
import { describeWithQemu, hasShared, qemuTree, sharedPath } from '../support/shared';

const SEED = '10.2.2+vfio-migration-prepare';
const LABELS = ['10.2.2', '10.0.13', SEED];
const OPTIONS = { mode: 'strict', deprecated: 'warn' } as const;
const EVENT =
  '{"event": "VFIO_MIGRATION_PREPARE", "data": {"device-id": "v0", "qom-path": "/machine/peripheral/v0", ' +
  '"device-state": "stop-copy"}, "timestamp": {"seconds": 1767225600, "microseconds": 0}}\n' +
  '{"event": "STOP", "timestamp": {"seconds": 1767225600, "microseconds": 1}}\n';

describeWithQemu(['10.0.13', '10.2.2', SEED], 'the worker: accepted by, own schemas', () => {
  let posted: FromWorker[];
  let fetched: string[];
  let stored: Map<string, string>;
  let core: WorkerCore;
  const releases = LABELS.map((label) => ({ label, modelUrl: `${label}/model.json` }));
  const settle = () => new Promise((r) => setTimeout(r, 50));
  const until = async (type: FromWorker['type']) => {
    for (let i = 0; i < 400 && !posted.some((m) => m.type === type); i++) await settle();
    return posted.find((m) => m.type === type);
  };
  /** A check of `text` against the first release, with "accepted by" asked of all of them. */
  const validate = (id: number, text: string): ToWorker => ({
    type: 'validate',
    id,
    modelUrl: releases[0]!.modelUrl,
    text,
    options: OPTIONS,
    releases,
  });

  beforeAll(() => {
    const models = new Map<string, SchemaModel>(
      LABELS.map((l) => [
        `${l}/model.json`,
        JSON.parse(
          JSON.stringify(compactModel(loadRootModelFromDisk(qemuTree(l), optionsForTree(qemuTree(l))))),
        ) as SchemaModel,
      ]),
    );
    stored = new Map();
    fetched = [];
    core = new WorkerCore(
      async (url) => {
        fetched.push(url);
        const m = models.get(url);
        if (!m) throw new Error(`no model at ${url}`);
        return m;
      },
      (msg) => posted.push(msg),
      undefined,
      async (key, text) => void stored.set(key, text),
      async (text, fname) => readIntrospection(text, fname),
    );
  });

  it('answers the result first, then fetches the other releases and says who accepts what', async () => {
    posted = [];
    fetched = [];
    await core.handle(validate(1, EVENT));
    expect(posted.map((m) => m.type)).toEqual(['model', 'result']);
    expect(fetched).toEqual([releases[0]!.modelUrl]); // the others only after the result
    const msg = (await until('accepted')) as Extract<FromWorker, { type: 'accepted' }>;
    expect(msg.id).toBe(1);
    expect(msg.part).toMatchObject({ labels: LABELS, from: 0, total: 2, done: true });
    const { reasons, rejected } = mergeAccepted(null, msg.part);
    const vfio = `no event \`VFIO_MIGRATION_PREPARE\`, added in 11.0 (in ${SEED})`;
    expect(rejected.map((r) => [...r].map((id) => (id < 0 ? null : reasons[id])))).toEqual([
      [vfio, null],
      [vfio, null],
      [null, null],
    ]);
  });

  it('posts "accepted by" in parts of a bounded number of messages, which the page merges', async () => {
    posted = [];
    const n = 2 * ACCEPTED_SLICE + 500;
    await core.handle(validate(7, EVENT.repeat(n / 2)));
    for (let i = 0; i < 400 && !posted.some((m) => m.type === 'accepted' && m.part.done); i++) await settle();
    const parts = posted.flatMap((m) => (m.type === 'accepted' ? [m.part] : []));
    expect(parts.map((p) => [p.from, p.rejected[0]!.length])).toEqual([
      [0, ACCEPTED_SLICE],
      [ACCEPTED_SLICE, ACCEPTED_SLICE],
      [2 * ACCEPTED_SLICE, 500],
    ]);
    // each distinct line travels once
    expect(parts.map((p) => p.reasons.length)).toEqual([1, 0, 0]);
    let merged = null as ReturnType<typeof mergeAccepted> | null;
    for (const p of parts) merged = mergeAccepted(merged, p);
    expect(merged!.filled).toBe(n);
    expect([...merged!.rejected[1]!].filter((id) => id >= 0).length).toBe(n / 2);
  });

  it('a newer check drops the older one\'s "accepted by"', async () => {
    posted = [];
    const big = EVENT.repeat(3000);
    await core.handle(validate(2, big));
    await core.handle(validate(3, EVENT));
    await until('accepted');
    // id 2's work, had it gone on, would post within this time (600 KB, two releases)
    await new Promise((r) => setTimeout(r, 3000));
    expect([...new Set(posted.filter((m) => m.type === 'accepted').map((m) => m.id))]).toEqual([3]);
  });

  it.runIf(hasShared)('reads a libvirt dump in the worker, names it after its QEMU, validates against it', async () => {
    posted = [];
    const text = readFileSync(
      sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata', 'caps_9.2.0_x86_64.replies'),
      'utf8',
    );
    await core.handle({ type: 'introspect', id: 4, key: 'k1', fileName: 'caps.replies', text });
    const got = posted[0] as Extract<FromWorker, { type: 'introspected' }>;
    expect(got).toMatchObject({ type: 'introspected', id: 4, key: 'k1', name: '9.2.0 x86_64' });
    expect(got.counts.events).toBeGreaterThan(50);
    expect(stored.get('k1')).toBe(text);
    posted = [];
    await core.handle({ type: 'validate', id: 5, modelUrl: 'own:k1', text: EVENT, options: OPTIONS });
    const result = posted.find((m) => m.type === 'result') as Extract<FromWorker, { type: 'result' }>;
    expect(result.result.messages.map((m) => m.valid)).toEqual([false, true]);
  });

  it('a file that is no query-qmp-schema reply: a clear message with its position, nothing stored', async () => {
    posted = [];
    await core.handle({
      type: 'introspect',
      id: 6,
      key: 'k2',
      fileName: 'bad.json',
      text: '{"return": [{"name": "x", "meta-type": "command", "arg-type": }]}',
    });
    const failed = posted[0] as Extract<FromWorker, { type: 'failed' }>;
    expect(failed.type).toBe('failed');
    expect(failed.message).toMatch(/^bad\.json:1:\d+: /);
    expect(stored.has('k2')).toBe(false);
  });
});
