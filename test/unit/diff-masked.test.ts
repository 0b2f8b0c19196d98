// The diff against a schema as a running QEMU reports it (query-qmp-schema):
// type names masked as numbers, conditions resolved, no docs, and one 'int'
// for every integer type. Built here from a tree by our own masking
// (test/support/masked-model.ts), so the wire must come out unchanged and the
// changes named by the tree's names.
import { beforeAll, expect, it } from 'vitest';
import { loadModelFromDisk } from '../../lib/qapi/node';
import type { SchemaModel } from '../../lib/qapi/model';
import { diffSchemas, type Change } from '../../lib/diff';
import { masked } from '../support/masked-model';
import { describeWithShared, sharedPath } from '../support/shared';

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
