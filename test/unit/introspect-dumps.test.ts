// libvirt's six real QMP dumps (../shared/libvirt-11.3.0/qemucapabilitiesdata):
// each dump's introspection read into the model (counts, version, target),
// every message of the dump judged valid against it, the same verdicts from
// the source tree of the same release, mutated replies caught at their path,
// and truncated dumps failing at a position.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { looksLikeIntrospection, readIntrospection } from '../../lib/qapi/introspect/index';
import type { SchemaModel } from '../../lib/qapi/model';
import { loadModelFromDisk, loadRootModelFromDisk } from '../../lib/qapi/node';
import { createValidator } from '../../lib/validate/index';
import type { MessageResult } from '../../lib/validate/types';
import { describeWithShared, sharedPath } from '../support/shared';

const dumpPath = (name: string) => sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata', `caps_${name}.replies`);

interface Dump {
  /** Entities: all, then by meta (command, event, enum, array, struct, union, alternate). */
  counts: number[];
  /** Messages in the dump. */
  messages: number;
  /** What query-version (version, package) and query-target (arch) said. */
  version: [string, string, string];
}
const dump = (counts: number[], messages: number, ...version: Dump['version']): Dump => ({ counts, messages, version });

const DUMPS = {
  '6.2.0_x86_64': dump([968, 204, 49, 122, 77, 474, 31, 5], 112, '6.2.0', 'v6.2.0', 'x86_64'),
  '8.2.0_aarch64': dump([1100, 218, 49, 144, 93, 545, 39, 6], 98, '8.2.0', 'v8.2.0', 'aarch64'),
  '8.2.0_x86_64': dump([1140, 228, 53, 146, 94, 568, 39, 6], 112, '8.2.0', 'v8.2.0', 'x86_64'),
  '9.2.0_x86_64': dump([1168, 232, 53, 152, 96, 583, 40, 6], 112, '9.2.0', 'v9.2.0', 'x86_64'),
  // libvirt recorded this "10.0.0" from a development snapshot, and the dump says so
  '10.0.0_s390x': dump([1140, 226, 50, 150, 94, 569, 39, 6], 94, '9.2.50', 'v9.2.0-1203-gd6430c17d7', 's390x'),
  '10.0.0_x86_64': dump([1177, 233, 55, 152, 96, 589, 40, 6], 112, '10.0.0', 'v10.0.0', 'x86_64'),
};
type DumpName = keyof typeof DUMPS;
const NAMES = Object.keys(DUMPS) as DumpName[];

const texts = new Map<DumpName, string>();
const text = (name: DumpName): string => {
  if (!texts.has(name)) texts.set(name, readFileSync(dumpPath(name), 'utf8'));
  return texts.get(name)!;
};
const models = new Map<DumpName, SchemaModel>();
const model = (name: DumpName): SchemaModel => {
  if (!models.has(name)) models.set(name, readIntrospection(text(name), dumpPath(name)));
  return models.get(name)!;
};
let tree10: SchemaModel | null = null;
const tree = (): SchemaModel =>
  (tree10 ??= loadModelFromDisk(sharedPath('qemu', '10.0.13', 'qapi', 'qapi-schema.json')));

const verdicts = (messages: MessageResult[]) => messages.map((m) => `${m.kind} ${m.name}: ${m.valid}`);
const errorPaths = (m: MessageResult) =>
  m.issues.filter((i) => i.severity === 'error').map((i) => `${i.path} ${i.code}`);

/** The dump with four replies broken, each at a known path. */
function mutate(dump: string): { text: string; expected: Map<number, string> } {
  const parts = dump.split('\n\n').map((p) => JSON.parse(p) as Record<string, unknown>);
  const expected = new Map<number, string>();
  const replyTo = (command: string): Record<string, unknown> => {
    const at = parts.findIndex((p) => p.execute === command);
    const reply = parts.findIndex((p, i) => i > at && p.id === parts[at]!.id && 'return' in p);
    return Object.assign(parts[reply]!, { at: reply });
  };
  const version = replyTo('query-version') as { return: { qemu: { major: unknown } }; at: number };
  version.return.qemu.major = String(version.return.qemu.major);
  expected.set(version.at, '/return/qemu/major wrong-type');
  const target = replyTo('query-target') as { return: { arch: unknown }; at: number };
  target.return.arch = 42;
  expected.set(target.at, '/return/arch wrong-type');
  const schema = replyTo('query-qmp-schema') as { return: Record<string, unknown>[]; at: number };
  schema.return[3]!['meta-type'] = 'gadget';
  expected.set(schema.at, '/return/3/meta-type bad-discriminator');
  const caps = replyTo('qmp_capabilities') as { return: unknown; at: number };
  caps.return = { surprise: true };
  expected.set(caps.at, '/return wrong-type');
  for (const p of parts) delete p.at;
  return { text: parts.map((p) => JSON.stringify(p, null, 2)).join('\n\n'), expected };
}

describeWithShared('query-qmp-schema of six real QEMUs (libvirt dumps)', () => {
  it.each(NAMES)('%s: counts, version and target', (name) => {
    const m = model(name);
    const by = (meta: string) => m.entities.filter((e) => e.meta === meta).length;
    expect([
      m.entities.length,
      ...['command', 'event', 'enum', 'array', 'struct', 'union', 'alternate'].map(by),
    ]).toEqual(DUMPS[name].counts);
    expect(by('builtin')).toBe(6);
    const [qemuVersion, qemuPackage, target] = DUMPS[name].version;
    expect(m.origin).toEqual({ kind: 'introspection', qemuVersion, qemuPackage, target });
  });

  it.each(NAMES)('%s: every message of the dump is valid against its own introspection', (name) => {
    const r = createValidator(model(name)).validateText(text(name));
    expect(r.counts).toEqual({ messages: DUMPS[name].messages, valid: DUMPS[name].messages, invalid: 0, elided: 0 });
    // every reply (or error reply) is paired with its command by id
    const replies = r.messages.filter((m) => m.kind === 'return' || m.kind === 'error');
    expect(replies.length).toBe(DUMPS[name].messages / 2);
    expect(replies.every((m) => m.name !== null && !m.issues.some((i) => i.code === 'orphan-reply'))).toBe(true);
  });

  it.each(['10.0.0_x86_64', '10.0.0_s390x'] as const)('%s: the 10.0.13 source tree gives the same verdicts', (name) => {
    const own = createValidator(model(name)).validateText(text(name)).messages;
    const fromTree = createValidator(tree()).validateText(text(name)).messages;
    expect(verdicts(fromTree)).toEqual(verdicts(own));
    expect(fromTree.every((m) => m.valid)).toBe(true);
  });

  it.each(NAMES)('%s: mutated replies are caught at their path', (name) => {
    const { text: broken, expected } = mutate(text(name));
    const schemas: SchemaModel[] = [model(name)];
    if (name.startsWith('10.0.0')) schemas.push(tree());
    for (const schema of schemas) {
      const messages = createValidator(schema).validateText(broken).messages;
      const invalid = new Map(messages.filter((m) => !m.valid).map((m) => [m.index, errorPaths(m)]));
      expect([...invalid.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
      for (const [index, issue] of expected) expect(invalid.get(index)).toContain(issue);
    }
  });

  it.each(NAMES)('%s: truncated inside the schema reply, the error is at the end', (name) => {
    const t = text(name);
    const cut = t.slice(0, t.indexOf('"meta-type": "alternate"') + 10);
    const lines = cut.split('\n');
    let error = '';
    try {
      readIntrospection(cut, 'cut.replies');
    } catch (err) {
      error = String(err);
    }
    expect(error).toBe(
      `cut.replies:${lines.length}:${lines.at(-1)!.length + 1}: bad query-qmp-schema reply: unexpected end of input inside a string`,
    );
  });

  it("no file of QEMU's own schemas or conformance suite looks like an introspection", () => {
    const dirs = [
      '10.2.2/qapi',
      '10.0.13/qapi',
      '5.2.0/qapi',
      '10.2.2/tests/qapi-schema',
      '7.2.0/tests/qapi-schema',
    ].map((d) => sharedPath('qemu', d));
    const files = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${d}/${f}`),
    );
    expect(files.length).toBeGreaterThan(400);
    expect(files.filter((f) => looksLikeIntrospection(readFileSync(f, 'utf8')))).toEqual([]);
    for (const name of NAMES) expect(looksLikeIntrospection(text(name))).toBe(true);
  });

  it('the schema-root loader tells a dump from a tree by content', () => {
    expect(loadRootModelFromDisk(dumpPath('9.2.0_x86_64')).origin?.kind).toBe('introspection');
    expect(loadRootModelFromDisk(sharedPath('qemu', '10.0.13', 'qapi', 'qapi-schema.json')).origin).toBeUndefined();
  });
});
