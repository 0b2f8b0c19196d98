// A minimal valid message for an event (the event page's "validate an event
// of this type" and the validator's example menu). Receives the model and an
// event name; guarantees a QMP event message (qmp-spec "Asynchronous events")
// whose data holds only the required, unconditional members, each with a
// value of the right type (qapi-code-gen "Built-in Types", "Struct types",
// "Union types", "Alternate types"), which lib/validate accepts in strict
// mode with deprecated = error whenever the schema allows it, and which
// holds at most MAX_SAMPLE_VALUES values: past them (a valid tree of structs
// 8 wide and 7 deep needs two million) the rest of the required members are
// left out, and the sample says it was cut. Pure.
import { buildIndex, type Entity, type Member, type SchemaIndex, type SchemaModel } from '../qapi/model';

/** 2026-01-01T00:00:00Z, a plausible capture time. */
const SAMPLE_SECONDS = 1767225600;
const MAX_DEPTH = 24;
/** Values a sample holds at most (the largest of QEMU's own events needs 15; 256 stay a short link). */
export const MAX_SAMPLE_VALUES = 256;

const isDeprecated = (x: { features: { name: string }[] }): boolean => x.features.some((f) => f.name === 'deprecated');

function pick<T extends { features: { name: string }[]; if?: unknown }>(items: T[]): T | undefined {
  return items.find((x) => !isDeprecated(x) && x.if === undefined) ?? items.find((x) => !isDeprecated(x)) ?? items[0];
}

class SampleBuilder {
  private left = MAX_SAMPLE_VALUES;
  /** some required value was left out (or is null), past the budget or MAX_DEPTH */
  cut = false;

  constructor(private readonly index: SchemaIndex) {}

  /** A value of the type; undefined once the budget is spent (the member is left out). */
  value(typeName: string, depth: number): unknown {
    if (this.left <= 0 || depth > MAX_DEPTH) {
      this.cut = true;
      return depth > MAX_DEPTH ? null : undefined;
    }
    this.left--;
    const e = this.index.get(typeName);
    return e ? this.entityValue(e, depth) : null;
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
    // no prototype: a member may be named '__proto__'
    const out: Record<string, unknown> = Object.create(null);
    for (const m of members) {
      if (m.name !== discriminator && (m.optional || m.if !== undefined)) continue;
      const v = this.value(m.type, depth + 1);
      if (v !== undefined) out[m.name] = v;
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

export interface EventSample {
  /** { event, data?, timestamp }, in the order QEMU sends the envelope's keys */
  message: Record<string, unknown>;
  /** the message as the indented JSON text an editor shows */
  text: string;
  /** required values were left out: the message is not valid as it stands */
  cut: boolean;
}

export function sampleEvent(model: SchemaModel | SchemaIndex, name: string): EventSample | null {
  const index = model instanceof Map ? model : buildIndex(model);
  const ev = index.get(name);
  if (!ev || ev.meta !== 'event') return null;
  const message: Record<string, unknown> = { event: ev.name };
  const builder = new SampleBuilder(index);
  if (ev.argType) message.data = builder.value(ev.argType, 0);
  message.timestamp = { seconds: SAMPLE_SECONDS, microseconds: 0 };
  return { message, text: JSON.stringify(message, null, 2) + '\n', cut: builder.cut };
}

export function sampleEventMessage(model: SchemaModel | SchemaIndex, name: string): Record<string, unknown> | null {
  return sampleEvent(model, name)?.message ?? null;
}

export function sampleEventText(model: SchemaModel | SchemaIndex, name: string): string | null {
  return sampleEvent(model, name)?.text ?? null;
}

/** A minimal valid value of any type of the model (a reply to build on, in tests). */
export function sampleValue(model: SchemaModel | SchemaIndex, typeName: string): unknown {
  return new SampleBuilder(model instanceof Map ? model : buildIndex(model)).value(typeName, 0);
}
