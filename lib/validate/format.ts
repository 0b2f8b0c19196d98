// Issues and verdicts as text lines for terminals and logs. Receives result
// data (types.ts); returns strings. The only place that decides wording of
// the human-readable output; the data itself never depends on it.
import { escapeForTerminal } from '../qapi/escape';
import { quote } from './quote';
import type { Issue, MessageResult, Note, ValidationResult } from './types';

export { escapeForTerminal };

/** "3:14: error [unknown-member] /data/foo: 'foo' is not a member of …" */
export function formatIssue(issue: Issue, file?: string): string {
  const where = `${file ? escapeForTerminal(file) + ':' : ''}${issue.line}:${issue.col}`;
  return `${where}: ${issueAtPath(issue)}`;
}

/** "error [unknown-member] /data/foo: 'foo' is not a member of …" */
function issueAtPath(issue: Issue): string {
  return `${issue.severity} [${issue.code}]${issue.path ? ' ' + escapeForTerminal(issue.path) : ''}: ${escapeForTerminal(issue.text)}`;
}

/** "event BLOCK_JOB_COMPLETED: valid" */
function verdictOf(m: MessageResult): string {
  const what = m.kind === 'unknown' ? 'message' : m.name ? `${m.kind} ${escapeForTerminal(quote(m.name))}` : m.kind;
  return `${what}: ${m.valid ? 'valid' : 'INVALID'}`;
}

/** "line 3: event BLOCK_JOB_COMPLETED: valid" followed by its issues, indented */
export function formatMessageResult(m: MessageResult, file?: string): string {
  const head = `${file ? escapeForTerminal(file) + ':' : ''}${m.line}:${m.col}: #${m.index + 1} ${verdictOf(m)}`;
  return [head, ...m.issues.map((i) => '  ' + formatIssue(i, file))].join('\n');
}

/**
 * A message as `watch` sees it arrive: "<time> event STOP: valid", then its issues at their JSON path, and with
 * `file` (the session's record) where the record holds each, as `validate` of that file would say.
 */
export function formatLiveMessage(m: MessageResult, time: string, file?: string): string {
  const issues = m.issues.map((i) => '  ' + (file === undefined ? issueAtPath(i) : formatIssue(i, file)));
  return [`${time} ${verdictOf(m)}`, ...issues].join('\n');
}

export function formatResult(r: ValidationResult, file?: string): string {
  const lines = r.messages.map((m) => formatMessageResult(m, file));
  for (const n of r.notes) lines.push(formatNote(n, file));
  lines.push(`messages: ${r.counts.valid} valid, ${r.counts.invalid} invalid, ${r.counts.elided} elided (${r.form})`);
  return lines.join('\n');
}

/** "3:1: note [prose]: some text" */
export function formatNote(n: Note, file?: string): string {
  return `${file ? escapeForTerminal(file) + ':' : ''}${n.line}:${n.col}: note [${n.code}]: ${escapeForTerminal(n.text)}`;
}
