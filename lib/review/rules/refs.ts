// References in the doc text the patch adds (qapi-code-gen.rst
// "Documentation markup": 'Use @foo to reference a member description
// within the current definition'; 'Use `foo` to reference a definition in
// the schema.  This generates a link to the definition'): an @name must be a
// member, value, branch, alternative or feature of the definition (a
// definition's name is tolerated, as older docs write @BlockStats), a `Name`
// a definition of the patched schema. ``literals``, examples and rST links
// (`text`_) are not references.
import type { Entity, SchemaIndex } from '../../qapi/model';
import type { Finding } from '../types';
import { addedDocLines, itemsOf, type RuleContext } from './context';

const MEMBER_REF = /(?<![\w@`.])@([A-Za-z_][\w.-]*)/g;
const DEFINITION_REF = /(?<![`\w])(?::[\w:-]+:)?`([^`]+)`(?![`_])/g;
const DESCRIPTION_START = /^#\s+@[\w.-]*:/;

export function referenceRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { span } of ctx.touched) {
    const e = span.entity;
    const exampleLines = new Set(e.doc?.examples.flatMap((x) => x.lines.map((l) => l.line)) ?? []);
    let known: Set<string> | null = null;
    for (const [line, raw] of addedDocLines(ctx, span)) {
      if (exampleLines.has(line)) continue;
      const text = raw.replace(DESCRIPTION_START, (m) => ' '.repeat(m.length)).replace(/``[^`]*``/g, '');
      for (const m of text.matchAll(MEMBER_REF)) {
        const name = m[1]!.replace(/[.-]+$/, '');
        known ??= memberNames(e, ctx.patchedIndex);
        if (known.has(name) || isDefinition(ctx.patchedIndex, name)) continue;
        out.push(
          ctx.finding(
            'member-ref-unknown',
            span.file,
            line,
            `@${name} names no member of ${e.name}: '@name' references a member description within the current definition`,
            e.name,
          ),
        );
      }
      for (const m of text.matchAll(DEFINITION_REF)) {
        const target = /<([^>]+)>\s*$/.exec(m[1]!)?.[1] ?? m[1]!;
        const name = target.replace(/^[~!]/, '').split('.')[0]!.trim();
        if (isDefinition(ctx.patchedIndex, name)) continue;
        out.push(
          ctx.finding(
            'definition-ref-unknown',
            span.file,
            line,
            `\`${name}\` names no definition of the schema, so QEMU's manual cannot link it`,
            e.name,
          ),
        );
      }
    }
  }
  return out;
}

function isDefinition(index: SchemaIndex, name: string): boolean {
  const e = index.get(name);
  return e !== undefined && !e.implicit && e.meta !== 'builtin';
}

/** Every name an @reference in the definition's doc may use, inherited and branch members included. */
function memberNames(e: Entity, index: SchemaIndex): Set<string> {
  const names = new Set<string>([e.name]);
  for (const i of itemsOf(e, index)) names.add(i.name);
  const addMembers = (typeName: string | undefined, depth = 0) => {
    const t = typeName ? index.get(typeName) : undefined;
    if (!t || depth > 8) return;
    if (t.meta === 'struct' || t.meta === 'union') {
      for (const m of t.members) {
        names.add(m.name);
        for (const f of m.features) names.add(f.name);
      }
      if (t.meta === 'union') for (const b of t.branches) addMembers(b.type, depth + 1);
    }
    if (t.meta === 'enum') for (const v of t.values) names.add(v.name);
  };
  if (e.meta === 'struct' || e.meta === 'union') addMembers(e.name);
  if (e.meta === 'command' || e.meta === 'event') addMembers(e.argType);
  if (e.meta === 'enum' || e.meta === 'alternate') for (const f of e.features) names.add(f.name);
  return names;
}
