// Doc comment blocks ('##' ... '##') -> QAPIDoc: port of QAPISchemaParser's
// get_doc, get_doc_line, get_doc_indented, get_doc_paragraph and
// _validate_doc_line_format (scripts/qapi/parser.py; spec:
// docs/devel/qapi-code-gen.rst "Documentation comments").
// Receives the parser positioned on a '##' token; leaves it on the first token
// after the block. Guarantees QEMU's section structure, its error messages and
// columns, and the doc-line lint of the configured QEMU version (options.ts).
import { QAPIDoc } from './doc';
import type { QAPISchemaParser } from './parser';
import { advanceCodePoints, leadingSpace, pyLen, rstripEndOf } from './pytext';

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

  constructor(private readonly p: QAPISchemaParser) {}

  /**
   * The current doc line without '# ', right-stripped; '' for '#'; null at the
   * closing '##'. Read from the token's span of the source (a '#' token runs
   * from p.pos to the newline at p.cursor): one slice per line.
   */
  private getDocLine(): string | null {
    const p = this.p;
    if (p.tok !== '#') throw p.parseError("documentation comment must end with '##'");
    const src = p.src;
    const start = p.pos;
    const end = p.cursor;
    const second = src.charCodeAt(start + 1);
    if (second === 35) {
      if (end !== start + 2) throw p.parseError("junk after '##' at end of documentation comment");
      this.literalMode = false;
      return null;
    }
    if (end === start + 1) return '';
    if (second !== 32) throw p.parseError('missing space after #');
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
      throw p.parseError('Use two spaces between sentences\nIf this not the end of a sentence, please report a bug.');
    }
  }

  /**
   * Advance to the next doc line. Inside a block nearly every line is a
   * newline, some spaces and a '#': that case is lexed here directly, to the
   * same lexer state accept(false) would leave (a '#' token from p.pos to the
   * newline at p.cursor); anything else goes through accept().
   */
  private next(): string | null {
    const p = this.p;
    const src = p.src;
    const nl = p.cursor;
    if (p.tok === '#' && src.charCodeAt(nl) === 10 && nl + 1 < src.length) {
      let pos = nl + 1;
      while (src.charCodeAt(pos) === 32) pos++;
      if (src.charCodeAt(pos) === 35) {
        p.line++;
        p.linePos = nl + 1;
        p.pos = pos;
        p.cursor = src.indexOf('\n', pos + 1);
        p.val = null;
        return this.getDocLine();
      }
    }
    p.accept(false);
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
      if (descriptionColon(line) >= 0) return line;
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

  /** A sequence of '@name: text' descriptions of members (or of features). */
  private readDescriptions(doc: QAPIDoc, first: string | null, features: boolean): string | null {
    const p = this.p;
    let line = first;
    let colon: number;
    while (line !== null && (colon = descriptionColon(line)) >= 0) {
      const name = line.slice(1, colon);
      if (features) doc.newFeature(p.info, name);
      else doc.newArgument(p.info, name);
      let textStart = colon + 1;
      while (line.charCodeAt(textStart) === 32) textStart++;
      if (textStart < line.length) doc.appendLine(line.slice(textStart), p.line);
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
      doc = new QAPIDoc(info, symbol, p.options);
      line = this.next();
      let noMoreArgs = false;
      while (line !== null) {
        while (line === '') line = this.next();
        if (line === null) break;
        let m: RegExpExecArray | null;
        let colon: number;
        if (line === 'Features:') {
          if (doc.features.size) throw p.parseError("duplicated 'Features:' line");
          line = this.next();
          while (line === '') line = this.next();
          line = this.readDescriptions(doc, line, true);
          if (!doc.features.size) throw p.parseError('feature descriptions expected');
          noMoreArgs = true;
        } else if ((colon = descriptionColon(line)) >= 0) {
          if (noMoreArgs) throw p.parseError(`description of '@${line.slice(1, colon)}:' follows a section`);
          line = this.readDescriptions(doc, line, false);
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
      doc = new QAPIDoc(info, null, p.options);
      doc.ensureUntaggedSection(p.info);
      let first = true;
      while (line !== null) {
        const colon = descriptionColon(line);
        if (colon >= 0) throw p.parseError(`'@${line.slice(1, colon)}:' not allowed in free-form documentation`);
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

/**
 * Where a '@name: text' description starts a line (QEMU: re.match(r'@([^:]*): *', line)):
 * the index of its colon, the first one of the line; -1 for any other line.
 */
function descriptionColon(line: string): number {
  return line.charCodeAt(0) === 64 ? line.indexOf(':') : -1;
}

/** Read the doc block starting at the parser's current '##' token. */
export function readDoc(parser: QAPISchemaParser): QAPIDoc {
  return new DocReader(parser).read();
}
