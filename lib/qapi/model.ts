// The schema model as plain data: what the docs site, the validator and the CLI
// consume. It is produced from the checked QEMU-style entities (schema.ts) by
// toModel() and is JSON-serialisable, so it crosses the server/client boundary
// and can be shipped to the browser as-is.
//
// Entities are listed in QEMU's definition order (modules in first-seen order,
// implicit types right before their user), exactly as QEMU's dump lists them.
// Types are referenced by name; buildIndex() gives the name -> entity map.

/** An `if` condition, as written in the schema: 'CONFIG_X' | {all} | {any} | {not}. */
export type IfCond = string | { all: IfCond[] } | { any: IfCond[] } | { not: IfCond };

/** A source position. `file` is the module name (path relative to the root schema's directory). */
export interface Loc {
  file: string;
  line: number;
}

export interface Feature {
  name: string;
  if?: IfCond;
  /** true for the special features 'deprecated' and 'unstable' */
  special: boolean;
}

/** A member of an object type (struct, union base, implicit argument type). */
export interface Member {
  name: string;
  /** type name: a builtin ('str', 'int', ...), a named type, or an array type ('<Elem>List') */
  type: string;
  optional: boolean;
  if?: IfCond;
  features: Feature[];
  /** name of the object type that declares the member (a base type for inherited members) */
  definedIn: string;
  /** its description from the declaring type's doc comment, raw rST; absent when undocumented */
  description?: DocText;
}

export interface EnumValue {
  name: string;
  if?: IfCond;
  features: Feature[];
  description?: DocText;
}

/** A union branch: discriminator value -> object type (implicit empty branches use 'q_empty'). */
export interface Branch {
  /** the discriminator's enum value */
  value: string;
  type: string;
  if?: IfCond;
}

/** An alternate's alternative: the JSON kind of the value selects it. */
export interface Alternative {
  name: string;
  type: string;
  if?: IfCond;
  description?: DocText;
}

interface EntityBase {
  name: string;
  /** module name, './builtin' for builtins */
  module: string;
  /** null for builtins */
  loc: Loc | null;
  if?: IfCond;
  features: Feature[];
  /** implicit types (q_obj_*-arg, q_obj_*-base, arrays, q_empty, QType) are not written in the schema */
  implicit: boolean;
  /** null when the definition has no doc comment (or is implicit / builtin) */
  doc: Doc | null;
}

/** JSON kinds as QEMU's introspection names them (QType values minus the q prefix) */
export type JsonKind = 'string' | 'number' | 'int' | 'boolean' | 'null' | 'object' | 'array' | 'value';

export interface BuiltinType extends EntityBase {
  meta: 'builtin';
  /** the JSON type QEMU's manual prints: string number int boolean null value */
  jsonType: 'string' | 'number' | 'int' | 'boolean' | 'null' | 'value';
  /**
   * true for an introspected 'int': query-qmp-schema maps every integer type
   * (int8 … uint64, size) to 'int', so only integrality and the widest range
   * (-2^63 .. 2^64-1) can be checked, not the member's own width
   */
  anyInteger?: true;
}

export interface EnumType extends EntityBase {
  meta: 'enum';
  values: EnumValue[];
  prefix?: string;
}

export interface ArrayType extends EntityBase {
  meta: 'array';
  elementType: string;
}

/** A struct, or an implicit object type (command/event arguments, inline union base). */
export interface StructType extends EntityBase {
  meta: 'struct';
  /** named base type, if any */
  base?: string;
  /** all members in wire order: inherited base members first, each with definedIn */
  members: Member[];
}

export interface UnionType extends EntityBase {
  meta: 'union';
  /** the base type: a named struct, or the implicit 'q_obj_<Name>-base' for an inline base */
  base: string;
  /** base members (the discriminator among them), with definedIn */
  members: Member[];
  discriminator: string;
  /** the discriminator's enum type */
  tagType: string;
  /** one branch per enum value, in declaration order; values without a branch get 'q_empty' */
  branches: Branch[];
}

export interface AlternateType extends EntityBase {
  meta: 'alternate';
  alternatives: Alternative[];
}

export interface Command extends EntityBase {
  meta: 'command';
  /** argument type (usually implicit 'q_obj_<name>-arg'), absent when none */
  argType?: string;
  returns?: string;
  boxed: boolean;
  gen: boolean;
  successResponse: boolean;
  allowOob: boolean;
  allowPreconfig: boolean;
  coroutine: boolean;
}

export interface Event extends EntityBase {
  meta: 'event';
  /** data type (usually implicit 'q_obj_<NAME>-arg'), absent when the event has no data */
  argType?: string;
  boxed: boolean;
}

export type TypeEntity = BuiltinType | EnumType | ArrayType | StructType | UnionType | AlternateType;
export type Entity = TypeEntity | Command | Event;

/** Raw doc-comment text (reStructuredText) with the source line of its first line. */
export interface DocText {
  text: string;
  line: number;
}

/**
 * 'note' and 'example' are the 'Note(s):' and 'Example(s):' sections of
 * releases before QEMU 10 (which reject them); their text is the section's.
 */
export type DocSectionKind =
  'plain' | 'member' | 'feature' | 'returns' | 'errors' | 'since' | 'todo' | 'note' | 'example';

export interface DocSection {
  kind: DocSectionKind;
  /**
   * Releases before QEMU 10 only: the tag as written ('Returns', 'Since',
   * 'Note', 'Notes', 'Example', 'Examples', 'TODO'); absent for untagged
   * sections and in later releases.
   */
  tag?: string;
  /** member/feature name for 'member' and 'feature' sections */
  name?: string;
  /** text with the tag ('Since:') or '@name:' removed, as QEMU keeps it */
  text: string;
  /** source line where the section starts */
  line: number;
}

/** One raw line of a qmp-example with its source line number. */
export interface ExampleLine {
  text: string;
  line: number;
}

export interface QmpExample {
  /** value of the :title: option, if any */
  title?: string;
  /** prose between the messages (for a section: some line at the base indent is not a message) */
  annotated: boolean;
  /** the directive's line (for a section: the line of its tag) */
  line: number;
  /**
   * Set when the example is the body of an old-style 'Example:' /
   * 'Examples:' section (releases before QEMU 10) rather than a
   * `.. qmp-example::` directive: the tag as written. A section that numbers
   * its cases ('1. Change a medium', messages, '2. ...') gives one example per
   * case, its prose as `title`, in the order of the section.
   */
  fromSection?: 'Example' | 'Examples';
  /** body lines, dedented, blank lines kept; the content of the literal block */
  lines: ExampleLine[];
}

export interface Doc {
  /** the documented definition's name; absent for free-form blocks */
  symbol?: string;
  loc: Loc;
  /** every section in source order (body = first plain section) */
  sections: DocSection[];
  /** the intro: text of the first plain section */
  body: DocText;
  /** Since: text, e.g. '11.0' */
  since?: string;
  returns?: DocText;
  errors?: DocText;
  /** descriptions of members / arguments / values / alternatives, by name */
  args: Record<string, DocText>;
  /** descriptions of features (of the definition, its members and values), by name */
  features: Record<string, DocText>;
  /** every .. qmp-example:: block in the doc, and every old-style 'Example(s):' section body, in order */
  examples: QmpExample[];
  /**
   * Free-form blocks only: the '=' headings in the block's text (the text
   * keeps them), in order. A block that opens with one is a module title
   * ('= Title') or a subsection ('== Sub') as QEMU's manual renders them.
   */
  headings?: DocHeading[];
}

/** A reST-style section heading of a free-form doc block: '= Title' is level 1, '== Sub' level 2, ... */
export interface DocHeading {
  level: number;
  /** the heading text without the '=' marks */
  text: string;
  /** its source line */
  line: number;
}

/** The definitions of a module under one of its subsection headings, as QEMU's manual groups them. */
export interface ModuleGroup {
  /** the nearest heading before the definitions other than the module's title; null before the first one */
  heading: DocHeading | null;
  /** names of the explicit definitions (no implicit or built-in types), in definition order */
  entities: string[];
}

export interface Module {
  name: string;
  /** names of the entities defined in the module, in definition order */
  entities: string[];
  /** free-form doc blocks of the module (headings, module intro), in order */
  freeformDocs: Doc[];
  /** the module's title: its first level-1 heading ('= Title'), if any, in every release */
  title?: DocHeading;
  /**
   * The module's explicit definitions grouped under its subsections ('== Sub'
   * and deeper), in source order; one group with heading null when the module
   * has no subsection (or for the definitions before the first).
   */
  groups: ModuleGroup[];
}

/**
 * Where a model came from. A source tree describes every build of a release;
 * an introspection (query-qmp-schema) describes one running QEMU exactly: its
 * 'if' conditions resolved, type names masked ('123'), no doc text.
 */
export type SchemaOrigin =
  | { kind: 'tree' }
  | {
      kind: 'introspection';
      /** 'major.minor.micro', when the dump also holds query-version's reply or the QMP greeting */
      qemuVersion?: string;
      /** query-version's 'package', e.g. a distribution's build string */
      qemuPackage?: string;
      /** query-target's 'arch', e.g. 'x86_64' */
      target?: string;
    };

export interface SchemaModel {
  /** the root schema file as given to the loader */
  root: string;
  modules: Module[];
  entities: Entity[];
  /** absent for models built before origins were recorded: a tree */
  origin?: SchemaOrigin;
}

export type SchemaIndex = Map<string, Entity>;

export function buildIndex(model: SchemaModel): SchemaIndex {
  return new Map(model.entities.map((e) => [e.name, e]));
}

/**
 * The JSON kind of a value of this type, which is what picks an alternate's
 * alternative (qapi-code-gen.rst "Alternate types": int and number are both
 * JSON numbers); 'unknown' for a type the schema does not have.
 */
export function alternativeKind(type: Entity | undefined): string {
  switch (type?.meta) {
    case 'builtin':
      return type.jsonType === 'int' ? 'number' : type.jsonType;
    case 'enum':
      return 'string';
    case 'array':
      return 'array';
    case 'struct':
    case 'union':
    case 'alternate':
      return 'object';
    default:
      return 'unknown';
  }
}
