// The JSON Lines fast path: receives one line of text; returns its wire value
// read by the engine's native JSON.parse, or null whenever JSON.parse could
// lose something the exact readers keep: a float literal or an integer beyond
// 2^53 (integer-ness and exactness), a surrogate escape or lone
// surrogate (JSON.parse accepts them), a duplicate key (JSON.parse keeps the
// last silently), or a line holding anything but exactly one value. The
// checks are conservative: a false alarm only sends the line to json-fast.ts.
import type { FastRead } from './json-fast';
import type { WireValue } from './wire';

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

/**
 * One pass over the line: the number of ':' outside strings (exactly the keys written, if it is valid JSON), or
 * -1 if JSON.parse could lose something: a float literal (a digit then '.', 'e' or 'E'), a \uD... escape, a
 * raw surrogate.
 */
function scanLine(line: string, start: number, end: number): number {
  let keys = 0;
  let inString = false;
  let prev = 0;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (inString) {
      if (c === 34) inString = false;
      else if (c === 92) {
        if (line.charCodeAt(i + 1) === 117 && (line.charCodeAt(i + 2) | 0x20) === 100) return -1;
        i++;
      } else if (c >= 0xd800 && c <= 0xdfff) return -1;
    } else if (c === 34) inString = true;
    else if (c === 58) keys++;
    else if ((c === 46 || c === 101 || c === 69) && prev >= 48 && prev <= 57) return -1;
    prev = c;
  }
  return keys;
}

/**
 * scanLine() for a line without backslashes or surrogates (the usual case): string bodies are skipped with the
 * engine's indexOf, which is what keeps this pass well below the cost of JSON.parse itself.
 */
function scanPlainLine(text: string, start: number, end: number): number {
  let keys = 0;
  let prev = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = text.indexOf('"', i + 1);
      if (i < 0 || i >= end) return -1;
      prev = 34;
      continue;
    }
    if (c === 58) keys++;
    else if ((c === 46 || c === 101 || c === 69) && prev >= 48 && prev <= 57) return -1;
    prev = c;
  }
  return keys;
}

const SURROGATE = /[\ud800-\udfff]/;

/** Reads text[start, end) (one line, trimmed); scanning the original flat text is faster than a slice of it. */
export function readLine(text: string, start: number, end: number): FastRead | null {
  // an object or array that does not close on its line (pretty-printed JSON) is not for JSON.parse, which would throw
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  if ((first === 0x7b && (last !== 0x7d || end - start < 2)) || (first === 0x5b && (last !== 0x5d || end - start < 2)))
    return null;
  const line = text.slice(start, end);
  const keys =
    line.indexOf('\\') < 0 && !SURROGATE.test(line) ? scanPlainLine(text, start, end) : scanLine(text, start, end);
  if (keys < 0) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  // a duplicate key makes the parsed value have fewer keys than the text
  if (keys !== countKeys(value, 0)) return null;
  return { value: value as WireValue, end };
}
