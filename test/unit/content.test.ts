// Our own example schema (content/): it loads with QEMU 10.2's rules and uses
// every construct the site and validator must handle.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelFromDisk } from '../../lib/qapi/node';
import { DEFAULT_OPTIONS } from '../../lib/qapi/options';
import { lintExamples } from '../../lib/validate/lint-examples';
import {
  buildIndex,
  type AlternateType,
  type Command,
  type Entity,
  type EnumType,
  type Event,
  type IfCond,
  type SchemaIndex,
  type SchemaModel,
  type StructType,
  type UnionType,
} from '../../lib/qapi/model';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROOT = path.join(projectRoot, 'content', 'qapi-schema.json');

let model: SchemaModel;
let index: SchemaIndex;

function get<T extends Entity>(name: string, meta: T['meta']): T {
  const e = index.get(name);
  expect(e, name).toBeDefined();
  expect(e!.meta, name).toBe(meta);
  return e as T;
}

/** Members of an event's or command's argument type ([] when it has none). */
function argMembers(e: Event | Command) {
  return e.argType ? get<StructType>(e.argType, 'struct').members : [];
}

/** Every `if` anywhere in the model: definitions, members, values, branches, features. */
function allConds(m: SchemaModel): IfCond[] {
  const out: IfCond[] = [];
  const add = (c: IfCond | undefined) => c !== undefined && out.push(c);
  for (const e of m.entities) {
    add(e.if);
    e.features.forEach((f) => add(f.if));
    if (e.meta === 'struct' || e.meta === 'union') e.members.forEach((x) => add(x.if));
    if (e.meta === 'enum') e.values.forEach((v) => add(v.if));
    if (e.meta === 'union') e.branches.forEach((b) => add(b.if));
    if (e.meta === 'alternate') e.alternatives.forEach((a) => add(a.if));
  }
  return out;
}

const condKind = (c: IfCond) => (typeof c === 'string' ? 'name' : Object.keys(c)[0]);

beforeAll(() => {
  model = loadModelFromDisk(ROOT, DEFAULT_OPTIONS);
  index = buildIndex(model);
});

describe('content/ example schema', () => {
  it('loads under QEMU 10.2 rules, through includes', () => {
    const modules = model.modules.map((m) => m.name).filter((n) => n !== './builtin');
    expect(modules).toEqual(['qapi-schema.json', 'common.json', 'storage.json', 'machine.json', 'vfio.json']);
    expect(model.entities.filter((e) => e.meta === 'event').map((e) => e.name)).toEqual([
      'STORAGE_IO_ERROR',
      'STORAGE_NODE_CREATED',
      'MACHINE_PAUSED',
      'MACHINE_RESET',
      'DEVICE_PLUGGED',
      'MACHINE_HEARTBEAT',
      'VFIO_MIGRATION',
      'VFIO_MIGRATION_PREPARE',
    ]);
  });

  it('has a struct with a base whose members come first', () => {
    const info = get<StructType>('DeviceInfo', 'struct');
    expect(info.base).toBe('DeviceRef');
    expect(info.members.map((m) => [m.name, m.definedIn])).toEqual([
      ['id', 'DeviceRef'],
      ['qom-path', 'DeviceRef'],
      ['driver', 'DeviceInfo'],
      ['bus', 'DeviceInfo'],
      ['hotpluggable', 'DeviceInfo'],
    ]);
  });

  it('has a flat union with an enum value that has no branch, and a union as a branch', () => {
    const backend = get<UnionType>('StorageBackend', 'union');
    expect(backend.discriminator).toBe('driver');
    expect(backend.base).toBe('q_obj_StorageBackend-base');
    const branches = Object.fromEntries(backend.branches.map((b) => [b.value, b.type]));
    expect(branches).toEqual({
      file: 'StorageFileOptions',
      nbd: 'NbdTransport',
      memory: 'StorageMemoryOptions',
      zero: 'q_empty',
    });
    const nested = get<UnionType>('NbdTransport', 'union');
    expect(nested.branches.map((b) => b.type)).toEqual(['NbdTcpOptions', 'NbdUnixOptions']);
  });

  it('has an alternate over a number, an enum and null', () => {
    const alt = get<AlternateType>('SizeSpec', 'alternate');
    expect(alt.alternatives.map((a) => [a.name, a.type])).toEqual([
      ['bytes', 'size'],
      ['preset', 'SizePreset'],
      ['auto', 'null'],
    ]);
  });

  it('has arrays as members and as a return type', () => {
    expect(get<Command>('query-storage-nodes', 'command').returns).toBe('StorageNodeInfoList');
    expect(index.get('StorageNodeInfoList')?.meta).toBe('array');
    const memory = get<StructType>('StorageMemoryOptions', 'struct');
    expect(memory.members.find((m) => m.name === 'pattern')).toMatchObject({ type: 'uint8List', optional: true });
  });

  it('has deprecated and unstable features on definitions, members and enum values', () => {
    const names = (fs: { name: string }[]) => fs.map((f) => f.name);
    expect(names(get<Command>('machine-halt', 'command').features)).toEqual(['deprecated']);
    expect(names(get<Event>('MACHINE_HEARTBEAT', 'event').features)).toEqual(['unstable']);
    const file = get<StructType>('StorageFileOptions', 'struct');
    expect(names(file.members.find((m) => m.name === 'sync-writes')!.features)).toEqual(['deprecated']);
    const base = get<StructType>('q_obj_StorageBackend-base', 'struct');
    expect(names(base.members.find((m) => m.name === 'x-trace-io')!.features)).toEqual(['unstable']);
    expect(names(get<EnumType>('HostArch', 'enum').values.find((v) => v.name === 'ppc64')!.features)).toEqual([
      'deprecated',
    ]);
    expect(names(get<EnumType>('RunPhase', 'enum').values.find((v) => v.name === 'x-snapshotting')!.features)).toEqual([
      'unstable',
    ]);
    expect(names(get<StructType>('StorageNodeInfo', 'struct').features)).toEqual(['latency-stats']);
  });

  it('has if conditions of every form: name, all, any, not (nested too)', () => {
    const kinds = new Set(allConds(model).map(condKind));
    expect([...kinds].sort()).toEqual(['all', 'any', 'name', 'not']);
    const watchdog = get<EnumType>('ResetReason', 'enum').values.find((v) => v.name === 'watchdog')!;
    expect(watchdog.if).toEqual({ not: { any: ['CONFIG_TINY', 'CONFIG_NO_WATCHDOG'] } });
  });

  it('has an event without data, one with only optional members, and boxed/named data', () => {
    expect(get<Event>('MACHINE_PAUSED', 'event').argType).toBeUndefined();
    const reset = argMembers(get<Event>('MACHINE_RESET', 'event'));
    expect(reset.length).toBe(2);
    expect(reset.every((m) => m.optional)).toBe(true);
    expect(get<Event>('STORAGE_NODE_CREATED', 'event')).toMatchObject({ argType: 'StorageBackend', boxed: true });
    expect(get<Event>('DEVICE_PLUGGED', 'event')).toMatchObject({ argType: 'DeviceInfo', boxed: false });
  });

  it('has commands with arguments and returns, boxed data and flags', () => {
    const resize = get<Command>('machine-resize-memory', 'command');
    expect(argMembers(resize).map((m) => [m.name, m.type, m.optional])).toEqual([
      ['size', 'SizeSpec', false],
      ['dry-run', 'bool', true],
    ]);
    expect(resize.returns).toBe('MemoryResizeResult');
    expect(get<Command>('storage-node-add', 'command')).toMatchObject({ argType: 'StorageBackend', boxed: true });
    expect(get<Command>('query-machine-status', 'command')).toMatchObject({ allowOob: true, allowPreconfig: true });
    expect(get<Command>('storage-node-trim', 'command')).toMatchObject({ coroutine: true });
  });

  it('documents every definition with Since:, and VFIO_MIGRATION_PREPARE as the seed patch does', () => {
    const defs = model.entities.filter((e) => !e.implicit && e.module !== './builtin');
    expect(defs.length).toBeGreaterThan(30);
    for (const e of defs) {
      expect(e.doc, e.name).not.toBeNull();
      expect(e.doc!.since, e.name).toMatch(/^\d+\.\d+$/);
    }
    const prepare = get<Event>('VFIO_MIGRATION_PREPARE', 'event');
    expect(prepare.doc!.since).toBe('11.0');
    expect(prepare.doc!.body.text).toMatch(/^This event is emitted when a VFIO device migration state is about to/);
    expect(Object.keys(prepare.doc!.args)).toEqual(['device-id', 'qom-path', 'device-state']);
  });

  it('has a qmp-example for each event naming that event, and titled and annotated command examples', () => {
    for (const e of model.entities.filter((x): x is Event => x.meta === 'event')) {
      expect(e.doc!.examples.length, e.name).toBeGreaterThan(0);
      for (const ex of e.doc!.examples) {
        const text = ex.lines.map((l) => l.text).join('\n');
        expect(text, e.name).toMatch(/^\s*<- \{/);
        expect(text).toContain(`"event": "${e.name}"`);
      }
    }
    const commandExamples = model.entities.filter((x) => x.meta === 'command').flatMap((c) => c.doc!.examples);
    expect(commandExamples.some((ex) => ex.title)).toBe(true);
    expect(commandExamples.some((ex) => ex.annotated)).toBe(true);
    expect(commandExamples.every((ex) => ex.lines.some((l) => l.text.includes('-> {')))).toBe(true);
    expect(commandExamples.every((ex) => ex.lines.some((l) => l.text.includes('<- {')))).toBe(true);
  });

  it('has example messages that are well-formed JSON', () => {
    let messages = 0;
    for (const e of model.entities) {
      for (const ex of e.doc?.examples ?? []) {
        // split the block into messages at each '->' / '<-'; annotated prose lines are skipped
        const chunks: string[] = [];
        for (const { text } of ex.lines) {
          const m = /^\s*(->|<-)\s(.*)$/.exec(text);
          if (m) chunks.push(m[2]);
          else if (chunks.length && /^\s+\S/.test(text)) chunks[chunks.length - 1] += `\n${text}`;
        }
        for (const chunk of chunks) {
          expect(() => JSON.parse(chunk), `${e.name}: ${chunk}`).not.toThrow();
          messages++;
        }
      }
    }
    expect(messages).toBeGreaterThanOrEqual(25);
  });

  it('has examples that the validator accepts (every message checked, none invalid)', () => {
    const report = lintExamples(model);
    const invalid = report.examples.filter((e) => e.status === 'invalid').map((e) => `${e.file}:${e.line} ${e.symbol}`);
    expect(invalid).toEqual([]);
    // only the introduction's notation sample is elided
    expect(report.examples.filter((e) => e.status === 'not-checkable').map((e) => e.symbol)).toEqual([null]);
    expect(report.summary.events).toBe(9);
    expect(report.summary.messages).toBeGreaterThanOrEqual(25);
  });
});
