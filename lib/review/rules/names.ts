// Names the patch adds (qapi-code-gen.rst "Naming rules and reserved names",
// "Downstream extensions", "Pragma directives"): an 'x-' name (the feature
// 'unstable' replaced the prefix), a '__RFQDN_' name (reserved for the
// downstream that owns RFQDN), a new entry in a pragma's exception list
// ("Use for new code is strongly discouraged").
import type { QAPISchemaPragma } from '../../qapi/source';
import type { Finding } from '../types';
import { addedItems, lineOfName, type RuleContext } from './context';

const X_NAME = /^x[-_]/i;
const DOWNSTREAM = /^__/;

export function nameRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { span, status } of ctx.touched) {
    const e = span.entity;
    const names: { what: string; name: string; line: number; unstable: boolean }[] = [];
    const unstable = (features: { name: string }[]) => features.some((f) => f.name === 'unstable');
    if (status === 'added')
      names.push({ what: e.meta, name: e.name, line: span.exprStart, unstable: unstable(e.features) });
    for (const item of addedItems(ctx, e)) {
      if (item.kind === 'feature' && (item.name === 'unstable' || item.name === 'deprecated')) continue;
      names.push({
        what: `${item.kind} of ${e.name}`,
        name: item.name,
        line: lineOfName(ctx, span, item.name, item.description?.line ?? span.exprStart),
        unstable: unstable(item.features) || unstable(e.features),
      });
    }
    for (const n of names) {
      if (X_NAME.test(n.name)) {
        const instead = n.unstable
          ? "it already has the feature 'unstable', which says so: the prefix is redundant"
          : "mark it with the feature 'unstable' instead";
        out.push(
          ctx.finding(
            'x-name',
            span.file,
            n.line,
            `new ${n.what} '${n.name}': the 'x-' prefix for experimental interfaces is replaced by the feature 'unstable'; ${instead} (a judgement call)`,
            e.name,
          ),
        );
      }
      if (DOWNSTREAM.test(n.name)) {
        out.push(
          ctx.finding(
            'rfqdn-prefix',
            span.file,
            n.line,
            `new ${n.what} '${n.name}' has a downstream prefix '__RFQDN_', reserved for the downstream that controls RFQDN: upstream QEMU does not add such names (a judgement call: unless this patch is for that downstream)`,
            e.name,
          ),
        );
      }
    }
  }
  return out;
}

const EXCEPTION_LISTS: [keyof QAPISchemaPragma, string][] = [
  ['commandNameExceptions', 'command-name-exceptions'],
  ['commandReturnsExceptions', 'command-returns-exceptions'],
  ['documentationExceptions', 'documentation-exceptions'],
  ['memberNameExceptions', 'member-name-exceptions'],
];

export function pragmaRules(ctx: RuleContext, files: string[]): Finding[] {
  const out: Finding[] = [];
  if (!ctx.patchedPragma) return out;
  for (const [field, pragma] of EXCEPTION_LISTS) {
    const before = new Set((ctx.basePragma?.[field] as string[] | undefined) ?? []);
    for (const name of ctx.patchedPragma[field] as string[]) {
      if (before.has(name)) continue;
      const at = addedLineWith(ctx, files, `'${name}'`);
      if (!at) continue;
      out.push(
        ctx.finding(
          'pragma-exception-added',
          at.file,
          at.line,
          `'${name}' added to the pragma '${pragma}': exceptions exist for old interfaces, and using them for new code is strongly discouraged (a judgement call)`,
        ),
      );
    }
  }
  return out;
}

/** The added line naming `needle` inside a pragma directive (the expression opened by the last '{' line before it). */
function addedLineWith(ctx: RuleContext, files: string[], needle: string): { file: string; line: number } | null {
  for (const file of files) {
    const lines = ctx.lines(file);
    let inPragma = false;
    for (let l = 1; l <= lines.length; l++) {
      const text = lines[l - 1]!;
      if (text.startsWith('{')) inPragma = /^\{\s*'pragma'/.test(text);
      if (inPragma && text.includes(needle) && ctx.origin(file, l)?.added) return { file, line: l };
    }
  }
  return null;
}
