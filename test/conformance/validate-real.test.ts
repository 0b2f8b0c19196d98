// The validator on QEMU's real trees: every event example of the three trees
// QEMU_SRC or ../shared (test/support/shared.ts), and a seeded mutation generator over the 10.2.2 event
// examples asserting the exact error (code and JSON pointer) each mutation
// must produce.
import { beforeAll, expect, it } from 'vitest';
import { describeWithQemu, hasQemu, qemuTree } from '../support/shared';
import { loadModelFromDisk } from '../../lib/qapi/node';
import { buildIndex, type SchemaModel } from '../../lib/qapi/model';
import { createValidator } from '../../lib/validate/index';
import { exampleMessages } from '../../lib/validate/lint-examples';
import { createRng } from '../../lib/qapi/fuzz/mutate';

const TREES = {
  '10.2.2': { events: 78, invalid: ['RTC_CHANGE'] },
  '10.2.2+vfio-migration-prepare': { events: 79, invalid: ['RTC_CHANGE'] },
  '10.0.13': { events: 77, invalid: ['RTC_CHANGE'] },
} as const;

const models = new Map<string, SchemaModel>();
const model = (tree: string): SchemaModel => {
  if (!models.has(tree)) models.set(tree, loadModelFromDisk(qemuTree(tree)));
  return models.get(tree)!;
};

for (const [tree, want] of Object.entries(TREES))
  describeWithQemu(tree, `every event example of ${tree}`, () => {
    it("validates strictly; only QEMU's own RTC_CHANGE example is wrong", () => {
      const m = model(tree);
      const v = createValidator(m);
      const events = exampleMessages(m).filter((x) => x.kind === 'event');
      expect(events.length).toBe(want.events);
      const invalid = events.filter((e) => !v.validateText(e.text).valid);
      expect(invalid.map((e) => e.name)).toEqual(want.invalid);
      const rtc = v.validateText(invalid[0]!.text).messages[0]!;
      expect(rtc.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['missing-member /data/qom-path']);
      // the examples cover every event that has one, in both key orders QEMU's docs use
      const covered = new Set(events.map((e) => e.name));
      const all = m.entities.filter((e) => e.meta === 'event').map((e) => e.name);
      expect(covered.size).toBeGreaterThanOrEqual(all.length - 4);
    });
  });

it.skipIf(!hasQemu('10.2.2', '10.2.2+vfio-migration-prepare'))(
  'the vfio tree knows VFIO_MIGRATION_PREPARE and 10.2.2 does not',
  () => {
    const msg =
      '{"event": "VFIO_MIGRATION_PREPARE", "data": {"device-id": "d", "qom-path": "/q"}, "timestamp": {"seconds": 1, "microseconds": 1}}';
    expect(createValidator(model('10.2.2')).validateText(msg).messages[0]!.issues[0]!.code).toBe('unknown-event');
    const vfio = createValidator(model('10.2.2+vfio-migration-prepare')).validateText(msg).messages[0]!;
    expect(vfio.issues.every((i) => i.code !== 'unknown-event')).toBe(true);
  },
);

// ---- seeded mutations ----

interface Mutation {
  name: string;
  text: string;
  want: string;
}

const BIG = '"__BIG_INTEGER__"';

function mutations(m: SchemaModel, sources: { name: string; text: string }[], seed: number): Mutation[] {
  const index = buildIndex(m);
  const rnd = createRng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: Mutation[] = [];
  for (const src of sources) {
    const msg = JSON.parse(src.text) as {
      event: string;
      data?: Record<string, unknown>;
      timestamp: Record<string, number>;
    };
    const ev = index.get(msg.event);
    const argType = ev?.meta === 'event' && ev.argType ? index.get(ev.argType) : undefined;
    const members = argType?.meta === 'struct' ? argType.members : [];
    const emit = (name: string, mutate: (x: typeof msg) => void, want: string): void => {
      const copy = structuredClone(msg);
      mutate(copy);
      out.push({ name: `${src.name}: ${name}`, text: JSON.stringify(copy).replace(BIG, '18446744073709551616'), want });
    };
    emit('unknown event', (x) => (x.event = x.event + '_X'), 'unknown-event /event');
    emit(
      'bad timestamp',
      (x) => (x.timestamp.microseconds = 1_000_000 + Math.floor(rnd() * 1000)),
      'bad-timestamp /timestamp/microseconds',
    );
    if (!msg.data) continue;
    emit('extra member', (x) => (x.data!['no-such-member'] = 1), 'unknown-member /data/no-such-member');
    const present = members.filter((mm) => mm.name in msg.data!);
    const required = present.filter((mm) => !mm.optional);
    if (required.length) {
      const mm = pick(required);
      emit(`missing ${mm.name}`, (x) => delete x.data![mm.name], `missing-member /data/${mm.name}`);
    }
    const enums = present.filter((mm) => index.get(mm.type)?.meta === 'enum');
    if (enums.length) {
      const mm = pick(enums);
      emit(`wrong enum ${mm.name}`, (x) => (x.data![mm.name] = 'no-such-value'), `enum-value /data/${mm.name}`);
    }
    const strings = present.filter((mm) => mm.type === 'str');
    if (strings.length) {
      const mm = pick(strings);
      emit(
        `wrong kind ${mm.name}`,
        (x) => (x.data![mm.name] = pick([42, true, null, [], {}])),
        `wrong-type /data/${mm.name}`,
      );
    }
    const ints = present.filter((mm) =>
      ['int', 'int64', 'int32', 'uint32', 'uint64', 'size', 'uint8', 'int8', 'uint16', 'int16'].includes(mm.type),
    );
    if (ints.length) {
      const mm = pick(ints);
      emit(`out-of-range ${mm.name}`, (x) => (x.data![mm.name] = BIG.slice(1, -1)), `integer-range /data/${mm.name}`);
    }
    const unions = present.filter((mm) => index.get(mm.type)?.meta === 'union');
    for (const mm of unions) {
      const u = index.get(mm.type);
      if (u?.meta !== 'union') continue;
      emit(
        `bad discriminator ${mm.name}.${u.discriminator}`,
        (x) => ((x.data![mm.name] as Record<string, unknown>)[u.discriminator] = 'bogus'),
        `bad-discriminator /data/${mm.name}/${u.discriminator}`,
      );
    }
  }
  return out;
}

describeWithQemu('10.2.2', 'seeded mutations of the 10.2.2 event examples', () => {
  let cases: Mutation[] = [];
  let validate: (text: string) => string[];
  beforeAll(() => {
    const m = model('10.2.2');
    const v = createValidator(m);
    validate = (text) =>
      v
        .validateText(text)
        .messages.flatMap((x) => x.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.path}`));
    const sources = exampleMessages(m)
      .filter((x) => x.kind === 'event' && v.validateText(x.text).valid)
      .map((x) => ({ name: x.name!, text: x.text }));
    cases = [1, 2, 3].flatMap((seed) => mutations(m, sources, seed));
  });

  it('each mutation gives exactly the expected error at the expected path', () => {
    expect(cases.length).toBeGreaterThan(500);
    const kinds = new Set(cases.map((c) => c.want.split(' ')[0]));
    expect([...kinds].sort()).toEqual([
      'bad-discriminator',
      'bad-timestamp',
      'enum-value',
      'integer-range',
      'missing-member',
      'unknown-event',
      'unknown-member',
      'wrong-type',
    ]);
    const wrong = cases.filter((c) => {
      const got = validate(c.text);
      return got.length !== 1 || got[0] !== c.want;
    });
    expect(wrong.map((c) => `${c.name}: want ${c.want}, got ${validate(c.text).join('; ')}`)).toEqual([]);
  });
});
