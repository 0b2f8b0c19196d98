// The payload of a message (an event's data, a command's arguments, a reply's
// return value, the greeting's members): receives the value and the QAPI type
// it must have; adds RawIssues from the compiled zod schema (compile.ts), in
// QAPI terms (explain.ts), and the special features it uses (features.ts).
import type * as z from 'zod';
import { explainZodIssues, type ExplainOptions, type PathSeg, type RawIssue } from './explain';
import { featureIssues, reachesSpecial, type FeatureOptions } from './features';
import type { MessageContext } from './message-context';
import type { Precheck } from './precheck';
import type { Direction } from './ranges';

function explainOpts(ctx: MessageContext, direction: Direction): ExplainOptions {
  return { index: ctx.index, direction, lenient: ctx.lenient };
}

export function featureOpts(ctx: MessageContext, direction: Direction): FeatureOptions {
  return { index: ctx.index, direction, deprecatedIsError: ctx.deprecatedIsError };
}

/**
 * Checks `value` against `type`: the precheck settles the common case of a value without any issue; otherwise
 * the compiled zod schema finds the issues and feature warnings are added when the type can reach any.
 */
export function checkPayload(
  ctx: MessageContext,
  direction: Direction,
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

/** checkPayload() with the type's own schema and precheck. */
export function payload(
  ctx: MessageContext,
  direction: Direction,
  type: string,
  value: unknown,
  prefix: PathSeg[],
  out: RawIssue[],
): void {
  const [zod, pre] = direction === 'input' ? [ctx.input, ctx.inputPrecheck] : [ctx.output, ctx.outputPrecheck];
  checkPayload(ctx, direction, type, zod.typeSchema(type), pre.check(type), value, prefix, out);
}
