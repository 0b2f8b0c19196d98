// A running QEMU's own schema (query-qmp-schema) masks its type names ('152'):
// the validator's texts and "accepted by" say what a thing is by where it is
// used ("the arguments of command blockdev-add", its branch 'qcow2', "member
// 'tls-creds' of the reply of command query-migrate-parameters"), never
// "union 49" or "struct 152". On libvirt's real dumps of QEMU 10.0.0 and 8.2.0.
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { readIntrospection } from '../../lib/qapi/introspect/index';
import { loadRootModelFromDisk } from '../../lib/qapi/node';
import { optionsForTree } from '../../lib/qapi/options';
import type { SchemaModel } from '../../lib/qapi/model';
import { createValidator, type MessageResult } from '../../lib/validate/index';
import { ReleaseSessions } from '../../cli/accepted';
import { describeWithShared, hasQemu, qemuTree, sharedPath } from '../support/shared';

/** A masked type number where a type's name would be: 'union 49', 'of 152', 'alternate 369', 'one of 58 (…)'. */
const MASKED = /\b(?:struct|union|alternate|enum|of|in) \d+\b|(?:one of |, )\d+ \(/;

const dump = (file: string) =>
  readIntrospection(readFileSync(sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata', file), 'utf8'), file);

const MESSAGES = [
  '{"execute": "blockdev-add", "arguments": {"driver": "qcow2", "node-name": "n", "file": "f", "bogus": 1}}',
  '{"execute": "blockdev-add", "arguments": {"driver": "qcow2", "node-name": "n", "file": 12}}',
  '{"execute": "blockdev-add", "arguments": {"driver": "qcow9", "node-name": "n"}}',
  '{"execute": "blockdev-add", "arguments": {"node-name": "n"}}',
  '{"execute": "blockdev-add", "arguments": {"driver": "qcow2", "node-name": "n", "file": {"driver": "file", "filename": "x", "aio": "nope"}}}',
  '{"execute": "query-migrate-parameters", "id": 1}',
  '{"return": {"tls-creds": 5}, "id": 1}',
  '{"execute": "query-status", "id": 2}',
  '{"return": {"status": "flying", "running": true}, "id": 2}',
  '{"event": "BLOCK_JOB_COMPLETED", "data": {"type": "commit", "device": "d", "len": 1, "offset": 1}, "timestamp": {"seconds": 1, "microseconds": 0}}',
].join('\n');

describeWithShared('masked type names on real dumps', () => {
  let model: SchemaModel;
  let messages: MessageResult[];
  beforeAll(() => {
    model = dump('caps_10.0.0_x86_64.replies');
    messages = createValidator(model).validateText(MESSAGES).messages;
  });
  const texts = (i: number) => messages[i]!.issues.map((x) => x.text);

  it('no issue text shows a masked type number', () => {
    const all = messages.flatMap((m) => m.issues.map((i) => i.text));
    expect(all.length).toBe(8);
    expect(all.filter((t) => MASKED.test(t))).toEqual([]);
  });

  it('the arguments of blockdev-add and their branch qcow2', () => {
    expect(texts(0)[0]).toMatch(
      /^'bogus' is not a member of the arguments of command blockdev-add \(branch 'qcow2' of the arguments of command blockdev-add, selected by driver: 'qcow2'\)/,
    );
    expect(texts(1)[0]).toMatch(
      /^number 12 matches no alternative: the JSON kind selects one of an object, str \(a JSON string\) \(member 'file' of the arguments of command blockdev-add/,
    );
    expect(texts(2)[0]).toMatch(
      /^string "qcow9" does not select a branch of the arguments of command blockdev-add: discriminator 'driver' must be one of its values \(did you mean/,
    );
    expect(texts(3)).toEqual([
      "missing discriminator 'driver' (an enum value) of the arguments of command blockdev-add: it selects the branch",
    ]);
    expect(texts(4)[0]).toMatch(
      /^'nope' is not an allowed value; allowed: 'threads', 'native', 'io_uring' \(member 'aio'/,
    );
  });

  it("a member of query-migrate-parameters' reply, a value of query-status', the data of an event", () => {
    expect(texts(6)).toEqual([
      "expected str (a JSON string), got number 5 (member 'tls-creds' of the reply of command query-migrate-parameters)",
    ]);
    expect(texts(8)[0]).toMatch(/\(member 'status' of the reply of command query-status\)$/);
    expect(texts(9)[0]).toMatch(
      /^missing required member 'speed' of the data of event BLOCK_JOB_COMPLETED, of type int/,
    );
  });

  it('a deprecated member is said by its place', () => {
    // every deprecated member of a command's arguments, used once
    const index = new Map(model.entities.map((e) => [e.name, e]));
    const uses = model.entities.flatMap((c) => {
      const arg = c.meta === 'command' && c.argType ? index.get(c.argType) : undefined;
      if (arg?.meta !== 'struct') return [];
      const m = arg.members.find((x) => x.features.some((f) => f.name === 'deprecated') && x.type === 'str');
      return m ? [{ command: c.name, member: m.name }] : [];
    });
    expect(uses.length).toBeGreaterThan(0);
    const text = uses.map((u) => JSON.stringify({ execute: u.command, arguments: { [u.member]: 'x' } })).join('\n');
    const warnings = createValidator(model)
      .validateText(text)
      .messages.flatMap((m) => m.issues.filter((i) => i.code === 'deprecated').map((i) => i.text));
    expect(warnings.length).toBe(uses.length);
    expect(warnings.filter((t) => MASKED.test(t))).toEqual([]);
    expect(warnings[0]).toBe(
      `member '${uses[0]!.member}' of the arguments of command ${uses[0]!.command} is deprecated: QEMU rejects it under -compat deprecated-input=reject`,
    );
  });

  it.runIf(hasQemu('10.0.13'))('"accepted by" with a tree and two builds names no masked type', () => {
    const roots = [
      {
        file: qemuTree('10.0.13'),
        model: loadRootModelFromDisk(qemuTree('10.0.13'), optionsForTree(qemuTree('10.0.13'))),
      },
      { file: 'caps_10.0.0_x86_64.replies', model },
      { file: 'caps_8.2.0_aarch64.replies', model: dump('caps_8.2.0_aarch64.replies') },
    ];
    const sessions = new ReleaseSessions(roots, {});
    const main = createValidator(roots[0]!.model).session();
    const all = [...main.feed(MESSAGES + '\n'), ...main.end()];
    sessions.feed(MESSAGES + '\n');
    sessions.end();
    const reasons = all.flatMap((m) => sessions.of(m).flatMap((a) => (a.reason ? [a.reason] : [])));
    expect(reasons.length).toBeGreaterThan(10);
    expect(reasons.filter((t) => MASKED.test(t))).toEqual([]);
  });
});
