// Types by where they are used, for schemas whose type names say nothing:
// QEMU masks them in query-qmp-schema ('152'), and "not a member of union 49"
// tells the reader nothing. Receives a schema index and a type name;
// guarantees whether the name is masked and, for a masked type, the first
// place a command or event uses it (breadth first, so the nearest): "the
// arguments of command blockdev-add", "branch 'qcow2' of the arguments of
// command blockdev-add", "member 'tls-creds' of the reply of command
// query-migrate-parameters". At most a few steps are spelled out, names cut
// to a prefix: a hostile schema gives no long text. Computed once per index.
import type { Entity, SchemaIndex } from '../qapi/model';
import { quote } from './quote';

/** Is this a type QEMU's introspection masked ('152')? A tree's implicit types have names, never digits only. */
export function isMasked(e: Entity | undefined): boolean {
  return !!e && e.implicit && e.meta !== 'builtin' && e.meta !== 'array' && /^\d+$/.test(e.name);
}

/** How a type is reached: a step from its parent type ('member 'x' of'), or a command's or event's own words. */
interface Place {
  step: string | null;
  parent: string | null;
  root: string;
}

/** Steps spelled out before the rest is '…'. */
const STEPS_SHOWN = 3;

const placesOf = new WeakMap<SchemaIndex, Map<string, Place>>();

function places(index: SchemaIndex): Map<string, Place> {
  let found = placesOf.get(index);
  if (found) return found;
  found = new Map();
  placesOf.set(index, found);
  const queue: string[] = [];
  const reach = (type: string | undefined, place: Place) => {
    if (type === undefined || found.has(type)) return;
    found.set(type, place);
    queue.push(type);
  };
  for (const e of index.values()) {
    if (e.meta === 'command') {
      reach(e.argType, { step: null, parent: null, root: `the arguments of command ${quote(e.name)}` });
      reach(e.returns, { step: null, parent: null, root: `the reply of command ${quote(e.name)}` });
    } else if (e.meta === 'event')
      reach(e.argType, { step: null, parent: null, root: `the data of event ${quote(e.name)}` });
  }
  for (let at = 0; at < queue.length; at++) {
    const parent = queue[at]!;
    const e = index.get(parent);
    const root = found.get(parent)!.root;
    const step = (s: string): Place => ({ step: s, parent, root });
    switch (e?.meta) {
      case 'struct':
        for (const m of e.members) reach(m.type, step(`member '${quote(m.name)}' of`));
        break;
      case 'union':
        for (const m of e.members) reach(m.type, step(`member '${quote(m.name)}' of`));
        for (const b of e.branches) reach(b.type, step(`branch '${quote(b.value)}' of`));
        break;
      case 'array':
        reach(e.elementType, step('an element of'));
        break;
      case 'alternate':
        // an alternative is the same value in another JSON kind: the same place
        for (const a of e.alternatives) reach(a.type, found.get(parent)!);
        break;
    }
  }
  return found;
}

/** Where values of type `name` are first used, in words; null for a type no command or event uses. */
export function placeOf(index: SchemaIndex, name: string): string | null {
  const all = places(index);
  const first = all.get(name);
  if (!first) return null;
  const words: string[] = [];
  let at: Place | undefined = first;
  for (; at?.step && words.length < STEPS_SHOWN; at = at.parent === null ? undefined : all.get(at.parent))
    words.push(at.step);
  if (at?.step) words.push('…');
  words.push(first.root);
  return words.join(' ');
}
