// Issues and verdicts as text lines for terminals and logs. Receives result
// data (types.ts); returns strings. The only place that decides wording of
// the human-readable output; the data itself never depends on it.
import type { Issue, MessageResult, ValidationResult } from './types';

/** "3:14: error [unknown-member] /data/foo: 'foo' is not a member of …" */
export function formatIssue(issue: Issue, file?: string): string {
  const where = `${file ? file + ':' : ''}${issue.line}:${issue.col}`;
  return `${where}: ${issue.severity} [${issue.code}]${issue.path ? ' ' + issue.path : ''}: ${issue.text}`;
}

/** "line 3: event BLOCK_JOB_COMPLETED: valid" followed by its issues, indented */
export function formatMessageResult(m: MessageResult, file?: string): string {
  const what = m.kind === 'unknown' ? 'message' : m.name ? `${m.kind} ${m.name}` : m.kind;
  const head = `${file ? file + ':' : ''}${m.line}:${m.col}: #${m.index + 1} ${what}: ${m.valid ? 'valid' : 'INVALID'}`;
  return [head, ...m.issues.map((i) => '  ' + formatIssue(i, file))].join('\n');
}

export function formatResult(r: ValidationResult, file?: string): string {
  const lines = r.messages.map((m) => formatMessageResult(m, file));
  for (const n of r.notes) lines.push(`${file ? file + ':' : ''}${n.line}:${n.col}: note [${n.code}]: ${n.text}`);
  lines.push(`messages: ${r.counts.valid} valid, ${r.counts.invalid} invalid, ${r.counts.elided} elided (${r.form})`);
  return lines.join('\n');
}
