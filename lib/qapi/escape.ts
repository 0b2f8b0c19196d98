// Text from a schema or a dump written to a terminal, a log or a report: any
// name may hold control characters (a dump's names are any JSON string).
// Receives a string; returns it with every character that would act on a
// terminal or reorder a line written as a visible \u escape.

/**
 * Control characters (C0, DEL, C1: ESC sequences retitle or clear a terminal) and bidirectional controls (U+202E
 * reorders the rest of a line) from the input, written as \u escapes so a terminal shows them instead of obeying.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeForTerminal(s: string): string {
  return s.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A text whose line breaks are its own (QEMU's error text: include chain, "In …:", the error), each line escaped. */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeForTerminal).join('\n');
}
