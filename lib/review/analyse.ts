// What a patch does to one schema root that QEMU accepts before and after:
// its wire changes (lib/diff, base → patched) with a finding for each
// incompatible one, the definitions it touches, the verdicts on their
// examples (lib/validate's example lint, as the site's badges), and the
// reviewer rules over what it adds. Receives both loaded roots, the patched
// texts and line origins, and the base; gives plain data.
import { describe } from '../diff/format';
import { diffSchemas } from '../diff/diff';
import type { Change, SchemaDiff } from '../diff/types';
import { buildIndex, type SchemaModel } from '../qapi/model';
import { lintExamples } from '../validate/lint-examples';
import type { LineOrigin } from './apply';
import { definitionSpans, modulePath, touchedDefinitions, type DefinitionSpan } from './definitions';
import type { LoadedRoot } from './load';
import { ruleContext, lineOfName, type RuleContext, type TouchedSpan } from './rules/context';
import { deprecatedRules } from './rules/deprecated';
import { nameRules, pragmaRules } from './rules/names';
import { referenceRules } from './rules/refs';
import { memberSinceRules, sinceRules } from './rules/since';
import type { BaseInfo, ExampleCheck, Finding, TouchedDefinition } from './types';

export interface RootAnalysis {
  changes: SchemaDiff;
  touched: TouchedDefinition[];
  examples: ExampleCheck[];
  findings: Finding[];
}

export interface AnalyseInput {
  root: string;
  base: LoadedRoot;
  patched: LoadedRoot;
  /** the schema files the patch touches, from the tree's top */
  files: string[];
  patchedText: (path: string) => string | null;
  baseText: (path: string) => string | null;
  origins: Map<string, LineOrigin[]>;
  /** the patch lines that remove base lines, by path and base line */
  removedLines: Map<string, Map<number, number | null>>;
  baseInfo: BaseInfo;
}

/** The reviewer rules beyond QEMU's generator, in the order their findings are listed. */
const RULES: ((ctx: RuleContext, files: string[]) => Finding[])[] = [
  sinceRules,
  memberSinceRules,
  nameRules,
  pragmaRules,
  referenceRules,
  deprecatedRules,
];

export function analyseRoot(input: AnalyseInput): RootAnalysis {
  const { root, base, patched, files, origins } = input;
  const touchedFiles = new Set(files);
  const baseIndex = buildIndex(base.model);
  const patchedIndex = buildIndex(patched.model);
  const spans = definitionSpans(patched.model, root, touchedFiles, input.patchedText);
  const baseSpans = definitionSpans(base.model, root, touchedFiles, input.baseText);
  const {
    touched,
    spans: touchedSpans,
    renamedFrom,
  } = touchedDefinitions(baseIndex, spans, baseSpans, origins, patchedIndex);
  const ctx = ruleContext(
    {
      base: base.model,
      baseIndex,
      patched: patched.model,
      patchedIndex,
      basePragma: base.pragma,
      patchedPragma: patched.pragma,
      touched: touched
        .filter((t) => t.status !== 'removed')
        .map((t) => ({ span: touchedSpans.get(t.name)!, status: t.status }) as TouchedSpan),
      renamedFrom,
      since: input.baseInfo.since,
      baseLabel: input.baseInfo.label,
    },
    input.patchedText,
    origins,
  );
  const changes = diffSchemas(base.model, patched.model);
  const examples = checkExamples(ctx, root);
  const findings = [
    ...changes.changes
      .filter((c) => c.verdict === 'incompatible')
      .map((c) => incompatible(ctx, c, spans, root, input.removedLines)),
    ...examples.filter((x) => x.status === 'invalid').map((x) => exampleFinding(ctx, x)),
    ...RULES.flatMap((rule) => rule(ctx, files)),
  ];
  return { changes, touched, examples, findings };
}

/** The examples of the added and changed definitions, linted against the patched schema. */
function checkExamples(ctx: RuleContext, root: string): ExampleCheck[] {
  const names = new Set(ctx.touched.map((t) => t.span.entity.name));
  if (![...names].some((n) => ctx.patchedIndex.get(n)?.doc?.examples.length)) return [];
  // the whole schema for the validator's types, but only these docs to lint
  const only: SchemaModel = {
    ...ctx.patched,
    modules: ctx.patched.modules.map((m) => ({ ...m, freeformDocs: [] })),
    entities: ctx.patched.entities.map((e) => (names.has(e.name) || !e.doc ? e : { ...e, doc: null })),
  };
  return lintExamples(only).examples.map((v) => {
    const file = modulePath(root, v.file);
    const bad = v.messages.find((m) => !m.valid);
    const issue = bad?.issues.find((i) => i.severity === 'error') ?? bad?.issues[0];
    return {
      def: v.symbol,
      file,
      line: v.line,
      patchLine: ctx.origin(file, v.line)?.patchLine ?? null,
      title: v.title,
      status: v.status,
      ...(v.status === 'invalid'
        ? {
            problem: issue
              ? `${issue.text}${issue.path ? ` at ${issue.path}` : ''} (line ${issue.line})`
              : 'does not match the schema',
          }
        : {}),
    };
  });
}

function exampleFinding(ctx: RuleContext, x: ExampleCheck): Finding {
  const title = x.title ? ` "${x.title}"` : '';
  return ctx.finding(
    'example-invalid',
    x.file,
    x.line,
    `the example${title} of ${x.def ?? 'the module'} is invalid: ${x.problem}`,
    x.def ?? undefined,
  );
}

/** An incompatible change, placed on the line naming the changed thing (else its definition's). */
function incompatible(
  ctx: RuleContext,
  c: Change,
  spans: DefinitionSpan[],
  root: string,
  removedLines: AnalyseInput['removedLines'],
): Finding {
  const at = c.paths.length && c.paths[0] !== c.def ? `; at ${c.paths[0]}` : '';
  const text = `${describe(c)}: incompatible in the ${c.dir} direction (rule ${c.rule}${at})`;
  const span = spans.find((s) => s.entity.name === c.def);
  if (span)
    return ctx.finding(
      'incompatible-change',
      span.file,
      lineOfName(ctx, span, c.item ?? c.def, span.exprStart),
      text,
      c.def,
    );
  // gone from the patched tree: its line in the base, and the patch line removing it
  const loc = ctx.baseIndex.get(c.def)?.loc;
  const file = loc ? modulePath(root, loc.file) : null;
  const line = loc?.line ?? null;
  const patchLine = file !== null && line !== null ? (removedLines.get(file)?.get(line) ?? null) : null;
  return { ...ctx.finding('incompatible-change', file ?? '', line ?? 0, text, c.def), file, line, patchLine };
}
