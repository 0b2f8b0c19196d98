// The server greeting (qmp-spec "Server Greeting"): receives the message
// object; returns its verdict, `version` and `capabilities` checked against
// the schema's VersionInfo and QMPCapabilityList.
import type { MessageContext, MessageVerdict } from './message-context';
import { envelopeKeys, rawIssue, wrongJsonType } from './message-envelope';
import { payload } from './message-payload';
import { isWireObject, type WireValue } from './wire';

export function checkGreeting(ctx: MessageContext, value: Record<string, WireValue>): MessageVerdict {
  const out = envelopeKeys(value, ['QMP'], 'the greeting', ctx.lenient ? 'warning' : 'error');
  const qmp = value.QMP;
  if (!isWireObject(qmp)) {
    out.push(wrongJsonType(['QMP'], `'QMP' must be an object {"version": …, "capabilities": […]}`));
    return { kind: 'greeting', name: null, issues: out };
  }
  out.push(
    ...envelopeKeys(
      qmp,
      ['version', 'capabilities'],
      "the greeting's 'QMP' object",
      ctx.lenient ? 'warning' : 'error',
    ).map((i) => ({ ...i, path: ['QMP', ...i.path] })),
  );
  for (const [key, type] of [
    ['version', 'VersionInfo'],
    ['capabilities', 'QMPCapabilityList'],
  ] as const) {
    if (qmp[key] === undefined) {
      out.push(
        rawIssue('error', 'missing-member', ['QMP', key], 'parent', 'missing member', `the greeting needs '${key}'`),
      );
    } else if (ctx.index.has(type)) {
      payload(ctx, 'output', type, qmp[key], ['QMP', key], out);
    }
  }
  return { kind: 'greeting', name: null, issues: out };
}
