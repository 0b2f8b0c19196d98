// `qapi-explorer diff <old> <new>`: what changed on the wire between two
// schema trees, judged by QEMU's compatibility rules. Receives argv after
// 'diff'; guarantees exit 0 when nothing is incompatible, 1 when something is,
// 2 on usage or schema errors (QEMU's error text on stderr).
import path from 'node:path';
import { defineCommand, formatOption, parseCommandArgs, versionOption } from './args';
import type { CliIO } from './main';
import { loadSchemaArg, schemaArg, type SchemaArg } from './roots';
import type { SchemaModel } from '../lib/qapi/model';
import { loadRootModelFromDisk } from '../lib/qapi/node';
import { diffSchemas } from '../lib/diff/diff';
import { formatDiff } from '../lib/diff/format';
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
  --qemu-version-new <X.Y>     to each side (default: its VERSION file, else
                               its path, else the newest, said on stderr)
  -h, --help                   show this help

Exit status: 0 nothing incompatible, 1 something incompatible, 2 usage or
schema error.
`;

const SPEC = defineCommand({
  command: 'diff',
  usage: DIFF_USAGE,
  options: {
    format: formatOption('text', 'json', 'markdown'),
    'incompatible-only': { type: 'boolean' },
    'qemu-version-old': versionOption,
    'qemu-version-new': versionOption,
  },
  operands: [{ missing: 'missing the old and new schemas' }, { missing: 'missing the new schema' }],
});

/** How a side is named in the output: an introspection's version and target, the tree's directory ('10.2.2'), else the path as given. */
function label(side: SchemaArg, model: SchemaModel): string {
  const origin = model.origin;
  const introspected = origin?.kind === 'introspection' ? introspectionLabel(origin) : null;
  if (introspected) return introspected;
  const dir = path.dirname(side.file);
  return path.basename(dir) === 'qapi' ? path.basename(path.dirname(dir)) : side.arg;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const versions = [values['qemu-version-old'], values['qemu-version-new']];
  const sides = parsed.operands.map((arg, i) => schemaArg(arg, io, versions[i]));
  const models: SchemaModel[] = [];
  for (const [i, side] of sides.entries()) {
    const option = i ? '--qemu-version-new' : '--qemu-version-old';
    const loaded = loadSchemaArg(io, 'diff', side, loadRootModelFromDisk, { option });
    if ('fault' in loaded) return 2;
    models.push(loaded.value);
  }
  const diff = diffSchemas(models[0]!, models[1]!);
  io.stdout(
    formatDiff(diff, values.format ?? 'text', {
      oldLabel: label(sides[0]!, models[0]!),
      newLabel: label(sides[1]!, models[1]!),
      incompatibleOnly: values['incompatible-only'] ?? false,
    }),
  );
  return diff.changes.some((c) => c.verdict === 'incompatible') ? 1 : 0;
}
