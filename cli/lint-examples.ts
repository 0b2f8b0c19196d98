// `qapi-explorer lint-examples <root>`: check every qmp-example of a schema
// tree against the schema (lib/validate/lint-examples.ts). Receives argv after
// 'lint-examples'; prints the examples that are invalid or not checkable with
// their issues at schema source lines, then the summary; the last line is
// `examples: V valid, I invalid, S not checkable`. Exit 0 if no example is
// invalid, 1 if some is, 2 on usage or schema errors.
import path from 'node:path';
import { isQemuVersion } from './args';
import type { CliIO } from './main';
import { QapiError } from '../lib/qapi/error';
import { loadModelFromDisk } from '../lib/qapi/node';
import { optionsForTree } from '../lib/qapi/options';
import { formatLintReport, lintExamples } from '../lib/validate/lint-examples';
import type { ValidatorOptions } from '../lib/validate/types';

export const LINT_USAGE = `Usage: qapi-explorer lint-examples [options] <qapi-schema.json>

Check every '.. qmp-example::' in the schema's doc comments: commands against
their arguments, replies against the returns of the command they answer in
the same example, events against their data.  Prints each example that is
invalid or not checkable (elided with '...'), then a summary; the last line
is 'examples: V valid, I invalid, S not checkable'.

Options:
  --qemu-version X.Y   read the tree as that QEMU release does (default: from the path)
  --lenient            unknown members are warnings, not errors
  --deprecated=error   deprecated things are errors
  --format text|json   text (default) or the whole report as one JSON document
  -v, --verbose        list valid examples and warnings too
  -h, --help           show this help

Exit status: 0 no invalid example, 1 some example invalid, 2 usage or schema error.
`;

function usageError(io: CliIO, message: string): number {
  io.stderr(`qapi-explorer lint-examples: ${message}\n\n${LINT_USAGE}`);
  return 2;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  let root: string | undefined;
  let format = 'text';
  let verbose = false;
  let version: string | undefined;
  const options: ValidatorOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') {
      io.stdout(LINT_USAGE);
      return 0;
    } else if (arg === '--qemu-version' || arg.startsWith('--qemu-version=')) {
      version = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (!isQemuVersion(version)) {
        return usageError(io, '--qemu-version needs a version such as 7.2 or 10.2.2');
      }
    } else if (arg === '--lenient') options.mode = 'lenient';
    else if (arg === '--deprecated=error' || arg === '--deprecated=warn')
      options.deprecated = arg.endsWith('error') ? 'error' : 'warn';
    else if (arg === '-v' || arg === '--verbose') verbose = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      format = arg.includes('=') ? arg.slice(9) : (args[++i] ?? '');
      if (format !== 'text' && format !== 'json')
        return usageError(io, `--format takes 'text' or 'json', not '${format}'`);
    } else if (arg.startsWith('-')) return usageError(io, `unknown option '${arg}'`);
    else if (root === undefined) root = arg;
    else return usageError(io, `unexpected argument '${arg}'`);
  }
  if (!root) return usageError(io, 'missing the root schema file');
  const file = path.resolve(io.cwd, root);
  let report;
  try {
    report = lintExamples(loadModelFromDisk(file, optionsForTree(version ?? file)), options);
  } catch (err) {
    if (err instanceof QapiError) {
      io.stderr(`${String(err)}\n`);
      return 2;
    }
    io.stderr(`qapi-explorer lint-examples: cannot load ${root}: ${(err as Error).message}\n`);
    return 2;
  }
  io.stdout(format === 'json' ? JSON.stringify(report) + '\n' : formatLintReport(report, verbose) + '\n');
  return report.summary.invalid > 0 ? 1 : 0;
}
