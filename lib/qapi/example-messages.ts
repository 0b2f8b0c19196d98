// Where a qmp-example's QMP messages are. QEMU's qmp-example directive
// (docs/sphinx/qapidoc.py, QMPExample) reads a plain example's body as one
// QMP code block, and an :annotated: one as reStructuredText in which only the
// literal blocks ('::' at the end of a paragraph, or alone, then an indented
// block) hold QMP: everything else is prose, whatever it looks like ('[0, 10),
// [10, 50)::' is a sentence). An old-style 'Example:' section (before QEMU 10)
// is literal text throughout. Receives an example of the doc model; guarantees
// its body lines with every line outside the messages blank, so line numbers
// stay those of the source.
import type { ExampleLine, QmpExample } from './model';
import { leadingSpace } from './pytext';

/** A list item's marker, whose width the item's own text is indented by. */
const LIST_MARKER = /^(?:[-*+]|\d+[.)]|\(\d+\)|#\.)\s+/;

/** The example's lines, those outside its messages blanked ('' text). */
export function messageLines(example: QmpExample): ExampleLine[] {
  if (!example.annotated || example.fromSection) return example.lines;
  const lines = example.lines;
  const inLiteral = new Array<boolean>(lines.length).fill(false);
  const blank = (i: number) => lines[i]!.text.trim() === '';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    // a paragraph's last line ending in '::' (a directive's '.. name::' is no literal block)
    const endsParagraph = i + 1 >= lines.length || blank(i + 1);
    if (inLiteral[i] || blank(i) || !endsParagraph || !/::\s*$/.test(text)) continue;
    let first = i;
    while (first > 0 && !blank(first - 1)) first--;
    if (/^\s*\.\.\s/.test(lines[first]!.text)) continue;
    const body = lines[first]!.text;
    const indent = leadingSpace(body) + (LIST_MARKER.exec(body.trimStart())?.[0].length ?? 0);
    let j = i + 1;
    while (j < lines.length && blank(j)) j++;
    for (; j < lines.length && (blank(j) || leadingSpace(lines[j]!.text) > indent); j++) inLiteral[j] = true;
  }
  return lines.map((l, i) => (inLiteral[i] ? l : { ...l, text: '' }));
}

/** The example's literal blocks, each as its text (dedented), in order. */
export function literalBlocks(example: QmpExample): string[] {
  const blocks: ExampleLine[][] = [];
  let current: ExampleLine[] | null = null;
  messageLines(example).forEach((l, i) => {
    const kept = l.text !== '' || (current !== null && example.lines[i]!.text === '');
    if (!kept) current = null;
    else (current ?? blocks[blocks.push((current = [])) - 1]!).push(l);
  });
  return blocks.map((b) => dedent(b.map((l) => l.text)));
}

function dedent(lines: string[]): string {
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map(leadingSpace));
  return lines.map((l) => l.slice(indent)).join('\n');
}
