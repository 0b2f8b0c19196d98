// Folds a message's issues into groups of identical ones, so a reply with
// 152 identical deprecation warnings is one row "×152" that can be opened,
// and filters out the deprecation and unstable warnings when the user hides
// them. Receives one message's issues (in input order); returns groups in
// the order of their first issue, each with every occurrence. Pure.
import type { Issue } from '@/lib/validate/types';

export interface IssueGroup {
  /** stable within the message: severity, code and text */
  key: string;
  /** the first occurrence, shown as the group's card */
  first: Issue;
  all: Issue[];
}

/** Warnings the "hide deprecation and unstable warnings" switch hides. */
export function isNoticeWarning(issue: Issue): boolean {
  return issue.severity === 'warning' && (issue.code === 'deprecated' || issue.code === 'unstable');
}

export function groupIssues(issues: readonly Issue[], hideNotices: boolean): IssueGroup[] {
  const groups: IssueGroup[] = [];
  const byKey = new Map<string, IssueGroup>();
  for (const issue of issues) {
    if (hideNotices && isNoticeWarning(issue)) continue;
    const key = `${issue.severity}\u0000${issue.code}\u0000${issue.message}\u0000${issue.text}`;
    const group = byKey.get(key);
    if (group) group.all.push(issue);
    else {
      const g = { key, first: issue, all: [issue] };
      byKey.set(key, g);
      groups.push(g);
    }
  }
  return groups;
}

/** Counts over the issues that are shown: errors, warnings, and warnings hidden by the switch. */
export function issueCounts(
  issues: readonly Issue[],
  hideNotices: boolean,
): { errors: number; warnings: number; hidden: number } {
  let errors = 0;
  let warnings = 0;
  let hidden = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else if (hideNotices && isNoticeWarning(i)) hidden++;
    else warnings++;
  }
  return { errors, warnings, hidden };
}
