// QAPIDoc -> the plain `Doc` of model.ts (what the site and the validator read).
// Receives a QAPIDoc after parsing (and, ideally, after schema.ts connected it,
// so stub sections are present) and the module name of its file. Guarantees
// every section in source order with its start line, and every
// `.. qmp-example::` directive of a section's text (at column 0 or nested in
// another directive's indented body, e.g. a `.. note::`), with its
// :title: / :annotated: options and its body lines (dedented, blank lines kept,
// trailing blank lines dropped), each with its exact source line.
// Directive syntax: docs/devel/qapi-code-gen.rst "Documentation markup" and
// QEMU's docs/sphinx/qapidoc.py (QMPExample).
import type { DocKind, QAPIDocSection, QAPIDoc } from './doc';
import type { Doc, DocHeading, DocSection, DocSectionKind, DocText, ExampleLine, QmpExample } from './model';
import { leadingSpace } from './pytext';

const KIND: Record<DocKind, DocSectionKind> = {
  Plain: 'plain',
  Member: 'member',
  Feature: 'feature',
  Returns: 'returns',
  Errors: 'errors',
  Since: 'since',
  Todo: 'todo',
  Note: 'note',
  Example: 'example',
};

// a section heading line of a free-form block: '=' marks, a space, the text
const HEADING_RE = /^(=+) +(\S.*)$/;
const MESSAGE_LINE_RE = /^(->|<-)(\s|$)/;

// docutils accepts one optional space before the directive's '::'
const EXAMPLE_DIRECTIVE_RE = /^ *\.\. +qmp-example ?::\s*$/;
const OPTION_RE = /^\s+:([A-Za-z0-9_-]+):(?:\s+(.*))?$/;

interface SourceLine {
  text: string;
  line: number;
}

/** A section's text lines paired with their source lines. */
function sectionLines(section: QAPIDocSection): SourceLine[] {
  if (!section.text) return [];
  const texts = section.text.split('\n');
  return texts.map((text, i) => ({ text, line: section.lineNos[i] ?? section.info.line }));
}

function toDocText(section: QAPIDocSection): DocText {
  return { text: section.text, line: section.lineNos[0] ?? section.info.line };
}

/** Set a key even when it is '__proto__' or another Object.prototype name. */
function defineEntry<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The qmp-example directive starting at lines[start]; returns it and the index after its block. */
function readExample(lines: SourceLine[], start: number): [QmpExample, number] {
  const example: QmpExample = { annotated: false, line: lines[start].line, lines: [] };
  const directiveIndent = leadingSpace(lines[start].text);
  let i = start + 1;
  for (; i < lines.length; i++) {
    const m = OPTION_RE.exec(lines[i].text);
    if (!m) break;
    if (m[1] === 'title') example.title = (m[2] ?? '').trim();
    else if (m[1] === 'annotated') example.annotated = true;
  }
  const body: SourceLine[] = [];
  for (; i < lines.length; i++) {
    const { text } = lines[i];
    if (text.trim() === '') {
      if (body.length) body.push(lines[i]);
      continue;
    }
    if (leadingSpace(text) <= directiveIndent) break;
    body.push(lines[i]);
  }
  while (body.length && body[body.length - 1].text.trim() === '') body.pop();
  let indent = Infinity;
  for (const { text } of body) if (text.trim() !== '') indent = Math.min(indent, leadingSpace(text));
  example.lines = body.map(({ text, line }): ExampleLine => ({
    text: text.trim() === '' ? '' : text.slice(indent),
    line,
  }));
  return [example, i];
}

/** Every `.. qmp-example::` block of the section's text, at any indentation. */
export function findExamples(section: QAPIDocSection): QmpExample[] {
  const lines = sectionLines(section);
  const examples: QmpExample[] = [];
  let i = 0;
  while (i < lines.length) {
    if (EXAMPLE_DIRECTIVE_RE.test(lines[i].text)) {
      const [example, next] = readExample(lines, i);
      examples.push(example);
      i = next;
    } else {
      i++;
    }
  }
  return examples;
}

/** A line of an old-style example that is prose, not part of a message: at the base indent, no JSON, no marker. */
const PROSE_RE = /^(?!->|<-|\.\.\.)[^\s{}[\]"]/;
const ENUMERATOR_RE = /^\d+\.\s+/;
/** A line that starts a message in an old-style example: a '->' / '<-' marker, or a bare JSON object. */
const MESSAGE_START_RE = /^\s*(?:->|<-|\{)/;

/**
 * The body of an old-style 'Example:' section as examples, its lines dedented
 * to their common indent, each with its source line. Sections that number
 * their cases ("1. Change a removable medium", messages, "2. ...", messages)
 * become one example per case, titled by its prose, as QEMU 10 rewrote them
 * into titled qmp-example directives; prose after the last message stays in
 * the last example, which is then annotated.
 */
function sectionExamples(section: QAPIDocSection): QmpExample[] {
  const lines = sectionLines(section);
  let indent = Infinity;
  for (const { text } of lines) if (text.trim() !== '') indent = Math.min(indent, leadingSpace(text));
  const body = lines.map(({ text, line }): ExampleLine => ({
    text: text.trim() === '' ? '' : text.slice(indent),
    line,
  }));
  const fromSection = section.tag === 'Examples' ? 'Examples' : 'Example';
  const examples: QmpExample[] = [];
  let current: QmpExample = { annotated: false, line: section.info.line, lines: [], fromSection };
  let title: string[] = [];
  let hasMessages = false;
  for (let i = 0; i < body.length; i++) {
    const l = body[i];
    const paragraphStart = i === 0 || body[i - 1].text === '';
    if (paragraphStart && PROSE_RE.test(l.text) && !MESSAGE_LINE_RE.test(l.text)) {
      // a prose paragraph: a case's title, unless no message follows it
      // its lines run to the paragraph's end, whatever they hold ('[0, 10), [10, 50):'), until a message starts
      let end = i + 1;
      while (end < body.length && body[end].text !== '' && !MESSAGE_START_RE.test(body[end].text)) end++;
      const followedByMessages = body.slice(end).some((b) => MESSAGE_LINE_RE.test(b.text));
      if (followedByMessages) {
        if (hasMessages) {
          examples.push(current);
          current = { annotated: false, line: l.line, lines: [], fromSection };
          hasMessages = false;
        }
        title.push(...body.slice(i, end).map((b) => b.text.trim()));
        current.title = title.join(' ').replace(ENUMERATOR_RE, '');
        if (current.lines.length === 0) current.line = l.line;
        title = [];
        i = end - 1;
        continue;
      }
      current.annotated = true;
    }
    if (MESSAGE_LINE_RE.test(l.text)) hasMessages = true;
    if (l.text !== '' || current.lines.length > 0) current.lines.push(l);
  }
  while (current.lines.length && current.lines[current.lines.length - 1].text === '') current.lines.pop();
  examples.push(current);
  if (examples.length === 1 && examples[0].title === undefined) examples[0].line = section.info.line;
  return examples;
}

/**
 * reST adornment styles of headings ('*' over and under, '=' under, ...):
 * their level is their rank of first use in the whole tree (as in one reST
 * document), which to-model.ts assigns; until then the level is 0.
 */
export const headingStyles = new WeakMap<DocHeading, string>();

const ADORNMENT_RE = /^([=\-~^*#+"'`:._!])\1{2,}$/;

/**
 * The headings among a free-form section's lines: QAPI's '= Title' /
 * '== Sub' markup (QEMU ≤ 10.0, level = number of '='), and reST titles
 * with an underline or an over- and underline (QEMU 10.2's tree).
 */
function findHeadings(section: QAPIDocSection): DocHeading[] {
  const headings: DocHeading[] = [];
  const lines = sectionLines(section);
  for (let i = 0; i < lines.length; i++) {
    const { text, line } = lines[i];
    const m = HEADING_RE.exec(text);
    if (m) {
      headings.push({ level: m[1].length, text: m[2].trimEnd(), line });
      continue;
    }
    const over = ADORNMENT_RE.exec(text);
    const title = lines[i + 1]?.text.trim() ?? '';
    if (over && title && !ADORNMENT_RE.test(title) && lines[i + 2]?.text === text) {
      const heading = { level: 0, text: title, line: lines[i + 1].line };
      headings.push(heading);
      headingStyles.set(heading, `over${over[1]}`);
      i += 2;
      continue;
    }
    const under = lines[i + 1] && ADORNMENT_RE.exec(lines[i + 1].text);
    const prevBlank = i === 0 || lines[i - 1].text.trim() === '';
    if (
      under &&
      text.trim() &&
      prevBlank &&
      !ADORNMENT_RE.test(text) &&
      lines[i + 1].text.length >= text.trim().length
    ) {
      const heading = { level: 0, text: text.trim(), line };
      headings.push(heading);
      headingStyles.set(heading, under[1]);
      i += 1;
    }
  }
  return headings;
}

export function docToModel(doc: QAPIDoc, file: string): Doc {
  const sections: DocSection[] = [];
  const examples: QmpExample[] = [];
  for (const section of doc.allSections) {
    const out: DocSection = {
      kind: KIND[section.kind],
      text: section.text,
      line: section.info.line,
    };
    if ('name' in section && typeof section.name === 'string') out.name = section.name;
    if (section.tag !== null) out.tag = section.tag;
    sections.push(out);
    if (section.kind === 'Example') examples.push(...sectionExamples(section));
    else for (const example of findExamples(section)) examples.push(example);
  }
  const args: Record<string, DocText> = {};
  for (const [name, section] of doc.args) if (section.text) defineEntry(args, name, toDocText(section));
  const features: Record<string, DocText> = {};
  for (const [name, section] of doc.features) defineEntry(features, name, toDocText(section));

  const model: Doc = {
    loc: { file, line: doc.info.line },
    sections,
    body: toDocText(doc.body),
    args,
    features,
    examples,
  };
  if (doc.symbol !== null) model.symbol = doc.symbol;
  else model.headings = findHeadings(doc.body);
  if (doc.since) model.since = doc.since.text;
  if (doc.returns) model.returns = toDocText(doc.returns);
  if (doc.errors) model.errors = toDocText(doc.errors);
  return model;
}
