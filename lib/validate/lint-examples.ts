// Example lint: receives a SchemaModel; checks every
// `.. qmp-example::` of its doc comments (an annotated one's literal blocks
// only, lib/qapi/example-messages.ts) as a transcript (commands against
// their arguments, replies against the returns of the command they answer in
// the same example, events against their data) and returns per example a
// verdict (valid / invalid / not checkable because elided) with positions
// mapped back to schema source lines, plus a summary. QEMU's own examples are
// not all right; this is how we find out which.
import { messageLines } from '../qapi/example-messages';
import type { Doc, QmpExample, SchemaModel } from '../qapi/model';
import { createValidator } from './index';
import type { Issue, MessageResult, Note, ValidatorOptions } from './types';

export type ExampleStatus = 'valid' | 'invalid' | 'not-checkable';

export interface ExampleVerdict {
  /** the documented definition, or null for a free-form doc block */
  symbol: string | null;
  /** module file of the doc comment */
  file: string;
  /** source line of the `.. qmp-example::` directive */
  line: number;
  title: string | null;
  status: ExampleStatus;
  /** message and issue lines are source lines of the schema file; columns are within the dedented example */
  messages: MessageResult[];
  notes: Note[];
}

export interface LintSummary {
  examples: number;
  valid: number;
  invalid: number;
  notCheckable: number;
  messages: number;
  invalidMessages: number;
  events: number;
  invalidEvents: number;
}

export interface LintReport {
  examples: ExampleVerdict[];
  summary: LintSummary;
}

function docsOf(model: SchemaModel): Doc[] {
  const docs: Doc[] = [];
  for (const m of model.modules) docs.push(...m.freeformDocs);
  for (const e of model.entities) if (e.doc) docs.push(e.doc);
  return docs.sort((a, b) => (a.loc.file === b.loc.file ? a.loc.line - b.loc.line : 0));
}

/** What the validator reads of an example: its messages, prose blanked (an annotated example's prose is no QMP). */
function messageText(example: QmpExample): string {
  return messageLines(example)
    .map((l) => l.text)
    .join('\n');
}

/** Maps a line of the example text (1-based) to its schema source line. */
function sourceLine(example: QmpExample, line: number): number {
  return example.lines[line - 1]?.line ?? example.line;
}

function relocate(example: QmpExample, m: MessageResult): MessageResult {
  const fix = (i: Issue): Issue => ({
    ...i,
    line: sourceLine(example, i.line),
    endLine: sourceLine(example, i.endLine),
  });
  return {
    ...m,
    line: sourceLine(example, m.line),
    endLine: sourceLine(example, m.endLine),
    issues: m.issues.map(fix),
  };
}

/** Every message of every example, with its text and where it is documented (for tests and the benchmark). */
export function exampleMessages(model: SchemaModel): {
  symbol: string | null;
  file: string;
  line: number;
  kind: MessageResult['kind'];
  name: string | null;
  text: string;
}[] {
  const validator = createValidator(model, { mode: 'lenient' });
  const out = [];
  for (const doc of docsOf(model)) {
    for (const example of doc.examples) {
      const text = messageText(example);
      for (const m of validator.validateText(text).messages) {
        out.push({
          symbol: doc.symbol ?? null,
          file: doc.loc.file,
          line: sourceLine(example, m.line),
          kind: m.kind,
          name: m.name,
          text: text.slice(m.start, m.end),
        });
      }
    }
  }
  return out;
}

export function lintExamples(model: SchemaModel, options: ValidatorOptions = {}): LintReport {
  const validator = createValidator(model, options);
  const examples: ExampleVerdict[] = [];
  for (const doc of docsOf(model)) {
    for (const example of doc.examples) {
      const text = messageText(example);
      const result = validator.validateText(text);
      const messages = result.messages.map((m) => relocate(example, m));
      const notes = result.notes.map((n) => ({
        ...n,
        line: sourceLine(example, n.line),
        endLine: sourceLine(example, n.endLine),
      }));
      const status: ExampleStatus = messages.some((m) => !m.valid)
        ? 'invalid'
        : result.counts.elided > 0 || messages.length === 0
          ? 'not-checkable'
          : 'valid';
      examples.push({
        symbol: doc.symbol ?? null,
        file: doc.loc.file,
        line: example.line,
        title: example.title ?? null,
        status,
        messages,
        notes,
      });
    }
  }
  const all = examples.flatMap((e) => e.messages);
  const events = all.filter((m) => m.kind === 'event');
  return {
    examples,
    summary: {
      examples: examples.length,
      valid: examples.filter((e) => e.status === 'valid').length,
      invalid: examples.filter((e) => e.status === 'invalid').length,
      notCheckable: examples.filter((e) => e.status === 'not-checkable').length,
      messages: all.length,
      invalidMessages: all.filter((m) => !m.valid).length,
      events: events.length,
      invalidEvents: events.filter((m) => !m.valid).length,
    },
  };
}

/** The lint report as text; the last line is `examples: V valid, I invalid, S not checkable`. */
export function formatLintReport(report: LintReport, verbose = false): string {
  const out: string[] = [];
  for (const e of report.examples) {
    if (e.status === 'valid' && !verbose) continue;
    const what = e.symbol ?? '(free-form doc)';
    out.push(`${e.file}:${e.line}: ${what}${e.title ? ` "${e.title}"` : ''}: ${e.status}`);
    for (const m of e.messages) {
      for (const i of m.issues) {
        if (i.severity === 'error' || verbose)
          out.push(`  ${e.file}:${i.line}: ${i.severity} [${i.code}]${i.path ? ' ' + i.path : ''}: ${i.text}`);
      }
    }
    if (e.status === 'not-checkable')
      for (const n of e.notes) if (n.code === 'elided') out.push(`  ${e.file}:${n.line}: ${n.text}`);
  }
  const s = report.summary;
  out.push(
    `messages: ${s.messages - s.invalidMessages} valid, ${s.invalidMessages} invalid; events: ${s.events - s.invalidEvents} valid, ${s.invalidEvents} invalid`,
  );
  out.push(`examples: ${s.valid} valid, ${s.invalid} invalid, ${s.notCheckable} not checkable`);
  return out.join('\n');
}
