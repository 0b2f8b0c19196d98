// Doc comment blocks ('##' ... '##') -> QAPIDoc: port of QAPISchemaParser's
// get_doc, get_doc_line, get_doc_indented, get_doc_paragraph and
// _validate_doc_line_format (scripts/qapi/parser.py; spec:
// docs/devel/qapi-code-gen.rst "Documentation comments").
// Receives the parser positioned on a '##' token; leaves it on the first token
// after the block. Guarantees QEMU's section structure, its error messages and
// columns, and the doc-line lint of the configured QEMU version (options.ts).
import { QAPIDoc } from './doc';
import type { QAPISchemaParser } from './parser';
import { advanceCodePoints, leadingSpace, pyLen, rstripEnd } from './pytext';

const LITERAL_START_RE = /^(\.\. +qmp-example)? *::$/;
const URL_LINE_RE = /^ *(https?|ftp):\/\/[^ ]*$/;
// QEMU: (\be\.g\.|^ *\d\.|([.!?])) [A-Z0-9(] with Python's Unicode \b and \d
const SINGLE_SPACE_RE = /((?<![\p{L}\p{N}_])e\.g\.|^ *\p{Nd}\.|([.!?])) [A-Z0-9(]/gu;
// cheap pre-check: a line without this cannot fail the two-spaces rule
const SENTENCE_END_RE = /[.!?] [A-Z0-9(]/;
const AT_NAME_COLON_RE = /^@([^:]*): */;
const TAG_RE = /^(Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): */;

const TAG_KIND = { Returns: 'Returns', Errors: 'Errors', Since: 'Since', TODO: 'Todo' } as const;

class DocReader {
  private literalMode = false;
  private literalModeIndent = 0;

  constructor(private readonly p: QAPISchemaParser) {}

  /** The current doc line without '# ', right-stripped; '' for '#'; null at the closing '##'. */
  private getDocLine(): string | null {
    const p = this.p;
    if (p.tok !== '#') throw p.parseError("documentation comment must end with '##'");
    const val = p.val as string;
    if (val.startsWith('##')) {
      if (val !== '##') throw p.parseError("junk after '##' at end of documentation comment");
      this.literalMode = false;
      return null;
    }
    if (val === '#') return '';
    if (val[1] !== ' ') throw p.parseError('missing space after #');
    const line = val.slice(2, rstripEnd(val));

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
    const p = this.p;
    const limit = p.options.docLineLength;
    if (limit !== null && line.length + 2 > limit && pyLen(line) + 2 > limit && !URL_LINE_RE.test(line)) {
      throw p.parseError(`documentation line longer than ${limit} characters`);
    }
    if (!p.options.docSentenceSpacing || !SENTENCE_END_RE.test(line)) return;
    SINGLE_SPACE_RE.lastIndex = 0;
    for (let m = SINGLE_SPACE_RE.exec(line); m; m = SINGLE_SPACE_RE.exec(line)) {
      if (!m[2]) continue;
      // QEMU points the column just past the '#' plus the offending punctuation
      p.pos = advanceCodePoints(p.src, p.linePos, 2 + pyLen(line.slice(0, m.index)) + 1);
      throw p.parseError(
        'Use two spaces between sentences\nIf this not the end of a sentence, please report a bug.',
      );
    }
  }

  private next(): string | null {
    this.p.accept(false);
    return this.getDocLine();
  }

  /** Lines of an indented description; returns the first line that is not part of it. */
  private getDocIndented(doc: QAPIDoc): string | null {
    const p = this.p;
    let line = this.next();
    while (line === '') {
      doc.appendLine(line, p.line);
      line = this.next();
    }
    if (line === null) return line;
    const indent = leadingSpace(line);
    if (!indent) return line;
    doc.appendLine(line, p.line);
    // QEMU sets this after the first continuation line and never clears it
    let prevLineBlank = false;
    for (;;) {
      line = this.next();
      if (line === null) return line;
      if (AT_NAME_COLON_RE.test(line)) return line;
      const curIndent = leadingSpace(line);
      if (line !== '' && curIndent < indent) {
        if (prevLineBlank) return line;
        throw p.parseError(`unexpected de-indent (expected at least ${indent} spaces)`);
      }
      doc.appendLine(line, p.line);
      prevLineBlank = true;
    }
  }

  /** Lines of a plain paragraph; returns '' (the blank line ending it) or null. */
  private getDocParagraph(doc: QAPIDoc): string | null {
    for (;;) {
      const line = this.next();
      if (line === null || line === '') return line;
      doc.appendLine(line, this.p.line);
    }
  }

  /** A sequence of '@name: text' descriptions, each added by `add`. */
  private readDescriptions(doc: QAPIDoc, first: string | null, add: (name: string) => void): string | null {
    let line = first;
    let m: RegExpExecArray | null;
    while (line !== null && (m = AT_NAME_COLON_RE.exec(line))) {
      add(m[1]);
      const text = line.slice(m[0].length);
      if (text) doc.appendLine(text, this.p.line);
      line = this.getDocIndented(doc);
    }
    return line;
  }

  read(): QAPIDoc {
    const p = this.p;
    if (p.val !== '##') throw p.parseError("junk after '##' at start of documentation comment");
    const info = p.info;
    let line = this.next();
    let doc: QAPIDoc;
    if (line !== null && line.startsWith('@')) {
      // definition documentation
      if (!line.endsWith(':')) throw p.parseError("line should end with ':'");
      const symbol = line.slice(1, -1);
      if (!symbol) throw p.parseError(p.options.emptySymbolMessage);
      doc = new QAPIDoc(info, symbol, p.docLines, p.options);
      line = this.next();
      let noMoreArgs = false;
      while (line !== null) {
        while (line === '') line = this.next();
        if (line === null) break;
        let m: RegExpExecArray | null;
        if (line === 'Features:') {
          if (doc.features.size) throw p.parseError("duplicated 'Features:' line");
          line = this.next();
          while (line === '') line = this.next();
          line = this.readDescriptions(doc, line, (name) => doc.newFeature(p.info, name));
          if (!doc.features.size) throw p.parseError('feature descriptions expected');
          noMoreArgs = true;
        } else if ((m = AT_NAME_COLON_RE.exec(line))) {
          if (noMoreArgs) throw p.parseError(`description of '@${m[1]}:' follows a section`);
          line = this.readDescriptions(doc, line, (name) => doc.newArgument(p.info, name));
          noMoreArgs = true;
        } else if ((m = TAG_RE.exec(line))) {
          const tag = m[1];
          const retired = tag.includes('Note') || tag.includes('Example');
          // QEMU 10 rejects the retired Note/Example sections with advice
          if (retired && p.options.retiredDocTags && tag.includes('Note')) {
            throw p.parseError(
              `The '${tag}' section is no longer supported. Please use rST's '.. note::' or ` +
                "'.. admonition:: notes' directives, or another suitable admonition instead.",
            );
          }
          if (retired && p.options.retiredDocTags) {
            throw p.parseError(
              `The '${tag}' section is no longer supported. Please use the '.. qmp-example::' ` +
                'directive, or other suitable markup instead.',
            );
          }
          if (retired) doc.newLegacySection(p.info, tag);
          else doc.newTaggedSection(p.info, TAG_KIND[tag as keyof typeof TAG_KIND]);
          const text = line.slice(m[0].length);
          if (text) doc.appendLine(text, p.line);
          line = this.getDocIndented(doc);
          noMoreArgs = true;
        } else if (p.options.headingChecks && line.startsWith('=')) {
          throw p.parseError("unexpected '=' markup in definition documentation");
        } else {
          // plain paragraph
          doc.ensureUntaggedSection(p.info);
          doc.appendLine(line, p.line);
          line = this.getDocParagraph(doc);
        }
      }
    } else {
      // free-form documentation
      doc = new QAPIDoc(info, null, p.docLines, p.options);
      doc.ensureUntaggedSection(p.info);
      let first = true;
      while (line !== null) {
        const m = AT_NAME_COLON_RE.exec(line);
        if (m) throw p.parseError(`'@${m[1]}:' not allowed in free-form documentation`);
        if (!first && p.options.headingChecks && line.startsWith('=')) {
          throw p.parseError("'=' heading must come first in a comment block");
        }
        doc.appendLine(line, p.line);
        line = this.next();
        first = false;
      }
    }
    p.accept();
    doc.end();
    return doc;
  }
}

/** Read the doc block starting at the parser's current '##' token. */
export function readDoc(parser: QAPISchemaParser): QAPIDoc {
  return new DocReader(parser).read();
}
