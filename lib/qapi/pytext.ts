// Python's notion of whitespace and the str helpers QEMU's parser relies on.
// Receives strings; guarantees the same answers as Python's str.isspace(),
// str.rstrip(), the regex class \s and len() (code points), which differ from
// JavaScript's (\x1c-\x1f and \x85 are Python whitespace, \ufeff is not).

/** The body of a regex character class matching what Python's isspace() accepts. */
export const PY_SPACE_CLASS =
  '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

export function isPySpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Where Python's str.rstrip() with no argument would cut `s`. */
export function rstripEnd(s: string): number {
  return rstripEndOf(s, 0, s.length);
}

/** rstripEnd of s.slice(start, end), as an index into `s` (start when it is all whitespace). */
export function rstripEndOf(s: string, start: number, end: number): number {
  for (; end > start; end--) {
    const c = s.charCodeAt(end - 1);
    if ((c > 32 && c < 0x85) || !isPySpace(c)) break; // printable ASCII first: no call for the usual line
  }
  return end;
}

/** Python's str.rstrip() with no argument. */
export function pyRstrip(s: string): string {
  const end = rstripEnd(s);
  return end === s.length ? s : s.slice(0, end);
}

/** Length of the leading whitespace run (Python's re.match(r'\s*', s).end()). */
export function leadingSpace(s: string): number {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === 32) i++; // the usual indentation, without a call per character
  while (i < s.length && isPySpace(s.charCodeAt(i))) i++;
  return i;
}

/** All whitespace (Python's `not s.strip()`). */
export function isPyBlank(s: string): boolean {
  return leadingSpace(s) === s.length;
}

/** Python's len(): code points, not UTF-16 units. */
export function pyLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Index in `s` reached after advancing `count` code points from `from`. */
export function advanceCodePoints(s: string, from: number, count: number): number {
  let i = from;
  for (let k = 0; k < count && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}
