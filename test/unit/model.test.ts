// toModel on real data (QEMU 10.2.2): inherited members, union branches
// (explicit and implicit q_empty), alternates, enums, commands, docs, modules.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildIndex,
  type AlternateType,
  type Command,
  type Entity,
  type EnumType,
  type SchemaIndex,
  type SchemaModel,
  type StructType,
  type UnionType,
} from '../../lib/qapi/model';
import { loadModel } from '../../lib/qapi/load';
import { loadModelFromDisk } from '../../lib/qapi/node';
import { joinIncludePath } from '../../lib/qapi/parser';
import { describeWithQemu, hasQemu, qemuTree } from '../support/shared';

const ROOT = qemuTree('10.2.2');

let model: SchemaModel;
let index: SchemaIndex;
const get = <T extends Entity>(name: string): T => {
  const e = index.get(name);
  if (!e) throw new Error(`no entity ${name}`);
  return e as T;
};

beforeAll(() => {
  if (!hasQemu('10.2.2')) return;
  model = loadModelFromDisk(ROOT);
  index = buildIndex(model);
});

describeWithQemu('10.2.2', 'toModel on QEMU 10.2.2', () => {
  it('struct with a base: base members first, each with definedIn and its own description', () => {
    const s = get<StructType>('BlockdevOptionsGenericCOWFormat');
    expect(s.meta).toBe('struct');
    expect(s.base).toBe('BlockdevOptionsGenericFormat');
    expect(s.members.map((m) => [m.name, m.type, m.optional, m.definedIn])).toEqual([
      ['file', 'BlockdevRef', false, 'BlockdevOptionsGenericFormat'],
      ['backing', 'BlockdevRefOrNull', true, 'BlockdevOptionsGenericCOWFormat'],
    ]);
    expect(s.members[0].description?.text).toBe('reference to or definition of the data source block device');
    expect(s.members[0].description?.line).toBe(3489);
    expect(s.loc).toEqual({ file: 'block-core.json', line: 3526 });
  });

  it('union GuestPanicInformation: implicit base, discriminator, branches', () => {
    const u = get<UnionType>('GuestPanicInformation');
    expect(u.meta).toBe('union');
    expect(u.base).toBe('q_obj_GuestPanicInformation-base');
    expect(u.discriminator).toBe('type');
    expect(u.tagType).toBe('GuestPanicInformationType');
    expect(u.members.map((m) => [m.name, m.definedIn])).toEqual([['type', 'q_obj_GuestPanicInformation-base']]);
    expect(u.members[0].description?.text).toBe('Crash type that defines the hypervisor specific information');
    expect(u.branches).toEqual([
      { value: 'hyper-v', type: 'GuestPanicInformationHyperV' },
      { value: 's390', type: 'GuestPanicInformationS390' },
      { value: 'tdx', type: 'GuestPanicInformationTdx' },
    ]);
    const base = get<StructType>(u.base);
    expect(base.implicit).toBe(true);
    // implicit types come right before their user, in the same module
    const mod = model.modules.find((m) => m.name === 'run-state.json')!;
    expect(mod.entities.indexOf(u.base)).toBe(mod.entities.indexOf(u.name) - 1);
  });

  it('union branches cover every enum value, uncovered ones as q_empty', () => {
    const u = get<UnionType>('QCryptoBlockInfo');
    const values = get<EnumType>(u.tagType).values.map((v) => v.name);
    expect(u.branches.map((b) => b.value)).toEqual(expect.arrayContaining(values));
    expect(u.branches).toHaveLength(values.length);
    expect(u.branches.find((b) => b.value === 'qcow')).toEqual({ value: 'qcow', type: 'q_empty' });
    expect(u.branches.find((b) => b.value === 'luks')?.type).toBe('QCryptoBlockInfoLUKS');
    expect(get('q_empty').module).toBe('./builtin');
  });

  it('alternate BlockDirtyBitmapOrStr: alternatives with types and descriptions', () => {
    const a = get<AlternateType>('BlockDirtyBitmapOrStr');
    expect(a.meta).toBe('alternate');
    expect(a.alternatives.map((x) => [x.name, x.type, x.description?.text])).toEqual([
      ['local', 'str', 'name of the bitmap, attached to the same node as target\n    bitmap.'],
      ['external', 'BlockDirtyBitmap', 'bitmap with specified node'],
    ]);
  });

  it('commands: implicit argument type, array return type, flags', () => {
    const c = get<Command>('query-block');
    expect(c.argType).toBeUndefined();
    expect(c.returns).toBe('BlockInfoList');
    expect(get(c.returns!)).toMatchObject({ meta: 'array', elementType: 'BlockInfo', module: 'block-core.json' });
    const add = get<Command>('device_add');
    expect(add.gen).toBe(false);
    const boxed = model.entities.filter((e): e is Command => e.meta === 'command' && e.boxed);
    expect(boxed).toHaveLength(18);
    expect(model.entities.filter((e) => e.meta === 'command' && e.allowOob)).toHaveLength(4);
  });

  it('counts match QEMU: 182 enums, 479 structs, 43 unions, 6 alternates, 244 commands, 57 events', () => {
    const explicit = model.entities.filter((e) => !e.implicit && e.meta !== 'builtin');
    const byMeta: Record<string, number> = {};
    for (const e of explicit) byMeta[e.meta] = (byMeta[e.meta] ?? 0) + 1;
    expect(byMeta).toEqual({ enum: 182, struct: 479, union: 43, alternate: 6, command: 244, event: 57 });
    expect(model.entities.filter((e) => e.name.startsWith('q_obj_') && e.name.endsWith('-arg'))).toHaveLength(177);
    expect(model.entities.filter((e) => e.name.startsWith('q_obj_') && e.name.endsWith('-base'))).toHaveLength(38);
    const branches = model.entities.flatMap((e) => (e.meta === 'union' ? e.branches : []));
    expect(branches).toHaveLength(450);
    expect(branches.filter((b) => b.type === 'q_empty')).toHaveLength(184);
  });

  it('member, value and alternative figures match those computed with QEMU', () => {
    const objects = model.entities.filter(
      (e): e is StructType | UnionType => e.meta === 'struct' || e.meta === 'union',
    );
    const local = objects.flatMap((e) => e.members.filter((m) => m.definedIn === e.name));
    expect(local).toHaveLength(2356);
    expect(local.filter((m) => m.optional)).toHaveLength(1158);
    expect(local.filter((m) => m.if)).toHaveLength(8);
    expect(local.filter((m) => m.features.length > 0)).toHaveLength(43);
    const values = model.entities.flatMap((e) => (e.meta === 'enum' && e.name !== 'QType' ? e.values : []));
    expect(values).toHaveLength(1152);
    expect(values.filter((v) => v.features.length > 0)).toHaveLength(10);
    expect(values.filter((v) => /^[0-9]/.test(v.name))).toHaveLength(33);
    expect(model.entities.flatMap((e) => (e.meta === 'alternate' ? e.alternatives : []))).toHaveLength(14);
    expect(model.entities.filter((e) => !e.implicit && e.meta !== 'builtin' && e.if)).toHaveLength(82);
  });

  it('enum values keep conditions and features; conditions are plain data', () => {
    const withIf = model.entities.flatMap((e) => (e.meta === 'enum' ? e.values.filter((v) => v.if) : []));
    expect(withIf).toHaveLength(58);
    const spice = get('SPICE_CONNECTED');
    expect(spice.if).toBe('CONFIG_SPICE');
    expect(JSON.parse(JSON.stringify(model.entities.slice(0, 50)))).toEqual(model.entities.slice(0, 50));
  });

  it('modules list their definitions and free-form docs', () => {
    expect(model.modules).toHaveLength(47);
    const vfio = model.modules.find((m) => m.name === 'vfio.json')!;
    expect(vfio.entities).toContain('VFIO_MIGRATION');
    expect(vfio.freeformDocs.length).toBeGreaterThan(0);
    expect(model.modules.reduce((n, m) => n + m.freeformDocs.length, 0)).toBe(46);
  });
});

describe('toModel on a small in-memory schema', () => {
  const files: Record<string, string> = {
    'root.json': `{ 'include': 'sub/types.json' }
{ 'enum': 'Kind', 'data': [ 'a', 'b', { 'name': 'c', 'if': 'CONFIG_C' } ] }
{ 'union': 'Uni', 'base': { 'kind': 'Kind', '*x': 'int' }, 'discriminator': 'kind',
  'data': { 'a': 'Base' } }
{ 'event': 'EV', 'data': { '*un': 'Uni', 'list': ['Base'] }, 'features': [ 'unstable' ] }
`,
    'sub/types.json': `{ 'struct': 'Base', 'data': { 'name': 'str' } }
`,
  };
  const host = {
    readFile: (p: string) => {
      if (!(p in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return files[p];
    },
    resolve: joinIncludePath,
  };

  it('resolves modules, implicit empties with conditions, arrays and features', () => {
    const m = loadModel('root.json', host);
    const idx = buildIndex(m);
    expect(m.modules.map((x) => x.name)).toEqual(['./builtin', 'root.json', 'sub/types.json']);
    const u = idx.get('Uni') as UnionType;
    expect(u.branches).toEqual([
      { value: 'a', type: 'Base' },
      { value: 'b', type: 'q_empty' },
      { value: 'c', type: 'q_empty', if: 'CONFIG_C' },
    ]);
    expect(u.members.map((x) => x.name)).toEqual(['kind', 'x']);
    const ev = idx.get('EV')!;
    expect(ev.features).toEqual([{ name: 'unstable', special: true }]);
    const arg = idx.get('q_obj_EV-arg') as StructType;
    expect(arg.members.map((x) => x.type)).toEqual(['Uni', 'BaseList']);
    // an array lives in its element type's module
    expect(idx.get('BaseList')!.module).toBe('sub/types.json');
  });
});
