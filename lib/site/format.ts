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

export function kindLabel(e: Entity): string {
  return KIND[e.meta];
}

export function metaLabel(meta: Entity['meta']): string {
  return KIND[meta];
}

/** The Since: of a definition ('11.0'), if documented. */
export function sinceOf(e: Entity): string | undefined {
  return e.doc?.since?.trim() || undefined;
}

/** "(since 9.1)", "(Since: 2.12; default: 0)" inside a member description -> '9.1'. */
export function memberSince(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /\(since:?\s+(\d+\.\d+(?:\.\d+)?)/i.exec(text);
  return m?.[1];
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

export function specialFeatures(e: { features: { name: string; special: boolean }[] }): string[] {
  return e.features.filter((f) => f.special).map((f) => f.name);
}
