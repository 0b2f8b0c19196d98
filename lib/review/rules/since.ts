// `Since:` rules (qapi-code-gen.rst "Definition documentation": 'A "Since:
// x.y.z" tagged section lists the release that introduced the definition';
// 'Extensions added after the definition was first released carry a "(since
// x.y.z)" comment'). QEMU's generator takes a section as 'Since' only when
// its paragraph starts with exactly 'Since:'; `# Since 11.0` or
// `# since: 11.0` are plain text, and the manual then shows no version.
import type { Finding } from '../types';
import { addedDocLines, addedItems, baseOf, lineOfName, majorMinorOf, SINCE_NOTE, type RuleContext } from './context';
import { compareQemuVersions, findQemuVersion } from '../../qapi/version';

/** A top-level doc line that means to say a version: '# Since 10.1', '# since: 11.0', '# SINCE: 9.2.'. */
const SINCE_LIKE = /^# since\b[\s:]*(v?\d+(?:\.\d+){0,2})\.?\s*$/i;
const SINCE_TAG = /^# Since: /;

export function sinceRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { span, status } of ctx.touched) {
    const e = span.entity;
    let malformed = false;
    for (const [line, text] of addedDocLines(ctx, span)) {
      if (SINCE_LIKE.test(text) && !SINCE_TAG.test(text)) {
        malformed = true;
        out.push(
          ctx.finding(
            'since-malformed',
            span.file,
            line,
            `'${text.slice(2).trim()}' is plain text to QEMU's doc generator, not a Since section, so the manual shows no version for ${e.name}: write 'Since: X.Y'`,
            e.name,
          ),
        );
      } else if (SINCE_TAG.test(text) && e.doc?.since !== undefined && majorMinorOf(e.doc.since) === null) {
        malformed = true;
        out.push(
          ctx.finding('since-malformed', span.file, line, `'Since: ${e.doc.since}' is not a version X.Y`, e.name),
        );
      }
    }
    if (status !== 'added') continue;
    const since = e.doc?.since;
    if (since === undefined) {
      if (!malformed)
        out.push(
          ctx.finding(
            'since-missing',
            span.file,
            span.exprStart,
            `new ${e.meta} ${e.name} has no 'Since:' section`,
            e.name,
          ),
        );
      continue;
    }
    const version = majorMinorOf(since);
    if (version && ctx.since && version !== ctx.since) {
      const line = sinceLine(ctx, span.file, span.start, span.exprStart) ?? span.exprStart;
      const older = compareQemuVersions(findQemuVersion(version)!, findQemuVersion(ctx.since)!) < 0;
      const moved = older ? ' (unless it is an older definition renamed or moved, which keeps its Since)' : '';
      out.push(
        ctx.finding(
          'since-version',
          span.file,
          line,
          `${e.name} says 'Since: ${since}', but the base is ${ctx.baseLabel}: what the patch adds is new in ${ctx.since}${moved}`,
          e.name,
        ),
      );
    }
  }
  return out;
}

function sinceLine(ctx: RuleContext, file: string, from: number, to: number): number | null {
  const lines = ctx.lines(file);
  for (let l = from; l < to; l++) if (SINCE_TAG.test(lines[l - 1] ?? '')) return l;
  return null;
}

/** Members, enum values, branches and alternatives added to a definition the base has, and their '(since X.Y)'. */
export function memberSinceRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { span, status } of ctx.touched) {
    if (status !== 'changed') continue;
    const e = span.entity;
    const baseTag = e.meta === 'union' ? baseOf(ctx, e.tagType) : undefined;
    const tagHad = (value: string) => baseTag?.meta === 'enum' && baseTag.values.some((v) => v.name === value);
    for (const item of addedItems(ctx, e)) {
      if (item.kind === 'feature') continue;
      // a branch for a value the patch adds to its enum is judged at the enum
      if (item.kind === 'branch' && !tagHad(item.name)) continue;
      const what = `${item.kind} '${item.name}' of ${e.name}`;
      const line = item.description?.line ?? lineOfName(ctx, span, item.name, span.exprStart);
      const note = item.description ? SINCE_NOTE.exec(item.description.text) : null;
      if (!note) {
        out.push(
          ctx.finding(
            'member-since-missing',
            span.file,
            line,
            `${what} is new${ctx.since ? ` in ${ctx.since}` : ''}: its description should end with '(since ${ctx.since ?? 'X.Y'})'`,
            e.name,
          ),
        );
      } else if (ctx.since && majorMinorOf(note[1]!) !== ctx.since) {
        out.push(
          ctx.finding(
            'member-since-version',
            span.file,
            line,
            `${what} says 'since ${note[1]}', but the base is ${ctx.baseLabel}: it is new in ${ctx.since}`,
            e.name,
          ),
        );
      }
    }
  }
  return out;
}
