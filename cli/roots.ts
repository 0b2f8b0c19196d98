// A schema on the command line, the same for every command: a tree's root
// file, a QEMU source tree or schema folder (rootFileOf), or a file holding a
// query-qmp-schema reply; relative to the working directory. Guarantees the
// file to load, the release a tree there is read as (releaseOfRoot: a given
// --qemu-version, else the tree's VERSION file, else its path), and one place
// that says so on stderr when those are not simply its own release's rules.
import path from 'node:path';
import type { CliIO } from './main';
import { QapiError, UnreadableRootError } from '../lib/qapi/error';
import { escapeForTerminal, escapeLines } from '../lib/qapi/escape';
import { isIntrospectionFile, releaseOfRoot, rootFileOf } from '../lib/qapi/node';
import type { ReleaseChoice } from '../lib/qapi/release-of';
import type { ReleaseRules } from '../lib/qapi/releases';

export interface SchemaArg {
  /** as typed */
  arg: string;
  /** the root file to load */
  file: string;
  /** the rules a tree there is read with, and why */
  release: ReleaseChoice;
}

export function schemaArg(arg: string, io: CliIO, qemuVersion?: string): SchemaArg {
  // spelled as typed where it can be: QEMU's messages name files as they were given
  const typed = path.isAbsolute(arg) || path.resolve(io.cwd) === process.cwd() ? arg : path.join(io.cwd, arg);
  const file = rootFileOf(typed);
  return { arg, file, release: releaseOfRoot(file, qemuVersion) };
}

/**
 * The note on a tree's rules, when they need one (none for a query-qmp-schema
 * reply, which no rules read), with the option that picks others, if any.
 */
function noteRelease(io: CliIO, command: string, schema: SchemaArg, option?: string): void {
  if (!schema.release.note || isIntrospectionFile(schema.file)) return;
  const hint = option ? ` (${option} X.Y picks another)` : '';
  io.stderr(`qapi-explorer ${command}: note: ${escapeForTerminal(schema.arg)}: ${schema.release.note}${hint}\n`);
}

/**
 * Load a schema argument with `load`, then say its note (unless quiet). A
 * schema error is printed (the note, then QEMU's text) and comes back as
 * 'unreadable' (the root could not be read) or 'invalid'; any other
 * exception is a bug and goes on up.
 */
export function loadSchemaArg<T>(
  io: CliIO,
  command: string,
  schema: SchemaArg,
  load: (file: string, rules: ReleaseRules) => T,
  { option, quiet = false }: { option?: string; quiet?: boolean } = {},
): { value: T } | { fault: 'unreadable' | 'invalid' } {
  try {
    const value = load(schema.file, schema.release.rules);
    if (!quiet) noteRelease(io, command, schema, option);
    return { value };
  } catch (err) {
    if (!(err instanceof QapiError)) throw err;
    const unreadable = err instanceof UnreadableRootError;
    if (!unreadable) noteRelease(io, command, schema, option);
    io.stderr(`${escapeLines(String(err))}\n`);
    return { fault: unreadable ? 'unreadable' : 'invalid' };
  }
}
