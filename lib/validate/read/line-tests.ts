// What a line of pasted text starts with, tested without reading it: a
// transcript's direction marker, indentation, an elision, where brackets
// close. Receives the text and offsets into it; allocates nothing, so a test
// over a 100 MB piece costs one pass.
import type { LineTable } from '../lines';

/** Which way a message went, as transcripts and logs draw it: '->' to QEMU, '<-' from it. */
export type Arrow = '->' | '<-';

/** The direction marker a line starts with (after indentation), and where the marker ends. */
export function markerOf(text: string, lineStart: number, lineEnd: number): { marker: Arrow; after: number } | null {
  const i = skipBlank(text, lineStart, lineEnd);
  const two = text.slice(i, i + 2);
  if (two !== '->' && two !== '<-') return null;
  const next = i + 2 < lineEnd ? text.charCodeAt(i + 2) : 0x20;
  if (next !== 0x20 && next !== 0x09 && next !== 0x0d) return null;
  return { marker: two, after: i + 2 };
}

/** The arrow (`->`, `<-`) at `i` as the marker of its line: the start of that line, or -1 if it is not one. */
export function markerLineOf(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09)) k--;
  if (k >= 0 && text.charCodeAt(k) !== 0x0a) return -1;
  const next = text.charCodeAt(i + 2);
  return i + 2 >= text.length || next === 0x20 || next === 0x09 || next === 0x0d || next === 0x0a ? k + 1 : -1;
}

/** The end of line `lineIdx` (before its '\n'). */
export function lineEndOf(lines: LineTable, lineIdx: number, textLength: number): number {
  const next = lines.lineStart(lineIdx + 1);
  return next === Infinity ? textLength : next - 1;
}

/** Indentation width of a line, or -1 for a blank line. */
export function indentOf(text: string, lineStart: number, lineEnd: number): number {
  const i = skipBlank(text, lineStart, lineEnd);
  return i >= lineEnd || text.charCodeAt(i) === 0x0d ? -1 : i - lineStart;
}

/** The first `...` in text[start, end) outside string literals, or -1. */
export function elisionAt(text: string, start: number, end: number): number {
  let inString = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x2e && text.startsWith('...', i)) return i;
    else if (c === 0x0a) inString = false;
  }
  return -1;
}

/**
 * Where the array or object opened at `open` closes (the offset after it), judged by brackets outside strings
 * only, or -1 if `end` comes first. Allocates nothing, so asking it of a 100 MB array is cheap.
 */
export function bracketEnd(text: string, open: number, end = text.length): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

/** After a syntax error: can this line start something (a marker, a value, a log line), no deeper than `indent`? */
export function startsSomething(text: string, s: number, e: number, indent: number): boolean {
  const ind = indentOf(text, s, e);
  if (ind < 0 || ind > indent) return false;
  if (markerOf(text, s, e) !== null) return true;
  // what can only continue a value: a closing bracket, a member name, a separator, a number (not a log's date)
  return !/^(?:[}\]"',:-]|\d(?!\d{3}-\d\d-\d\d[ T]))/.test(text.slice(s + ind, s + ind + 11));
}

/** The first offset from `i` that is not a space or a tab (at most `end`). */
export function skipBlank(text: string, i: number, end: number): number {
  while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i;
}
