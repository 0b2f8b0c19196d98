// The validator page's pure parts on real data: the compact model shipped to
// the browser, the minimal event samples behind "validate an event of this
// type", the share-link encoding, and the worker's logic fed hostile input.
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelFromDisk } from '../../lib/qapi/node';
import type { SchemaModel } from '../../lib/qapi/model';
import { createValidator, type ValidationResult } from '../../lib/validate/index';
import { compactModel, docsPath, pageKinds } from '../../lib/site/validator-model';
import { sampleEventMessage, sampleEventText } from '../../lib/site/validator-sample';
import { validatorPath } from '../../lib/site/href';
import {
  compressText,
  decompressText,
  MAX_FRAGMENT,
  optionsSearch,
  readFragment,
  readOptions,
  shareLink,
} from '../../lib/site/validator-share';
import { CHUNK, WorkerCore } from '../../components/validator/worker-core';
import type { FromWorker, ToWorker } from '../../components/validator/protocol';
import { describeWithQemu, qemuTree } from '../support/shared';

const TREE_NAMES = ['10.2.2', '10.2.2+vfio-migration-prepare', '10.0.13'];
const TREES = TREE_NAMES.map(qemuTree);
const VFIO_TREE = TREES[1]!;

const models = new Map<string, SchemaModel>();
const modelOf = (file: string): SchemaModel => {
  let m = models.get(file);
  if (!m) models.set(file, (m = loadModelFromDisk(file)));
  return m;
};

const VFIO_EVENT = `{"timestamp": {"seconds": 1713771323, "microseconds": 212268},
 "event": "VFIO_MIGRATION_PREPARE",
 "data": {"device-id": "vfio_dev1", "qom-path": "/machine/peripheral/vfio_dev1", "device-state": "stop"}}`;

describeWithQemu(TREE_NAMES, 'compact model for the browser', () => {
  it('keeps every entity and wire rule, drops docs; 10.2.2+vfio fits in 60 KB gzipped', () => {
    const full = modelOf(VFIO_TREE);
    const compact = compactModel(full);
    expect(compact.entities.map((e) => e.name)).toEqual(full.entities.map((e) => e.name));
    expect(compact.entities.every((e) => e.doc === null && e.loc === null)).toBe(true);
    const json = JSON.stringify(compact);
    const described = compact.entities.flatMap((e) =>
      (e.meta === 'struct' || e.meta === 'union'
        ? e.members
        : e.meta === 'enum'
          ? e.values
          : e.meta === 'alternate'
            ? e.alternatives
            : []
      ).filter((x) => 'description' in x),
    );
    expect(described.length).toBe(0);
    expect(gzipSync(json).length).toBeLessThan(60_000);
    expect(json.length).toBeLessThan(JSON.stringify(full).length / 4);
  });

  it('validates exactly as the full model does', () => {
    const full = createValidator(modelOf(VFIO_TREE));
    const small = createValidator(JSON.parse(JSON.stringify(compactModel(modelOf(VFIO_TREE)))) as SchemaModel);
    const inputs = [
      VFIO_EVENT,
      VFIO_EVENT.replace('"stop"', '"bogus"'),
      '-> {"execute": "query-status"}\n<- {"return": {"status": "running", "running": true}}',
      '{"event": "SHUTDOWN", "data": {"guest": true, "reason": "host-qmp-quit", "extra": 1}, "timestamp": {"seconds": 1, "microseconds": 0}}',
    ];
    for (const text of inputs) expect(small.validateText(text)).toEqual(full.validateText(text));
  });

  it('maps names to docs pages, and nothing else', () => {
    const kinds = pageKinds(modelOf(VFIO_TREE));
    expect(docsPath('/base', kinds, 'VFIO_MIGRATION_PREPARE')).toBe('/base/events/VFIO_MIGRATION_PREPARE/');
    expect(docsPath('', kinds, 'query-status')).toBe('/commands/query-status/');
    expect(docsPath('', kinds, 'QapiVfioMigrationState')).toBe('/types/QapiVfioMigrationState/');
    expect(docsPath('', kinds, 'int64')).toBe('/types/builtins/#int64');
    expect(docsPath('', kinds, 'q_obj_VFIO_MIGRATION_PREPARE-arg')).toBeNull();
    expect(docsPath('', kinds, 'StrList')).toBeNull();
    expect(docsPath('', kinds, '__proto__')).toBeNull();
    expect(docsPath('', kinds, 'constructor')).toBeNull();
  });
});

describeWithQemu(TREE_NAMES, 'minimal valid event samples', () => {
  it.each(TREE_NAMES)(
    'every event of %s gets a sample that validates without errors (strict, deprecated=error)',
    (name) => {
      const model = modelOf(TREES[TREE_NAMES.indexOf(name)]!);
      const v = createValidator(model, { mode: 'strict', deprecated: 'error' });
      const events = model.entities.filter((e) => e.meta === 'event');
      expect(events.length).toBeGreaterThan(50);
      const failures: string[] = [];
      for (const e of events) {
        const r = v.validateText(sampleEventText(model, e.name)!);
        if (!r.valid || r.messages.length !== 1 || r.messages[0]!.name !== e.name) failures.push(e.name);
      }
      expect(failures).toEqual([]);
    },
  );

  it('VFIO_MIGRATION_PREPARE: exactly its three required members, with an allowed device-state', () => {
    const msg = sampleEventMessage(modelOf(VFIO_TREE), 'VFIO_MIGRATION_PREPARE')!;
    expect(Object.keys(msg)).toEqual(['event', 'data', 'timestamp']);
    const data = msg.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['device-id', 'device-state', 'qom-path']);
    expect([
      'stop',
      'running',
      'stop-copy',
      'resuming',
      'running-p2p',
      'pre-copy',
      'pre-copy-p2p',
      'running-p2p',
    ]).toContain(data['device-state']);
  });

  it('omits optional members and data for events without any', () => {
    const model = modelOf(TREES[0]!);
    expect(Object.keys(sampleEventMessage(model, 'SHUTDOWN')!.data as object).sort()).toEqual(['guest', 'reason']);
    expect(sampleEventMessage(model, 'STOP')).not.toHaveProperty('data');
    expect(sampleEventMessage(model, 'query-status')).toBeNull();
    expect(sampleEventMessage(model, 'NO_SUCH_EVENT')).toBeNull();
  });
});

describe('URL: options in the query, input in the fragment', () => {
  it('round-trips the options and drops unknown values', () => {
    const o = { mode: 'lenient', deprecated: 'error', version: '10.0.13' } as const;
    expect(optionsSearch(o)).toBe('?mode=lenient&deprecated=error&version=10.0.13');
    expect(readOptions(optionsSearch(o), ['10.0.13'])).toEqual(o);
    expect(optionsSearch({ mode: 'strict', deprecated: 'warn', version: '' })).toBe('');
    expect(readOptions('?mode=sloppy&deprecated=maybe&version=9.9', ['10.0.13'])).toEqual({
      mode: 'strict',
      deprecated: 'warn',
      version: '',
    });
  });

  it('compresses and restores text exactly (unicode, CRLF, 1 MB)', async () => {
    const texts = ['', VFIO_EVENT, 'ünïcødé → 😀\r\n{"a": 1}\r\n', VFIO_EVENT.repeat(5000)];
    for (const t of texts) {
      const z = await compressText(t);
      expect(z).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(await decompressText(z)).toEqual({ ok: true, text: t });
    }
  });

  it('refuses damaged links and decompression bombs with a reason', async () => {
    expect(await decompressText('not base64!')).toMatchObject({ ok: false });
    expect(await decompressText('AAAAAAAA')).toMatchObject({ ok: false });
    const bomb = await compressText('0'.repeat(65 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await decompressText(bomb)).toEqual({ ok: false, reason: 'the shared text is larger than 64 MB' });
  });

  it('makes a share link that reads back, and none when too long', async () => {
    const opts = { mode: 'lenient', deprecated: 'warn', version: '10.0.13' } as const;
    const link = await shareLink('https://example.org/qapi/validate/?old=1#example=x', VFIO_EVENT, opts);
    expect(link.ok).toBe(true);
    const url = new URL((link as { url: string }).url);
    expect(url.pathname).toBe('/qapi/validate/');
    expect(readOptions(url.search, ['10.0.13'])).toEqual(opts);
    expect(await readFragment(url.hash)).toEqual({ source: 'shared', text: VFIO_EVENT, version: '10.0.13' });
    let random = '';
    let seed = 12345;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      random += String.fromCharCode(33 + ((seed >> 16) % 90));
    }
    const tooLong = await shareLink('https://example.org/validate/', random, opts);
    expect(tooLong.ok).toBe(false);
    expect(tooLong.fragmentLength).toBeGreaterThan(MAX_FRAGMENT);
  });

  it("reads the docs pages' 'open in validator' links", async () => {
    const href = validatorPath({
      versionLabel: '10.2.2',
      transcript: '-> {"execute": "qmp_capabilities"}\n<- {"return": {}}',
    });
    expect(await readFragment(href.slice(href.indexOf('#')))).toEqual({
      source: 'example',
      text: '-> {"execute": "qmp_capabilities"}\n<- {"return": {}}',
      version: '10.2.2',
    });
    expect(await readFragment('')).toBeNull();
    expect(await readFragment('#z=%%%')).toMatchObject({ error: expect.stringContaining('damaged') });
  });
});

describeWithQemu('10.2.2+vfio-migration-prepare', 'the worker logic on hostile input', () => {
  let posted: FromWorker[];
  let core: WorkerCore;
  const URL_OK = 'model.json';
  const run = async (
    text: string,
    options = { mode: 'strict', deprecated: 'warn' } as const,
  ): Promise<ValidationResult> => {
    posted = [];
    await core.handle({ type: 'validate', id: 1, modelUrl: URL_OK, text, options } satisfies ToWorker);
    const last = posted.at(-1)!;
    if (last.type !== 'result') throw new Error(`worker answered ${JSON.stringify(last).slice(0, 300)}`);
    // a long result arrives in slices, the last one in the 'result' message
    const parts = posted.flatMap((m) => (m.type === 'result-part' ? m.messages : []));
    return { ...last.result, messages: [...parts, ...last.result.messages] };
  };

  beforeAll(() => {
    const compact = JSON.parse(JSON.stringify(compactModel(modelOf(VFIO_TREE)))) as SchemaModel;
    core = new WorkerCore(
      async (url) => {
        if (url !== URL_OK) throw new Error(`no model at ${url}`);
        return compact;
      },
      (msg) => posted.push(msg),
    );
  });

  it('announces the model once, then answers with results', async () => {
    posted = [];
    await core.handle({
      type: 'validate',
      id: 7,
      modelUrl: URL_OK,
      text: VFIO_EVENT,
      options: { mode: 'strict', deprecated: 'warn' },
    });
    expect(posted.map((m) => m.type)).toEqual(['model', 'result']);
    const model = posted[0] as Extract<FromWorker, { type: 'model' }>;
    expect(model.events).toContain('VFIO_MIGRATION_PREPARE');
    expect(model.kinds['VFIO_MIGRATION_PREPARE']).toBe('e');
    expect((posted[1] as Extract<FromWorker, { type: 'result' }>).result.valid).toBe(true);
  });

  it('an unknown device-state: one error at its line:col naming the allowed values', async () => {
    const r = await run(VFIO_EVENT.replace('"stop"', '"paused"'));
    const issues = r.messages[0]!.issues;
    expect(issues).toHaveLength(1);
    const col = VFIO_EVENT.split('\n')[2]!.indexOf('"stop"') + 1;
    expect(issues[0]).toMatchObject({
      severity: 'error',
      code: 'enum-value',
      path: '/data/device-state',
      line: 3,
      col,
    });
    expect(issues[0]!.text).toContain('stop-copy');
  });

  it('answers a missing model with a failure message, not a throw, and tells the page which model', async () => {
    posted = [];
    await core.handle({ type: 'sample', id: 3, modelUrl: 'missing.json', name: 'X' });
    expect(posted).toEqual([
      { type: 'refused', modelUrl: 'missing.json', message: 'no model at missing.json' },
      { type: 'failed', id: 3, message: 'no model at missing.json' },
    ]);
  });

  it('makes samples on request', async () => {
    posted = [];
    await core.handle({ type: 'sample', id: 4, modelUrl: URL_OK, name: 'VFIO_MIGRATION_PREPARE' });
    expect(posted).toEqual([
      {
        type: 'sample',
        id: 4,
        name: 'VFIO_MIGRATION_PREPARE',
        text: sampleEventText(modelOf(VFIO_TREE), 'VFIO_MIGRATION_PREPARE'),
      },
    ]);
  });

  it('feeds large input in chunks with progress, same verdicts as in one piece', async () => {
    const lines: string[] = [];
    for (let i = 0; lines.join('\n').length < CHUNK * 2.5; i++)
      lines.push(
        ...Array.from({ length: 500 }, (_, k) =>
          VFIO_EVENT.replace(/\n/g, '').replace('"stop"', (i * 500 + k) % 997 === 0 ? '"nope"' : '"stop"'),
        ),
      );
    const text = lines.join('\n');
    const r = await run(text);
    const progress = posted.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toMatchObject({ done: text.length, total: text.length });
    const whole = createValidator(modelOf(VFIO_TREE)).validateText(text);
    expect(r.counts).toEqual(whole.counts);
    expect(r.counts.invalid).toBe(lines.filter((l) => l.includes('"nope"')).length);
    expect(r.messages.filter((m) => !m.valid).map((m) => m.line)).toEqual(
      whole.messages.filter((m) => !m.valid).map((m) => m.line),
    );
  });

  it.each([
    ['a byte order mark', '\uFEFF' + VFIO_EVENT, 'json-syntax', '1:1', 'found a byte order mark (U+FEFF)'],
    [
      'nesting 100,000 deep',
      '['.repeat(100_000) + ']'.repeat(100_000),
      'json-syntax',
      '1:2',
      'nesting deeper than 1024 levels',
    ],
    [
      'an object nested 100,000 deep',
      '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000),
      'json-syntax',
      '1:1',
      'nesting deeper than 1024 levels',
    ],
    [
      'an integer beyond 2^64',
      VFIO_EVENT.replace('1713771323', '36893488147419103232'),
      'bad-timestamp',
      '1:27',
      'seconds 36893488147419103232 is out of range',
    ],
    ['NaN', VFIO_EVENT.replace('212268', 'NaN'), 'json-syntax', '1:55', 'NaN is not a JSON value'],
    [
      'a lone surrogate escape',
      VFIO_EVENT.replace('vfio_dev1"', '\\udc00"'),
      'json-syntax',
      '3:25',
      'lone surrogate escape in a string (\\udc00)',
    ],
    [
      'a raw lone surrogate',
      VFIO_EVENT.replace('vfio_dev1"', '\ud800"'),
      'json-syntax',
      '3:25',
      'lone surrogate in a string',
    ],
    [
      'duplicate keys',
      VFIO_EVENT.replace('"event"', '"event": "STOP", "event"'),
      'duplicate-key',
      '2:19',
      "'event' appears more than once",
    ],
    [
      'a single-line syntax error',
      '{"event": "STOP", x}',
      'json-syntax',
      '1:19',
      "expected a member name in double quotes, found 'x'",
    ],
  ])('%s gets a clear verdict', async (_what, text, code, at, says) => {
    const r = await run(text);
    expect(r.messages.length).toBeGreaterThanOrEqual(1);
    expect(r.valid).toBe(false);
    const first = r.messages.flatMap((m) => m.issues).find((i) => i.severity === 'error')!;
    expect({ code: first.code, at: `${first.line}:${first.col}` }).toEqual({ code, at });
    expect(first.text).toContain(says);
  });

  it('__proto__ and constructor keys are reported and pollute nothing', async () => {
    const text = VFIO_EVENT.replace(
      '"data": {',
      '"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "data": {"__proto__": {"polluted": 3}, ',
    );
    const r = await run(text);
    expect(r.valid).toBe(false);
    const paths = r.messages[0]!.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/__proto__', '/constructor', '/data/__proto__']));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
