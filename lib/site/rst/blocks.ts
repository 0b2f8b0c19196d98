// Block-level reStructuredText -> Block[] (see ast.ts).
// Receives the text of one doc section (as QEMU's parser keeps it, already
// stripped of '# ' and of the section's hanging indent); guarantees a tree in
// which every input line is represented (unknown directives fall back to a
// literal block, never vanish). Covers the block subset QEMU's schema docs use
// (QAPI-NOTES §4): paragraphs, bullet / enumerated lists, literal blocks (`::`),
// block quotes, headings (overline+underline and underline), simple tables,
// definition lists, and the directives note / caution / warning / admonition /
// code-block / table / qmp-example. A qmp-example is not parsed here: its node
// says where its directive is (line index in the text), and the renderer takes
// the example itself from the doc model (lib/qapi/doc-model.ts), which read it
// with its source lines. Every line keeps its index in the input text through
// dedents and nesting (`Src.at`) for that purpose. Nesting (lists, quotes,
// directives, definitions) is followed MAX_RST_NESTING deep; deeper text is
// kept as written, under a note saying why (2,000 nested bullets once
// overflowed the stack and killed the site build).
import type { Block, QmpExampleNode } from './ast';
import { parseInline } from './inline';

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isBlank = (line: string | undefined): boolean => line === undefined || line.trim() === '';

function dedent(lines: string[]): string[] {
  let min = Infinity;
  for (const l of lines) if (!isBlank(l)) min = Math.min(min, indentOf(l));
  if (!Number.isFinite(min) || min === 0) return lines.map((l) => (isBlank(l) ? '' : l));
  return lines.map((l) => (isBlank(l) ? '' : l.slice(min)));
}

/** Lines being parsed, each with its 0-based line index in the text given to parseRst. */
interface Src {
  lines: string[];
  at: number[];
}

const sliceSrc = (src: Src, a: number, b: number): Src => ({ lines: src.lines.slice(a, b), at: src.at.slice(a, b) });
const dedentSrc = (src: Src): Src => ({ lines: dedent(src.lines), at: src.at });

function trimSrc(src: Src): Src {
  let a = 0;
  let b = src.lines.length;
  while (a < b && isBlank(src.lines[a])) a++;
  while (b > a && isBlank(src.lines[b - 1])) b--;
  return sliceSrc(src, a, b);
}

/** An indented body [start, next) without its indent and blank edges. */
const innerSrc = (src: Src, start: number, next: number): Src => trimSrc(dedentSrc(sliceSrc(src, start, next)));

/**
 * A member description's first line follows '@name:' while its continuation
 * lines carry a hanging indent; line them up so the text parses as one paragraph.
 */
function normalizeText(text: string): Src {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '        ').split('\n');
  const at = lines.map((_, i) => i);
  const first = lines[0]!;
  const startsStructure = /^\.\.\s|^::\s*$/.test(first) || BULLET.test(first) || ENUMERATOR.test(first);
  if (lines.length > 1 && !startsStructure && indentOf(first) === 0 && !isBlank(lines[1]) && indentOf(lines[1]!) > 0) {
    return trimSrc({ lines: [lines[0]!, ...dedent(lines.slice(1))], at });
  }
  return trimSrc({ lines, at });
}

/**
 * Section levels of rST heading styles, as QEMU's QAPI docs use them since
 * 10.1 (1 = a chapter such as a module's title, 2 = its subsections): fixed
 * here because each doc block is parsed alone, while Sphinx numbers styles in
 * the order the whole manual first uses them. Other styles nest below, in
 * the order a block uses them.
 */
const HEADING_LEVEL: Record<string, number> = { 'over*': 1, 'over=': 1, '=': 2, '-': 3, '~': 3, '^': 4 };

const BULLET = /^([-*+•])( +|$)/;
const ENUMERATOR = /^(\d+|#|[a-z])([.)])( +|$)|^\((\d+|[a-z])\)( +|$)/;
const ADORNMENT = /^([=\-~^"'`*#+:.])\1{2,}\s*$/;
const TABLE_BORDER = /^=+( +=+)+\s*$/;
const DIRECTIVE = /^\.\.\s+([A-Za-z][\w:-]*)::(?:\s+(.*))?$/;

/** Lines from `start` that belong to an indented body (blank lines inside kept). */
function takeIndented(lines: string[], start: number, minIndent = 1): { body: string[]; next: number } {
  let i = start;
  let end = start;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    if (indentOf(lines[i]!) < minIndent) break;
    i++;
    end = i;
  }
  return { body: lines.slice(start, end), next: end };
}

// The same descriptions are rendered on many pages (a base type's members are
// inlined everywhere it is used): parse each distinct text once per process.
// Callers must treat the returned tree as read-only.
const cache = new Map<string, Block[]>();

/**
 * QAPI's own heading markup before QEMU 10.1 (`= Title`, `== Subsection`):
 * allowed only as the first line of a free-form doc block.
 */
const QAPI_HEADING = /^(=+) +([^=\s].*)$/;

export function parseRst(text: string): Block[] {
  let blocks = cache.get(text);
  if (!blocks) {
    const src = normalizeText(text);
    const heading = QAPI_HEADING.exec(src.lines[0] ?? '');
    blocks = heading
      ? [
          { t: 'heading', level: heading[1]!.length, children: parseInline(heading[2]!.trim()) },
          ...parseLines(sliceSrc(src, 1, src.lines.length)),
        ]
      : parseLines(src);
    if (cache.size > 50_000) cache.clear();
    cache.set(text, blocks);
  }
  return blocks;
}

/** How deep blocks nest before the rest of a text is shown as written (QEMU's own docs nest 3 deep). */
export const MAX_RST_NESTING = 16;

function tooDeep(src: Src): Block[] {
  const note = `Nested more than ${MAX_RST_NESTING} levels deep: the rest is shown as written.`;
  return [
    { t: 'para', children: [{ t: 'em', children: [{ t: 'text', text: note }] }] },
    { t: 'literal', text: src.lines.join('\n') },
  ];
}

function parseLines(src: Src, depth = 0): Block[] {
  if (depth > MAX_RST_NESTING) return tooDeep(src);
  const lines = src.lines;
  const blocks: Block[] = [];
  const headingStyles: string[] = [];
  let i = 0;
  let literalNext = false;

  const headingLevel = (style: string): number => {
    const known = HEADING_LEVEL[style];
    if (known) return known;
    if (!headingStyles.includes(style)) headingStyles.push(style);
    return Math.min(4 + headingStyles.indexOf(style), 6);
  };

  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }

    if (indentOf(line) > 0) {
      const { next } = takeIndented(lines, i);
      const inner = innerSrc(src, i, next);
      if (literalNext) blocks.push({ t: 'literal', text: inner.lines.join('\n') });
      else blocks.push({ t: 'quote', blocks: parseLines(inner, depth + 1) });
      literalNext = false;
      i = next;
      continue;
    }
    literalNext = false;

    // Overline + title + underline.
    const over = ADORNMENT.exec(line);
    if (
      over &&
      !isBlank(lines[i + 1]) &&
      lines[i + 2] !== undefined &&
      ADORNMENT.exec(lines[i + 2]!)?.[1] === over[1]
    ) {
      blocks.push({ t: 'heading', level: headingLevel('over' + over[1]), children: parseInline(lines[i + 1]!.trim()) });
      i += 3;
      continue;
    }
    // Title + underline.
    const under = lines[i + 1] !== undefined ? ADORNMENT.exec(lines[i + 1]!) : null;
    if (
      under &&
      !TABLE_BORDER.test(line) &&
      lines[i + 1]!.trim().length >= Math.min(line.trim().length, 3) &&
      isBlank(lines[i + 2])
    ) {
      blocks.push({ t: 'heading', level: headingLevel(under[1]!), children: parseInline(line.trim()) });
      i += 2;
      continue;
    }

    if (TABLE_BORDER.test(line)) {
      const table = parseSimpleTable(lines, i);
      if (table) {
        blocks.push(table.block);
        i = table.next;
        continue;
      }
    }

    const directive = DIRECTIVE.exec(line);
    if (directive) {
      const { next } = takeIndented(lines, i + 1);
      const body = dedentSrc(sliceSrc(src, i + 1, next));
      blocks.push(...directiveBlocks(directive[1]!, (directive[2] ?? '').trim(), body, src.at[i]!, depth));
      i = next;
      continue;
    }
    if (/^\.\.(\s|$)/.test(line)) {
      // An rST comment (or a hyperlink target): not shown.
      i = takeIndented(lines, i + 1).next;
      continue;
    }

    if (line.trim() === '::') {
      literalNext = true;
      i++;
      continue;
    }

    const list = parseList(src, i, depth);
    if (list) {
      blocks.push(list.block);
      i = list.next;
      continue;
    }

    // Paragraph: consecutive unindented, non-blank lines.
    const start = i;
    while (i < lines.length && !isBlank(lines[i]) && (i === start || indentOf(lines[i]!) === 0)) {
      if (i > start && (DIRECTIVE.test(lines[i]!) || TABLE_BORDER.test(lines[i]!))) break;
      i++;
    }
    // A one-line term directly followed by an indented definition: a definition list item.
    if (i === start + 1 && !isBlank(lines[i]) && indentOf(lines[i]!) > 0) {
      const items: { term: ReturnType<typeof parseInline>; blocks: Block[] }[] = [];
      let j = start;
      while (
        j < lines.length &&
        !isBlank(lines[j]) &&
        indentOf(lines[j]!) === 0 &&
        !isBlank(lines[j + 1]) &&
        indentOf(lines[j + 1]!) > 0
      ) {
        const { next } = takeIndented(lines, j + 1);
        items.push({
          term: parseInline(lines[j]!.trim()),
          blocks: parseLines(innerSrc(src, j + 1, next), depth + 1),
        });
        j = next;
        while (j < lines.length && isBlank(lines[j])) j++;
      }
      blocks.push({ t: 'deflist', items });
      i = j;
      continue;
    }
    let text = lines
      .slice(start, i)
      .map((l) => l.trim())
      .join('\n');
    if (text.endsWith('::')) {
      literalNext = true;
      text = /\s::$/.test(text) ? text.slice(0, -3).trimEnd() : text.slice(0, -1);
      if (!text) continue;
    }
    blocks.push({ t: 'para', children: parseInline(text) });
  }
  return blocks;
}

function parseList(src: Src, start: number, depth: number): { block: Block; next: number } | null {
  const lines = src.lines;
  const first = lines[start]!;
  const bullet = BULLET.exec(first);
  const enumerated = bullet ? null : ENUMERATOR.exec(first);
  if (!bullet && !enumerated) return null;
  // "1. Foo" needs a blank line, another item or an indented line after it to be a list.
  if (enumerated) {
    const after = lines[start + 1];
    if (!isBlank(after) && indentOf(after!) === 0 && !ENUMERATOR.test(after!)) return null;
  }
  const items: Block[][] = [];
  let startNumber = 1;
  let i = start;
  while (i < lines.length) {
    const line = lines[i]!;
    const m = bullet ? BULLET.exec(line) : ENUMERATOR.exec(line);
    if (!m || indentOf(line) !== 0) break;
    if (bullet && m[1] !== bullet[1]) break;
    if (enumerated && items.length === 0) {
      const n = Number.parseInt(m[1] ?? m[4] ?? '1', 10);
      startNumber = Number.isFinite(n) ? n : 1;
    }
    const width = m[0].length;
    const { body, next } = takeIndented(lines, i + 1, 1);
    const item: Src = { lines: [line.slice(width), ...dedent(body)], at: [src.at[i]!, ...src.at.slice(i + 1, next)] };
    items.push(parseLines(trimSrc(item), depth + 1));
    i = next;
    while (i < lines.length && isBlank(lines[i])) i++;
    if (i < lines.length && !(bullet ? BULLET : ENUMERATOR).test(lines[i]!)) break;
  }
  const block: Block = bullet ? { t: 'bullets', items } : { t: 'enum', start: startNumber, items };
  // Leave trailing blank lines to the caller.
  return { block, next: i };
}

function parseSimpleTable(lines: string[], start: number): { block: Block; next: number } | null {
  const border = lines[start]!;
  const cols: [number, number][] = [];
  for (const m of border.matchAll(/=+/g)) cols.push([m.index, m.index + m[0].length]);
  const rows: string[][] = [];
  const borders: number[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (TABLE_BORDER.test(line)) {
      borders.push(rows.length);
      if (borders.length === 2 || isBlank(lines[i + 1])) {
        i++;
        break;
      }
      continue;
    }
    if (isBlank(line)) continue;
    const cells = cols.map(
      ([a, b], k) =>
        line.slice(a, k === cols.length - 1 ? undefined : cols[k + 1]![0]).trim() || line.slice(a, b).trim(),
    );
    // A row whose first column is empty continues the previous row.
    if (!cells[0] && rows.length > 0)
      rows[rows.length - 1] = rows[rows.length - 1]!.map((c, k) => (cells[k] ? `${c} ${cells[k]}` : c));
    else rows.push(cells);
  }
  if (borders.length === 0) return null;
  const headerCount = borders.length === 2 ? borders[0]! : 0;
  const toInline = (row: string[]) => row.map((c) => parseInline(c));
  return {
    block: { t: 'table', header: headerCount ? toInline(rows[0]!) : [], rows: rows.slice(headerCount).map(toInline) },
    next: i,
  };
}

/** A directive's body without its options (':class: x' lines): none of them changes what the site shows. */
function withoutOptions(body: Src): Src {
  let i = 0;
  while (i < body.lines.length && /^:[\w-]+:(\s|$)/.test(body.lines[i]!)) i++;
  return trimSrc(sliceSrc(body, i, body.lines.length));
}

const ADMONITIONS = new Set([
  'note',
  'caution',
  'warning',
  'important',
  'tip',
  'hint',
  'danger',
  'attention',
  'error',
  'seealso',
]);

/** `at`: the directive line's index in the text. */
function directiveBlocks(name: string, arg: string, body: Src, at: number, depth: number): Block[] {
  if (name === 'qmp-example') {
    const node: QmpExampleNode = { t: 'qmp-example', at, source: trimSrc(body).lines.join('\n') };
    return [node];
  }
  const rest = withoutOptions(body);
  if (ADMONITIONS.has(name)) {
    const content: Src = arg ? { lines: [arg, ...rest.lines], at: [at, ...rest.at] } : rest;
    return [{ t: 'admonition', kind: name, blocks: parseLines(trimSrc(content), depth + 1) }];
  }
  if (name === 'admonition') {
    return [{ t: 'admonition', kind: 'admonition', title: parseInline(arg), blocks: parseLines(rest, depth + 1) }];
  }
  if (name === 'code-block' || name === 'code' || name === 'sourcecode') {
    return [{ t: 'literal', text: rest.lines.join('\n'), lang: arg || undefined }];
  }
  if (name === 'table') {
    const inner = parseLines(rest, depth + 1);
    return arg ? [{ t: 'para', children: [{ t: 'strong', children: parseInline(arg) }] }, ...inner] : inner;
  }
  // Unknown directive: show its source rather than lose it.
  const source = [`.. ${name}::${arg ? ' ' + arg : ''}`, ...body.lines.map((l) => (l ? '   ' + l : l))];
  return [{ t: 'literal', text: source.join('\n') }];
}
