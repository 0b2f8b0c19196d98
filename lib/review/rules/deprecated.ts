// A newly deprecated interface should say what to use instead
// (qapi-code-gen.rst "Special features": 'Interfaces so marked may be
// withdrawn in future releases in accordance with QEMU's deprecation
// policy'; QEMU's own descriptions read "Use @id instead."). A judgement
// call: where nothing replaces it, the description should say so.
import type { Feature } from '../../qapi/model';
import type { Finding } from '../types';
import { baseOf, itemsOf, lineOfName, type RuleContext } from './context';

const REPLACEMENT = /\b(use|using|instead|replaced|replacement|superseded|in favou?r of|obsoleted by)\b/i;

export function deprecatedRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { span } of ctx.touched) {
    const e = span.entity;
    const before = baseOf(ctx, e.name);
    const deprecated = (features: Feature[]) => features.some((f) => f.name === 'deprecated');
    const wasDeprecated = new Set<string>();
    if (before) {
      if (deprecated(before.features)) wasDeprecated.add('');
      for (const i of itemsOf(before, ctx.baseIndex))
        if (deprecated(i.features)) wasDeprecated.add(`${i.kind}:${i.name}`);
    }
    const newly: string[] = [];
    if (deprecated(e.features) && !wasDeprecated.has('')) newly.push(`${e.meta} ${e.name}`);
    for (const i of itemsOf(e, ctx.patchedIndex)) {
      if (deprecated(i.features) && !wasDeprecated.has(`${i.kind}:${i.name}`)) newly.push(`${i.kind} '${i.name}'`);
    }
    if (!newly.length) continue;
    const description = e.doc?.features['deprecated'];
    // no description at all is QEMU's own error ("feature 'deprecated' lacks documentation")
    if (!description || REPLACEMENT.test(description.text)) continue;
    const line = description.line ?? lineOfName(ctx, span, 'deprecated', span.exprStart);
    out.push(
      ctx.finding(
        'deprecated-without-replacement',
        span.file,
        line,
        `${newly.join(', ')} ${newly.length > 1 ? 'are' : 'is'} deprecated, but '@deprecated:' does not say what to use instead (if nothing replaces it, say so; a judgement call)`,
        e.name,
      ),
    );
  }
  return out;
}
