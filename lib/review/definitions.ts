// Where each definition of a file stands (its doc comment and its
// expression, line by line) and which of them the patch adds, changes or
// removes: a definition is changed when its text differs from the base's
// (a diff may well show an unchanged closing line as removed and added
// again); blank lines and free-form doc between definitions touch none.
// Receives a model, its root and the texts of the files; gives spans in tree
// paths.
import type { Entity, SchemaIndex, SchemaModel } from '../qapi/model';
import { dirname, join } from '../qapi/paths';
import type { LineOrigin } from './apply';
import { treePathOf } from './load';
import type { TouchedDefinition } from './types';

export interface DefinitionSpan {
  entity: Entity;
  /** path from the tree's top */
  file: string;
  /** first line of its doc comment ('##'), or of its expression when it has none */
  start: number;
  /** first and last line of its expression */
  exprStart: number;
  exprEnd: number;
  /** its lines, doc comment and expression */
  text: string;
}

/** The tree path of a model's module name ('vfio.json' of root 'qapi/qapi-schema.json' is 'qapi/vfio.json'). */
export const modulePath = (root: string, module: string): string => treePathOf(join(dirname(root), module));

export function definitionSpans(
  model: SchemaModel,
  root: string,
  files: ReadonlySet<string>,
  textOf: (path: string) => string | null,
): DefinitionSpan[] {
  const lines = new Map<string, string[]>();
  const spans: DefinitionSpan[] = [];
  for (const e of model.entities) {
    if (e.implicit || !e.loc) continue;
    const file = modulePath(root, e.loc.file);
    if (!files.has(file)) continue;
    let text = lines.get(file);
    if (!text) lines.set(file, (text = (textOf(file) ?? '').split('\n')));
    const start = e.doc?.loc.line ?? e.loc.line;
    const exprEnd = expressionEnd(text, e.loc.line);
    spans.push({
      entity: e,
      file,
      start,
      exprStart: e.loc.line,
      exprEnd,
      text: text.slice(start - 1, exprEnd).join('\n'),
    });
  }
  return spans;
}

/**
 * The last line of the expression starting at `line` (1-based): where its
 * braces close, strings ('…', with backslash escapes) and comments skipped.
 */
export function expressionEnd(lines: string[], line: number): number {
  let depth = 0;
  let opened = false;
  for (let i = line - 1; i < lines.length; i++) {
    const text = lines[i]!;
    for (let k = 0; k < text.length; k++) {
      const c = text[k];
      if (c === '#') break;
      if (c === "'") {
        for (k++; k < text.length && text[k] !== "'"; k++) if (text[k] === '\\') k++;
      } else if (c === '{' || c === '[') {
        depth++;
        opened = true;
      } else if (c === '}' || c === ']') {
        depth--;
        if (opened && depth <= 0) return i + 1;
      }
    }
  }
  return lines.length;
}

/** The definitions the patch touches, with their spans, added ones first in file order. */
export function touchedDefinitions(
  base: SchemaIndex,
  patched: DefinitionSpan[],
  baseSpans: DefinitionSpan[],
  origins: Map<string, LineOrigin[]>,
  patchedIndex: SchemaIndex,
): { touched: TouchedDefinition[]; spans: Map<string, DefinitionSpan>; renamedFrom: Map<string, string> } {
  const touched: TouchedDefinition[] = [];
  const spans = new Map<string, DefinitionSpan>();
  // a type renamed in case only (SGXEPCSection → SgxEpcSection) is the same definition: type names are not on the wire
  const gone = new Map(
    baseSpans.filter((s) => !patchedIndex.has(s.entity.name)).map((s) => [s.entity.name.toLowerCase(), s.entity.name]),
  );
  const renamedFrom = new Map<string, string>();
  const renamed = (name: string) => {
    const old = base.has(name) ? undefined : gone.get(name.toLowerCase());
    if (old) renamedFrom.set(name, old);
    return old !== undefined;
  };
  const before = new Map(baseSpans.map((s) => [s.entity.name, s.text]));
  for (const s of patched) {
    const o = origins.get(s.file);
    if (!o) continue;
    let hit = false;
    for (let l = s.start; l <= s.exprEnd && !hit; l++) hit = Boolean(o[l - 1]?.added || o[l - 1]?.afterRemoval);
    if (!hit || before.get(s.entity.name) === s.text) continue;
    touched.push(entry(s, base.has(s.entity.name) || renamed(s.entity.name) ? 'changed' : 'added'));
    spans.set(s.entity.name, s);
  }
  for (const s of baseSpans) {
    if (!patchedIndex.has(s.entity.name) && ![...renamedFrom.values()].includes(s.entity.name))
      touched.push(entry(s, 'removed'));
  }
  return { touched, spans, renamedFrom };
}

function entry(s: DefinitionSpan, status: TouchedDefinition['status']): TouchedDefinition {
  return { name: s.entity.name, meta: s.entity.meta, status, file: s.file, start: s.start, end: s.exprEnd };
}
