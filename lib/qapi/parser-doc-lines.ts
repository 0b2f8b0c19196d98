// Doc comment blocks as QEMU ≤ 8.x read them (rules.docReader 'lines'): port
// of get_doc() and the line-by-line state machine of that era's QAPIDoc
// (scripts/qapi/parser.py of 5.2 and 7.2; spec: their qapi-code-gen
// "Documentation comments"). Receives a cursor on a '##' line and the
// release's rules; returns the docs and the cursor on the closing '##'
// (doc-cursor.ts). Guarantees the sections that era built
// (the body, '@name:' descriptions, 'Features:', then sections started by a
// tag such as 'Returns:', 'Note:', 'Example:' or by an unindented paragraph),
// a free-form block split at each '= heading' after text, and that era's
// error messages and columns.
import { QAPIDoc } from './doc';
import { DocNotClosed, readBlock, type DocBlock, type DocCursor } from './doc-cursor';
import { isPyBlank, isPySpace, leadingSpace, pyRstrip, PY_SPACE_CLASS } from './pytext';
import type { ReleaseRules } from './releases';
import type { QAPISourceInfo } from './source';

// Python's \s and \S (str patterns), which differ from JavaScript's
const S = `[${PY_SPACE_CLASS}]`;
const NS = `[^${PY_SPACE_CLASS}]`;
const FREEFORM_AT_RE = new RegExp(`^(@${NS}+:)`);
const ARG_HEAD_RE = new RegExp(`^@${NS}*:${S}*`);
const TAG_HEAD_RE = new RegExp(`^${NS}*:${S}*`);

type Mode = 'body' | 'args' | 'features' | 'various';

/** Python's `not text.strip()`: empty or whitespace only. */

class LineDocReader {
  private doc: QAPIDoc;
  private mode: Mode = 'body';
  /** the current section's expected indent (text lines lose that many leading characters) */
  private indent = 0;
  /** the current section's text so far, as QEMU accumulates it (for its endswith('\n\n') test) */
  private text = '';
  /** the current section is the body, or a description, or a tagged/untagged section */
  private currentName: string | null = null;
  private currentIsBody = true;
  /** the block's first line: every doc split off the block starts there, as in QEMU */
  private blockInfo: QAPISourceInfo;

  constructor(
    private readonly c: DocCursor,
    private readonly rules: ReleaseRules,
  ) {
    this.blockInfo = c.info;
    this.doc = this.newDoc();
  }

  private newDoc(): QAPIDoc {
    this.mode = 'body';
    this.indent = 0;
    this.text = '';
    this.currentName = null;
    this.currentIsBody = true;
    this.bodyText = '';
    return new QAPIDoc(this.blockInfo, null, this.rules);
  }

  read(): QAPIDoc[] {
    const c = this.c;
    if (c.text !== '##') throw c.error("junk after '##' at start of documentation comment");
    this.blockInfo = c.info;
    const docs: QAPIDoc[] = [];
    this.doc = this.newDoc();
    while (c.next()) {
      const val = c.text;
      if (val.startsWith('##')) {
        if (val !== '##') throw c.error("junk after '##' at end of documentation comment");
        this.endComment();
        docs.push(this.doc);
        return docs;
      }
      if (val.startsWith('# =')) {
        if (this.doc.symbol) throw c.error("unexpected '=' markup in definition documentation");
        if (this.bodyText !== '') {
          this.endComment();
          docs.push(this.doc);
          this.doc = this.newDoc();
        }
      }
      this.append(val);
    }
    throw new DocNotClosed();
  }

  /** the body's text so far (QEMU's body.text before strip) */
  private bodyText = '';

  private append(raw: string): void {
    let line = raw.slice(1);
    if (!line) {
      this.appendFreeform(line);
      return;
    }
    if (line[0] !== ' ') throw this.c.error('missing space after #');
    line = line.slice(1);
    if (this.mode === 'body') this.appendBodyLine(line);
    else if (this.mode === 'args') this.appendArgsLine(line, false);
    else if (this.mode === 'features') this.appendArgsLine(line, true);
    else this.appendVariousLine(line);
  }

  private isSectionTag(name: string): boolean {
    return name.endsWith(':') && this.rules.docSectionTags.includes(name.slice(0, -1));
  }

  private appendBodyLine(line: string): void {
    const c = this.c;
    const name = line.split(' ', 1)[0];
    if (!this.doc.symbol && this.bodyText === '' && line.startsWith('@')) {
      if (!line.endsWith(':')) throw c.error("line should end with ':'");
      const symbol = line.slice(1, -1);
      if (!symbol) {
        throw c.error(this.rules.emptySymbolMessage);
      }
      this.doc = new QAPIDoc(this.blockInfo, symbol, this.rules);
    } else if (this.doc.symbol) {
      if (name.startsWith('@') && name.endsWith(':')) {
        this.mode = 'args';
        this.appendArgsLine(line, false);
      } else if (line === 'Features:') {
        this.mode = 'features';
      } else if (this.isSectionTag(name)) {
        this.mode = 'various';
        this.appendVariousLine(line);
      } else {
        this.appendFreeform(line);
      }
    } else {
      this.appendFreeform(line);
    }
  }

  private appendArgsLine(line: string, features: boolean): void {
    const name = line.split(' ', 1)[0];
    if (name.startsWith('@') && name.endsWith(':')) {
      let indent = ARG_HEAD_RE.exec(line)![0].length;
      line = line.slice(indent);
      if (!line) indent = 0;
      else line = ' '.repeat(indent) + line;
      this.startSymbolSection(name.slice(1, -1), indent, features);
    } else if (this.isSectionTag(name)) {
      this.mode = 'various';
      this.appendVariousLine(line);
      return;
    } else if (this.text.endsWith('\n\n') && line && !isPySpace(line.charCodeAt(0))) {
      if (!features && line === 'Features:') {
        this.mode = 'features';
      } else {
        this.startSection(null, 0);
        this.mode = 'various';
        this.appendVariousLine(line);
      }
      return;
    }
    this.appendFreeform(line);
  }

  private appendVariousLine(line: string): void {
    const name = line.split(' ', 1)[0];
    if (name.startsWith('@') && name.endsWith(':')) {
      const first = this.doc.sections[0];
      throw this.c.error(`'${name}' can't follow '${first?.tag ?? 'None'}' section`);
    }
    if (this.isSectionTag(name)) {
      let indent = TAG_HEAD_RE.exec(line)![0].length;
      line = line.slice(indent);
      if (!line) indent = 0;
      else line = ' '.repeat(indent) + line;
      this.startSection(name.slice(0, -1), indent);
    }
    this.appendFreeform(line);
  }

  private startSymbolSection(name: string, indent: number, features: boolean): void {
    const c = this.c;
    if (!name) throw c.error('invalid parameter name');
    const dict = features ? this.doc.features : this.doc.args;
    if (dict.has(name)) throw c.error(`'${name}' parameter name duplicated`);
    this.switchSection(name);
    if (features) this.doc.newFeature(c.info, name);
    else this.doc.newArgument(c.info, name);
    this.indent = indent;
  }

  private startSection(tag: string | null, indent: number): void {
    const c = this.c;
    if ((tag === 'Returns' || tag === 'Since') && this.doc.hasLegacySection(tag)) {
      throw c.error(`duplicated '${tag}' section`);
    }
    this.switchSection(tag);
    this.doc.newLegacySection(c.info, tag);
    this.indent = indent;
  }

  /** QEMU's _switch_section / _end_section: the section being left must have text. */
  private switchSection(nextName: string | null): void {
    if (!this.currentIsBody && isPyBlank(this.text)) {
      throw this.c.error(`empty doc section '${this.currentName ?? 'None'}'`);
    }
    this.currentIsBody = false;
    this.currentName = nextName;
    this.text = '';
  }

  private endComment(): void {
    if (!this.currentIsBody && isPyBlank(this.text)) {
      throw this.c.error(`empty doc section '${this.currentName ?? 'None'}'`);
    }
  }

  private appendFreeform(line: string): void {
    const c = this.c;
    const m = FREEFORM_AT_RE.exec(line);
    if (m) throw c.error(`'${m[1]}' not allowed in free-form documentation`);
    if (line) {
      if (leadingSpace(line) < this.indent) {
        throw c.error(`unexpected de-indent (expected at least ${this.indent} spaces)`);
      }
      line = line.slice(this.indent);
    }
    const text = pyRstrip(line);
    this.text += text + '\n';
    if (this.currentIsBody) this.bodyText += text + '\n';
    this.doc.appendLine(text, c.line);
  }
}

/** Read the doc block whose opening '##' the cursor is on: one doc, or several when '=' headings split it. */
export function readLineDocs(cursor: DocCursor, rules: ReleaseRules): DocBlock {
  return readBlock(cursor, () => new LineDocReader(cursor, rules).read());
}
