// Schema text -> expressions + doc blocks: port of QEMU's QAPISchemaParser
// (scripts/qapi/parser.py; spec: docs/devel/qapi-code-gen.rst "Schema syntax",
// "Include directives", "Pragma directives", "Documentation comments").
// Receives a root file name and a SchemaHost that reads files. Guarantees the
// same accepted inputs, expression order (includes spliced in pre-order), error
// messages, lines and columns as QEMU, and that any input ends in a result or
// a QapiError: never another exception, never a hang.
// The doc-comment grammar lives in parser-doc.ts (QEMU keeps it in the same
// class); the lexer and the expression grammar are here.
import { QapiError, UnreadableRootError } from './error';
import { QAPISourceInfo } from './source';
import type { QAPIDoc } from './doc';
import { resolveOptions, type QapiOptions } from './options';
import { isPySpace, PY_SPACE_CLASS } from './pytext';
import { normalizePath } from './paths';
import { readDoc } from './parser-doc';
import { readLineDocs } from './parser-doc-lines';
import { applyPragma, NOT_A_REGULAR_FILE, SchemaReadError, strerrorOf } from './parser-directives';

export { joinIncludePath } from './paths';
export { SchemaReadError } from './parser-directives';

export type QAPIValue = string | boolean | QAPIValue[] | QAPIObject;
/** A schema object: a Map, so key order is source order and no key is special. */
export type QAPIObject = Map<string, QAPIValue>;

export interface QAPIExpression {
  expr: QAPIObject;
  info: QAPISourceInfo;
  doc: QAPIDoc | null;
}

export interface ParseResult {
  exprs: QAPIExpression[];
  docs: QAPIDoc[];
}

/**
 * How the parser reaches files (node:fs, a bundle in the browser, a test map).
 * `readFile` throws an Error with a Node-style `code` (ENOENT, EACCES, EISDIR)
 * when the file cannot be read.
 */
export interface SchemaHost {
  readFile(path: string): string;
  /**
   * The name of include `rel` seen from `fromFile`, spelled as QEMU spells it
   * (os.path.join(os.path.dirname(fromFile), rel)); `joinIncludePath` does that.
   */
  resolve(fromFile: string, rel: string): string;
}

/** Deeper nesting than any real schema; QEMU itself dies with RecursionError well before. */
const MAX_NESTING = 1000;

const MiB = 1024 * 1024;
/**
 * The text of a whole tree, root and includes (each file has its own cap too, lib/qapi/node.ts): QEMU 10.2's
 * is 0.75 MiB. Checking a tree costs some 15 times its text in memory with QEMU's docs, 50 times when it is
 * all names: this cap and the one on strings keep a diff of two trees near 300 MB (two 29 MB trees took 2.7 GB).
 */
export const MAX_TREE_CHARS = 8 * MiB;
/** The strings (names, keys, values) of a whole tree's expressions: QEMU 10.2's hold 11,018. */
export const MAX_TREE_STRINGS = 200_000;

/** What the files of one tree share: the files read, and what they hold so far. */
interface TreeSoFar {
  included: Set<string>;
  chars: number;
  strings: number;
}

/** Printable ASCII but "'" and '\\': what a string holds without further checks. */
const STRING_RUN_RE = /[ -&(-[\]-~]*/y;

const STRAY_RE = new RegExp(`[^[\\]{}:,'${PY_SPACE_CLASS}]+`, 'y');

export class QAPISchemaParser {
  readonly exprs: QAPIExpression[] = [];
  readonly docs: QAPIDoc[] = [];
  readonly options: QapiOptions;

  // Lexer state, as in QEMU: tok is the token type ('{', "'", 't', 'f', '#',
  // ... or null at EOF), pos its start, cursor the scan position, linePos the
  // start of the current line (columns count from there).
  src = '';
  tok: string | null = null;
  val: string | boolean | null = null;
  pos = 0;
  cursor = 0;
  linePos = 0;
  /** current line number; `info` materialises a QAPISourceInfo for it on demand */
  line = 1;
  private lineInfo: QAPISourceInfo;
  private depth = 0;
  /** the file's first token was read (an included file failing before that is not schema text) */
  private lexedFirst = false;

  constructor(
    readonly fname: string,
    readonly host: SchemaHost,
    options?: Partial<QapiOptions>,
    private readonly tree: TreeSoFar = { included: new Set(), chars: 0, strings: 0 },
    inclInfo: QAPISourceInfo | null = null,
  ) {
    this.options = resolveOptions(options);
    this.tree.included.add(normalizePath(fname));
    this.lineInfo = new QAPISourceInfo(fname, inclInfo);
    try {
      this.parse();
    } catch (err) {
      if (inclInfo && isNotSchemaText(err, fname, this.lexedFirst, this.exprs.length + this.docs.length)) {
        throw new NotSchemaText();
      }
      throw err;
    }
  }

  /**
   * The location of the current line. QEMU replaces its info object at every
   * newline; creating it only when asked gives the same objects (one per line,
   * shared by everything on that line) without a copy per line.
   */
  get info(): QAPISourceInfo {
    if (this.lineInfo.line !== this.line) {
      const info = this.lineInfo.clone();
      info.line = this.line;
      this.lineInfo = info;
    }
    return this.lineInfo;
  }

  private parse(): void {
    let src: string;
    try {
      src = this.host.readFile(this.fname);
    } catch (err) {
      throw new SchemaReadError(this.fname, strerrorOf(err));
    }
    if (typeof src !== 'string') throw new SchemaReadError(this.fname, 'Invalid argument');
    this.tree.chars += src.length;
    if (this.tree.chars > MAX_TREE_CHARS) throw new TreeTooLarge();
    if (src === '' || src.charCodeAt(src.length - 1) !== 10) src += '\n';
    this.src = src;

    let curDoc: QAPIDoc | null = null;
    this.accept();
    this.lexedFirst = true;
    while (this.tok !== null) {
      const info = this.info;
      if (this.tok === '#') {
        rejectExprDoc(curDoc);
        if (this.options.docReader === 'lines') {
          const docs = readLineDocs(this);
          for (const d of docs) this.docs.push(d);
          curDoc = docs[docs.length - 1];
        } else {
          curDoc = readDoc(this);
          this.docs.push(curDoc);
        }
        continue;
      }
      if (this.options.legacyGrammar && this.tok !== '{') throw this.parseError("expected '{'");
      const exprCol = this.column(this.pos);
      const expr = this.getExpr();
      if (!(expr instanceof Map)) {
        throw new QapiError(info, 'top-level expression must be an object');
      }
      if (expr.has('include')) {
        rejectExprDoc(curDoc);
        if (expr.size !== 1) throw new QapiError(info, "invalid 'include' directive");
        const include = expr.get('include');
        if (typeof include !== 'string') {
          throw new QapiError(info, "value of 'include' must be a string");
        }
        const inclFname = this.host.resolve(this.fname, include);
        this.exprs.push({ expr: new Map([['include', inclFname]]), info, doc: null });
        const sub = this.include(include, info, inclFname, exprCol);
        if (sub) {
          for (const e of sub.exprs) this.exprs.push(e);
          for (const d of sub.docs) this.docs.push(d);
        }
      } else if (expr.has('pragma')) {
        rejectExprDoc(curDoc);
        if (expr.size !== 1) throw new QapiError(info, "invalid 'pragma' directive");
        const pragma = expr.get('pragma');
        if (!(pragma instanceof Map)) {
          throw new QapiError(info, "value of 'pragma' must be an object");
        }
        for (const [name, value] of pragma) applyPragma(name, value, info, this.options);
      } else {
        if (curDoc && !curDoc.symbol) {
          throw new QapiError(curDoc.info, 'definition documentation required');
        }
        this.exprs.push({ expr, info, doc: curDoc });
      }
      curDoc = null;
    }
    rejectExprDoc(curDoc);
  }

  /** `col`: of the include directive, for a fault QEMU has no words for (QEMU's own say file:line only). */
  private include(include: string, info: QAPISourceInfo, inclFname: string, col: number): QAPISchemaParser | null {
    const inclAbs = normalizePath(inclFname);
    for (let inf: QAPISourceInfo | null = info; inf; inf = inf.parent) {
      if (inclAbs === normalizePath(inf.fname)) {
        throw new QapiError(info, `inclusion loop for ${include}`);
      }
    }
    if (this.tree.included.has(inclAbs)) return null;
    try {
      return new QAPISchemaParser(inclFname, this.host, this.options, this.tree, info);
    } catch (err) {
      if (err instanceof SchemaReadError) {
        const at = err.strerror === NOT_A_REGULAR_FILE ? col : null;
        throw new QapiError(info, `can't read include file '${inclFname}': ${err.strerror}`, at);
      }
      if (err instanceof TreeTooLarge) {
        throw new QapiError(info, `include file '${inclFname}' makes the tree larger than ${TREE_CAP}`);
      }
      if (err instanceof NotSchemaText) {
        throw new QapiError(info, `include file '${inclFname}' is not QAPI schema text (its content is not shown)`);
      }
      throw err;
    }
  }

  /** QEMU's QAPIParseError: located at the current token, with QEMU's column formula. */
  parseError(msg: string): QapiError {
    return new QapiError(this.info, msg, this.column(this.pos));
  }

  /** The 1-based column of `pos` on the current line, tabs and surrogate pairs counted as QEMU counts them. */
  private column(pos: number): number {
    let col = 1;
    const src = this.src;
    for (let i = this.linePos; i < pos; i++) {
      const c = src.charCodeAt(i);
      if (c === 9) col = ((col + 7) % 8) + 1;
      else if (c >= 0xdc00 && c <= 0xdfff && i > this.linePos && isHighSurrogate(src.charCodeAt(i - 1))) continue;
      else col += 1;
    }
    return col;
  }

  /** Read the next token; with skipComment false, '#' comments are tokens too (doc blocks). */
  accept(skipComment = true): void {
    const src = this.src;
    // QEMU sets tok for every character it scans; only the token finally
    // returned is observable, so tok is set once, on return
    for (let pos = this.cursor; ; pos++) {
      const c = src.charCodeAt(pos);
      if (c === 32) continue; // spacing between tokens: most of what this loop sees
      this.pos = pos;
      this.cursor = pos + 1;
      this.val = null;

      switch (c) {
        case 10: // '\n'
          if (this.cursor === src.length) {
            this.tok = null;
            return;
          }
          this.line++;
          this.linePos = this.cursor;
          continue;
        case 35: // '#'
          this.cursor = src.indexOf('\n', this.cursor);
          // '##' starts or ends a doc block: always a token
          if (skipComment && src.charCodeAt(pos + 1) !== 35) {
            pos = this.cursor - 1;
            continue;
          }
          this.tok = '#';
          this.val = src.slice(pos, this.cursor);
          return;
        case 123:
        case 125:
        case 58:
        case 44:
        case 91:
        case 93: // { } : , [ ]
          this.tok = src[pos];
          return;
        case 39: // "'"
          this.tok = "'";
          if (++this.tree.strings > MAX_TREE_STRINGS)
            throw new QapiError(this.info, `more than ${MAX_TREE_STRINGS} strings, the cap on a whole schema tree`);
          this.lexString();
          return;
      }
      if (c === 116 && src.startsWith('true', pos)) {
        this.tok = 't';
        this.val = true;
        this.cursor += 3;
        return;
      }
      if (c === 102 && src.startsWith('false', pos)) {
        this.tok = 'f';
        this.val = false;
        this.cursor += 4;
        return;
      }
      if (!isPySpace(c)) {
        STRAY_RE.lastIndex = pos;
        const m = STRAY_RE.exec(src);
        throw this.parseError(`stray '${m ? m[0] : src[pos]}'`);
      }
    }
  }

  private lexString(): void {
    const src = this.src;
    let str = '';
    for (;;) {
      // the plain run up to the first character that needs a decision, in one native step
      STRING_RUN_RE.lastIndex = this.cursor;
      STRING_RUN_RE.test(src);
      const runEnd = STRING_RUN_RE.lastIndex;
      str += src.slice(this.cursor, runEnd);
      const c = src.charCodeAt(runEnd);
      this.cursor = runEnd + 1;
      if (c === 39) {
        this.val = str;
        return;
      }
      if (c === 10 || Number.isNaN(c)) throw this.parseError('missing terminating "\'"');
      if (c === 92) {
        // the only escape is '\\'
        const e = src.charCodeAt(this.cursor);
        this.cursor++;
        if (e === 10) throw this.parseError('missing terminating "\'"');
        if (e !== 92) {
          const ch = String.fromCodePoint(src.codePointAt(this.cursor - 1) ?? 0xfffd);
          throw this.parseError(`unknown escape \\${ch}`);
        }
        str += '\\';
        continue;
      }
      throw this.parseError('funny character in string');
    }
  }

  /** The current token; a method so TypeScript does not keep narrowings across accept(). */
  private token(): string | null {
    return this.tok;
  }

  private getMembers(): QAPIObject {
    const expr: QAPIObject = new Map();
    if (this.token() === '}') {
      this.accept();
      return expr;
    }
    if (this.token() !== "'") throw this.parseError("expected string or '}'");
    for (;;) {
      const key = this.val as string;
      this.accept();
      if (this.token() !== ':') throw this.parseError("expected ':'");
      this.accept();
      if (expr.has(key)) throw this.parseError(`duplicate key '${key}'`);
      expr.set(key, this.getExpr());
      if (this.token() === '}') {
        this.accept();
        return expr;
      }
      if (this.token() !== ',') throw this.parseError("expected ',' or '}'");
      this.accept();
      if (this.token() !== "'") throw this.parseError('expected string');
    }
  }

  private getValues(): QAPIValue[] {
    const expr: QAPIValue[] = [];
    if (this.token() === ']') {
      this.accept();
      return expr;
    }
    const t = this.token();
    if (!(t === '{' || t === '[' || t === "'" || t === 't' || t === 'f')) {
      throw this.parseError(
        this.options.legacyGrammar
          ? "expected '{', '[', ']', string, boolean or 'null'"
          : "expected '{', '[', ']', string, or boolean",
      );
    }
    for (;;) {
      expr.push(this.getExpr());
      if (this.token() === ']') {
        this.accept();
        return expr;
      }
      if (this.token() !== ',') throw this.parseError("expected ',' or ']'");
      this.accept();
    }
  }

  private getExpr(): QAPIValue {
    const t = this.tok;
    if (t === '{' || t === '[') {
      if (this.depth >= MAX_NESTING) throw this.parseError('expressions nested too deeply');
      this.depth++;
      this.accept();
      const expr = t === '{' ? this.getMembers() : this.getValues();
      this.depth--;
      return expr;
    }
    if (t === "'" || t === 't' || t === 'f') {
      const expr = this.val as string | boolean;
      this.accept();
      return expr;
    }
    throw this.parseError(
      this.options.legacyGrammar
        ? "expected '{', '[', string, boolean or 'null'"
        : "expected '{', '[', string, or boolean",
    );
  }
}

/** An included file that is not QAPI schema at all (it may be /proc/self/environ): say so at the include. */
class NotSchemaText extends Error {}

/** The file just read takes the tree past MAX_TREE_CHARS: said at the include, or of the root itself. */
class TreeTooLarge extends Error {}

const TREE_CAP = `${MAX_TREE_CHARS / MiB} MiB, the cap on a whole schema tree`;

/**
 * Did an included file fail before yielding anything, on its very first token
 * or with a stray token (the one message that quotes a run of the file)?
 * QEMU would print that text; a file of secrets would land in a build log.
 */
function isNotSchemaText(err: unknown, fname: string, lexedFirst: boolean, yielded: number): boolean {
  if (!(err instanceof QapiError) || err.col === null || err.file !== fname || yielded > 0) return false;
  return !lexedFirst || err.msg.startsWith("stray '");
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function rejectExprDoc(doc: QAPIDoc | null): void {
  if (doc && doc.symbol) {
    throw new QapiError(doc.info, `documentation for '${doc.symbol}' is not followed by the definition`);
  }
}

/**
 * Parse a root schema file and everything it includes. An unreadable root is
 * reported as QEMU's QAPISchema does: "can't read schema file 'P': strerror".
 */
export function parseSchema(rootFile: string, host: SchemaHost, options?: Partial<QapiOptions>): ParseResult {
  try {
    const parser = new QAPISchemaParser(rootFile, host, options);
    return { exprs: parser.exprs, docs: parser.docs };
  } catch (err) {
    if (err instanceof QapiError) throw err;
    if (err instanceof SchemaReadError) {
      throw new UnreadableRootError(rootFile, err.strerror);
    }
    if (err instanceof TreeTooLarge) throw new QapiError(null, `schema file '${rootFile}' is larger than ${TREE_CAP}`);
    // a host or internal failure must still surface as a schema error
    throw new QapiError(null, `internal error while parsing '${rootFile}': ${String(err)}`);
  }
}
