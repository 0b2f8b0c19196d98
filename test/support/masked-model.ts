// A tree's model as a running QEMU's query-qmp-schema would give it: type
// names masked as numbers, conditions resolved (all met), no docs, one 'int'
// for every integer type. For tests that need a build of a schema they wrote.
import type { Entity, Member, SchemaModel } from '@/lib/qapi/model';

const INTEGERS = new Set(['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'size']);

/** A tree's model as an introspection would give it (every condition taken as met). */
export function masked(model: SchemaModel): SchemaModel {
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
