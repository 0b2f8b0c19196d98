// `qapi-explorer diff <old> <new>`: what changed on the wire between two
// schema trees, judged by QEMU's compatibility rules. Receives argv after
// 'diff'; guarantees exit 0 when nothing is incompatible, 1 when something is,
// 2 on usage or schema errors (QEMU's error text on stderr).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isOption, isQemuVersion, misplacedArgument } from './args';
import type { CliIO } from './main';
import { QapiError } from '../lib/qapi/error';
import type { SchemaModel } from '../lib/qapi/model';
import { loadRootModelFromDisk } from '../lib/qapi/node';
import { optionsForTree } from '../lib/qapi/options';
import { diffSchemas } from '../lib/diff/diff';
import { formatDiff, type DiffFormat } from '../lib/diff/format';
import { escapeLines } from '../lib/qapi/escape';
import { introspectionLabel } from '../lib/site/introspection-label';

export const DIFF_USAGE = `Usage: qapi-explorer diff [options] <old> <new>

Compare two QAPI schemas by what clients see on the wire (type names,
member order and moves into a base are invisible) and judge each change by
QEMU's compatibility rules (docs/devel/qapi-code-gen.rst).  <old> and <new>
are root schema files (qapi/qapi-schema.json), QEMU source trees, or files
holding a running QEMU's query-qmp-schema reply (a QMP dump will do).

Options:
  --format text|json|markdown  output format (default: text); Markdown is
                               ready to paste into a mailing-list reply
  --incompatible-only          list only incompatible changes
  --qemu-version-old <X.Y>     the QEMU release whose doc-comment rules apply
  --qemu-version-new <X.Y>     to each side (default: guessed from the path)
  -h, --help                   show this help

Exit status: 0 nothing incompatible, 1 something incompatible, 2 usage or
schema error.
`;

interface DiffArgs {
  roots: [string, string];
  versions: [string | undefined, string | undefined];
  format: DiffFormat;
  incompatibleOnly: boolean;
}

const FORMATS: DiffFormat[] = ['text', 'json', 'markdown'];

function parseArgs(args: string[], io: CliIO): DiffArgs | number {
  const roots: string[] = [];
  const versions: [string | undefined, string | undefined] = [undefined, undefined];
  let format: DiffFormat = 'text';
  let incompatibleOnly = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args[++i]);
    if (arg === '-h' || arg === '--help') {
      io.stdout(DIFF_USAGE);
      return 0;
    } else if (name === '--format') {
      const f = value();
      if (!FORMATS.includes(f as DiffFormat)) return usageError(io, `--format needs one of ${FORMATS.join(', ')}`);
      format = f as DiffFormat;
    } else if (arg === '--incompatible-only') {
      incompatibleOnly = true;
    } else if (name === '--qemu-version-old' || name === '--qemu-version-new') {
      const v = value();
      if (!isQemuVersion(v)) return usageError(io, `${name} needs a version such as 10.0 or 10.2.2`);
      versions[name.endsWith('old') ? 0 : 1] = v;
    } else if (roots.length < 2 && !isOption(arg)) {
      roots.push(arg);
    } else {
      return usageError(io, misplacedArgument(arg));
    }
  }
  if (roots.length < 2) {
    return usageError(io, roots.length ? 'missing the new schema' : 'missing the old and new schemas');
  }
  return { roots: [roots[0], roots[1]], versions, format, incompatibleOnly };
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`qapi-explorer diff: ${message}\n\n${DIFF_USAGE}`);
  return 2;
}

/** A QEMU source tree stands for its qapi/qapi-schema.json. */
function rootFile(arg: string, cwd: string): string {
  const p = path.resolve(cwd, arg);
  if (existsSync(p) && statSync(p).isDirectory()) {
    for (const candidate of ['qapi/qapi-schema.json', 'qapi-schema.json']) {
      if (existsSync(path.join(p, candidate))) return path.join(p, candidate);
    }
  }
  return p;
}

/** How a side is named in the output: an introspection's version and target, the tree's directory ('10.2.2'), else the path as given. */
function label(arg: string, file: string, model: SchemaModel): string {
  const origin = model.origin;
  const introspected = origin?.kind === 'introspection' ? introspectionLabel(origin) : null;
  if (introspected) return introspected;
  const dir = path.dirname(file);
  return path.basename(dir) === 'qapi' ? path.basename(path.dirname(dir)) : arg;
}

/** The one place a side is loaded: a tree's root, or a query-qmp-schema reply (lib/qapi/root.ts tells them apart). */
function loadSide(file: string, version: string | undefined): SchemaModel {
  return loadRootModelFromDisk(file, optionsForTree(version ?? file));
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, io);
  if (typeof parsed === 'number') return parsed;
  const models: SchemaModel[] = [];
  const files = parsed.roots.map((r) => rootFile(r, io.cwd));
  for (const [i, file] of files.entries()) {
    try {
      models.push(loadSide(file, parsed.versions[i]));
    } catch (err) {
      if (err instanceof QapiError) io.stderr(`${escapeLines(String(err))}\n`);
      else
        io.stderr(
          escapeLines(`qapi-explorer diff: cannot load schema ${parsed.roots[i]}: ${(err as Error).message}`) + '\n',
        );
      return 2;
    }
  }
  const diff = diffSchemas(models[0], models[1]);
  io.stdout(
    formatDiff(diff, parsed.format, {
      oldLabel: label(parsed.roots[0], files[0], models[0]),
      newLabel: label(parsed.roots[1], files[1], models[1]),
      incompatibleOnly: parsed.incompatibleOnly,
    }),
  );
  return diff.changes.some((c) => c.verdict === 'incompatible') ? 1 : 0;
}
