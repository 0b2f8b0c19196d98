// A review as text for a terminal, one JSON object for tools, Markdown, or a
// reply mail as a reviewer writes one (the patch quoted with '> ', trimmed to
// the hunks that matter, each finding under the line it is about, the
// verdict at the end). Pure, so the /review page copies the same mail.
import { formatDiff, describe, verdictCounts } from '../diff/format';
import { RULE_TABLE } from './rule-table';
import type { FilePatch, Finding, Hunk, ReviewResult } from './types';

export type ReviewFormat = 'text' | 'json' | 'markdown' | 'mail';

export function formatReview(r: ReviewResult, format: ReviewFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(jsonOf(r))}\n`;
    case 'markdown':
      return markdown(r);
    case 'mail':
      return mail(r);
    default:
      return text(r);
  }
}

function jsonOf(r: ReviewResult): object {
  const changes = JSON.parse(
    formatDiff(r.changes, 'json', { oldLabel: r.base?.label ?? 'base', newLabel: 'patched' }),
  ) as object;
  return {
    verdict: r.verdict,
    summary: r.summary,
    input: r.input,
    patchText: r.patchText,
    base: r.base,
    applies: r.applies,
    ...(r.failure ? { failure: r.failure } : {}),
    files: r.files.map((f) => ({ ...f, hunks: f.hunks.map((h) => ({ header: h.header, patchLine: h.patchLine })) })),
    notSchema: r.notSchema,
    qapi: r.qapi,
    changes,
    touched: r.touched,
    examples: r.examples,
    findings: r.findings,
    notes: r.notes,
  };
}

const at = (f: Finding) =>
  `${f.patchLine !== null ? `patch:${f.patchLine}` : 'patch'}${f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function baseLine(r: ReviewResult): string {
  const b = r.base;
  if (!b) return 'base: none found';
  const how = { 'blob-hash': 'by blob hash', 'git-history': 'by blob hash in its git history', applies: 'by trying' }[
    b.how
  ];
  const since = b.since ? `; what it adds is new in ${b.since}` : '; its QEMU version is unknown';
  return `base: ${b.label} ${how} (${b.detail})${since}`;
}

function appliesLine(r: ReviewResult): string {
  const schema = r.files.filter((f) => f.schema);
  const hunks = schema.reduce((n, f) => n + f.hunks.length, 0);
  const skipped = r.notSchema.length ? `; not schema, skipped: ${r.notSchema.join(', ')}` : '';
  return `${r.applies ? 'applies' : 'does not apply'}: ${plural(schema.length, 'schema file')}, ${plural(hunks, 'hunk')}${skipped}`;
}

function qapiLine(r: ReviewResult): string | null {
  if (!r.applies || !r.base) return null;
  const who = `QEMU ${r.base.release}'s generator`;
  if (r.qapi.ok) return `${who}: OK (${r.qapi.roots.join(', ') || 'no schema root reads the patched files'})`;
  return `${who}: error\n${indent(r.qapi.error!.text, '  ')}`;
}

function changeLines(r: ReviewResult, bullet: string, code: (s: string) => string): string[] {
  const c = r.changes.changes;
  const head = `${plural(c.length, 'wire change')}${c.length ? ` (${verdictCounts(c)})` : ''}`;
  return [head, ...c.map((x) => `${bullet}${describe(x, code)} (${x.verdict}; ${x.dir}; ${x.rule})`)];
}

function exampleLine(r: ReviewResult): string {
  if (!r.examples.length) return 'examples: none in what the patch adds or changes';
  const n = (s: string) => r.examples.filter((x) => x.status === s).length;
  return `examples: ${n('valid')} valid, ${n('invalid')} invalid, ${n('not-checkable')} not checkable`;
}

function text(r: ReviewResult): string {
  const out = [`verdict: ${r.verdict}: ${r.summary}`, baseLine(r), appliesLine(r)];
  const qapi = qapiLine(r);
  if (qapi) out.push(qapi);
  if (r.applies && r.qapi.ok) out.push(`changes: ${changeLines(r, '  ', (s) => s).join('\n')}`, exampleLine(r));
  out.push(r.findings.length ? `findings (${r.findings.length}):` : 'findings: none');
  for (const f of r.findings) out.push(`  ${at(f)}: ${f.rule} [${f.severity}]: ${indent(f.text, '    ').trimStart()}`);
  for (const n of r.notes) out.push(`note: ${n}`);
  return `${out.join('\n')}\n`;
}

function markdown(r: ReviewResult): string {
  const code = (s: string) => `\`${s}\``;
  const out = [`**QAPI review: ${r.summary}**`, '', `- ${baseLine(r)}`, `- ${appliesLine(r)}`];
  const qapi = qapiLine(r);
  if (qapi) out.push(`- ${qapi.split('\n')[0]}`, ...(r.qapi.error ? ['', '```', r.qapi.error.text, '```', ''] : []));
  if (r.applies && r.qapi.ok) {
    const [head, ...items] = changeLines(r, '  - ', code);
    out.push(`- ${head}`, ...items, `- ${exampleLine(r)}`);
  }
  out.push('', r.findings.length ? `### Findings (${r.findings.length})` : 'No findings.', '');
  for (const f of r.findings) out.push(`- ${code(at(f))} **${f.rule}** (${f.severity}): ${f.text.replace(/\n/g, ' ')}`);
  for (const n of r.notes) out.push(`- note: ${n}`);
  return `${out.join('\n')}\n`;
}

/** A reply mail: the schema part of the patch quoted, trimmed to what the findings are about. */
function mail(r: ReviewResult): string {
  const from = r.input.messages.find((m) => m.from)?.from;
  const out: string[] = from ? [`${from} writes:`, ''] : [];
  const placed = new Set<Finding>();
  for (const file of r.files.filter((f) => f.schema)) {
    const hunkFindings = file.hunks.map((h) => findingsIn(h, r.findings));
    const any = hunkFindings.some((fs) => fs.length);
    out.push(...fileHeader(file).map(quote));
    if (!any) {
      out.push('> [...]', '');
      continue;
    }
    for (const [i, hunk] of file.hunks.entries()) {
      const fs = hunkFindings[i]!;
      if (!fs.length) continue;
      out.push(quote(hunk.header));
      let shown = -1;
      for (const [k, line] of hunk.lines.entries()) {
        const here = fs.filter((f) => f.patchLine === line.patchLine);
        if (!here.length) continue;
        const from = Math.max(shown + 1, k - 3);
        if (from > shown + 1) out.push('> [...]');
        for (let j = from; j <= k; j++) out.push(quote(`${hunk.lines[j]!.kind}${hunk.lines[j]!.text}`));
        shown = k;
        out.push('');
        for (const f of here) {
          out.push(...wrap(`${f.rule}: ${f.text}`), '');
          placed.add(f);
        }
      }
      if (shown < hunk.lines.length - 1) out.push('> [...]', '');
    }
  }
  const rest = r.findings.filter((f) => !placed.has(f));
  for (const f of rest) out.push(...wrap(`${f.rule} (${at(f)}): ${f.text}`), '');
  out.push(...wrap(verdictParagraph(r)));
  return `${out.join('\n')}\n`;
}

function verdictParagraph(r: ReviewResult): string {
  if (r.verdict === 'does-not-apply')
    return `This does not apply${r.base ? ` to ${r.base.label}` : ''}: ${r.failure?.text ?? r.summary}.`;
  const changes = r.changes.changes;
  const what = changes.length
    ? ` It ${changes.length === 1 ? 'makes one wire change' : `makes ${changes.length} wire changes`}: ${changes
        .slice(0, 5)
        .map((c) => `${describe(c)} (${c.verdict})`)
        .join('; ')}${changes.length > 5 ? '; …' : ''}.`
    : '';
  const base = r.base ? ` It applies to ${r.base.label}, and QEMU ${r.base.release}'s generator takes it.` : '';
  if (r.verdict === 'fine') return `The QAPI schema is fine.${base}${what}`;
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const judgement = r.findings.filter((f) => RULE_TABLE[f.rule].judgement).length;
  return (
    `${plural(r.findings.length, 'finding')} (${plural(errors, 'error')}, ${plural(r.findings.length - errors, 'warning')}` +
    `${judgement ? `; ${judgement} of them a judgement call` : ''}).${r.qapi.ok ? base : ''}${what}`
  );
}

function findingsIn(h: Hunk, findings: Finding[]): Finding[] {
  const lines = new Set(h.lines.map((l) => l.patchLine).filter((l) => l !== null));
  return findings.filter((f) => f.patchLine !== null && lines.has(f.patchLine));
}

function fileHeader(f: FilePatch): string[] {
  const a = f.oldPath ?? f.newPath!;
  const b = f.newPath ?? f.oldPath!;
  return [
    `diff --git a/${a} b/${b}`,
    `--- ${f.oldPath ? `a/${f.oldPath}` : '/dev/null'}`,
    `+++ ${f.newPath ? `b/${f.newPath}` : '/dev/null'}`,
  ];
}

const quote = (line: string) => (line ? `> ${line}` : '>');

/** Plain text wrapped at 72 columns, as mail is written. */
function wrap(textToWrap: string): string[] {
  const out: string[] = [];
  for (const para of textToWrap.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line && line.length + word.length + 1 > 72) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

const indent = (s: string, by: string) => s.replace(/^/gm, by);
