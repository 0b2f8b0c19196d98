// Small text helpers shared by pages, search and tests: the words a page
// shows for kinds, conditions, versions and builtin types. Follows QEMU's
// manual (QAPI-NOTES §5): 'Object' for structs and unions, `if` in its doc
// form (and / or / not), builtins by JSON type name.
import type { Entity, IfCond } from '../qapi/model';

export function ifCondText(cond: IfCond, nested = false): string {
  if (typeof cond === 'string') return cond;
  if ('not' in cond) return `not ${ifCondText(cond.not, true)}`;
  const [op, parts] = 'all' in cond ? [' and ', cond.all] : [' or ', cond.any];
  const text = parts.map((p) => ifCondText(p, true)).join(op);
  return nested && parts.length > 1 ? `(${text})` : text;
}

const KIND: Record<Entity['meta'], string> = {
  event: 'Event',
  command: 'Command',
  enum: 'Enum',
  struct: 'Struct',
  union: 'Union',
  alternate: 'Alternate',
  builtin: 'Built-in',
  array: 'Array',
};

/** 'Event', 'Struct', … for a definition's kind. */
export function kindLabel(meta: Entity['meta']): string {
  return KIND[meta];
}

/** The Since: of a definition ('11.0'), if documented. */
export function sinceOf(e: Entity): string | undefined {
  return e.doc?.since?.trim() || undefined;
}

/**
 * The version in a parenthesised "since X" of a member description:
 * "(since 9.1)", "(Since: 2.12; default: 0)", "(default: false; since 9.0)",
 * "(default: auto,\n since 8.2)", "(Since 2.4 (`drive-backup`), 3.1 …)",
 * "(since: 10.1 -- since 9.1 on s390x --)" -> '9.1', '2.12', '9.0', '8.2', '2.4', '10.1'. Prose such as
 * "values are allowed since QEMU 2.7" is not a since label.
 */
export function memberSince(text: string | undefined): string | undefined {
  if (!text) return undefined;
  // "since" opens the parentheses or one of their clauses (after ';' or ',')
  const m = /\((?:[^()]*?[;,]\s*)?since:?\s+(\d+\.\d+(?:\.\d+)?)\b/i.exec(text);
  return m?.[1];
}

/**
 * The replacement a deprecation text names: "Use `job-pause` instead." ->
 * 'job-pause'; "Use @id instead." -> '@id'; "Use member `x` instead" -> 'x'.
 */
export function deprecationReplacement(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m =
    /\buse\s+(?:(?:the\s+)?(?:member|command|event|type)\s+)?(`[^`]+`|@[\w-]+|'[^']+'|"[^"]+")\s+instead\b/i.exec(text);
  return m?.[1]!.replace(/^[`'"]+|[`'"]+$/g, '');
}

/** Drops every `.. name::` directive with its indented body (notes, examples): not part of a snippet. */
function withoutDirectives(text: string): string {
  const kept: string[] = [];
  let inDirective = false;
  for (const line of text.split('\n')) {
    if (/^\.\. [\w:-]+::/.test(line)) inDirective = true;
    else if (inDirective && line.trim() !== '' && !/^\s/.test(line)) inDirective = false;
    if (!inDirective) kept.push(line);
  }
  return kept.join('\n');
}

/** A one-line plain-text rendering of rST doc text, for snippets and meta descriptions. */
export function plainText(text: string, max = 160): string {
  const flat = withoutDirectives(text)
    .replace(/^\s*:[\w-]+:.*$/gm, '')
    .replace(/``([^`]+)``/g, '$1')
    .replace(/:[\w:]+:`([^`]+)`/g, '$1')
    .replace(/`([^`<]+?)\s*(?:<[^>]*>)?`_*/g, '$1')
    .replace(/\*\*?([^*]+)\*\*?/g, '$1')
    .replace(/@([\w-]+)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? flat.slice(0, max - 1).replace(/\s+\S*$/, '') + '…' : flat;
}
