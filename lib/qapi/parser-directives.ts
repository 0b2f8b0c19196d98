// Helpers for the parser's directives and file reading (scripts/qapi/parser.py
// _pragma and the OSError handling of _include / QAPISchema; spec:
// docs/devel/qapi-code-gen.rst "Pragma directives"). Receives a pragma
// name/value or a host's read failure; guarantees QEMU's messages, including
// its strerror texts for Node's error codes.
import { QapiError } from './error';
import type { QAPIValue } from './parser';
import type { ReleaseRules } from './releases';
import type { QAPISourceInfo } from './source';

/** Thrown by the constructor when the file itself cannot be read (QEMU's OSError). */
export class SchemaReadError extends Error {
  constructor(
    readonly fname: string,
    readonly strerror: string,
  ) {
    super(`${fname}: ${strerror}`);
    this.name = 'SchemaReadError';
  }
}

const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
  EIO: 'Input/output error',
};

/** Why an include of a FIFO, a device or a socket is refused (a host's readFile says so). */
export const NOT_A_REGULAR_FILE = 'not a regular file (a FIFO or a device may block or never end)';

export function strerrorOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(STRERROR, code)) return STRERROR[code]!;
  if (err instanceof Error && err.message) return err.message;
  return String(err);
}

/** Set pragma `name` as the release's generator does (rules.pragmas lists the names it knows). */
export function applyPragma(name: string, value: QAPIValue, info: QAPISourceInfo, rules: ReleaseRules): void {
  const checkListStr = (): string[] => {
    if (!Array.isArray(value) || value.some((elt) => typeof elt !== 'string')) {
      throw new QapiError(info, `pragma ${name} must be a list of strings`);
    }
    return value as string[];
  };
  const pragma = info.pragma;
  const field = Object.hasOwn(rules.pragmas, name) ? rules.pragmas[name] : undefined;
  if (field === 'docRequired') {
    if (typeof value !== 'boolean') throw new QapiError(info, "pragma 'doc-required' must be boolean");
    pragma.docRequired = value;
  } else if (field) {
    pragma[field] = checkListStr();
  } else {
    throw new QapiError(info, `unknown pragma '${name}'`);
  }
}
