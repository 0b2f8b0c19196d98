// The text of one part of a definition's doc, as a doc-only change names it
// (lib/diff DocChange.parts: 'intro', '@member', 'feature:name', 'returns',
// 'errors', 'since', 'text', 'examples', or 'doc' when one side has none), so
// a Changes page can show it before and after. Pure.
import { examplesText, otherText } from '../diff';
import type { Doc } from '../qapi/model';

export function docPartText(doc: Doc | null | undefined, part: string): string {
  if (!doc) return '';
  if (part.startsWith('@')) return doc.args[part.slice(1)]?.text ?? '';
  if (part.startsWith('feature:')) return doc.features[part.slice('feature:'.length)]?.text ?? '';
  switch (part) {
    case 'intro':
    case 'doc':
      return doc.body.text;
    case 'returns':
      return doc.returns?.text ?? '';
    case 'errors':
      return doc.errors?.text ?? '';
    case 'since':
      return doc.since ?? '';
    case 'text':
      return otherText(doc).split('\u0000').join('');
    case 'examples':
      return examplesText(doc).split('\u0000').join('');
    default:
      return '';
  }
}
