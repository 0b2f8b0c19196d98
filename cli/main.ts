// The `qapi-explorer` command line: reads argv, picks a subcommand, runs it.
// Receives process.argv minus node and script; guarantees an exit status of
// 0 (ok), 1 (the input is bad: schema error, invalid message) or 2 (usage).
// Each subcommand is a module exporting `run(args, io): Promise<number>`;
// they are imported lazily so `check` does not pay for the validator.
// scripts/build-cli.mjs bundles this file to dist/cli.mjs.

export interface CliIO {
  /** write to standard output (text as given, no newline added) */
  stdout(text: string): void;
  /** write to standard error (text as given, no newline added) */
  stderr(text: string): void;
  /** directory relative paths are resolved against */
  cwd: string;
  /** standard input, for commands that read messages from '-' */
  stdin: NodeJS.ReadableStream;
  /** resolves once buffered stdout has drained (lets streaming commands keep memory bounded on slow pipes) */
  drain?: () => Promise<void>;
}

export interface CliCommand {
  run(args: string[], io: CliIO): Promise<number>;
}

interface CommandEntry {
  summary: string;
  load: () => Promise<CliCommand>;
}

/** Every subcommand, in the order `--help` lists them. */
const COMMANDS: Record<string, CommandEntry> = {
  check: {
    summary: 'parse and check a QAPI schema tree; print a summary or the error',
    load: () => import('./check'),
  },
  validate: {
    summary: 'validate QMP messages (events, commands, replies) against a schema',
    load: () => import('./validate'),
  },
  'lint-examples': {
    summary: "check every qmp-example of a schema against the schema's types",
    load: () => import('./lint-examples'),
  },
  diff: {
    summary: "compare two schemas on the wire and judge each change by QEMU's rules",
    load: () => import('./diff'),
  },
  review: {
    summary: "review a QAPI patch mail: base, applies, QEMU's verdict, changes, reviewer rules",
    load: () => import('./review'),
  },
  watch: {
    summary: "check a running QEMU's events as they happen, against its own schema",
    load: () => import('./watch'),
  },
};

export const USAGE = `Usage: qapi-explorer <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(15)}${c.summary}`)
  .join('\n')}

Run 'qapi-explorer <command> --help' for a command's options.
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`qapi-explorer ${process.env.QAPI_EXPLORER_VERSION ?? 'dev'}\n`);
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr(`qapi-explorer: unknown command '${name}'\n\n${USAGE}`);
    return 2;
  }
  const command = await entry.load();
  return command.run(rest, io);
}

/** process.stdout, with the EPIPE handler attached on first use: creating the stream costs start-up time `check -q` never needs. */
let stdoutStream: NodeJS.WriteStream | null = null;
function stdout(): NodeJS.WriteStream {
  if (stdoutStream) return stdoutStream;
  stdoutStream = process.stdout;
  // the reader went away (`… | head -1`): nothing more can be said, so stop quietly, as a pipe's writer should
  stdoutStream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  return stdoutStream;
}

let stderrStream: NodeJS.WriteStream | null = null;

function processIO(): CliIO {
  return {
    stdout: (text) => void stdout().write(text),
    stderr: (text) => void (stderrStream = process.stderr).write(text),
    cwd: process.cwd(),
    // a getter: creating process.stdin costs a stream setup that `check` never needs
    get stdin() {
      return process.stdin;
    },
    drain: () => new Promise((resolve) => (stdout().writableNeedDrain ? stdout().once('drain', resolve) : resolve())),
  };
}

/**
 * Entry point of the bundles: run, and set the exit status. Resolves to
 * whether all output has been handed to the OS (so the caller may exit
 * at once), false while some is still queued in a stream.
 */
export async function runCli(argv: string[] = process.argv.slice(2)): Promise<boolean> {
  let status: number;
  try {
    status = await main(argv, processIO());
  } catch (err) {
    // A crash is a bug in qapi-explorer, never the user's fault: say so.
    stderrStream = process.stderr;
    stderrStream.write(`qapi-explorer: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    status = 70;
  }
  process.exitCode = status;
  return !stdoutStream?.writableLength && !stderrStream?.writableLength;
}
