// What a schema costs the validator: one unit per definition, member, branch,
// alternative and enum value, the things its compile and checks visit (each
// once: compile.ts and precheck.ts are linear in them). Receives a model;
// guarantees null when it is within the budget, else why it is refused, so a
// hostile "your QEMU" schema kept in a browser never holds up a later visit.
import type { SchemaModel } from '../qapi/model';

/** QEMU's own schemas cost about 5,000 (10.2.2's tree 5,784; 10.0.0's x86_64 introspection 4,991). */
export const SCHEMA_BUDGET = 200_000;

export function schemaCost(model: SchemaModel): number {
  let cost = 0;
  for (const e of model.entities) {
    cost++;
    if ('members' in e) cost += e.members.length;
    if ('branches' in e) cost += e.branches.length;
    if ('alternatives' in e) cost += e.alternatives.length;
    if ('values' in e) cost += e.values.length;
  }
  return cost;
}

/** Why the validator refuses this schema, or null. */
export function overBudget(model: SchemaModel): string | null {
  const cost = schemaCost(model);
  return cost > SCHEMA_BUDGET
    ? `the schema is too large for the validator: it has ${cost.toLocaleString('en')} definitions, members and ` +
        `values (at most ${SCHEMA_BUDGET.toLocaleString('en')}; QEMU's own have about 5,000)`
    : null;
}
