// A minimal valid message for an event (the event page's "validate an event
// of this type" and the validator's example menu). Receives the model and an
// event name; guarantees a QMP event message (qmp-spec "Asynchronous events")
// whose data holds only the required, unconditional members, each with a
// value of the right type (qapi-code-gen "Built-in Types", "Struct types",
// "Union types", "Alternate types"), which lib/validate accepts in strict
// mode with deprecated = error whenever the schema allows it. Pure.
import { buildIndex, type Entity, type Member, type SchemaIndex, type SchemaModel } from '../qapi/model';

/** 2026-01-01T00:00:00Z, a plausible capture time. */
const SAMPLE_SECONDS = 1767225600;
const MAX_DEPTH = 24;

const isDeprecated = (x: { features: { name: string }[] }): boolean => x.features.some((f) => f.name === 'deprecated');

function pick<T extends { features: { name: string }[]; if?: unknown }>(items: T[]): T | undefined {
  return items.find((x) => !isDeprecated(x) && x.if === undefined) ?? items.find((x) => !isDeprecated(x)) ?? items[0];
}

class SampleBuilder {
  constructor(private readonly index: SchemaIndex) {}

  value(typeName: string, depth: number): unknown {
    const e = this.index.get(typeName);
    if (!e || depth > MAX_DEPTH) return null;
    return this.entityValue(e, depth);
  }

  private entityValue(e: Entity, depth: number): unknown {
    switch (e.meta) {
      case 'builtin':
        return builtinValue(e.name);
      case 'enum':
        return pick(e.values)?.name ?? '';
      case 'array':
        return [];
      case 'struct':
        return this.members(e.members, depth, undefined);
      case 'union': {
        const tagType = this.index.get(e.tagType);
        const values = tagType?.meta === 'enum' ? tagType.values : [];
        const branch =
          this.cheapestBranch(
            e.branches.filter((b) => values.some((v) => v.name === b.value && !isDeprecated(v))),
            depth,
          ) ?? e.branches[0];
        const out = this.members(e.members, depth, e.discriminator);
        if (!branch) return out;
        out[e.discriminator] = branch.value;
        const inner = this.value(branch.type, depth + 1);
        return inner && typeof inner === 'object' && !Array.isArray(inner)
          ? { ...out, ...inner, [e.discriminator]: branch.value }
          : out;
      }
      case 'alternate': {
        const alt = pick(e.alternatives.map((a) => ({ ...a, features: [] as { name: string }[] })));
        return alt ? this.value(alt.type, depth + 1) : null;
      }
      default:
        return null;
    }
  }

  private members(members: Member[], depth: number, discriminator: string | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const m of members) {
      if (m.name === discriminator || (!m.optional && m.if === undefined)) out[m.name] = this.value(m.type, depth + 1);
    }
    return out;
  }

  /** The branch with the fewest required members, so the sample stays short. */
  private cheapestBranch<B extends { type: string; if?: unknown }>(branches: B[], depth: number): B | undefined {
    let best: B | undefined;
    let bestCost = Infinity;
    for (const b of branches) {
      const t = this.index.get(b.type);
      const cost =
        (b.if === undefined ? 0 : 100) +
        (t && (t.meta === 'struct' || t.meta === 'union') ? t.members.filter((m) => !m.optional).length : 0);
      if (cost < bestCost && depth <= MAX_DEPTH) {
        best = b;
        bestCost = cost;
      }
    }
    return best;
  }
}

function builtinValue(name: string): unknown {
  switch (name) {
    case 'str':
      return 'example';
    case 'bool':
      return false;
    case 'null':
      return null;
    case 'any':
      return {};
    default:
      return 0; // number, int, intN, uintN, size
  }
}

/** The message as an object: { event, data?, timestamp }, in the order QEMU sends the envelope's keys. */
export function sampleEventMessage(model: SchemaModel | SchemaIndex, name: string): Record<string, unknown> | null {
  const index = model instanceof Map ? model : buildIndex(model);
  const ev = index.get(name);
  if (!ev || ev.meta !== 'event') return null;
  const msg: Record<string, unknown> = { event: ev.name };
  if (ev.argType) msg.data = new SampleBuilder(index).value(ev.argType, 0);
  msg.timestamp = { seconds: SAMPLE_SECONDS, microseconds: 0 };
  return msg;
}

/** The same, as the indented JSON text an editor shows. */
export function sampleEventText(model: SchemaModel | SchemaIndex, name: string): string | null {
  const msg = sampleEventMessage(model, name);
  return msg ? JSON.stringify(msg, null, 2) + '\n' : null;
}

/** A minimal valid value of any type of the model (a reply to build on, in tests). */
export function sampleValue(model: SchemaModel | SchemaIndex, typeName: string): unknown {
  return new SampleBuilder(model instanceof Map ? model : buildIndex(model)).value(typeName, 0);
}
