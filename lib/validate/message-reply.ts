// A reply (qmp-spec "Commands Responses"): receives a `return` or `error`
// message object; returns its verdict, the return value checked against the
// returns of the command it answers (message-pending.ts), an error's class
// against QapiErrorClass. A command the schema lacks is answered only with
// CommandNotFound (qmp-spec "Error classes"): a release without the command
// cannot send any other reply to it.
import type { RawIssue } from './explain';
import type { MessageContext, MessageVerdict } from './message-context';
import { envelopeKeys, rawIssue, wrongJsonType } from './message-envelope';
import { payload } from './message-payload';
import { answeredCommand } from './message-pending';
import { quote } from './quote';
import { isWireObject, type WireValue } from './wire';

/** The reply to a command this schema does not have: QEMU only ever answers that with CommandNotFound. */
function lacksCommand(name: string, path: string[], got: string): RawIssue {
  return rawIssue(
    'error',
    'unknown-command',
    path,
    'key',
    'reply to an unknown command',
    `a reply to '${quote(name)}', which is not a command of this schema: QEMU answers a command it lacks with an error of class CommandNotFound, not ${got}`,
  );
}

export function checkReturn(ctx: MessageContext, value: Record<string, WireValue>): MessageVerdict {
  const out = envelopeKeys(value, ['return', 'id'], 'a reply', ctx.lenient ? 'warning' : 'error');
  const answered = answeredCommand(ctx, value);
  if (answered && !answered.command) {
    out.push(lacksCommand(answered.name, ['return'], 'a return value'));
    return { kind: 'return', name: answered.name, issues: out };
  }
  const cmd = answered?.command;
  if (!cmd) {
    out.push(
      rawIssue(
        'warning',
        'orphan-reply',
        ['return'],
        'key',
        'no command to answer',
        `no command before this reply (or with its id), so its value cannot be checked against a command's returns`,
      ),
    );
    return { kind: 'return', name: null, issues: out };
  }
  const ret = value.return;
  if (!cmd.successResponse)
    out.push(
      rawIssue(
        'error',
        'envelope',
        ['return'],
        'key',
        'no success response',
        `command ${cmd.name} sends no success response ('success-response': false)`,
      ),
    );
  if (cmd.returns) {
    payload(ctx, 'output', cmd.returns, ret, ['return'], out);
  } else if (!isWireObject(ret) || Object.keys(ret).length) {
    out.push(
      rawIssue(
        'error',
        'wrong-type',
        ['return'],
        'value',
        'unexpected return value',
        `command ${cmd.name} returns no data, so QEMU replies {"return": {}}`,
      ),
    );
  }
  return { kind: 'return', name: cmd.name, issues: out };
}

export function checkError(ctx: MessageContext, value: Record<string, WireValue>): MessageVerdict {
  const out = envelopeKeys(value, ['error', 'id'], 'an error reply', ctx.lenient ? 'warning' : 'error');
  const answered = answeredCommand(ctx, value);
  const err = value.error;
  if (!isWireObject(err)) {
    out.push(wrongJsonType(['error'], `'error' must be an object {"class": …, "desc": …}`));
  } else {
    out.push(
      ...envelopeKeys(err, ['class', 'desc'], "an error's 'error' object", ctx.lenient ? 'warning' : 'error').map(
        (i) => ({ ...i, path: ['error', ...i.path] }),
      ),
    );
    const classes = ctx.index.get('QapiErrorClass');
    for (const key of ['class', 'desc']) {
      if (typeof err[key] !== 'string') {
        out.push(
          rawIssue(
            'error',
            err[key] === undefined ? 'missing-member' : 'wrong-type',
            ['error', key],
            err[key] === undefined ? 'parent' : 'value',
            'bad error reply',
            `an error reply's '${key}' must be a string`,
          ),
        );
      }
    }
    if (
      classes?.meta === 'enum' &&
      typeof err.class === 'string' &&
      !classes.values.some((v) => v.name === err.class)
    ) {
      out.push(
        rawIssue(
          'error',
          'enum-value',
          ['error', 'class'],
          'value',
          'unknown error class',
          `'${quote(err.class)}' is not a value of enum QapiErrorClass: ${classes.values.map((v) => v.name).join(', ')}`,
        ),
      );
    }
    if (answered && !answered.command && typeof err.class === 'string' && err.class !== 'CommandNotFound')
      out.push(lacksCommand(answered.name, ['error', 'class'], `'${quote(err.class)}'`));
  }
  const name = answered ? (answered.command ? answered.command.name : answered.name) : null;
  return { kind: 'error', name, issues: out };
}
