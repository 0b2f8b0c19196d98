// The three real QEMU trees in ../shared/qemu load with QEMU's entity and
// event counts ("entities" = QAPISchema._entity_list: built-ins and their
// arrays, q_empty, QType, definitions, implicit types and include directives).
import path from 'node:path';
import { expect, it } from 'vitest';
import { QapiError } from '../../lib/qapi/error';
import { loadModelFromDisk, loadSchemaFromDisk } from '../../lib/qapi/node';
import { DEFAULT_OPTIONS, LEGACY_OPTIONS, optionsForTree } from '../../lib/qapi/options';
import { QAPISchemaEvent, QAPISchemaInclude } from '../../lib/qapi/schema/index';
import type { Event, StructType } from '../../lib/qapi/model';
import { describeWithQemu, describeWithShared, sharedPath } from '../support/shared';

const SHARED = sharedPath('qemu');
const rootOf = (tree: string) => sharedPath('qemu', tree, 'qapi/qapi-schema.json');

const TREES = [
  { tree: '10.2.2', entities: 1435, events: 57 },
  { tree: '10.2.2+vfio-migration-prepare', entities: 1437, events: 58 },
  { tree: '10.0.13', entities: 1406, events: 56 },
];

/** Every tree of ../shared/qemu with the counts of its own release's generator (QAPISchema._entity_list). */
const RELEASE_TREES = [
  { root: '5.2.0/qapi', entities: 1043, events: 48 },
  { root: '5.2.0/qga', entities: 140, events: 0 },
  { root: '5.2.0/storage-daemon/qapi', entities: 509, events: 13 },
  { root: '7.2.0/qapi', entities: 1261, events: 52 },
  { root: '7.2.0/qga', entities: 154, events: 0 },
  { root: '7.2.0/storage-daemon/qapi', entities: 597, events: 13 },
  { root: '10.0.13/qapi', entities: 1406, events: 56 },
  { root: '10.0.13/qga', entities: 161, events: 0 },
  { root: '10.0.13/storage-daemon/qapi', entities: 626, events: 13 },
  { root: '10.2.2/qapi', entities: 1435, events: 57 },
  { root: '10.2.2+vfio-migration-prepare/qapi', entities: 1437, events: 58 },
];

describeWithShared('every release reads its own trees', () => {
  it.each(RELEASE_TREES)('$root: $entities entities, $events events', ({ root, entities, events }) => {
    const file = path.join(SHARED, root, 'qapi-schema.json');
    const schema = loadSchemaFromDisk(file);
    expect(schema.entityList).toHaveLength(entities);
    expect(schema.entityList.filter((e) => e instanceof QAPISchemaEvent)).toHaveLength(events);
  });

  it.each([
    // older doc blocks put '=' headings after text, which QEMU 10.0 forbids
    ['7.2.0/qapi', /qapi-schema\.json:32:1: '=' heading must come first in a comment block$/],
    ['5.2.0/qapi', /qapi-schema\.json:32:1: '=' heading must come first in a comment block$/],
  ])("%s is rejected by QEMU 10.0's rules, as QEMU 10.0 rejects it", (root, message) => {
    let error: unknown;
    try {
      loadSchemaFromDisk(path.join(SHARED, root, 'qapi-schema.json'), LEGACY_OPTIONS);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(QapiError);
    expect(String(error)).toMatch(message);
  });

  it("10.0.13 under 10.0's rules, not 10.2's: its '=' heading checks", () => {
    const suite = path.join(SHARED, '10.0.13/tests/qapi-schema');
    expect(optionsForTree(suite).headingChecks).toBe(true);
    expect(optionsForTree('10.2.2').headingChecks).toBe(false);
  });
});

describeWithQemu(['10.2.2', '10.2.2+vfio-migration-prepare', '10.0.13'], 'real QEMU trees', () => {
  it.each(TREES)('$tree: $entities entities, $events events', ({ tree, entities, events }) => {
    const schema = loadSchemaFromDisk(rootOf(tree), optionsForTree(tree));
    expect(schema.entityList).toHaveLength(entities);
    expect(schema.entityList.filter((e) => e instanceof QAPISchemaEvent)).toHaveLength(events);
  });

  it('10.2.2 has 46 modules (plus ./builtin) and 1011 definitions', () => {
    const schema = loadSchemaFromDisk(rootOf('10.2.2'));
    expect(schema.modules.map((m) => m.name)[0]).toBe('./builtin');
    expect(schema.modules).toHaveLength(47);
    expect(schema.modules[1].name).toBe('qapi-schema.json');
    const includes = schema.entityList.filter((e) => e instanceof QAPISchemaInclude);
    const model = loadModelFromDisk(rootOf('10.2.2'));
    const explicit = model.entities.filter((e) => !e.implicit && e.meta !== 'builtin');
    expect(explicit).toHaveLength(1011);
    expect(model.entities).toHaveLength(1435 - includes.length);
  });

  it('10.0.13 breaks the 70-column doc rule: rejected with 10.2 options, loaded with its own', () => {
    let error: unknown;
    try {
      loadSchemaFromDisk(rootOf('10.0.13'), DEFAULT_OPTIONS);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(QapiError);
    expect(String(error)).toMatch(/documentation line longer than 70 characters|Use two spaces between sentences/);
    expect(() => loadSchemaFromDisk(rootOf('10.0.13'), optionsForTree('10.0.13'))).not.toThrow();
  });

  it('VFIO_MIGRATION_PREPARE: members, doc, Since 11.0 and its example', () => {
    const model = loadModelFromDisk(rootOf('10.2.2+vfio-migration-prepare'));
    const event = model.entities.find((e) => e.name === 'VFIO_MIGRATION_PREPARE') as Event;
    expect(event.meta).toBe('event');
    expect(event.module).toBe('vfio.json');
    expect(event.argType).toBe('q_obj_VFIO_MIGRATION_PREPARE-arg');
    const arg = model.entities.find((e) => e.name === event.argType) as StructType;
    expect(arg.implicit).toBe(true);
    expect(arg.members.map((m) => [m.name, m.type, m.optional])).toEqual([
      ['device-id', 'str', false],
      ['qom-path', 'str', false],
      ['device-state', 'QapiVfioMigrationState', false],
    ]);
    expect(arg.members[2].description?.text).toBe('The new device migration state that is about to be\n    changed.');
    const doc = event.doc!;
    expect(doc.symbol).toBe('VFIO_MIGRATION_PREPARE');
    expect(doc.body.text).toMatch(
      /^This event is emitted when a VFIO device migration state is about to\nbe changed\./,
    );
    expect(doc.since).toBe('11.0');
    expect(doc.examples).toHaveLength(1);
    const example = doc.examples[0];
    expect(example.lines[0].text).toBe('<- { "timestamp": { "seconds": 1713771323, "microseconds": 212268 },');
    expect(example.lines.map((l) => l.text).join('\n')).toContain('"device-state": "stop" } }');
    // only in the patched tree
    const plain = loadModelFromDisk(rootOf('10.2.2'));
    expect(plain.entities.some((e) => e.name === 'VFIO_MIGRATION_PREPARE')).toBe(false);
    expect(plain.entities.some((e) => e.name === 'VFIO_MIGRATION')).toBe(true);
  });
});
