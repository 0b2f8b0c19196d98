// Doc comment blocks ('##' ... '##') -> QAPIDoc: port of QAPISchemaParser's
// get_doc, get_doc_line, get_doc_indented, get_doc_paragraph and
// _validate_doc_line_format (scripts/qapi/parser.py; spec:
// docs/devel/qapi-code-gen.rst "Documentation comments").
// Receives a cursor on a '##' line and the release's rules; returns the doc
// and the cursor on the closing '##' (doc-cursor.ts). Guarantees QEMU's
// section structure, its error messages and columns, and the doc-line lint of
// the release (releases.ts).
import { QAPIDoc } from './doc';
import { DocNotClosed, readBlock, type DocBlock, type DocCursor } from './doc-cursor';
import { advanceCodePoints, leadingSpace, pyLen, rstripEndOf } from './pytext';
import type { ReleaseRules } from './releases';

const LITERAL_START_RE = /^(\.\. +qmp-example)? *::$/;
const URL_LINE_RE = /^ *(https?|ftp):\/\/[^ ]*$/;
// QEMU: (\be\.g\.|^ *\d\.|([.!?])) [A-Z0-9(] with Python's Unicode \b and \d
const SINGLE_SPACE_RE = /((?<![\p{L}\p{N}_])e\.g\.|^ *\p{Nd}\.|([.!?])) [A-Z0-9(]/gu;
// cheap pre-check: a line without this cannot fail the two-spaces rule
const SENTENCE_END_RE = /[.!?] [A-Z0-9(]/;
const TAG_RE = /^(Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): */;

const TAG_KIND = { Returns: 'Returns', Errors: 'Errors', Since: 'Since', TODO: 'Todo' } as const;

class DocReader {
  private literalMode = false;
  private literalModeIndent = 0;

  constructor(
    private readonly c: DocCursor,
    private readonly rules: ReleaseRules,
  ) {}

  /**
   * The current doc line without '# ', right-stripped; '' for '#'; null at the
   * closing '##'. Read from the line's span of the source (its '#' at c.pos,
   * its newline at c.end): one slice per line.
   */
  private getDocLine(): string | null {
    const c = this.c;
    const src = c.src;
    const start = c.pos;
    const end = c.end;
    const second = src.charCodeAt(start + 1);
    if (second === 35) {
      if (end !== start + 2) throw c.error("junk after '##' at end of documentation comment");
      this.literalMode = false;
      return null;
    }
    if (end === start + 1) return '';
    if (second !== 32) throw c.error('missing space after #');
    const line = src.slice(start + 2, rstripEndOf(src, start, end));

    if (line.endsWith('::') && LITERAL_START_RE.test(line)) {
      this.literalMode = true;
      this.literalModeIndent = 0;
    } else if (this.literalMode && line) {
      const indent = leadingSpace(line);
      if (this.literalModeIndent === 0) this.literalModeIndent = indent;
      else if (indent < this.literalModeIndent) this.literalMode = false;
    }
    if (!this.literalMode) this.validateDocLineFormat(line);
    return line;
  }

  private validateDocLineFormat(line: string): void {
    const c = this.c;
    const limit = this.rules.docLineLength;
    if (limit !== null && line.length + 2 > limit && pyLen(line) + 2 > limit && !URL_LINE_RE.test(line)) {
      throw c.error(`documentation line longer than ${limit} characters`);
    }
    if (!this.rules.docSentenceSpacing || !SENTENCE_END_RE.test(line)) return;
    SINGLE_SPACE_RE.lastIndex = 0;
    for (let m = SINGLE_SPACE_RE.exec(line); m; m = SINGLE_SPACE_RE.exec(line)) {
      if (!m[2]) continue;
      // QEMU points the column just past the '#' plus the offending punctuation
      throw c.error(
        'Use two spaces between sentences\nIf this not the end of a sentence, please report a bug.',
        advanceCodePoints(c.src, c.linePos, 2 + pyLen(line.slice(0, m.index)) + 1),
      );
    }
  }

  /** Advance to the next doc line; a block not closed by '##' ends the reading (DocNotClosed). */
  private next(): string | null {
    if (!this.c.next()) throw new DocNotClosed();
    return this.getDocLine();
  }

  /** Lines of an indented description; returns the first line that is not part of it. */
  private getDocIndented(doc: QAPIDoc): string | null {
    const c = this.c;
    let line = this.next();
    while (line === '') {
      doc.appendLine(line, c.line);
      line = this.next();
    }
    if (line === null) return line;
    const indent = leadingSpace(line);
    if (!indent) return line;
    doc.appendLine(line, c.line);
    // QEMU sets this after the first continuation line and never clears it
    let prevLineBlank = false;
    for (;;) {
      line = this.next();
      if (line === null) return line;
      if (descriptionColon(line) >= 0) return line;
      const curIndent = leadingSpace(line);
      if (line !== '' && curIndent < indent) {
        if (prevLineBlank) return line;
        throw c.error(`unexpected de-indent (expected at least ${indent} spaces)`);
      }
      doc.appendLine(line, c.line);
      prevLineBlank = true;
    }
  }

  /** Lines of a plain paragraph; returns '' (the blank line ending it) or null. */
  private getDocParagraph(doc: QAPIDoc): string | null {
    for (;;) {
      const line = this.next();
      if (line === null || line === '') return line;
      doc.appendLine(line, this.c.line);
    }
  }

  /** A sequence of '@name: text' descriptions of members (or of features). */
  private readDescriptions(doc: QAPIDoc, first: string | null, features: boolean): string | null {
    const c = this.c;
    let line = first;
    let colon: number;
    while (line !== null && (colon = descriptionColon(line)) >= 0) {
      const name = line.slice(1, colon);
      if (features) doc.newFeature(c.info, name);
      else doc.newArgument(c.info, name);
      let textStart = colon + 1;
      while (line.charCodeAt(textStart) === 32) textStart++;
      if (textStart < line.length) doc.appendLine(line.slice(textStart), c.line);
      line = this.getDocIndented(doc);
    }
    return line;
  }

  read(): QAPIDoc {
    const c = this.c;
    const rules = this.rules;
    if (c.text !== '##') throw c.error("junk after '##' at start of documentation comment");
    const info = c.info;
    let line = this.next();
    let doc: QAPIDoc;
    if (line !== null && line.startsWith('@')) {
      // definition documentation
      if (!line.endsWith(':')) throw c.error("line should end with ':'");
      const symbol = line.slice(1, -1);
      if (!symbol) throw c.error(rules.emptySymbolMessage);
      doc = new QAPIDoc(info, symbol, rules);
      line = this.next();
      let noMoreArgs = false;
      while (line !== null) {
        while (line === '') line = this.next();
        if (line === null) break;
        let m: RegExpExecArray | null;
        let colon: number;
        if (line === 'Features:') {
          if (doc.features.size) throw c.error("duplicated 'Features:' line");
          line = this.next();
          while (line === '') line = this.next();
          line = this.readDescriptions(doc, line, true);
          if (!doc.features.size) throw c.error('feature descriptions expected');
          noMoreArgs = true;
        } else if ((colon = descriptionColon(line)) >= 0) {
          if (noMoreArgs) throw c.error(`description of '@${line.slice(1, colon)}:' follows a section`);
          line = this.readDescriptions(doc, line, false);
          noMoreArgs = true;
        } else if ((m = TAG_RE.exec(line))) {
          const tag = m[1];
          const retired = tag.includes('Note') || tag.includes('Example');
          // QEMU 10 rejects the retired Note/Example sections with advice
          if (retired && rules.retiredDocTags && tag.includes('Note')) {
            throw c.error(
              `The '${tag}' section is no longer supported. Please use rST's '.. note::' or ` +
                "'.. admonition:: notes' directives, or another suitable admonition instead.",
            );
          }
          if (retired && rules.retiredDocTags) {
            throw c.error(
              `The '${tag}' section is no longer supported. Please use the '.. qmp-example::' ` +
                'directive, or other suitable markup instead.',
            );
          }
          if (retired) doc.newLegacySection(c.info, tag);
          else doc.newTaggedSection(c.info, TAG_KIND[tag as keyof typeof TAG_KIND]);
          const text = line.slice(m[0].length);
          if (text) doc.appendLine(text, c.line);
          line = this.getDocIndented(doc);
          noMoreArgs = true;
        } else if (rules.headingChecks && line.startsWith('=')) {
          throw c.error("unexpected '=' markup in definition documentation");
        } else {
          // plain paragraph
          doc.ensureUntaggedSection(c.info);
          doc.appendLine(line, c.line);
          line = this.getDocParagraph(doc);
        }
      }
    } else {
      // free-form documentation
      doc = new QAPIDoc(info, null, rules);
      doc.ensureUntaggedSection(c.info);
      let first = true;
      while (line !== null) {
        const colon = descriptionColon(line);
        if (colon >= 0) throw c.error(`'@${line.slice(1, colon)}:' not allowed in free-form documentation`);
        if (!first && rules.headingChecks && line.startsWith('=')) {
          throw c.error("'=' heading must come first in a comment block");
        }
        doc.appendLine(line, c.line);
        line = this.next();
        first = false;
      }
    }
    return doc;
  }
}

/**
 * Where a '@name: text' description starts a line (QEMU: re.match(r'@([^:]*): *', line)):
 * the index of its colon, the first one of the line; -1 for any other line.
 */
function descriptionColon(line: string): number {
  return line.charCodeAt(0) === 64 ? line.indexOf(':') : -1;
}

/** Read the doc block whose opening '##' the cursor is on. */
export function readDoc(cursor: DocCursor, rules: ReleaseRules): DocBlock {
  return readBlock(cursor, () => [new DocReader(cursor, rules).read()]);
}
