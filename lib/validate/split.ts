// Telling the pasted forms apart and cutting them into messages: one JSON
// value, a JSON array of messages, JSON Lines or concatenated values, or a QMP transcript as written in qmp-examples (`->` /
// `<-` markers, continuation lines, `...` elisions, prose in annotated
// examples). Receives text with its line table; returns spans and the line
// where reading resumes after a syntax error. Nothing here checks messages.
import type { LineTable } from './lines';

export type Marker = '->' | '<-';

/** The QMP direction marker a line starts with (after indentation), and where the marker ends. */
export function markerOf(text: string, lineStart: number, lineEnd: number): { marker: Marker; after: number } | null {
  let i = lineStart;
  while (i < lineEnd && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  const two = text.slice(i, i + 2);
  if (two !== '->' && two !== '<-') return null;
  const next = i + 2 < lineEnd ? text.charCodeAt(i + 2) : 0x20;
  if (next !== 0x20 && next !== 0x09 && next !== 0x0d) return null;
  return { marker: two, after: i + 2 };
}

/**
 * Is the input (from `start`) more than JSON values? Yes if it opens with anything but `{` or `[`, or any of its
 * first 64 KiB of lines starts with a `->`/`<-` marker or with a character no line of JSON can start with (prose,
 * a log prefix, a qmp-shell prompt). Plain JSON keeps the fast reader; everything else is read line by line.
 */
export const MIXED_WINDOW = 65536;

export function looksMixed(text: string, start: number): boolean {
  let c = text.charCodeAt(start);
  if (c === 0xfeff) c = text.charCodeAt(start + 1); // a byte order mark: a syntax error of a JSON input
  if (c !== 0x7b && c !== 0x5b) return true;
  return /^[ \t]*(?:(?:->|<-)(?:[ \t\r]|$)|\d{4}-\d\d-\d\d[ T]|[^\s{}[\]",:0-9tfn-])/m.test(
    text.slice(start, start + MIXED_WINDOW),
  );
}

/**
 * Does the line whose first non-blank character is at `at` start something no JSON value can: a marker, a log
 * line's date, a letter other than those of true/false/null? Such a line in JSON values switches to line-wise
 * reading from there on.
 */
export function opensMixed(text: string, at: number, lineEnd: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 0x2d) return markerOf(text, at, lineEnd) !== null; // `->`, or a negative number
  if (c >= 0x30 && c <= 0x39) return /^\d{4}-\d\d-\d\d[ T]/.test(text.slice(at, at + 11));
  return !(
    c === 0x7b ||
    c === 0x5b ||
    c === 0x7d ||
    c === 0x5d ||
    c === 0x22 ||
    c === 0x2c ||
    c === 0x3a ||
    c === 0x74 ||
    c === 0x66 ||
    c === 0x6e ||
    c <= 0x20 ||
    c === 0xfeff
  );
}

export function lineEndOf(lines: LineTable, lineIdx: number, textLength: number): number {
  const next = lines.lineStart(lineIdx + 1);
  return next === Infinity ? textLength : next - 1;
}

/** Indentation width of a line, or -1 for a blank line. */
export function indentOf(text: string, lineStart: number, lineEnd: number): number {
  let i = lineStart;
  while (i < lineEnd && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i >= lineEnd || text.charCodeAt(i) === 0x0d ? -1 : i - lineStart;
}

/**
 * After a syntax error in a message that began on line `fromLine` with indentation `indent`: the first later line
 * that can start a new message (its first character is `{` or `[`, indented no deeper). -1 if none in the text.
 */
export function resyncLine(text: string, lines: LineTable, fromLine: number, indent: number): number {
  for (let n = fromLine + 1; n < lines.lineCount; n++) {
    const s = lines.lineStart(n);
    const e = lineEndOf(lines, n, text.length);
    const ind = indentOf(text, s, e);
    if (ind < 0 || ind > indent) continue;
    const c = text.charCodeAt(s + ind);
    if (c === 0x7b || c === 0x5b || opensMixed(text, s + ind, e)) return n;
  }
  return -1;
}

/** Does a region contain a `...` elision outside string literals? */
export function hasElision(text: string, start: number, end: number): boolean {
  let inString = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x2e && text.startsWith('...', i)) return true;
    else if (c === 0x0a) inString = false;
  }
  return false;
}

/**
 * Where the array or object opened at `open` closes (the offset after it), judged by brackets outside strings
 * only, or -1 if the text ends first. Allocates nothing, so asking it of a 100 MB array is cheap.
 */
export function bracketEnd(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
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
