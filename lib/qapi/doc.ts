// A doc comment block as structured sections: port of QEMU's QAPIDoc
// (scripts/qapi/parser.py, spec: docs/devel/qapi-code-gen.rst "Documentation
// comments"). Receives lines from the parser (parser.ts) and, later, the
// members and features of the documented definition (schema.ts). Guarantees
// QEMU's section structure and texts (what test-qapi.py dumps), the stub
// sections QEMU inserts, and QEMU's error messages, each as the block's release
// has them (QEMU ≤ 8.x: sections named by tag, stub descriptions for undocumented
// members, its own doc checks; rules in releases.ts). On top of QEMU, every
// section remembers the source line of each text line so examples can be
// located exactly (doc-model.ts).
import { QapiError } from './error';
import { isPyBlank, leadingSpace } from './pytext';
import { RELEASES, type ReleaseRules } from './releases';
import type { QAPISourceInfo } from './source';

/** Section kinds, spelled as QEMU prints them (str(QAPIDoc.Kind.X)). */
export type DocKind = 'Plain' | 'Member' | 'Feature' | 'Returns' | 'Errors' | 'Since' | 'Todo' | 'Note' | 'Example';

/** What connectMember needs from a schema member (QAPISchemaMember). */
export interface DocMember {
  name: string;
  info: QAPISourceInfo | null;
  /** 'member', 'value', 'argument', ... as in QEMU's error messages */
  role: string;
}

/** What connectFeature needs from a schema feature (QAPISchemaFeature). */
export interface DocFeature {
  name: string;
  info: QAPISourceInfo | null;
}

/**
 * The lines of one doc block, with their source lines. A section owns a
 * contiguous run of them (lines only ever go to the newest section), so one
 * buffer per block replaces two growing arrays per section, and a section's
 * text is joined only when something reads it (`check` never does).
 */
export class DocLineBuffer {
  readonly texts: string[] = [];
  readonly lineNos: number[] = [];
  size = 0;

  /** Add a line; returns its index. */
  push(text: string, lineNo: number): number {
    const index = this.size++;
    this.texts[index] = text;
    this.lineNos[index] = lineNo;
    return index;
  }
}

/** '' (or, with `anySpace`, whitespace only: lines of QEMU ≤ 8.x are only right-stripped). */
function isBlankLine(text: string, anySpace: boolean): boolean {
  return text === '' || (anySpace && isPyBlank(text));
}

export class QAPIDocSection {
  /**
   * The tag as written ('Notes', 'Example', ...; null for an untagged
   * section). QEMU ≤ 8.x names sections by it; its test dump prints it.
   */
  tag: string | null = null;
  /** the block's lines; this section's run of them is [first, first + count) */
  private lines: DocLineBuffer | null = null;
  private first = 0;
  private count = 0;
  private joined: string | null = null;
  private numbers: number[] | null = null;

  constructor(
    /** where the section begins */
    public info: QAPISourceInfo,
    readonly kind: DocKind,
  ) {}

  /** section text without the tag, as QEMU keeps it; final once the block is read (end()) */
  get text(): string {
    if (this.joined !== null) return this.joined;
    const lines = this.lines;
    if (lines === null || this.count === 0) return '';
    const start = this.first;
    this.joined = this.count === 1 ? lines.texts[start] : lines.texts.slice(start, start + this.count).join('\n');
    return this.joined;
  }

  /** Source line of each line of `text` (one entry per line, final once the block is read). */
  get lineNos(): number[] {
    if (this.numbers !== null) return this.numbers;
    const lines = this.lines;
    this.numbers = lines === null || this.count === 0 ? [] : lines.lineNos.slice(this.first, this.first + this.count);
    return this.numbers;
  }

  /** No text: true until the first line is appended, and after end() for a blank section (QEMU: `not section.text`). */
  get isEmpty(): boolean {
    return this.count === 0;
  }

  /** QEMU's `text += line + '\n'`; `lines` is the block's buffer, this section's run at its end. */
  appendLine(lines: DocLineBuffer, line: string, lineNo: number): void {
    const index = lines.push(line, lineNo);
    if (this.count++ === 0) {
      this.first = index;
      this.lines = lines;
    }
  }

  /**
   * QEMU's text.strip('\n'): drop blank lines at both ends (of the run, so
   * of text and lineNos alike). With `stripSpaces` (QEMU ≤ 8.x's text.strip())
   * the first line loses its leading whitespace too (lines arrive right-stripped).
   */
  finish(stripSpaces = false): void {
    const lines = this.lines;
    if (lines === null) return;
    const texts = lines.texts;
    let start = this.first;
    let end = this.first + this.count;
    while (start < end && isBlankLine(texts[start], stripSpaces)) start++;
    while (end > start && isBlankLine(texts[end - 1], stripSpaces)) end--;
    if (stripSpaces && end > start) texts[start] = texts[start].slice(leadingSpace(texts[start]));
    this.first = start;
    this.count = end - start;
  }
}

export class QAPIDocArgSection extends QAPIDocSection {
  member: DocMember | DocFeature | null = null;

  constructor(
    info: QAPISourceInfo,
    kind: 'Member' | 'Feature',
    readonly name: string,
  ) {
    super(info, kind);
  }

  connect(member: DocMember | DocFeature): void {
    this.member = member;
  }
}

export class QAPIDoc {
  /** the sections in textual order; index 0 is the (possibly empty) intro */
  readonly allSections: QAPIDocSection[];
  /** the intro section */
  readonly body: QAPIDocSection;
  readonly args = new Map<string, QAPIDocArgSection>();
  readonly features = new Map<string, QAPIDocArgSection>();
  returns: QAPIDocSection | null = null;
  errors: QAPIDocSection | null = null;
  since: QAPIDocSection | null = null;
  /** sections other than body, args and features */
  readonly sections: QAPIDocSection[] = [];
  /** the last section while the block is read: where appendLine goes */
  private current: QAPIDocSection;
  /** the block's lines */
  private readonly lines: DocLineBuffer;
  /** how many sections of args and features have their member: all of them spares check() its scan */
  private connected = 0;

  constructor(
    /** the doc comment block's first line */
    readonly info: QAPISourceInfo,
    /** the documented definition's name; null for a free-form block */
    readonly symbol: string | null = null,
    /** the rules of the release whose tree this block belongs to */
    readonly rules: ReleaseRules = RELEASES['10.2'],
  ) {
    this.lines = new DocLineBuffer();
    this.body = new QAPIDocSection(info, 'Plain');
    this.allSections = [this.body];
    this.current = this.body;
  }

  end(): void {
    // QEMU ≤ 8.x's reader checks for empty sections itself, as it goes
    const legacy = this.rules.docReader === 'lines';
    for (let i = 0; i < this.allSections.length; i++) {
      const section = this.allSections[i];
      section.finish(legacy);
      if (!legacy && section.kind !== 'Plain' && section.isEmpty) {
        throw new QapiError(section.info, `text required after '${section.kind}:'`);
      }
    }
  }

  ensureUntaggedSection(info: QAPISourceInfo): void {
    const last = this.current;
    if (last.kind === 'Plain') {
      if (last.isEmpty) last.info = info;
      // the paragraph break stands for the blank line(s) just before this line
      last.appendLine(this.lines, '', info.line - 1);
      return;
    }
    const section = new QAPIDocSection(info, 'Plain');
    this.sections.push(section);
    this.allSections.push(section);
    this.current = section;
  }

  newTaggedSection(info: QAPISourceInfo, kind: 'Returns' | 'Errors' | 'Since' | 'Todo'): void {
    const section = new QAPIDocSection(info, kind);
    if (kind === 'Returns') {
      if (this.returns) throw new QapiError(info, `duplicated '${kind}' section`);
      this.returns = section;
    } else if (kind === 'Errors') {
      if (this.errors) throw new QapiError(info, `duplicated '${kind}' section`);
      this.errors = section;
    } else if (kind === 'Since') {
      if (this.since) throw new QapiError(info, `duplicated '${kind}' section`);
      this.since = section;
    }
    this.sections.push(section);
    this.allSections.push(section);
    this.current = section;
  }

  /** QEMU ≤ 8.x: a section named by its tag (null: untagged), after the body and descriptions. */
  newLegacySection(info: QAPISourceInfo, tag: string | null): void {
    const kind: DocKind =
      tag === null
        ? 'Plain'
        : tag === 'TODO'
          ? 'Todo'
          : tag.startsWith('Note')
            ? 'Note'
            : tag.startsWith('Example')
              ? 'Example'
              : (tag as 'Returns' | 'Since');
    const section = new QAPIDocSection(info, kind);
    section.tag = tag;
    if (kind === 'Returns') this.returns = section;
    else if (kind === 'Since') this.since = section;
    this.sections.push(section);
    this.allSections.push(section);
    this.current = section;
  }

  /** QEMU ≤ 8.x's has_section(): is there a section with this tag? */
  hasLegacySection(tag: string): boolean {
    return this.sections.some((s) => s.tag === tag);
  }

  private newDescription(
    info: QAPISourceInfo,
    name: string,
    kind: 'Member' | 'Feature',
    desc: Map<string, QAPIDocArgSection>,
  ): void {
    if (!name) throw new QapiError(info, 'invalid parameter name');
    if (desc.has(name)) throw new QapiError(info, `'${name}' parameter name duplicated`);
    const section = new QAPIDocArgSection(info, kind, name);
    this.allSections.push(section);
    this.current = section;
    desc.set(name, section);
  }

  newArgument(info: QAPISourceInfo, name: string): void {
    this.newDescription(info, name, 'Member', this.args);
  }

  newFeature(info: QAPISourceInfo, name: string): void {
    this.newDescription(info, name, 'Feature', this.features);
  }

  appendLine(line: string, lineNo: number): void {
    this.current.appendLine(this.lines, line, lineNo);
  }

  connectMember(member: DocMember): void {
    let section = this.args.get(member.name);
    if (!section && this.rules.undocumentedMembers === 'stub') {
      // QEMU ≤ 8.x: an empty description, appended
      section = new QAPIDocArgSection(this.info, 'Member', member.name);
      this.args.set(member.name, section);
      this.allSections.push(section);
    } else if (!section) {
      const exceptions = member.info?.pragma.documentationExceptions ?? [];
      if (this.symbol === null || !exceptions.includes(this.symbol)) {
        throw new QapiError(member.info, `${member.role} '${member.name}' lacks documentation`);
      }
      // stub description, placed after the last leading member section
      section = new QAPIDocArgSection(this.info, 'Member', member.name);
      this.args.set(member.name, section);
      let index = 1;
      if (this.allSections.length > 1) {
        while (index < this.allSections.length && this.allSections[index].kind === 'Member') index++;
      }
      this.allSections.splice(index, 0, section);
    }
    if (section.member === null) this.connected++;
    section.connect(member);
  }

  connectFeature(feature: DocFeature): void {
    const section = this.features.get(feature.name);
    if (!section) {
      throw new QapiError(feature.info, `feature '${feature.name}' lacks documentation`);
    }
    if (section.member === null) this.connected++;
    section.connect(feature);
  }

  /** Insert a stub 'Returns' section for a command whose return value is undocumented. */
  ensureReturns(info: QAPISourceInfo): void {
    if (this.allSections.some((s) => s.kind === 'Returns')) return;
    const stub = new QAPIDocSection(info, 'Returns');
    const insertNearLast = (kind: DocKind, after: boolean): boolean => {
      for (let pos = this.allSections.length - 1; pos >= 0; pos--) {
        if (this.allSections[pos].kind === kind) {
          this.allSections.splice(after ? pos + 1 : pos, 0, stub);
          return true;
        }
      }
      return false;
    };
    if (insertNearLast('Member', true)) return;
    if (insertNearLast('Errors', false)) return;
    if (insertNearLast('Feature', false)) return;
    this.allSections.splice(1, 0, stub);
  }

  /** `expr` is the definition's expression or its key map (only the keys matter). */
  checkExpr(exprOrElem: ReadonlyMap<string, unknown> | { expr: ReadonlyMap<string, unknown> }): void {
    const expr = exprOrElem instanceof Map ? exprOrElem : (exprOrElem as { expr: ReadonlyMap<string, unknown> }).expr;
    if (this.rules.docReader === 'lines') {
      if (this.hasLegacySection('Returns') && !expr.has('command')) {
        throw new QapiError(this.info, "'Returns:' is only valid for commands");
      }
      return;
    }
    if (expr.has('command')) {
      if (this.returns && !expr.has('returns')) {
        throw new QapiError(this.returns.info, "'Returns' section, but command doesn't return anything");
      }
    } else {
      if (this.returns) {
        throw new QapiError(this.returns.info, "'Returns' section is only valid for commands");
      }
      if (this.errors) {
        throw new QapiError(this.errors.info, "'Errors' section is only valid for commands");
      }
    }
  }

  check(): void {
    if (this.connected === this.args.size + this.features.size) return;
    const checkArgsSection = (args: Map<string, QAPIDocArgSection>, what: string): void => {
      if (args.size === 0) return;
      const bogus: string[] = [];
      args.forEach((section, name) => {
        if (!section.member) bogus.push(name);
      });
      if (bogus.length) {
        const many = bogus.length > 1;
        const legacy = this.rules.docReader === 'lines';
        throw new QapiError(
          legacy ? this.info : args.get(bogus[0])!.info,
          `documented ${what}${many ? 's' : ''} '${bogus.join("', '")}' ${many ? 'do' : 'does'} not exist`,
        );
      }
    };
    checkArgsSection(this.args, 'member');
    checkArgsSection(this.features, this.rules.bogusFeatureWord);
  }
}
