// `qapi-explorer check <root>`: load a schema tree exactly as QEMU's generator
// would, or a running QEMU's query-qmp-schema reply (told apart by content),
// and report the outcome. Receives argv after 'check'; guarantees exit 0
// with a summary on stdout, 1 with QEMU's exact error text (or the reply's
// fault at line:col) on stderr, 2 for usage errors. Differences between QEMU
// releases come from lib/qapi/releases.ts (chosen from --qemu-version, else
// from the root's path).
import { isOption, isQemuVersion, misplacedArgument } from './args';
import type { CliIO } from './main';
import { QapiError, UnreadableRootError } from '../lib/qapi/error';
import { escapeForTerminal, escapeLines } from '../lib/qapi/escape';
import type { SchemaModel } from '../lib/qapi/model';
import { loadSchemaRootFromDisk } from '../lib/qapi/node';
import { QAPISchemaDefinition, QAPISchemaInclude, type QAPISchema } from '../lib/qapi/schema/index';
import { optionsForTree, type QapiOptions } from '../lib/qapi/options';

export const CHECK_USAGE = `Usage: qapi-explorer check [options] <path/to/qapi-schema.json | query-qmp-schema reply>

Parse and check a QAPI schema tree as QEMU's scripts/qapi does.  Prints a
summary (modules, definitions by kind, events) and exits 0, or prints the
error exactly as QEMU would and exits 1.

The file may instead hold a running QEMU's reply to {"execute":
"query-qmp-schema"} (alone, as {"return": [...]}, or inside a QMP dump or
transcript); the summary then counts its entities, commands and events and
names the QEMU version when the file also holds query-version's reply.

Options:
  --qemu-version <X.Y>  read the tree as that QEMU release's generator does
                        (5.2 ... 10.2; default: the version in the path,
                        else the newest)
  --json                print the summary as JSON
  -q, --quiet           print nothing on success
  -h, --help            show this help
`;

interface CheckArgs {
  root: string;
  options: QapiOptions;
  json: boolean;
  quiet: boolean;
}

function parseArgs(args: string[], io: CliIO): CheckArgs | number {
  let root: string | undefined;
  let version: string | undefined;
  let json = false;
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') {
      io.stdout(CHECK_USAGE);
      return 0;
    } else if (arg === '--json') {
      json = true;
    } else if (arg === '-q' || arg === '--quiet') {
      quiet = true;
    } else if (arg === '--qemu-version' || arg.startsWith('--qemu-version=')) {
      version = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (!isQemuVersion(version)) {
        return usageError(io, `--qemu-version needs a version such as 10.0 or 10.2.2`);
      }
    } else if (root === undefined && !isOption(arg)) {
      root = arg;
    } else {
      return usageError(io, misplacedArgument(arg));
    }
  }
  if (root === undefined) return usageError(io, 'missing the root schema file');
  return { root, options: optionsForTree(version ?? root), json, quiet };
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`qapi-explorer check: ${message}\n\n${CHECK_USAGE}`);
  return 2;
}

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
  const parsed = parseArgs(args, io);
  if (typeof parsed === 'number') return parsed;
  let schema: QAPISchema;
  try {
    const root = loadSchemaRootFromDisk(parsed.root, parsed.options);
    if (root.kind === 'introspection') {
      if (parsed.quiet) return 0;
      const summary = summarizeIntrospection(root.model);
      io.stdout(parsed.json ? `${JSON.stringify(summary, null, 2)}\n` : formatIntrospectionSummary(summary));
      return 0;
    }
    schema = root.schema;
  } catch (err) {
    if (err instanceof QapiError) {
      io.stderr(`${escapeLines(String(err))}\n`);
      // the root itself unreadable is an I/O error (status 2, as `validate --schema` gives), not a schema error
      return err instanceof UnreadableRootError ? 2 : 1;
    }
    throw err;
  }
  if (parsed.quiet) return 0;
  const summary = summarize(schema);
  io.stdout(parsed.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  return 0;
}
