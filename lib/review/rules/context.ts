// What every reviewer rule reads: the base and patched models of one schema
// root, the definitions the patch adds or changes with their spans, the
// patched texts with the origin of each line (added by the patch or not, and
// its patch line), and the release new things are 'since'. Rules judge only
// what the patch adds or changes; `finding` places a finding on its patch line.
import type { DocText, Entity, Feature, SchemaIndex, SchemaModel } from '../../qapi/model';
import type { QAPISchemaPragma } from '../../qapi/source';
import type { LineOrigin } from '../apply';
import type { DefinitionSpan } from '../definitions';
import { RULE_TABLE } from '../rule-table';
import type { Finding, RuleId } from '../types';

export interface TouchedSpan {
  span: DefinitionSpan;
  status: 'added' | 'changed';
}

export interface RuleContext {
  base: SchemaModel;
  baseIndex: SchemaIndex;
  patched: SchemaModel;
  patchedIndex: SchemaIndex;
  basePragma: QAPISchemaPragma | null;
  patchedPragma: QAPISchemaPragma | null;
  touched: TouchedSpan[];
  /** definitions renamed in case only, by new name: the base's name */
  renamedFrom: Map<string, string>;
  /** the release a new definition or member is 'since' ('11.0'), null when the base's version is unknown */
  since: string | null;
  /** the base's label, for texts */
  baseLabel: string;
  /** the patched file's lines (index: line - 1) */
  lines(file: string): string[];
  origin(file: string, line: number): LineOrigin | undefined;
  finding(rule: RuleId, file: string, line: number, text: string, def?: string): Finding;
}

export function ruleContext(
  fields: Omit<RuleContext, 'lines' | 'origin' | 'finding'>,
  textOf: (file: string) => string | null,
  origins: Map<string, LineOrigin[]>,
): RuleContext {
  const split = new Map<string, string[]>();
  const lines = (file: string) => {
    let l = split.get(file);
    if (!l) split.set(file, (l = (textOf(file) ?? '').split('\n')));
    return l;
  };
  const origin = (file: string, line: number) => origins.get(file)?.[line - 1];
  return {
    ...fields,
    lines,
    origin,
    finding: (rule, file, line, text, def) => ({
      rule,
      severity: RULE_TABLE[rule].severity,
      file,
      line,
      patchLine: origin(file, line)?.patchLine ?? null,
      text,
      ...(def !== undefined ? { def } : {}),
    }),
  };
}

export type ItemKind = 'member' | 'value' | 'branch' | 'alternative' | 'feature';

/** A named part of a definition: what a patch adds to an existing one. */
export interface Item {
  kind: ItemKind;
  name: string;
  description?: DocText;
  features: Feature[];
}

/**
 * The parts a definition declares itself (inherited members belong to their
 * base): members, enum values, union branches (described at their tag
 * value), alternatives, and the features of the definition.
 */
export function itemsOf(e: Entity, index: SchemaIndex): Item[] {
  const items: Item[] = [];
  const doc = e.doc;
  switch (e.meta) {
    case 'struct':
    case 'union':
      for (const m of e.members) {
        if (m.definedIn === e.name || m.definedIn === `q_obj_${e.name}-base`)
          items.push({ kind: 'member', name: m.name, description: m.description, features: m.features });
      }
      if (e.meta === 'union') {
        const tag = index.get(e.tagType);
        for (const b of e.branches) {
          if (b.type === 'q_empty') continue;
          const value = tag?.meta === 'enum' ? tag.values.find((v) => v.name === b.value) : undefined;
          items.push({ kind: 'branch', name: b.value, description: value?.description, features: [] });
        }
      }
      break;
    case 'enum':
      for (const v of e.values)
        items.push({ kind: 'value', name: v.name, description: v.description, features: v.features });
      break;
    case 'alternate':
      for (const a of e.alternatives)
        items.push({ kind: 'alternative', name: a.name, description: a.description, features: [] });
      break;
    case 'command':
    case 'event': {
      const arg = e.argType ? index.get(e.argType) : undefined;
      if (arg?.meta === 'struct' && arg.implicit) {
        for (const m of arg.members)
          items.push({
            kind: 'member',
            name: m.name,
            description: doc?.args[m.name] ?? m.description,
            features: m.features,
          });
      }
      break;
    }
    default:
      break;
  }
  for (const f of e.features)
    items.push({ kind: 'feature', name: f.name, description: doc?.features[f.name], features: [] });
  return items;
}

/** The base's definition of a name (under its old name when renamed in case only). */
export const baseOf = (ctx: RuleContext, name: string): Entity | undefined =>
  ctx.baseIndex.get(ctx.renamedFrom.get(name) ?? name);

export const itemKey = (i: Item): string => `${i.kind}:${i.name}`;

/** The items the patch adds to a definition the base has (all of them for a new one). */
export function addedItems(ctx: RuleContext, e: Entity): Item[] {
  const before = baseOf(ctx, e.name);
  const had = new Set(before ? itemsOf(before, ctx.baseIndex).map(itemKey) : []);
  return itemsOf(e, ctx.patchedIndex).filter((i) => !had.has(itemKey(i)));
}

/** The line of the expression where `name` is written ('name' or '*name'), an added one first; else `fallback`. */
export function lineOfName(ctx: RuleContext, span: DefinitionSpan, name: string, fallback: number): number {
  const lines = ctx.lines(span.file);
  const quoted = [`'${name}'`, `'*${name}'`];
  let any = 0;
  for (let l = span.exprStart; l <= span.exprEnd; l++) {
    if (!quoted.some((q) => lines[l - 1]?.includes(q))) continue;
    if (ctx.origin(span.file, l)?.added) return l;
    any ||= l;
  }
  return any || fallback;
}

/** The lines of a definition's doc comment that the patch adds, with their text. */
export function* addedDocLines(ctx: RuleContext, span: DefinitionSpan): Generator<[number, string]> {
  const lines = ctx.lines(span.file);
  for (let l = span.start; l < span.exprStart; l++) {
    if (ctx.origin(span.file, l)?.added) yield [l, lines[l - 1] ?? ''];
  }
}

/** A 'since X.Y' note in a member's description: '(since 10.1)', 'Since: 9.2', '(Since 2.7)'. */
export const SINCE_NOTE = /\bsince:?\s+v?(\d+\.\d+(?:\.\d+)?)\b/i;

/** 'X.Y' of a version text ('10.2.0' → '10.2'), null when it is none. */
export function majorMinorOf(text: string): string | null {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  return m ? `${Number(m[1])}.${Number(m[2])}` : null;
}
