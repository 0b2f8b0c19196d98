// Where a piece of schema text came from: file, line and include chain.
// Port of QEMU scripts/qapi/source.py; the string forms (loc, inDefn,
// includePath, toString) are part of the error-message contract.

export interface QAPISchemaPragma {
  /** Are documentation comments required? */
  docRequired: boolean;
  /** Commands whose names may use '_' */
  commandNameExceptions: string[];
  /** Commands allowed to return a non-dictionary */
  commandReturnsExceptions: string[];
  /** Types, commands and events with undocumented members */
  documentationExceptions: string[];
  /** Types whose member names may violate case conventions */
  memberNameExceptions: string[];
}

export function newPragma(): QAPISchemaPragma {
  return {
    docRequired: false,
    commandNameExceptions: [],
    commandReturnsExceptions: [],
    documentationExceptions: [],
    memberNameExceptions: [],
  };
}

export class QAPISourceInfo {
  line = 1;
  defnMeta: string | null = null;
  defnName: string | null = null;
  readonly pragma: QAPISchemaPragma;

  constructor(
    readonly fname: string,
    readonly parent: QAPISourceInfo | null,
    /** shared by a file and everything it includes; a clone keeps its original's */
    pragma?: QAPISchemaPragma,
  ) {
    this.pragma = pragma ?? (parent ? parent.pragma : newPragma());
  }

  setDefn(meta: string, name: string): void {
    this.defnMeta = meta;
    this.defnName = name;
  }

  nextLine(): QAPISourceInfo {
    const info = this.clone();
    info.line += 1;
    return info;
  }

  /** This location when it is on `line`, else a copy of it there: one object per line, as the parser makes them. */
  atLine(line: number): QAPISourceInfo {
    if (this.line === line) return this;
    const info = this.clone();
    info.line = line;
    return info;
  }

  clone(): QAPISourceInfo {
    // the parser clones once per line: a plain constructor call keeps every
    // info on one hidden class and is far cheaper than Object.assign when cold
    const info = new QAPISourceInfo(this.fname, this.parent, this.pragma);
    info.line = this.line;
    info.defnMeta = this.defnMeta;
    info.defnName = this.defnName;
    return info;
  }

  loc(): string {
    return `${this.fname}:${this.line}`;
  }

  inDefn(): string {
    return this.defnName ? `${this.fname}: In ${this.defnMeta} '${this.defnName}':\n` : '';
  }

  includePath(): string {
    let ret = '';
    for (let parent = this.parent; parent; parent = parent.parent) {
      ret = `In file included from ${parent.loc()}:\n` + ret;
    }
    return ret;
  }

  toString(): string {
    return this.includePath() + this.inDefn() + this.loc();
  }
}
