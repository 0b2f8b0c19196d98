// The README's table of review rules is the rule table itself (lib/review/rule-table.ts).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { RULE_IDS, RULE_TABLE } from '../../lib/review/index';

it("README lists every review rule with its table's severity, source and judgement", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const rows = new Map(
    [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning) \| ([^|]+) \| (yes|no) \| (.+) \|$/gm)].map((m) => [
      m[1],
      m,
    ]),
  );
  for (const id of RULE_IDS) {
    const row = rows.get(id);
    expect(row, id).toBeDefined();
    const r = RULE_TABLE[id];
    expect([row![2], row![3]!.trim(), row![4] === 'yes', row![5]]).toEqual([
      r.severity,
      r.source,
      r.judgement,
      r.checks,
    ]);
  }
});
