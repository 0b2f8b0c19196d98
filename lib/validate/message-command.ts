// A command (qmp-spec "Issuing Commands"): receives the message object;
// returns its verdict and adds the command to the commands waiting for a
// reply (message-pending.ts).
import type { RawIssue } from './explain';
import { specialFeatureIssue } from './features';
import type { MessageContext, MessageVerdict } from './message-context';
import { envelopeKeys, nameNotString, rawIssue, unknownName, wrongJsonType } from './message-envelope';
import { checkPayload, featureOpts, payload } from './message-payload';
import { canonicalId } from './message-pending';
import { quote } from './quote';
import { isWireObject, type WireValue } from './wire';

/** An error on the message's 'exec-oob' key. */
function outOfBandIssue(message: string, text: string): RawIssue {
  return rawIssue('error', 'envelope', ['exec-oob'], 'key', message, text);
}

export function checkCommand(ctx: MessageContext, value: Record<string, WireValue>): MessageVerdict {
  const out = envelopeKeys(value, ['execute', 'exec-oob', 'arguments', 'id'], 'a command', 'error');
  const oob = 'exec-oob' in value;
  const nameKey = oob ? 'exec-oob' : 'execute';
  if (oob && 'execute' in value)
    out.push(outOfBandIssue('both execute and exec-oob', `a command has either 'execute' or 'exec-oob', not both`));
  const name = value[nameKey];
  if (typeof name !== 'string') {
    out.push(nameNotString('command', nameKey));
    return { kind: 'command', name: null, issues: out };
  }
  const cmd = ctx.index.get(name);
  const id = 'id' in value ? canonicalId(value.id!) : undefined;
  if (cmd?.meta !== 'command') {
    out.push(unknownName('command', nameKey, name, ctx.commandNames));
    // its reply is judged too: QEMU answers a command it lacks only with CommandNotFound
    ctx.pending.push({ command: null, name, id });
    return { kind: 'command', name, issues: out };
  }
  if (oob && !cmd.allowOob)
    out.push(
      outOfBandIssue('no out-of-band', `command ${name} does not allow out-of-band execution ('allow-oob' is not set)`),
    );
  out.push(...specialFeatureIssue(featureOpts(ctx, 'input'), cmd.features, `command ${name}`, [nameKey], 'value'));
  const args = value.arguments;
  if (args !== undefined && !isWireObject(args)) {
    out.push(wrongJsonType(['arguments'], `'arguments' must be an object`));
  } else if (cmd.argType) {
    if (cmd.gen) payload(ctx, 'input', cmd.argType, args ?? {}, ['arguments'], out);
    else
      checkPayload(
        ctx,
        'input',
        cmd.argType,
        ctx.input.looseObjectSchema(cmd.argType),
        ctx.inputPrecheck.looseCheck(cmd.argType),
        args ?? {},
        ['arguments'],
        out,
      );
  } else if (args && cmd.gen) {
    for (const key of Object.keys(args)) {
      out.push(
        rawIssue(
          key.startsWith('__') ? 'warning' : 'error',
          'unknown-member',
          ['arguments', key],
          'key',
          'unknown member',
          `command ${name} takes no arguments, so '${quote(key)}' is unexpected`,
        ),
      );
    }
  }
  ctx.pending.push({ command: cmd, id });
  return { kind: 'command', name, issues: out };
}
