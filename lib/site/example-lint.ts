// The qmp-examples of a model by source position, each with the lint badge
// shown on it. Receives the model and a doc text (the object the model holds:
// a doc body, section, member description…) plus the line index of a
// `.. qmp-example::` directive in it (lib/site/rst QmpExampleNode.at);
// guarantees the doc model's example at that file:line (its title, options
// and body lines as lib/qapi/doc-model.ts read them) and the validator's
// verdict on it (lib/validate/lint-examples.ts), or null when the text is not
// the model's or no example starts there. Everything is computed once per model.
import type { DocText, Entity, QmpExample, SchemaModel } from '../qapi/model';
import { lintExamples, type ExampleVerdict } from '../validate/lint-examples';

export interface ExampleBadge {
  status: 'valid' | 'invalid' | 'unchecked';
  /** the first problem, for 'invalid'; why not checked, for 'unchecked' */
  message?: string;
}

export interface PlacedExample {
  example: QmpExample;
  /** "file:line" of the directive */
  source: string;
  badge: ExampleBadge;
}

interface ModelExamples {
  /** the module file of every doc text the model holds */
  fileOf: WeakMap<DocText, string>;
  byPosition: Map<string, QmpExample>;
  verdicts: Map<string, ExampleVerdict>;
}

const byModel = new WeakMap<SchemaModel, ModelExamples>();

function descriptions(e: Entity): (DocText | undefined)[] {
  switch (e.meta) {
    case 'struct':
    case 'union':
      return e.members.map((m) => m.description);
    case 'enum':
      return e.values.map((v) => v.description);
    case 'alternate':
      return e.alternatives.map((a) => a.description);
    default:
      return [];
  }
}

function collect(model: SchemaModel): ModelExamples {
  const fileOf = new WeakMap<DocText, string>();
  const byPosition = new Map<string, QmpExample>();
  const docs = [...model.entities.map((e) => e.doc), ...model.modules.flatMap((m) => m.freeformDocs)];
  for (const doc of docs) {
    if (!doc) continue;
    const file = doc.loc.file;
    const texts = [
      doc.body,
      doc.returns,
      doc.errors,
      ...doc.sections,
      ...Object.values(doc.args),
      ...Object.values(doc.features),
    ];
    for (const t of texts) if (t) fileOf.set(t, file);
    for (const example of doc.examples) byPosition.set(`${file}:${example.line}`, example);
  }
  // A member's description comes from its declaring type's doc, in the file of that type's definition.
  for (const e of model.entities) {
    const file = e.loc?.file;
    if (file) for (const t of descriptions(e)) if (t && !fileOf.has(t)) fileOf.set(t, file);
  }
  const verdicts = new Map<string, ExampleVerdict>();
  try {
    for (const v of lintExamples(model).examples) verdicts.set(`${v.file}:${v.line}`, v);
  } catch {
    // a validator bug must not take the docs down: examples show as unchecked
  }
  return { fileOf, byPosition, verdicts };
}

function modelExamples(model: SchemaModel): ModelExamples {
  let found = byModel.get(model);
  if (!found) byModel.set(model, (found = collect(model)));
  return found;
}

function badgeOf(v: ExampleVerdict | undefined): ExampleBadge {
  if (!v) return { status: 'unchecked', message: 'not linted' };
  if (v.status === 'valid') return { status: 'valid', message: `${v.messages.length} message(s) match the schema` };
  if (v.status === 'not-checkable')
    return { status: 'unchecked', message: 'contains elisions (...) or no complete message' };
  const bad = v.messages.find((m) => !m.valid);
  const issue = bad?.issues.find((i) => i.severity === 'error') ?? bad?.issues[0];
  return {
    status: 'invalid',
    message: issue ? `${issue.message}${issue.path ? ` at ${issue.path}` : ''}` : 'does not match the schema',
  };
}

/** A doc model example of a definition in module `file`, with its badge (old-style 'Example:' sections). */
export function placeExample(model: SchemaModel, file: string, example: QmpExample): PlacedExample {
  const source = `${file}:${example.line}`;
  return { example, source, badge: badgeOf(modelExamples(model).verdicts.get(source)) };
}

/** The example whose directive is `at` lines into `text` (0-based), or null. */
export function exampleAt(model: SchemaModel, text: DocText | undefined, at: number): PlacedExample | null {
  const m = modelExamples(model);
  const file = text && m.fileOf.get(text);
  if (!text || !file) return null;
  const source = `${file}:${text.line + at}`;
  const example = m.byPosition.get(source);
  return example ? { example, source, badge: badgeOf(m.verdicts.get(source)) } : null;
}
