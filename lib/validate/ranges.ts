// Integer widths of QAPI's built-in integer types (qapi-code-gen "Built-in
// Types"), with QEMU's direction quirk (QAPI-NOTES section 3 "Numbers"):
// uint64 and size take a negative int64 on command input (it wraps, for
// backward compatibility) but QEMU never outputs one. An introspected 'int'
// stands for every integer type (model.ts BuiltinType.anyInteger), so it
// takes the union of their ranges.
import type { SchemaIndex } from '../qapi/model';

/** 'input': command arguments sent to QEMU; 'output': events and replies QEMU sends. */
export type Direction = 'input' | 'output';

export interface IntRange {
  lo: bigint;
  hi: bigint;
}

const TWO = 2n;
const signed = (bits: bigint): IntRange => ({ lo: -(TWO ** (bits - 1n)), hi: TWO ** (bits - 1n) - 1n });
const unsigned = (bits: bigint): IntRange => ({ lo: 0n, hi: TWO ** bits - 1n });

/** By type name: a Map, so a type named 'constructor' is no integer type. */
const RANGES = new Map<string, IntRange>(
  Object.entries({
    int: signed(64n),
    int8: signed(8n),
    int16: signed(16n),
    int32: signed(32n),
    int64: signed(64n),
    uint8: unsigned(8n),
    uint16: unsigned(16n),
    uint32: unsigned(32n),
    uint64: unsigned(64n),
    size: unsigned(64n),
  }),
);

/** Types whose negative input values wrap instead of failing. */
export const WRAPPING_UNSIGNED = new Set(['uint64', 'size']);

export function isIntegerType(name: string): boolean {
  return RANGES.has(name);
}

/** The accepted range of an integer type in a direction; undefined for non-integer types. */
export function intRange(name: string, direction: Direction): IntRange | undefined {
  const r = RANGES.get(name);
  if (!r) return undefined;
  if (direction === 'input' && WRAPPING_UNSIGNED.has(name)) return { lo: -(TWO ** 63n), hi: r.hi };
  return r;
}

/** The range a type declares (its own width), whatever the direction. */
export function declaredRange(name: string): IntRange | undefined {
  return RANGES.get(name);
}

/** Every value some QAPI integer type holds: all an introspected 'int' can be checked against. */
export const ANY_QAPI_INTEGER: IntRange = { lo: -(TWO ** 63n), hi: TWO ** 64n - 1n };

const standsForAnyInteger = (index: SchemaIndex, name: string): boolean => {
  const e = index.get(name);
  return e?.meta === 'builtin' && e.anyInteger === true;
};

/** intRange, for a type of this schema (an introspected 'int' takes any QAPI integer). */
export function typeRange(index: SchemaIndex, name: string, direction: Direction): IntRange | undefined {
  return standsForAnyInteger(index, name) ? ANY_QAPI_INTEGER : intRange(name, direction);
}

/** declaredRange, for a type of this schema. */
export function declaredTypeRange(index: SchemaIndex, name: string): IntRange | undefined {
  return standsForAnyInteger(index, name) ? ANY_QAPI_INTEGER : declaredRange(name);
}
