// `qapi-explorer check <root>`: load a schema tree exactly as QEMU's generator
// would, or a running QEMU's query-qmp-schema reply (told apart by content),
// and report the outcome. Receives argv after 'check'; guarantees exit 0
// with a summary on stdout, 1 with QEMU's exact error text (or the reply's
// fault at line:col) on stderr, 2 for usage errors. Differences between QEMU
// releases come from lib/qapi/releases.ts (chosen by cli/roots.ts).
import { defineCommand, formatOption, parseCommandArgs, versionOption } from './args';
import type { CliIO } from './main';
import { escapeForTerminal } from '../lib/qapi/escape';
import { loadSchemaArg, schemaArg } from './roots';
import type { SchemaModel } from '../lib/qapi/model';
import { loadSchemaRootFromDisk } from '../lib/qapi/node';
import { QAPISchemaDefinition, QAPISchemaInclude, type QAPISchema } from '../lib/qapi/schema/index';

export const CHECK_USAGE = `Usage: qapi-explorer check [options] <root>

Parse and check a QAPI schema tree as QEMU's scripts/qapi does.  Prints a
summary (modules, definitions by kind, events) and exits 0, or prints the
error exactly as QEMU would and exits 1.  <root> is the tree's root file
(qapi/qapi-schema.json) or a folder holding one (a QEMU source tree).

The file may instead hold a running QEMU's reply to {"execute":
"query-qmp-schema"} (alone, as {"return": [...]}, or inside a QMP dump or
transcript); the summary then counts its entities, commands and events and
names the QEMU version when the file also holds query-version's reply.

Options:
  --qemu-version <X.Y>  read the tree as that QEMU release's generator does
                        (5.2 ... 10.2; default: the tree's VERSION file, else
                        the version in its path, else the newest, said on
                        stderr)
  --format text|json    the summary as text (default) or JSON (--json is the
                        same as --format json)
  -q, --quiet           print nothing on success
  -h, --help            show this help

Exit status: 0 valid, 1 schema error, 2 usage error or unreadable root.
`;

const SPEC = defineCommand({
  command: 'check',
  usage: CHECK_USAGE,
  options: {
    'qemu-version': versionOption,
    format: formatOption('text', 'json'),
    json: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  },
  operands: [{ missing: 'missing the root schema file' }],
});

const DEFINITION_KINDS = ['enum', 'struct', 'union', 'alternate', 'command', 'event'] as const;

export interface CheckSummary {
  root: string;
  modules: number;
  /** QEMU's count: every entity of QAPISchema, include directives among them */
  entities: number;
  definitions: Record<(typeof DEFINITION_KINDS)[number], number>;
  implicit: number;
  builtin: number;
  includes: number;
  events: string[];
}

/**
 * Counted on the checked entities (not the plain model) so a quiet or summary
 * run skips building the model; the figures match QEMU's QAPISchema.
 */
export function summarize(schema: QAPISchema): CheckSummary {
  const definitions = Object.fromEntries(DEFINITION_KINDS.map((k) => [k, 0])) as CheckSummary['definitions'];
  let implicit = 0;
  let builtin = 0;
  let includes = 0;
  const events: string[] = [];
  for (const e of schema.entityList) {
    if (e instanceof QAPISchemaInclude) includes++;
    else if (!(e instanceof QAPISchemaDefinition)) continue;
    else if (e.module?.name === './builtin') builtin++;
    else if (e.isImplicit()) implicit++;
    else if (Object.hasOwn(definitions, e.meta)) {
      definitions[e.meta as keyof typeof definitions]++;
      if (e.meta === 'event') events.push(e.name);
    }
  }
  return {
    root: schema.fname,
    modules: schema.modules.filter((m) => m.name !== './builtin').length,
    entities: schema.entityList.length,
    definitions,
    implicit,
    builtin,
    includes,
    events,
  };
}

/** Word-wrap a list of names to ~72 columns, indented by two spaces; a dump's names are any string: escaped. */
function wrapNames(names: string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const name of names.map(escapeForTerminal)) {
    if (line && line.length + name.length + 2 > 72) {
      lines.push(line);
      line = '';
    }
    line += (line ? ' ' : '  ') + name;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export function formatSummary(s: CheckSummary): string {
  const defs = DEFINITION_KINDS.map((k) => `${s.definitions[k]} ${k}`).join(', ');
  const total = DEFINITION_KINDS.reduce((n, k) => n + s.definitions[k], 0);
  return [
    `${escapeForTerminal(s.root)}: OK`,
    `modules: ${s.modules}`,
    `entities: ${s.entities} (${total} definitions, ${s.implicit} implicit, ${s.builtin} builtin, ${s.includes} includes)`,
    `definitions: ${defs}`,
    `events (${s.events.length}):`,
    wrapNames(s.events),
    '',
  ].join('\n');
}

const TYPE_KINDS = ['builtin', 'enum', 'array', 'struct', 'union', 'alternate'] as const;

export interface IntrospectionSummary {
  root: string;
  kind: 'introspection';
  qemuVersion: string | null;
  qemuPackage: string | null;
  target: string | null;
  entities: number;
  types: Record<(typeof TYPE_KINDS)[number], number>;
  commands: number;
  events: string[];
}

export function summarizeIntrospection(model: SchemaModel): IntrospectionSummary {
  const types = Object.fromEntries(TYPE_KINDS.map((k) => [k, 0])) as IntrospectionSummary['types'];
  let commands = 0;
  const events: string[] = [];
  for (const e of model.entities) {
    if (e.meta === 'command') commands++;
    else if (e.meta === 'event') events.push(e.name);
    else types[e.meta]++;
  }
  const origin = model.origin?.kind === 'introspection' ? model.origin : null;
  return {
    root: model.root,
    kind: 'introspection',
    qemuVersion: origin?.qemuVersion ?? null,
    qemuPackage: origin?.qemuPackage ?? null,
    target: origin?.target ?? null,
    entities: model.entities.length,
    types,
    commands,
    events,
  };
}

export function formatIntrospectionSummary(s: IntrospectionSummary): string {
  // package and target are whatever strings the dump holds
  const qemu = s.qemuVersion
    ? `QEMU ${s.qemuVersion}${s.qemuPackage ? ` (${escapeForTerminal(s.qemuPackage)})` : ''}`
    : 'a QEMU of unknown version';
  const types = TYPE_KINDS.reduce((n, k) => n + s.types[k], 0);
  return [
    `${escapeForTerminal(s.root)}: OK`,
    `introspection: query-qmp-schema of ${qemu}${s.target ? `, target ${escapeForTerminal(s.target)}` : ''}`,
    `entities: ${s.entities} (${s.commands} commands, ${s.events.length} events, ${types} types)`,
    `types: ${TYPE_KINDS.map((k) => `${s.types[k]} ${k}`).join(', ')}`,
    `note: introspection names every integer type 'int', so integer widths (int8 … uint64) are not checked`,
    `events (${s.events.length}):`,
    wrapNames(s.events),
    '',
  ].join('\n');
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const json = values.json || values.format === 'json';
  const schema = schemaArg(parsed.operands[0]!, io, values['qemu-version']);
  const loaded = loadSchemaArg(io, 'check', schema, loadSchemaRootFromDisk, {
    option: '--qemu-version',
    quiet: values.quiet,
  });
  // the root itself unreadable is an I/O error (status 2, as `validate --schema` gives), not a schema error
  if ('fault' in loaded) return loaded.fault === 'unreadable' ? 2 : 1;
  if (values.quiet) return 0;
  const root = loaded.value;
  if (root.kind === 'introspection') {
    const summary = summarizeIntrospection(root.model);
    io.stdout(json ? `${JSON.stringify(summary, null, 2)}\n` : formatIntrospectionSummary(summary));
  } else {
    const summary = summarize(root.schema);
    io.stdout(json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  }
  return 0;
}
