// The JSON Lines fast path: receives one line of text; returns its wire value
// read by the engine's native JSON.parse, or BAIL whenever JSON.parse could
// lose something the exact readers keep: a float literal or an integer beyond
// 2^53 (integer-ness and exactness), a surrogate escape or lone
// surrogate (JSON.parse accepts them), a duplicate key (JSON.parse keeps the
// last silently), or a line holding anything but exactly one value. The
// checks are conservative: a false alarm only sends the line to json-fast.ts.
import { BAIL } from './json-fast';
import type { WireValue } from './wire';

/** digit then '.', 'e' or 'E': every float literal has one (integer literals are checked after parsing) */
const FLOAT = /\d[.eE]/;
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
const RAW_SURROGATE = /[\ud800-\udfff]/;
const LOSSY = -1e9;

/**
 * Keys of every object in a parsed value, or a negative number if an integer
 * may have been rounded (beyond 2^53) or nesting is deep. JSON.parse values are
 * plain data, so no own-property checks are needed.
 */
function countKeys(v: unknown, depth: number): number {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? 0 : LOSSY;
  if (v === null || typeof v !== 'object') return 0;
  if (depth > 64) return LOSSY;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) n += countKeys(v[i], depth + 1);
    return n;
  }
  for (const k in v as Record<string, unknown>) n += 1 + countKeys((v as Record<string, unknown>)[k], depth + 1);
  return n;
}

function countColons(line: string): number {
  let n = 0;
  for (let i = line.indexOf(':'); i !== -1; i = line.indexOf(':', i + 1)) n++;
  return n;
}

export function readLine(line: string): WireValue | typeof BAIL {
  if (FLOAT.test(line) || RAW_SURROGATE.test(line) || (line.indexOf('\\u') !== -1 && SURROGATE_ESCAPE.test(line))) return BAIL;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return BAIL;
  }
  // every key is followed by one ':'; colons inside strings only ever add, and a
  // duplicate key only ever subtracts from the parsed count, so equality rules both out
  if (countColons(line) !== countKeys(value, 0)) return BAIL;
  return value as WireValue;
}
