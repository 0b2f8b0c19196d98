// The lint verdict shown as a badge on each qmp-example, from the validator's
// example lint (lib/validate/lint-examples.ts, issue 3/5). Receives the model
// and the definition whose n-th example is rendered; guarantees a verdict:
// 'valid', 'invalid' with the first problem, or 'unchecked' (elided, or no
// messages to check). The whole model is linted once per process.
import type { Entity, SchemaModel } from '../qapi/model';
import { lintExamples, type ExampleVerdict as LintVerdict } from '../validate/lint-examples';

export interface ExampleVerdict {
  status: 'valid' | 'invalid' | 'unchecked';
  /** the first problem, for 'invalid'; why not checked, for 'unchecked' */
  message?: string;
}

const byModel = new WeakMap<SchemaModel, Map<string, LintVerdict>>();

function verdicts(model: SchemaModel): Map<string, LintVerdict> {
  let map = byModel.get(model);
  if (!map) {
    map = new Map();
    try {
      for (const v of lintExamples(model).examples) map.set(`${v.file}:${v.line}`, v);
    } catch {
      // a validator bug must not take the docs down: examples show as unchecked
    }
    byModel.set(model, map);
  }
  return map;
}

/** The verdict of the `index`-th (0-based) qmp-example in the doc of `entity`. */
export function lintExample(model: SchemaModel, entity: Entity | undefined, index: number): ExampleVerdict {
  const example = entity?.doc?.examples[index];
  if (!entity?.doc || !example) return { status: 'unchecked', message: 'not linted' };
  const v = verdicts(model).get(`${entity.doc.loc.file}:${example.line}`);
  if (!v) return { status: 'unchecked', message: 'not linted' };
  if (v.status === 'valid') return { status: 'valid', message: `${v.messages.length} message(s) match the schema` };
  if (v.status === 'not-checkable') return { status: 'unchecked', message: 'contains elisions (...) or no complete message' };
  const bad = v.messages.find((m) => !m.valid);
  const issue = bad?.issues.find((i) => i.severity === 'error') ?? bad?.issues[0];
  return { status: 'invalid', message: issue ? `${issue.message}${issue.path ? ` at ${issue.path}` : ''}` : 'does not match the schema' };
}
