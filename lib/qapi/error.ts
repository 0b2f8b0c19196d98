// The one error type for schema problems. Port of QEMU scripts/qapi/error.py:
// String(err) is exactly what QEMU's generator prints for the same fault.
import type { QAPISourceInfo } from './source';

export class QapiError extends Error {
  constructor(
    /** null where there is no location: the unreadable root (as QEMU says it), a whole reply, an internal fault */
    readonly info: QAPISourceInfo | null,
    readonly msg: string,
    /** 1-based column, set for lexical and syntax errors only (as in QEMU) */
    readonly col: number | null = null,
  ) {
    super(msg);
    this.name = 'QapiError';
  }

  get file(): string | null {
    return this.info?.fname ?? null;
  }

  get line(): number | null {
    return this.info?.line ?? null;
  }

  /** The full text QEMU prints: include chain, "In <meta> '<name>':", file:line[:col]: msg */
  override toString(): string {
    if (!this.info) return this.msg;
    let loc = this.info.toString();
    if (this.col !== null) loc += `:${this.col}`;
    return `${loc}: ${this.msg}`;
  }
}

/** QEMU's QAPISemError: a semantic error, located at a definition's start line. */
export function semError(info: QAPISourceInfo | null, msg: string): QapiError {
  return new QapiError(info, msg);
}

/** The root schema file could not be read: QEMU's words, without a location; a fault of I/O, not of a schema. */
export class UnreadableRootError extends QapiError {
  constructor(rootFile: string, strerror: string) {
    super(null, `can't read schema file '${rootFile}': ${strerror}`);
  }
}
