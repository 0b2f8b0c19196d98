// The three real QEMU trees (test/support/shared.ts) load with QEMU's entity and
// event counts ("entities" = QAPISchema._entity_list: built-ins and their
// arrays, q_empty, QType, definitions, implicit types and include directives).
import { expect, it } from 'vitest';
import { describeWithQemu, qemuTree } from '../support/shared';
import { QapiError } from '../../lib/qapi/error';
import { loadModelFromDisk, loadSchemaFromDisk } from '../../lib/qapi/node';
import { DEFAULT_OPTIONS, optionsForTree } from '../../lib/qapi/options';
import { QAPISchemaEvent, QAPISchemaInclude } from '../../lib/qapi/schema/index';
import type { Event, StructType } from '../../lib/qapi/model';

const rootOf = qemuTree;

const TREES = [
  { tree: '10.2.2', entities: 1435, events: 57 },
  { tree: '10.2.2+vfio-migration-prepare', entities: 1437, events: 58 },
  { tree: '10.0.13', entities: 1406, events: 56 },
];

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
    expect(arg.members[2].description?.text).toBe(
      'The new device migration state that is about to be\n    changed.',
    );
    const doc = event.doc!;
    expect(doc.symbol).toBe('VFIO_MIGRATION_PREPARE');
    expect(doc.body.text).toMatch(/^This event is emitted when a VFIO device migration state is about to\nbe changed\./);
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
