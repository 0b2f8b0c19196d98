// The inline rST tokenizer stays linear on hostile paragraphs: long runs of
// openers that never close (role-like `:a:a:…`, unclosed ``, `, *, **), which
// a backtracking regex scans to the end from every start (the regex
// tokenizer took 9 s on the first at 100,000 characters). At 500,000 such a
// scan takes minutes, past the test's timeout, while a linear reader takes a
// fraction of a second: no clock is read here.
import { describe, expect, it } from 'vitest';
import { parseInline } from '@/lib/site/rst/inline';
import { inlineText } from '@/lib/site/rst/inline';

const N = 500_000;
const HOSTILE: Record<string, string> = {
  'role-like run': ':a'.repeat(N / 2),
  'role names without a body': ':ab:'.repeat(N / 4) + '`',
  'unclosed literals': '``a '.repeat(N / 4),
  'unclosed quotes': ' `a'.repeat(N / 3),
  'unclosed strong': '**a '.repeat(N / 4),
  'unclosed emphasis': ' *a'.repeat(N / 3),
  'members glued together': '@a'.repeat(N / 2),
  'urls without a host': ' http://'.repeat(N / 8),
  'one long url run': 'http://' + 'h'.repeat(N),
};

describe('inline tokenizer on 500,000-character paragraphs', () => {
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`${name}: read through, nothing lost`, () => {
      const nodes = parseInline(text);
      // every character is kept (as text, or as the content of what it became)
      expect(inlineText(nodes).length).toBeGreaterThan(0.4 * text.length);
    });
  }

  it('still reads the markup it should', () => {
    expect(parseInline(':qapi:event:`STOP` and ``x``')).toEqual([
      { t: 'xref', role: 'event', target: 'STOP', text: 'STOP' },
      { t: 'text', text: ' and ' },
      { t: 'code', text: 'x' },
    ]);
  });
});
