// The validator page's pure view logic: bounded echo of hostile text, grouping
// of identical issues, the notice switch, wrapped-row geometry, tab columns,
// and underline placement whose cost follows what is visible.
import { describe, expect, it } from 'vitest';
import type { Issue, ValidationResult } from '@/lib/validate/types';
import { boundText, MAX_SHOWN } from '@/components/island/bounded-text';
import { groupIssues, issueCounts } from '@/components/validator/issue-groups';
import { issueMarks, placeMarks } from '@/components/validator/place-marks';
import { unwrappedLayout, wrappedLayout } from '@/components/validator/row-layout';
import { ColumnCache, LINE_HEIGHT, PAD, lineStartsOf } from '@/components/validator/text-geometry';

const issue = (over: Partial<Issue>): Issue => ({
  severity: 'warning',
  code: 'deprecated',
  path: '/return/0/values',
  line: 1,
  col: 1,
  endLine: 1,
  endCol: 2,
  message: 'deprecated',
  text: "member 'values' of struct SchemaInfoEnum is deprecated",
  ...over,
});

describe('boundText', () => {
  it('keeps short text and cuts long text to a prefix with its length', () => {
    expect(boundText('STOP')).toBe('STOP');
    const cut = boundText('A'.repeat(100_000));
    expect(cut.length).toBeLessThan(MAX_SHOWN + 30);
    expect(cut).toMatch(/^A{400}…, 100,000 characters$/);
  });
  it('never splits a surrogate pair', () => {
    const cut = boundText('a'.repeat(9) + '😀'.repeat(10), 10);
    expect(cut.startsWith('a'.repeat(9) + '…')).toBe(true);
  });
});

describe('groupIssues', () => {
  const many = Array.from({ length: 152 }, (_, i) => issue({ path: `/return/${i}/values`, line: i + 2 }));
  const error = issue({
    severity: 'error',
    code: 'unknown-member',
    message: 'unknown member',
    text: "'bogus' is not a member",
  });

  it('folds identical issues into one group with every occurrence, in first-seen order', () => {
    const groups = groupIssues([many[0]!, error, ...many.slice(1)], false);
    expect(groups.map((g) => g.all.length)).toEqual([152, 1]);
    expect(groups[0]!.all.map((i) => i.line)).toEqual(many.map((i) => i.line));
    expect(groups[1]!.first).toBe(error);
  });
  it('hides deprecation and unstable warnings on request, never errors', () => {
    const deprecatedError = issue({ severity: 'error' });
    const unstable = issue({ code: 'unstable', text: 'unstable' });
    const groups = groupIssues([...many, unstable, deprecatedError, error], true);
    expect(groups.map((g) => g.first.code)).toEqual(['deprecated', 'unknown-member']);
    expect(groups[0]!.first.severity).toBe('error');
    expect(issueCounts([...many, unstable, deprecatedError, error], true)).toEqual({
      errors: 2,
      warnings: 0,
      hidden: 153,
    });
  });
});

describe('row layout and columns', () => {
  it('wrapped lines take ceil(length / cols) rows; lineAt inverts rowOf', () => {
    const text = 'x'.repeat(25) + '\n\n' + 'y'.repeat(10);
    const layout = wrappedLayout(lineStartsOf(text), text.length, 10);
    expect([1, 2, 3].map((l) => layout.rowsOf(l))).toEqual([3, 1, 1]);
    expect([1, 2, 3].map((l) => layout.rowOf(l))).toEqual([0, 3, 4]);
    expect([0, 2, 3, 4].map((r) => layout.lineAt(r))).toEqual([1, 1, 2, 3]);
    expect(layout.totalRows).toBe(5);
    expect(unwrappedLayout(3).lineAt(7)).toBe(3);
  });
  it('expands tabs to multiples of 8, and lines without tabs cost nothing', () => {
    const text = 'a\tb\n\tc';
    const cols = new ColumnCache(text, lineStartsOf(text));
    expect([0, 1, 2, 3].map((c) => cols.visual(1, c))).toEqual([0, 1, 8, 9]);
    expect(cols.visual(2, 2)).toBe(9);
    const plain = 'x'.repeat(1000);
    expect(new ColumnCache(plain, [0]).visual(1, 700)).toBe(700);
  });
});

describe('placeMarks', () => {
  it("draws only the underlines in view for '{}' 100,000 times on one line, looking at a few of them", () => {
    const text = '{}'.repeat(100_000);
    const messages = Array.from({ length: 100_000 }, (_, k) => ({
      issues: [issue({ severity: 'error', code: 'not-an-object', col: 2 * k + 1, endCol: 2 * k + 3 })],
    }));
    const set = issueMarks({ messages } as unknown as ValidationResult);
    expect(set.marks.length).toBe(100_000);
    const starts = lineStartsOf(text);
    const columns = new ColumnCache(text, starts);
    const view = { top: 0, height: 400, left: 50_000 * 8, width: 800, charWidth: 8 };
    // the marks that placing reads: its cost follows what is in view, not the 100,000
    let read = 0;
    const marks = new Proxy(set.marks, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read++;
        return Reflect.get(target, key, receiver);
      },
    });
    const placed = placeMarks({ ...set, marks }, columns, unwrappedLayout(1), view);
    expect(read).toBeLessThan(500);
    expect(placed.length).toBeGreaterThan(40);
    expect(placed.length).toBeLessThan(60);
    for (const p of placed) {
      expect(p.left + p.width).toBeGreaterThanOrEqual(PAD - 8);
      expect(p.left).toBeLessThanOrEqual(view.width + 8);
    }
  });
  it('splits an underline over the rows of a wrapped line', () => {
    const text = 'x'.repeat(30);
    const starts = lineStartsOf(text);
    const set = issueMarks({ messages: [{ issues: [issue({ col: 5, endCol: 26 })] }] } as unknown as ValidationResult);
    const placed = placeMarks(set, new ColumnCache(text, starts), wrappedLayout(starts, text.length, 10), {
      top: 0,
      height: 200,
      left: 0,
      width: 100,
      charWidth: 8,
    });
    expect(placed.map((p) => [(p.top - PAD) / LINE_HEIGHT, (p.left - PAD) / 8, p.width / 8])).toEqual([
      [0, 4, 6],
      [1, 0, 10],
      [2, 0, 5],
    ]);
  });
});
