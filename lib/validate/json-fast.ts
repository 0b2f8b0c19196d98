// The hot-path JSON reader: receives text and an offset; returns the wire value
// (wire.ts) of one value and where it ends, or null for anything unusual
// (syntax errors, escapes, duplicate keys, deep nesting, lone surrogates). Then
// the caller re-reads the same text with the exact reader (json.ts), which
// reports the precise problem, so this file only needs to be fast and never
// wrong about what it accepts. One function with local state and an explicit
// stack: that is what keeps it within a small factor of JSON.parse.
import { numberValue, setOwn, type WireValue } from './wire';

const FAST_DEPTH = 64;

/** A value read whole, and the offset after it. */
export interface FastRead {
  value: WireValue;
  end: number;
}

/** Offset of the closing quote of a plain string opened at `open`, or -1 (escape, control char, surrogate, end). */
function plainStringEnd(src: string, open: number, lim: number): number {
  for (let i = open + 1; i < lim; i++) {
    const c = src.charCodeAt(i);
    if (c === 34) return i;
    if (c === 92 || c < 32 || (c >= 0xd800 && c <= 0xdfff)) return -1;
  }
  return -1;
}

function skipWs(src: string, pos: number, lim: number): number {
  let c: number;
  while (pos < lim && ((c = src.charCodeAt(pos)) === 32 || c === 10 || c === 13 || c === 9)) pos++;
  return pos;
}

type Container = WireValue[] | Record<string, WireValue>;

// Member names and short values repeat endlessly in QMP logs ("event", "data",
// "timestamp", event names, enum values). Reusing the string already seen
// spares an allocation and V8's re-internalising of every property key. A
// memo, not state: what readFast returns never depends on what it holds.
const CACHE_SIZE = 4096;
const cache: string[] = new Array<string>(CACHE_SIZE).fill('');

function cachedSlice(src: string, from: number, to: number): string {
  const len = to - from;
  if (len > 40 || len === 0) return src.slice(from, to);
  const slot =
    (len * 977 + src.charCodeAt(from) * 31 + src.charCodeAt(to - 1) * 7 + src.charCodeAt(from + (len >> 1))) &
    (CACHE_SIZE - 1);
  const hit = cache[slot]!;
  if (hit.length === len && src.startsWith(hit, from)) return hit;
  const s = src.slice(from, to);
  cache[slot] = s;
  return s;
}

/** Reads one value starting at `start` (leading whitespace allowed). */
export function readFast(src: string, start: number, lim: number): FastRead | null {
  let pos = start;
  const stack: Container[] = [];
  const keys: string[] = [];
  for (;;) {
    pos = skipWs(src, pos, lim);
    if (pos >= lim) return null;
    let c = src.charCodeAt(pos);
    let value: WireValue;
    if (c === 34) {
      const close = plainStringEnd(src, pos, lim);
      if (close < 0) return null;
      value = cachedSlice(src, pos + 1, close);
      pos = close + 1;
    } else if (c === 123) {
      if (stack.length >= FAST_DEPTH) return null;
      pos = skipWs(src, pos + 1, lim);
      if (src.charCodeAt(pos) === 125 && pos < lim) {
        pos++;
        value = {};
      } else {
        if (src.charCodeAt(pos) !== 34) return null;
        const close = plainStringEnd(src, pos, lim);
        if (close < 0) return null;
        keys.push(cachedSlice(src, pos + 1, close));
        pos = skipWs(src, close + 1, lim);
        if (src.charCodeAt(pos) !== 58 || pos >= lim) return null;
        pos++;
        stack.push({});
        continue;
      }
    } else if (c === 91) {
      if (stack.length >= FAST_DEPTH) return null;
      pos = skipWs(src, pos + 1, lim);
      if (src.charCodeAt(pos) === 93 && pos < lim) {
        pos++;
        value = [];
      } else {
        keys.push('');
        stack.push([]);
        continue;
      }
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      const s = pos;
      const negative = c === 45;
      if (negative) c = src.charCodeAt(++pos);
      let n = 0;
      if (c === 48) {
        c = src.charCodeAt(++pos);
        if (c >= 48 && c <= 57) return null;
      } else if (c >= 49 && c <= 57) {
        do {
          n = n * 10 + (c - 48);
          c = src.charCodeAt(++pos);
        } while (c >= 48 && c <= 57);
      } else return null;
      let integer = true;
      if (c === 46) {
        integer = false;
        c = src.charCodeAt(++pos);
        if (!(c >= 48 && c <= 57)) return null;
        do c = src.charCodeAt(++pos);
        while (c >= 48 && c <= 57);
      }
      if (c === 101 || c === 69) {
        integer = false;
        c = src.charCodeAt(++pos);
        if (c === 43 || c === 45) c = src.charCodeAt(++pos);
        if (!(c >= 48 && c <= 57)) return null;
        do c = src.charCodeAt(++pos);
        while (c >= 48 && c <= 57);
      }
      if (pos > lim) return null;
      // up to 15 characters the digits accumulate exactly (< 2^53)
      value = integer && pos - s <= 15 ? (negative ? -n : n) : numberValue(src.slice(s, pos), integer);
    } else if (c === 116 && pos + 4 <= lim && src.startsWith('true', pos)) {
      pos += 4;
      value = true;
    } else if (c === 102 && pos + 5 <= lim && src.startsWith('false', pos)) {
      pos += 5;
      value = false;
    } else if (c === 110 && pos + 4 <= lim && src.startsWith('null', pos)) {
      pos += 4;
      value = null;
    } else return null;

    // attach the value to its container, closing every container that ends here
    for (;;) {
      const depth = stack.length;
      if (depth === 0) return { value, end: pos };
      const top = stack[depth - 1]!;
      pos = skipWs(src, pos, lim);
      if (pos >= lim) return null;
      const d = src.charCodeAt(pos++);
      if (Array.isArray(top)) {
        top.push(value);
        if (d === 44) break;
        if (d !== 93) return null;
      } else {
        const key = keys[depth - 1]!;
        if (top[key] !== undefined && Object.hasOwn(top, key)) return null;
        if (key === '__proto__') setOwn(top, key, value);
        else top[key] = value;
        if (d === 44) {
          pos = skipWs(src, pos, lim);
          if (src.charCodeAt(pos) !== 34) return null;
          const close = plainStringEnd(src, pos, lim);
          if (close < 0) return null;
          keys[depth - 1] = cachedSlice(src, pos + 1, close);
          pos = skipWs(src, close + 1, lim);
          if (src.charCodeAt(pos) !== 58 || pos >= lim) return null;
          pos++;
          break;
        }
        if (d !== 125) return null;
      }
      value = top;
      stack.pop();
      keys.pop();
    }
  }
}
