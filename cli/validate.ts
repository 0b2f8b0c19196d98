// `qapi-explorer validate`: check QMP messages (a file or stdin, in any form
// validateText accepts) against a schema tree or a running QEMU's
// query-qmp-schema reply (lib/qapi/root.ts tells them apart). Receives argv after
// 'validate'; guarantees one verdict per message in input order, exit 0 if
// all are valid, 1 if any is invalid, 2 on usage or schema errors. The input
// is streamed line by line, so a 100 MB log is validated in bounded memory.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { defineCommand, formatOption, parseCommandArgs, usageError, validatorOptions, VALIDATOR_OPTIONS } from './args';
import type { CliIO } from './main';
import { createValidator } from '../lib/validate/index';
import { escapeForTerminal, formatMessageResult, formatNote } from '../lib/validate/format';
import type { MessageResult, Note, ValidatorOptions } from '../lib/validate/types';
import { ReleaseSessions, acceptedRecord, acceptedText, loadSchemaRoots } from './accepted';

export const VALIDATE_USAGE = `Usage: qapi-explorer validate --schema <root> [--schema <root>…] [options] <file|->

Validate QMP messages (events, commands, replies, errors, the greeting) against
a QAPI schema.  The input may be one JSON value, a JSON array of messages,
JSON Lines / concatenated values, a transcript with '->' / '<-' markers as in
QEMU's qmp-examples, a libvirt debug log (QEMU_MONITOR_* and 'Line [...]'
lines, each message checked once), a qmp-shell session, QEMU iotests output,
or any log whose lines end in one JSON object; these forms may be mixed.
'-' reads standard input.

Options:
  --schema <root>        the schema tree's root file or a folder holding one,
                         or a file holding a QEMU's query-qmp-schema reply
                         (a dump or transcript will do) (required).  Given several times, the first decides
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

const SPEC = defineCommand({
  command: 'validate',
  usage: VALIDATE_USAGE,
  options: {
    schema: { type: 'string', multiple: true },
    ...VALIDATOR_OPTIONS,
    format: formatOption('text', 'json'),
  },
  operands: [{ missing: "missing the input file (or '-' for standard input)" }],
});

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
  const parsed = parseCommandArgs(SPEC, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.schema) return usageError(io, 'validate', 'missing --schema <root>');
  const input = parsed.operands[0]!;
  const format = values.format ?? 'text';
  const options: ValidatorOptions = {
    ...validatorOptions(values),
    ...(limits.message ? { maxMessage: limits.message } : {}),
  };
  const maxLine = limits.line ?? MAX_LINE;
  const roots = loadSchemaRoots(values.schema, io, 'validate');
  if (typeof roots === 'number') return roots;
  const validator = createValidator(roots[0]!.model, options);
  const others = new ReleaseSessions(roots, options);
  const label = input === '-' ? '<stdin>' : input;
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
      if (format === 'json') {
        const record = messageRecord(m);
        out += JSON.stringify(accepted ? { ...record, accepted: acceptedRecord(accepted) } : record) + '\n';
      } else {
        out += formatMessageResult(m, label) + '\n' + (accepted ? acceptedText(accepted) + '\n' : '');
      }
    }
    if (format === 'text') {
      for (; printedNotes < notes.length; printedNotes++) {
        out += formatNote(notes[printedNotes]!, label) + '\n';
      }
    }
    if (out) io.stdout(out);
  };
  /** A verdict on input that is no message: a line over the cap, an input with nothing to check. */
  const unread = (line: number, what: string, code: string, text: string): void => {
    const where = `${escapeForTerminal(label)}:${line}:1`;
    if (format === 'json') {
      const issue = { severity: 'error', code, path: '', line, col: 1, text };
      io.stdout(JSON.stringify({ index: -1, line, kind: 'unknown', name: null, valid: false, issues: [issue] }) + '\n');
    } else io.stdout(`${where}: ${what}: INVALID\n  ${where}: error [${code}]: ${text}\n`);
  };
  try {
    const stream = input === '-' ? io.stdin : createReadStream(path.resolve(io.cwd, input), { highWaterMark: 1 << 20 });
    stream.setEncoding('utf8');
    // the text after the last line break, in the pieces it came in: joined only once a line break ends it, so a
    // line that never ends (/dev/zero) costs its length up to the cap, not a copy per chunk
    let pending: string[] = [];
    let pendingLength = 0;
    /** inside a line longer than the cap: its text is dropped up to its end */
    let dropping = false;
    let line = 1;
    for await (let chunk of stream as AsyncIterable<string>) {
      if (dropping) {
        const nl = chunk.indexOf('\n');
        if (nl < 0) continue;
        dropping = false;
        chunk = chunk.slice(nl); // the line's break stays, so later line numbers hold
      }
      const cut = chunk.lastIndexOf('\n') + 1;
      if (cut > 0) {
        const text = pending.join('') + chunk.slice(0, cut);
        pending = [chunk.slice(cut)];
        pendingLength = chunk.length - cut;
        line += countLines(text, text.length);
        others.feed(text);
        emit(session.feed(text), session.notes);
      } else {
        pending.push(chunk);
        pendingLength += chunk.length;
      }
      if (pendingLength > maxLine) {
        invalid++;
        const cap = maxLine >= 1048576 ? `${Math.round(maxLine / 1048576)} MiB` : `${maxLine} characters`;
        unread(
          line,
          'line too long',
          'too-large',
          `a line longer than ${cap}, the cap on one line: not checked, skipped to its end`,
        );
        pending = [];
        pendingLength = 0;
        dropping = true;
      }
      if (io.drain) await io.drain();
    }
    const rest = pending.join('');
    others.feed(rest);
    emit(session.feed(rest), session.notes);
    others.end();
    emit(session.end(), session.notes);
  } catch (err) {
    io.stderr(`qapi-explorer validate: cannot read ${label}: ${(err as Error).message}\n`);
    return 2;
  }
  if (valid + invalid === 0) {
    // nothing was checked (an empty input, only elisions or lines qmp-shell's syntax can't give): not a pass
    invalid++;
    unread(1, 'no QMP message', 'no-message', 'no QMP message found: the input holds no JSON message to check');
  }
  if (format === 'text') {
    const elided = session.notes.filter((n) => n.code === 'elided').length;
    const unchecked = session.notes.filter((n) => n.code === 'unchecked').length;
    io.stdout(
      `messages: ${valid} valid, ${invalid} invalid${elided ? `, ${elided} elided` : ''}${unchecked ? `, ${unchecked} not checkable` : ''}\n`,
    );
  }
  return invalid > 0 ? 1 : 0;
}
