// How JSON values are handed to the compiled zod schemas: receives the number
// text of a literal; guarantees that integer literals stay exact (BigInt beyond
// 15 digits) and that float literals never pass as integers (qapi-code-gen
// "Built-in Types"; QAPI-NOTES section 3 "Numbers": `1.0` and `1e3` are not
// integers). Both JSON readers (json.ts, json-fast.ts) produce this form.
import type { JsonNode } from './json';

/** A float literal whose value happens to be integral (`1.0`, `1e3`): a number, but not an integer. */
export class IntegralFloat {
  constructor(
    readonly value: number,
    readonly text: string,
  ) {}
}

/** The wire value of a JSON value: plain objects (own keys only), arrays, strings, booleans, null, numbers as below. */
export type WireValue =
  null | boolean | string | number | bigint | IntegralFloat | WireValue[] | { [key: string]: WireValue };

/** QEMU's JSON streamer refuses deeper nesting (json-streamer.c MAX_NESTING). */
export const MAX_NESTING = 1024;

export function numberValue(text: string, integer: boolean): number | bigint | IntegralFloat {
  if (integer) return text.length <= 15 ? Number(text) : BigInt(text);
  const v = Number(text);
  // beyond a double's range (1e400) the literal is kept too, so issues quote it rather than "Infinity"
  return Number.isInteger(v) || !Number.isFinite(v) ? new IntegralFloat(v, text) : v;
}

/** Defines `key` as an own enumerable property even when it is `__proto__`. */
export function setOwn(obj: Record<string, WireValue>, key: string, value: WireValue): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** Converts a node tree (depth already checked against MAX_NESTING) to its wire value. Later duplicate keys win, as in QEMU's QDict. */
export function toWireValue(node: JsonNode): WireValue {
  switch (node.kind) {
    case 'object': {
      const obj: Record<string, WireValue> = {};
      for (const m of node.members) setOwn(obj, m.key, toWireValue(m.value));
      return obj;
    }
    case 'array':
      return node.items.map(toWireValue);
    case 'string':
    case 'boolean':
      return node.value;
    case 'null':
      return null;
    case 'number':
      return numberValue(node.text, node.integer);
  }
}

export function isWireObject(v: unknown): v is Record<string, WireValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof IntegralFloat);
}

/** The JSON kind of a wire value, in QAPI's words (QType minus the q prefix). */
export function jsonKind(v: unknown): 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'absent' {
  if (v === undefined) return 'absent';
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof IntegralFloat) return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** Is `key` a property every plain object inherits (`constructor`, `toString`, `__proto__`…)? Legal QAPI member names. */
export function isInherited(key: string): boolean {
  return key in Object.prototype;
}

/** The own property `key` of a wire object (never one it inherits), or undefined. */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** A copy of a wire object without a prototype, for readers (zod) that look members up with `obj[key]`. */
export function withoutPrototype(v: unknown): unknown {
  if (!isWireObject(v) || Object.getPrototypeOf(v) === null) return v;
  const copy = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(v)) copy[k] = v[k];
  return copy;
}
