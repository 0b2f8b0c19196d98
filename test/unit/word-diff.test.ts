// The word diff behind doc-only changes (lib/site/word-diff.ts): reflowed text
// is the same text, deletions come before insertions, and long unchanged runs
// fold to a few words of context. Real docs: test/unit/site-changes.test.ts.
import { expect, it } from 'vitest';
import { inContext, wordDiff } from '../../lib/site/word-diff';

it('reflowed text is unchanged; a changed word is struck, then the new one marked', () => {
  expect(wordDiff('a b\n  c', 'a  b c')).toEqual([{ op: 'same', text: 'a b c' }]);
  expect(wordDiff('the old word here', 'the new word here')).toEqual([
    { op: 'same', text: 'the' },
    { op: 'del', text: 'old' },
    { op: 'ins', text: 'new' },
    { op: 'same', text: 'word here' },
  ]);
  expect(wordDiff('', 'all new')).toEqual([{ op: 'ins', text: 'all new' }]);
  expect(wordDiff('x y z', 'y')).toEqual([
    { op: 'del', text: 'x' },
    { op: 'same', text: 'y' },
    { op: 'del', text: 'z' },
  ]);
});

it('keeps a few words of context around each change', () => {
  const before = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
  const after = before.replace('w20', 'W20');
  expect(inContext(wordDiff(before, after), 2)).toEqual([
    { op: 'gap', text: '…' },
    { op: 'same', text: 'w18 w19' },
    { op: 'del', text: 'w20' },
    { op: 'ins', text: 'W20' },
    { op: 'same', text: 'w21 w22' },
    { op: 'gap', text: '…' },
  ]);
});
