// The diff against a schema as a running QEMU reports it (query-qmp-schema):
// type names masked as numbers, conditions resolved, no docs, and one 'int'
// for every integer type. Built here from a tree by our own masking, so the
// wire must come out unchanged and the changes named by the tree's names.
import { beforeAll, expect, it } from 'vitest';
import { loadModelFromDisk } from '../../lib/qapi/node';
import type { Entity, Member, SchemaModel } from '../../lib/qapi/model';
import { diffSchemas, type Change } from '../../lib/diff';
import { describeWithShared, sharedPath } from '../support/shared';

const INTEGERS = new Set(['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'size']);

/** A tree's model as an introspection would give it. */
function masked(model: SchemaModel): SchemaModel {
  const names = new Map<string, string>();
  for (const e of model.entities) {
    if (e.meta !== 'command' && e.meta !== 'event' && e.meta !== 'builtin') names.set(e.name, String(names.size + 1));
  }
  const r = (t: string) => (INTEGERS.has(t) ? 'int' : (names.get(t) ?? t));
  const unconditional = <T extends { if?: unknown }>(x: T): T => {
    const { if: _if, ...rest } = x;
    return rest as T;
  };
  const member = (m: Member): Member => ({ ...unconditional(m), type: r(m.type), definedIn: r(m.definedIn) });
  const entities = model.entities
    .filter((e) => !(e.meta === 'builtin' && INTEGERS.has(e.name)))
    .map((e): Entity => {
      const named = { name: r(e.name), doc: null, implicit: names.has(e.name) || e.implicit };
      switch (e.meta) {
        case 'builtin':
          return e.name === 'int' ? ({ ...e, anyInteger: true } as Entity) : e;
        case 'enum':
          return { ...unconditional(e), ...named, values: e.values.map(unconditional) };
        case 'array':
          return { ...unconditional(e), ...named, elementType: r(e.elementType) };
        case 'struct':
          return { ...unconditional(e), ...named, members: e.members.map(member) };
        case 'union':
          return {
            ...unconditional(e),
            ...named,
            base: r(e.base),
            tagType: r(e.tagType),
            members: e.members.map(member),
            branches: e.branches.map((b) => ({ ...unconditional(b), type: r(b.type) })),
          };
        case 'alternate': {
          const alternatives = e.alternatives.map((a) => ({ ...unconditional(a), type: r(a.type) }));
          return { ...unconditional(e), ...named, alternatives };
        }
        case 'command':
          return {
            ...unconditional(e),
            ...named,
            argType: e.argType && r(e.argType),
            returns: e.returns && r(e.returns),
          };
        case 'event':
          return { ...unconditional(e), ...named, argType: e.argType && r(e.argType) };
      }
    });
  return { ...model, entities, origin: { kind: 'introspection' } } as SchemaModel;
}

const brief = (c: Change) => `${c.verdict} ${c.dir} ${c.kind} ${c.def}.${c.item ?? ''} @ ${c.paths.join(' | ')}`;
/** One line per place a change is met, definition names aside. */
const places = (changes: Change[]) =>
  [
    ...new Set(changes.flatMap((c) => c.paths.map((p) => `${c.verdict} ${c.dir} ${c.kind} ${c.item ?? ''} @ ${p}`))),
  ].sort();

describeWithShared('diff against an introspected (masked) schema', () => {
  let v100: SchemaModel;
  let v102: SchemaModel;
  beforeAll(() => {
    v100 = loadModelFromDisk(sharedPath('qemu', '10.0.13', 'qapi/qapi-schema.json'));
    v102 = loadModelFromDisk(sharedPath('qemu', '10.2.2', 'qapi/qapi-schema.json'));
  });

  it('a tree and the same schema masked: nothing changed on the wire', () => {
    expect(diffSchemas(v102, masked(v102))).toEqual({ changes: [], docs: [] });
    expect(diffSchemas(masked(v102), v102)).toEqual({ changes: [], docs: [] });
  });

  it('10.0.13 -> a running 10.2.2: the same wire changes, named by the tree, without conditions', () => {
    const fromTree = diffSchemas(v100, v102).changes.filter((c) => c.kind !== 'if-changed');
    const fromReply = diffSchemas(v100, masked(v102)).changes;
    // a member the reply shows without its base (no names) is filed under each type that has it
    expect(places(fromReply)).toEqual(places(fromTree));
    expect(fromReply.filter((c) => /^\d+$/.test(c.def))).toEqual([]);
    expect(fromReply.map(brief)).toContain(
      'incompatible send member-removed ChardevSocket.reconnect @ ' +
        'chardev-add.arguments.backend[type=socket].data.reconnect | ' +
        'chardev-change.arguments.backend[type=socket].data.reconnect',
    );
  });
});
