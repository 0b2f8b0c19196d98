// One QMP message, already read into its wire value: receives the value and
// the conversation so far (commands still waiting for a reply); returns its
// kind, its name and its issues as RawIssues. Implements qmp-spec "Server
// Greeting", "Issuing Commands", "Commands Responses", "Asynchronous events"
// and QAPI-NOTES section 3 "Event envelope": the envelope is checked here by
// hand, the payload by the compiled zod schemas (compile.ts).
import type * as z from 'zod';
import type { Command, Event, SchemaIndex } from '../qapi/model';
import type { ZodCompiler } from './compile';
import { describeType } from './describe';
import { explainZodIssues, type ExplainOptions, type PathSeg, type RawIssue } from './explain';
import { featureIssues, reachesSpecial, specialFeatureIssue, type FeatureOptions } from './features';
import { checkTimestamp, isPlainTimestamp } from './timestamp';
import type { Precheck, PrecheckCompiler } from './precheck';
import { nearestNames } from './suggest';
import { quote } from './quote';
import type { MessageKind } from './types';
import { isWireObject, jsonKind, type WireValue } from './wire';

export interface PendingCommand {
  command: Command;
  /** canonical text of the id, if the command had one */
  id: string | undefined;
}

export interface MessageContext {
  index: SchemaIndex;
  input: ZodCompiler;
  output: ZodCompiler;
  inputPrecheck: PrecheckCompiler;
  outputPrecheck: PrecheckCompiler;
  lenient: boolean;
  deprecatedIsError: boolean;
  eventNames: string[];
  commandNames: string[];
  /** commands sent and not yet answered, oldest first */
  pending: PendingCommand[];
  /** the cap on one message still open, in characters */
  maxMessage: number;
  /** per-event facts, filled on first use */
  events: Map<string, EventInfo>;
}

export interface MessageVerdict {
  kind: MessageKind;
  name: string | null;
  issues: RawIssue[];
}

export interface EventInfo {
  event: Event;
  dataType: string | null;
  required: string[];
  memberCount: number;
  schema: z.ZodType | null;
  precheck: Precheck | null;
  /** the verdict of every flawless message of this event, shared (results are read-only) */
  ok: MessageVerdict;
}

const issue = (
  severity: RawIssue['severity'],
  code: RawIssue['code'],
  path: PathSeg[],
  anchor: RawIssue['anchor'],
  message: string,
  text: string,
): RawIssue => ({ severity, code, path, anchor, message, text });

export function checkMessage(ctx: MessageContext, value: WireValue): MessageVerdict {
  if (!isWireObject(value)) {
    return {
      kind: 'unknown',
      name: null,
      issues: [
        issue(
          'error',
          'not-an-object',
          [],
          'value',
          'not an object',
          `a QMP message is a JSON object, got ${kindPhrase(value)}`,
        ),
      ],
    };
  }
  const event = value.event;
  if (event !== undefined) return checkEvent(ctx, value, event);
  if ('execute' in value || 'exec-oob' in value) return checkCommand(ctx, value);
  if ('return' in value) return checkReturn(ctx, value);
  if ('error' in value) return checkError(ctx, value);
  if ('QMP' in value) return checkGreeting(ctx, value);
  const keys = Object.keys(value);
  return {
    kind: 'unknown',
    name: null,
    issues: [
      issue(
        'error',
        'unknown-message',
        [],
        'value',
        'not a QMP message',
        `an object with ${keys.length ? 'keys ' + keys.map((k) => `'${k}'`).join(', ') : 'no keys'} is not a QMP message: it needs 'event', 'execute', 'exec-oob', 'return', 'error' or 'QMP'${keys.length ? ' (a reply must wrap its value in {"return": …})' : ''}`,
      ),
    ],
  };
}

const EVENT_KEYS = ['event', 'data', 'timestamp'];

/** Issues for keys outside `allowed`; allocates nothing in the common case of none. */
function envelopeKeys(
  value: Record<string, WireValue>,
  allowed: string[],
  what: string,
  severity: RawIssue['severity'],
): RawIssue[] {
  let extra = false;
  for (const key in value) if (allowed.indexOf(key) < 0) extra = true;
  if (!extra) return [];
  const out: RawIssue[] = [];
  for (const key in value) {
    if (allowed.indexOf(key) < 0) {
      out.push(
        issue(
          key.startsWith('__') ? 'warning' : severity,
          'envelope',
          [key],
          'key',
          'unexpected key',
          `'${quote(key)}' is not part of ${what}, which has only ${allowed.map((k) => `'${k}'`).join(', ')}`,
        ),
      );
    }
  }
  return out;
}

function explainOpts(ctx: MessageContext, direction: 'input' | 'output'): ExplainOptions {
  return { index: ctx.index, direction, lenient: ctx.lenient };
}
function featureOpts(ctx: MessageContext, direction: 'input' | 'output'): FeatureOptions {
  return { index: ctx.index, direction, deprecatedIsError: ctx.deprecatedIsError };
}

/**
 * Checks `value` against `type`: the precheck settles the common case of a value without any issue; otherwise
 * the compiled zod schema finds the issues and feature warnings are added when the type can reach any.
 */
function checkPayload(
  ctx: MessageContext,
  direction: 'input' | 'output',
  type: string,
  schema: z.ZodType,
  precheck: Precheck,
  value: unknown,
  prefix: PathSeg[],
  out: RawIssue[],
): void {
  if (precheck(value)) return;
  const r = schema.safeParse(value);
  if (!r.success) out.push(...explainZodIssues(explainOpts(ctx, direction), type, value, r.error.issues, prefix));
  if (reachesSpecial(ctx.index, type)) out.push(...featureIssues(featureOpts(ctx, direction), type, value, prefix));
}

function payload(
  ctx: MessageContext,
  direction: 'input' | 'output',
  type: string,
  value: unknown,
  prefix: PathSeg[],
  out: RawIssue[],
): void {
  const [zod, pre] = direction === 'input' ? [ctx.input, ctx.inputPrecheck] : [ctx.output, ctx.outputPrecheck];
  checkPayload(ctx, direction, type, zod.typeSchema(type), pre.check(type), value, prefix, out);
}

function eventInfo(ctx: MessageContext, event: Event): EventInfo {
  const cache = ctx.events;
  let info = cache.get(event.name);
  if (!info) {
    const dataType = event.argType ?? null;
    const t = dataType ? ctx.index.get(dataType) : undefined;
    const members = t && (t.meta === 'struct' || t.meta === 'union') ? t.members : [];
    const hasBranches = t?.meta === 'union';
    info = {
      event,
      dataType,
      required: members.filter((m) => !m.optional && m.if === undefined).map((m) => m.name),
      memberCount: members.length + (hasBranches ? 1 : 0),
      schema: dataType ? ctx.output.typeSchema(dataType) : null,
      precheck: dataType ? ctx.outputPrecheck.check(dataType) : null,
      ok: { kind: 'event', name: event.name, issues: Object.freeze([]) as unknown as RawIssue[] },
    };
    cache.set(event.name, info);
  }
  return info;
}

/**
 * The common case decided without allocating: a known event without special features, exactly the envelope
 * keys, a plain timestamp, and data (if any) that passes the precheck. null means "look closely".
 */
function flawlessEvent(ctx: MessageContext, value: Record<string, WireValue>, name: string): MessageVerdict | null {
  let info = ctx.events.get(name);
  if (!info) {
    const entity = ctx.index.get(name);
    if (entity?.meta !== 'event') return null;
    info = eventInfo(ctx, entity);
  }
  if (info.event.features.length) return null;
  let hasData = false;
  for (const key in value) {
    if (key === 'data') hasData = true;
    else if (key !== 'event' && key !== 'timestamp') return null;
  }
  if (!isPlainTimestamp(value.timestamp)) return null;
  if (hasData) {
    if (!info.precheck || !info.required.length || !info.precheck(value.data)) return null;
  } else if (info.required.length) return null;
  return info.ok;
}

function checkEvent(ctx: MessageContext, value: Record<string, WireValue>, name: WireValue): MessageVerdict {
  if (typeof name === 'string') {
    const ok = flawlessEvent(ctx, value, name);
    if (ok) return ok;
  }
  const out = envelopeKeys(value, EVENT_KEYS, 'an event', ctx.lenient ? 'warning' : 'error');
  const ts = checkTimestamp(value);
  if (ts.length) out.push(...ts);
  if (typeof name !== 'string') {
    out.push(
      issue(
        'error',
        'envelope',
        ['event'],
        'value',
        'event name not a string',
        `'event' must be a string naming the event`,
      ),
    );
    return { kind: 'event', name: null, issues: out };
  }
  const entity = ctx.index.get(name);
  if (entity?.meta !== 'event') {
    const near = nearestNames(name, ctx.eventNames);
    const downstream = name.startsWith('__');
    out.push(
      issue(
        downstream ? 'warning' : 'error',
        'unknown-event',
        ['event'],
        'value',
        'unknown event',
        `'${quote(name)}' is not an event of this schema${downstream ? ' (a downstream extension)' : ''}${near.length ? `; nearest: ${near.join(', ')}` : ''}`,
      ),
    );
    return { kind: 'event', name, issues: out };
  }
  const info = eventInfo(ctx, entity);
  if (entity.features.length)
    out.push(...specialFeatureIssue(featureOpts(ctx, 'output'), entity.features, `event ${name}`, ['event'], 'value'));
  const data = value.data;
  if (data === undefined) {
    if (info.required.length && info.dataType) {
      const t = ctx.index.get(info.dataType);
      const list =
        t && 'members' in t
          ? t.members
              .filter((m) => info.required.includes(m.name))
              .map((m) => `'${m.name}' (${describeType(ctx.index, m.type)})`)
          : [];
      out.push(
        issue(
          'error',
          'missing-data',
          [],
          'value',
          'missing data',
          `event ${name} requires 'data' with ${list.join(', ')}`,
        ),
      );
    }
  } else if (!info.dataType || info.memberCount === 0) {
    out.push(
      issue(
        ctx.lenient ? 'warning' : 'error',
        'unexpected-data',
        ['data'],
        'key',
        'unexpected data',
        `event ${name} has no data, so QEMU sends no 'data' member (not even {})`,
      ),
    );
  } else if (!isWireObject(data)) {
    out.push(
      issue(
        'error',
        'wrong-type',
        ['data'],
        'value',
        'wrong JSON type',
        `'data' of event ${name} must be an object (${describeType(ctx.index, info.dataType)})`,
      ),
    );
  } else {
    if (!info.required.length && Object.keys(data).length === 0) {
      out.push(
        issue(
          'warning',
          'unexpected-data',
          ['data'],
          'key',
          'empty data',
          `QEMU omits 'data' when every member is absent; it never sends "data": {}`,
        ),
      );
    }
    checkPayload(ctx, 'output', info.dataType, info.schema!, info.precheck!, data, ['data'], out);
  }
  return { kind: 'event', name, issues: out };
}

function checkCommand(ctx: MessageContext, value: Record<string, WireValue>): MessageVerdict {
  const out = envelopeKeys(value, ['execute', 'exec-oob', 'arguments', 'id'], 'a command', 'error');
  const oob = 'exec-oob' in value;
  const nameKey = oob ? 'exec-oob' : 'execute';
  if (oob && 'execute' in value)
    out.push(
      issue(
        'error',
        'envelope',
        ['exec-oob'],
        'key',
        'both execute and exec-oob',
        `a command has either 'execute' or 'exec-oob', not both`,
      ),
    );
  const name = value[nameKey];
  if (typeof name !== 'string') {
    out.push(
      issue(
        'error',
        'envelope',
        [nameKey],
        'value',
        'command name not a string',
        `'${nameKey}' must be a string naming the command`,
      ),
    );
    return { kind: 'command', name: null, issues: out };
  }
  const cmd = ctx.index.get(name);
  if (cmd?.meta !== 'command') {
    const near = nearestNames(name, ctx.commandNames);
    const downstream = name.startsWith('__');
    out.push(
      issue(
        downstream ? 'warning' : 'error',
        'unknown-command',
        [nameKey],
        'value',
        'unknown command',
        `'${quote(name)}' is not a command of this schema${near.length ? `; nearest: ${near.join(', ')}` : ''}`,
      ),
    );
    return { kind: 'command', name, issues: out };
  }
  if (oob && !cmd.allowOob)
    out.push(
      issue(
        'error',
        'envelope',
        ['exec-oob'],
        'key',
        'no out-of-band',
        `command ${name} does not allow out-of-band execution ('allow-oob' is not set)`,
      ),
    );
  out.push(...specialFeatureIssue(featureOpts(ctx, 'input'), cmd.features, `command ${name}`, [nameKey], 'value'));
  const args = value.arguments;
  if (args !== undefined && !isWireObject(args)) {
    out.push(issue('error', 'wrong-type', ['arguments'], 'value', 'wrong JSON type', `'arguments' must be an object`));
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
        issue(
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
  ctx.pending.push({ command: cmd, id: 'id' in value ? canonicalId(value.id!) : undefined });
  return { kind: 'command', name, issues: out };
}

export function canonicalId(id: WireValue): string {
  return JSON.stringify(id, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** An elided reply (`<- { "return": [ ... ] }`) still answers the latest command waiting. */
export function skipElidedReply(ctx: MessageContext, text: string): void {
  if (/^\s*\{\s*"(return|error)"/.test(text)) ctx.pending.pop();
}

/** The command a reply answers: the one with its id, else the latest one still waiting. */
function answeredCommand(ctx: MessageContext, value: Record<string, WireValue>): Command | null {
  const { pending } = ctx;
  let at = -1;
  if ('id' in value) {
    const id = canonicalId(value.id!);
    at = pending.findIndex((p) => p.id === id);
  }
  if (at < 0) at = pending.length - 1;
  if (at < 0) return null;
  return pending.splice(at, 1)[0]!.command;
}

function checkReturn(ctx: MessageContext, value: Record<string, WireValue>): MessageVerdict {
  const out = envelopeKeys(value, ['return', 'id'], 'a reply', ctx.lenient ? 'warning' : 'error');
  const cmd = answeredCommand(ctx, value);
  if (!cmd) {
    out.push(
      issue(
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
      issue(
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
      issue(
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

function checkError(ctx: MessageContext, value: Record<string, WireValue>): MessageVerdict {
  const out = envelopeKeys(value, ['error', 'id'], 'an error reply', ctx.lenient ? 'warning' : 'error');
  const cmd = answeredCommand(ctx, value);
  const err = value.error;
  if (!isWireObject(err)) {
    out.push(
      issue(
        'error',
        'wrong-type',
        ['error'],
        'value',
        'wrong JSON type',
        `'error' must be an object {"class": …, "desc": …}`,
      ),
    );
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
          issue(
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
        issue(
          'error',
          'enum-value',
          ['error', 'class'],
          'value',
          'unknown error class',
          `'${quote(err.class)}' is not a value of enum QapiErrorClass: ${classes.values.map((v) => v.name).join(', ')}`,
        ),
      );
    }
  }
  return { kind: 'error', name: cmd?.name ?? null, issues: out };
}

function checkGreeting(ctx: MessageContext, value: Record<string, WireValue>): MessageVerdict {
  const out = envelopeKeys(value, ['QMP'], 'the greeting', ctx.lenient ? 'warning' : 'error');
  const qmp = value.QMP;
  if (!isWireObject(qmp)) {
    out.push(
      issue(
        'error',
        'wrong-type',
        ['QMP'],
        'value',
        'wrong JSON type',
        `'QMP' must be an object {"version": …, "capabilities": […]}`,
      ),
    );
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
        issue('error', 'missing-member', ['QMP', key], 'parent', 'missing member', `the greeting needs '${key}'`),
      );
    } else if (ctx.index.has(type)) {
      payload(ctx, 'output', type, qmp[key], ['QMP', key], out);
    }
  }
  return { kind: 'greeting', name: null, issues: out };
}

/** "an array", "a number", "null": the JSON kind of a non-object message, in the user's words. */
function kindPhrase(value: unknown): string {
  const kind = jsonKind(value);
  if (kind === 'null') return 'null';
  return kind === 'array' ? 'an array' : `a ${kind}`;
}
