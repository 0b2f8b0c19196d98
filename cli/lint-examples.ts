// `qapi-explorer lint-examples <root>`: check every qmp-example of a schema
// tree against the schema (lib/validate/lint-examples.ts). Receives argv after
// 'lint-examples'; prints the examples that are invalid or not checkable with
// their issues at schema source lines, then the summary; the last line is
// `examples: V valid, I invalid, S not checkable`. Exit 0 if no example is
// invalid, 1 if some is, 2 on usage or schema errors.
import {
  defineCommand,
  formatOption,
  parseCommandArgs,
  validatorOptions,
  VALIDATOR_OPTIONS,
  versionOption,
} from './args';
import type { CliIO } from './main';
import { loadSchemaArg, schemaArg } from './roots';
import { loadModelFromDisk } from '../lib/qapi/node';
import { formatLintReport, lintExamples } from '../lib/validate/lint-examples';

export const LINT_USAGE = `Usage: qapi-explorer lint-examples [options] <root>

Check every '.. qmp-example::' in the schema's doc comments: commands against
their arguments, replies against the returns of the command they answer in
the same example, events against their data.  Prints each example that is
invalid or not checkable (elided with '...'), then a summary; the last line
is 'examples: V valid, I invalid, S not checkable'.  <root> is the tree's
root file (qapi/qapi-schema.json) or a folder holding one.

Options:
  --qemu-version X.Y   read the tree as that QEMU release does (default: its
                       VERSION file, else its path, else the newest, said on
                       stderr)
  --lenient            unknown members are warnings, not errors
  --deprecated=error   deprecated things are errors
  --format text|json   text (default) or the whole report as one JSON document
  -v, --verbose        list valid examples and warnings too
  -h, --help           show this help

Exit status: 0 no invalid example, 1 some example invalid, 2 usage or schema error.
`;

const SPEC = defineCommand({
  command: 'lint-examples',
  usage: LINT_USAGE,
  options: {
    'qemu-version': versionOption,
    ...VALIDATOR_OPTIONS,
    format: formatOption('text', 'json'),
    verbose: { type: 'boolean', short: 'v' },
  },
  operands: [{ missing: 'missing the root schema file' }],
});

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const schema = schemaArg(parsed.operands[0]!, io, values['qemu-version']);
  const loaded = loadSchemaArg(io, 'lint-examples', schema, loadModelFromDisk, { option: '--qemu-version' });
  if ('fault' in loaded) return 2;
  const report = lintExamples(loaded.value, validatorOptions(values));
  const verbose = values.verbose ?? false;
  io.stdout(values.format === 'json' ? JSON.stringify(report) + '\n' : formatLintReport(report, verbose) + '\n');
  return report.summary.invalid > 0 ? 1 : 0;
}
