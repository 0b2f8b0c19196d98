// `qapi-explorer validate`: check QMP messages (a file or stdin, in any form
// validateText accepts) against a schema tree or a running QEMU's
// query-qmp-schema reply (lib/qapi/root.ts tells them apart). Receives argv after
// 'validate'; guarantees one verdict per message in input order, exit 0 if
// all are valid, 1 if any is invalid, 2 on usage or schema errors. The input
// is streamed line by line, so a 100 MB log is validated in bounded memory.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { isOption, misplacedArgument } from './args';
import type { CliIO } from './main';
import { createValidator } from '../lib/validate/index';
import { escapeForTerminal, formatMessageResult, formatNote } from '../lib/validate/format';
import type { MessageResult, Note, ValidatorOptions } from '../lib/validate/types';
import { ReleaseSessions, acceptedRecord, acceptedText, loadSchemaRoots } from './accepted';

export const VALIDATE_USAGE = `Usage: qapi-explorer validate --schema <qapi-schema.json> [--schema <root>…] [options] <file|->

Validate QMP messages (events, commands, replies, errors, the greeting) against
a QAPI schema.  The input may be one JSON value, a JSON array of messages,
JSON Lines / concatenated values, a transcript with '->' / '<-' markers as in
QEMU's qmp-examples, a libvirt debug log (QEMU_MONITOR_* and 'Line [...]'
lines, each message checked once), a qmp-shell session, QEMU iotests output,
or any log whose lines end in one JSON object; these forms may be mixed.
'-' reads standard input.

Options:
  --schema <file>        root of the schema tree, or a file holding a QEMU's
                         query-qmp-schema reply (a dump or transcript will do)
                         (required).  Given several times, the first decides
                         validity and each verdict says which of them accept
                         the message ("accepted by"), and why the others do not
  --lenient              unknown members are warnings, not errors
  --deprecated=error     deprecated members, values, commands and events are errors
  --format text|json     text (default), or one JSON object per message per line:
                         {"index","line","kind","name","valid","issues":[...]}
                         (with several --schema, also "accepted": {label: bool})
  -h, --help             show this help

Exit status: 0 all messages valid, 1 some message invalid, 2 usage or schema error.
`;

interface ValidateArgs {
  schemas: string[];
  input: string;
  format: 'text' | 'json';
  options: ValidatorOptions;
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`qapi-explorer validate: ${message}\n\n${VALIDATE_USAGE}`);
  return 2;
}

function parseArgs(args: string[], io: CliIO): ValidateArgs | number {
  const schemas: string[] = [];
  let input: string | undefined;
  let format: 'text' | 'json' = 'text';
  const options: ValidatorOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const inline = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined;
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (arg === '-h' || arg === '--help') {
      io.stdout(VALIDATE_USAGE);
      return 0;
    } else if (name === '--schema') {
      const schema = inline ?? args[++i];
      if (!schema) return usageError(io, '--schema needs a file');
      schemas.push(schema);
    } else if (arg === '--lenient') {
      options.mode = 'lenient';
    } else if (name === '--deprecated') {
      const v = inline ?? args[++i];
      if (v !== 'error' && v !== 'warn')
        return usageError(io, `--deprecated takes 'error' or 'warn', not '${v ?? ''}'`);
      options.deprecated = v;
    } else if (name === '--format') {
      const v = inline ?? args[++i];
      if (v !== 'text' && v !== 'json') return usageError(io, `--format takes 'text' or 'json', not '${v ?? ''}'`);
      format = v;
    } else if (input === undefined && !isOption(arg)) {
      input = arg;
    } else {
      return usageError(io, misplacedArgument(arg));
    }
  }
  if (!schemas.length) return usageError(io, 'missing --schema <qapi-schema.json>');
  if (!input) return usageError(io, "missing the input file (or '-' for standard input)");
  return { schemas, input, format, options };
}

/** The --format json record of a message: one flat object per message, stable for scripts to read. */
export function messageRecord(m: MessageResult): object {
  return {
    index: m.index,
    line: m.line,
    kind: m.kind,
    name: m.name,
    valid: m.valid,
    issues: m.issues.map((i) => ({
      severity: i.severity,
      code: i.code,
      path: i.path,
      line: i.line,
      col: i.col,
      text: i.text,
    })),
  };
}

/**
 * Bounded memory on endless input (`yes '[' | tr -d '\\n'`): a line is buffered up to this many characters.
 * The session caps one message the same way (MAX_MESSAGE).
 */
export const MAX_LINE = 64 * 1024 * 1024;

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export async function run(
  args: string[],
  io: CliIO,
  limits: { line?: number; message?: number } = {},
): Promise<number> {
  const parsed = parseArgs(args, io);
  if (typeof parsed === 'number') return parsed;
  const maxLine = limits.line ?? MAX_LINE;
  if (limits.message) parsed.options.maxMessage = limits.message;
  const roots = loadSchemaRoots(parsed.schemas, io, 'validate');
  if (typeof roots === 'number') return roots;
  const validator = createValidator(roots[0]!.model, parsed.options);
  const others = new ReleaseSessions(roots, parsed.options);
  const label = parsed.input === '-' ? '<stdin>' : parsed.input;
  const session = validator.session();
  let valid = 0;
  let invalid = 0;
  let printedNotes = 0;
  const emit = (results: MessageResult[], notes: readonly Note[]): void => {
    let out = '';
    for (const m of results) {
      if (m.valid) valid++;
      else invalid++;
      const accepted = others.active ? others.of(m) : null;
      if (parsed.format === 'json') {
        const record = messageRecord(m);
        out += JSON.stringify(accepted ? { ...record, accepted: acceptedRecord(accepted) } : record) + '\n';
      } else {
        out += formatMessageResult(m, label) + '\n' + (accepted ? acceptedText(accepted) + '\n' : '');
      }
    }
    if (parsed.format === 'text') {
      for (; printedNotes < notes.length; printedNotes++) {
        out += formatNote(notes[printedNotes]!, label) + '\n';
      }
    }
    if (out) io.stdout(out);
  };
  try {
    const stream =
      parsed.input === '-'
        ? io.stdin
        : createReadStream(path.resolve(io.cwd, parsed.input), { highWaterMark: 1 << 20 });
    stream.setEncoding('utf8');
    let pending = '';
    /** inside a line longer than the cap: its text is dropped up to its end */
    let dropping = false;
    let line = 1;
    for await (const chunk of stream as AsyncIterable<string>) {
      let text = pending + chunk;
      if (dropping) {
        const nl = text.indexOf('\n');
        if (nl < 0) {
          pending = '';
          continue;
        }
        dropping = false;
        text = text.slice(nl); // the line's break stays, so later line numbers hold
      }
      const cut = text.lastIndexOf('\n') + 1;
      pending = text.slice(cut);
      if (cut > 0) {
        line += countLines(text, cut);
        others.feed(text.slice(0, cut));
        emit(session.feed(text.slice(0, cut)), session.notes);
      }
      if (pending.length > maxLine) {
        invalid++;
        const where = `${escapeForTerminal(label)}:${line}:1`;
        const cap = maxLine >= 1048576 ? `${Math.round(maxLine / 1048576)} MiB` : `${maxLine} characters`;
        const text = `a line longer than ${cap}, the cap on one line: not checked, skipped to its end`;
        if (parsed.format === 'json')
          io.stdout(
            JSON.stringify({
              index: -1,
              line,
              kind: 'unknown',
              name: null,
              valid: false,
              issues: [{ severity: 'error', code: 'too-large', path: '', line, col: 1, text }],
            }) + '\n',
          );
        else io.stdout(`${where}: line too long: INVALID\n  ${where}: error [too-large]: ${text}\n`);
        pending = '';
        dropping = true;
      }
      if (io.drain) await io.drain();
    }
    others.feed(pending);
    emit(session.feed(pending), session.notes);
    others.end();
    emit(session.end(), session.notes);
  } catch (err) {
    io.stderr(`qapi-explorer validate: cannot read ${label}: ${(err as Error).message}\n`);
    return 2;
  }
  if (parsed.format === 'text') {
    const elided = session.notes.filter((n) => n.code === 'elided').length;
    const unchecked = session.notes.filter((n) => n.code === 'unchecked').length;
    io.stdout(
      `messages: ${valid} valid, ${invalid} invalid${elided ? `, ${elided} elided` : ''}${unchecked ? `, ${unchecked} not checkable` : ''}\n`,
    );
  }
  return invalid > 0 ? 1 : 0;
}
