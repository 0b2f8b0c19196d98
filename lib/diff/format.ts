// A SchemaDiff as text for a terminal, Markdown for a mailing-list reply, or
// JSON for tools. Receives the diff, the two releases' labels and options;
// guarantees incompatible changes first, each with its direction and every
// path clients meet it by, and each rule applied quoted once at the end.
// Every name is a dump's string as much as a tree's: in text its control and
// bidirectional characters are escaped (as `validate` does), in Markdown it
// also sits in a code span no backtick inside it can close.
import { escapeForTerminal } from '../qapi/escape';
import { placeText } from './path';
import {
  RULES,
  VERDICT_HEADINGS,
  VERDICT_LABELS,
  VERDICTS,
  type Change,
  type RuleId,
  type SchemaDiff,
  type Verdict,
} from './types';

export type DiffFormat = 'text' | 'json' | 'markdown';

export interface FormatOptions {
  oldLabel: string;
  newLabel: string;
  incompatibleOnly?: boolean;
  /** paths shown per change in text and Markdown before "and N more" */
  maxPaths?: number;
}

const CLASSIC = new Set<Verdict>(['incompatible', 'tolerate', 'compatible']);

/** '1 incompatible, 0 to tolerate, 3 compatible': QEMU's three verdicts always, ours and the build's when there are any. */
export function verdictCounts(changes: readonly Change[]): string {
  const count = (v: Verdict) => changes.filter((c) => c.verdict === v).length;
  return VERDICTS.filter((v) => count(v) > 0 || CLASSIC.has(v))
    .map((v) => `${count(v)} ${VERDICT_LABELS[v]}`)
    .join(', ');
}

export function formatDiff(diff: SchemaDiff, format: DiffFormat, options: FormatOptions): string {
  const changes = options.incompatibleOnly ? diff.changes.filter((c) => c.verdict === 'incompatible') : diff.changes;
  const docs = options.incompatibleOnly ? [] : diff.docs;
  const count = (v: Verdict) => changes.filter((c) => c.verdict === v).length;
  const rules = [...new Set(changes.map((c) => c.rule))];
  if (format === 'json') {
    const summary = Object.fromEntries(VERDICTS.map((v) => [v, count(v)]));
    const used = Object.fromEntries(rules.map((r) => [r, RULES[r]]));
    return `${JSON.stringify({ old: options.oldLabel, new: options.newLabel, summary, changes, docs, rules: used })}\n`;
  }
  const md = format === 'markdown';
  const code = (s: string) => (md ? codeSpan(escapeForTerminal(s)) : escapeForTerminal(s));
  const name = (s: string) => (md && /^(@|feature:)/.test(s) ? code(s) : escapeForTerminal(s));
  const maxPaths = options.maxPaths ?? 3;
  const out: string[] = [];
  const title = `${escapeForTerminal(options.oldLabel)} → ${escapeForTerminal(options.newLabel)}`;
  const summary =
    `${changes.length} wire change${changes.length === 1 ? '' : 's'}` +
    (changes.length ? ` (${verdictCounts(changes)})` : '') +
    (options.incompatibleOnly ? '' : `, ${docs.length} definition${docs.length === 1 ? '' : 's'} with doc changes`);
  out.push(md ? `**QAPI schema ${title}**: ${summary}.` : `${title}: ${summary}`);
  for (const v of VERDICTS) {
    const group = changes.filter((c) => c.verdict === v);
    if (!group.length) continue;
    out.push('', md ? `### ${VERDICT_HEADINGS[v]} (${group.length})` : `${VERDICT_HEADINGS[v]} (${group.length}):`, '');
    for (const c of group) {
      const shown = c.paths.slice(0, maxPaths).map(code).join(', ');
      const more = c.paths.length > maxPaths ? ` and ${c.paths.length - maxPaths} more` : '';
      const rule = `[${c.rule}]`;
      const at = c.paths.length === 1 && c.paths[0] === c.def ? [] : [`${md ? '  ' : '      '}at ${shown}${more}`];
      out.push(md ? `- ${describe(c, code)} (${c.dir}; ${rule})` : `  ${describe(c, code)}  (${c.dir}) ${rule}`, ...at);
    }
  }
  if (docs.length) {
    out.push('', md ? `### Documentation only (${docs.length})` : `Documentation only (${docs.length}):`, '');
    for (const d of docs) out.push(`${md ? '- ' : '  '}${code(d.def)}: ${d.parts.map(name).join(', ')}`);
  }
  if (rules.length) {
    out.push('', md ? 'Rules applied (docs/devel/qapi-code-gen.rst, "Compatibility considerations"):' : 'Rules:', '');
    const quoted = rules.map((r: RuleId) => (md ? `> [${r}] ${RULES[r]}` : `  [${r}] ${RULES[r]}`));
    out.push(quoted.join(md ? '\n>\n' : '\n'));
  }
  return `${out.join('\n')}\n`;
}

/**
 * A Markdown code span holding `s` whatever it holds (CommonMark "Code spans"): fenced by more backticks than
 * its longest run of them, and padded with a space where it starts or ends with a backtick or a space.
 */
export function codeSpan(s: string): string {
  if (s === '') return '``';
  let longest = 0;
  for (const run of s.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(s) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** One line saying what changed, in QAPI's words. */
export function describe(c: Change, code: (s: string) => string = (s) => s): string {
  // a type with no name to show is said by where clients meet it, without a noun before it
  const def = c.within ? placeText(c.within, code) : code(c.def) + (c.oldDef ? ` (${code(c.oldDef)} before)` : '');
  const named = (noun: string) => (c.within ? def : `${noun} ${def}`);
  const item = c.item !== undefined ? code(c.item) : '';
  const of = c.item !== undefined ? `${item} of ${def}` : def;
  const was = c.was ? `, was ${c.was}` : '';
  const member = `${c.optional ? 'optional' : 'mandatory'} member ${item}`;
  switch (c.kind) {
    case 'command-added':
    case 'event-added':
      return `${c.kind.split('-')[0]} ${def} added`;
    case 'command-removed':
    case 'event-removed':
      return `${c.kind.split('-')[0]} ${def} removed${was}`;
    case 'member-added':
      return `${member} added to ${def}`;
    case 'member-removed':
      return `${member} removed from ${def}${was}`;
    case 'made-optional':
      return `member ${of} made optional`;
    case 'made-mandatory':
      return `member ${of} made mandatory${was}`;
    case 'type-changed':
    case 'became-alternate': {
      const to = (c.kind === 'became-alternate' ? 'alternate ' : '') + code(c.to ?? '');
      const range = c.range ? ` (${c.range})` : '';
      return `type ${c.item !== undefined ? `of ${of} ` : ''}changed from ${code(c.from ?? '')} to ${to}${range}`;
    }
    case 'value-added':
      return `value ${item} added to ${named('enum')}`;
    case 'value-removed':
      return `value ${item} removed from ${named('enum')}${was}`;
    case 'branch-added':
      return `branch ${item} added to ${named('union')}`;
    case 'branch-removed':
      return `branch ${item} removed from ${named('union')}${was}`;
    case 'alternative-added':
      return `${item} alternative added to ${named('alternate')}`;
    case 'alternative-removed':
      return `${item} alternative removed from ${named('alternate')}`;
    case 'feature-added':
      return `feature ${code(c.to ?? '')} added to ${of}`;
    case 'feature-removed':
      return `feature ${code(c.from ?? '')} removed from ${of}`;
    case 'if-changed':
      return `condition of ${of} changed from ${c.from ? code(c.from) : 'none'} to ${c.to ? code(c.to) : 'none'}`;
    case 'left-out': {
      const what = {
        command: `command ${def}`,
        event: `event ${def}`,
        member: `${member} of ${def}`,
        value: `value ${item} of ${named('enum')}`,
        branch: `branch ${item} of ${named('union')}`,
        alternative: `${item} alternative of ${named('alternate')}`,
      }[c.what ?? 'member'];
      return `${what} left out of the build by its condition ${code(c.condition ?? '')}`;
    }
  }
}
