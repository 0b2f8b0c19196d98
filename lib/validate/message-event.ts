// An event (qmp-spec "Asynchronous events", QAPI-NOTES section 3 "Event
// envelope"): receives the message object; returns its verdict. The common
// case, a known event whose envelope and data are flawless, is decided
// without allocating (flawlessEvent); everything else is looked at closely.
import type { Event } from '../qapi/model';
import { describeType } from './describe';
import type { RawIssue } from './explain';
import { specialFeatureIssue } from './features';
import type { EventInfo, MessageContext, MessageVerdict } from './message-context';
import { envelopeKeys, nameNotString, rawIssue, unknownName, wrongJsonType } from './message-envelope';
import { checkPayload, featureOpts } from './message-payload';
import { checkTimestamp, isPlainTimestamp } from './timestamp';
import { isWireObject, type WireValue } from './wire';

const EVENT_KEYS = ['event', 'data', 'timestamp'];

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

export function checkEvent(ctx: MessageContext, value: Record<string, WireValue>, name: WireValue): MessageVerdict {
  if (typeof name === 'string') {
    const ok = flawlessEvent(ctx, value, name);
    if (ok) return ok;
  }
  const out = envelopeKeys(value, EVENT_KEYS, 'an event', ctx.lenient ? 'warning' : 'error');
  const ts = checkTimestamp(value);
  if (ts.length) out.push(...ts);
  if (typeof name !== 'string') {
    out.push(nameNotString('event', 'event'));
    return { kind: 'event', name: null, issues: out };
  }
  const entity = ctx.index.get(name);
  if (entity?.meta !== 'event') {
    out.push(unknownName('event', 'event', name, ctx.eventNames));
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
        rawIssue(
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
      rawIssue(
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
      wrongJsonType(['data'], `'data' of event ${name} must be an object (${describeType(ctx.index, info.dataType)})`),
    );
  } else {
    if (!info.required.length && Object.keys(data).length === 0) {
      out.push(
        rawIssue(
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
