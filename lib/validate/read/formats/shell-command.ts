// qmp-shell's command lines (QEMU python/qemu/qmp/qmp_shell.py): receives the
// text after a `(QEMU) ` or `TRANS> ` prompt; returns the QMP command the
// shell would send, as JSON text, or why it cannot be known here. Follows
// _build_cmd / _cli_expr / _parse_value: `cmd key=val key.sub=val`, values
// int → integer, true/false (any case) → boolean, `{…}`/`[…]` → JSON, anything
// else a string kept verbatim (quotes included, as the shell keeps them);
// `transaction(` … `)` collects actions into one transaction command. Values
// the shell reads as Python literals (its FuzzyJSON fallback) are not
// converted: the command is then "not checkable"; a command nested deeper
// than QEMU's JSON parser reads is "too deep".
import { MAX_NESTING } from '../../wire';

export type ShellStep =
  | { kind: 'command'; json: string; name: string }
  /** the line only added an action to a transaction still open */
  | { kind: 'pending' }
  | { kind: 'unchecked'; name: string | null; reason: string }
  /** the JSON would nest deeper than QEMU's parser reads (keys of thousands of dotted levels) */
  | { kind: 'too-deep'; name: string };

export interface ShellState {
  /** the actions of an open `transaction(`, or null */
  actions: Record<string, unknown>[] | null;
}

type Obj = Record<string, unknown>;

/** Python's `\s` (printable ASCII answered without the regex: a 10 MB argument is one pass) */
function isSpace(c: number): boolean {
  return c > 0x20 && c < 0x7f ? false : /\s/.test(String.fromCharCode(c));
}

/** qmp-shell's argument regex, as a linear scan: runs of non-space text where quotes group spaces. */
function tokens(line: string): string[] | string {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && isSpace(line.charCodeAt(i))) i++;
    if (i >= line.length) break;
    const start = i;
    while (i < line.length && !isSpace(line.charCodeAt(i))) {
      const q = line[i]!;
      if (q === '"' || q === "'") {
        let j = i + 1;
        while (j < line.length && line[j] !== q) j += line[j] === '\\' ? 2 : 1;
        if (j >= line.length) return `an unbalanced ${q} quote`;
        i = j + 1;
      } else i++;
    }
    out.push(line.slice(start, i));
  }
  return out;
}

/**
 * What Python's int() makes of the text: its digits, or null when it is not an integer. Python (3.11 on) refuses
 * integers of more than sys.int_max_str_digits digits; the shell then keeps the text as a string.
 */
function pythonInt(val: string): string | null {
  const text = val.trim();
  let i = text.startsWith('+') || text.startsWith('-') ? 1 : 0;
  let digits = text[0] === '-' ? '-' : '';
  let run = 0;
  for (let from = i; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    // an underscore only between digits, as Python's literal grammar has it
    if ((c !== 0x5f && i < text.length) || i === from) return null;
    run += i - from;
    if (run > INT_MAX_STR_DIGITS) return null;
    digits += text.slice(from, i);
    from = i + 1;
  }
  return digits;
}

const INT_MAX_STR_DIGITS = 4300;

function parseValue(val: string): { ok: true; value: unknown } | { ok: false } {
  const digits = pythonInt(val);
  if (digits !== null)
    return { ok: true, value: Number.isSafeInteger(Number(digits)) ? Number(digits) : BigInt(digits) };
  if (val.toLowerCase() === 'true') return { ok: true, value: true };
  if (val.toLowerCase() === 'false') return { ok: true, value: false };
  if (val.startsWith('{') || val.startsWith('[')) {
    try {
      return { ok: true, value: JSON.parse(val) };
    } catch {
      return { ok: false };
    }
  }
  return { ok: true, value: val };
}

function cliExpr(args: string[], parent: Obj): string | null {
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq < 0) return `expected a key=value pair, got '${arg.slice(0, 60)}'`;
    const key = arg.slice(0, eq);
    const parsed = parseValue(arg.slice(eq + 1));
    if (!parsed.ok) return `the value of '${key.slice(0, 60)}' is a Python literal, which qmp-shell evaluates itself`;
    const path = key.split('.');
    let obj = parent;
    for (const p of path.slice(0, -1)) {
      const next = Object.hasOwn(obj, p) ? obj[p] : define(obj, p, {});
      if (typeof next !== 'object' || next === null || Array.isArray(next))
        return `'${p}' is used as both leaf and non-leaf key`;
      obj = next as Obj;
    }
    const leaf = path[path.length - 1]!;
    if (Object.hasOwn(obj, leaf)) return `'${key.slice(0, 60)}' is set twice`;
    define(obj, leaf, parsed.value);
  }
  return null;
}

function define<T>(obj: Obj, key: string, value: T): T {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

const toJson = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `\u0000${x}` : x)).replace(/"\\u0000(-?\d+)"/g, '$1');

/** The command as JSON text, or 'too-deep' past QEMU's nesting cap (measured without recursion: depth is the input's). */
function commandStep(name: string, command: Obj): ShellStep {
  let depth = 0;
  for (let level: unknown[] = [command]; level.length; depth++) {
    if (depth > MAX_NESTING) return { kind: 'too-deep', name };
    const next: unknown[] = [];
    for (const v of level) if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) next.push(x);
    level = next;
  }
  return { kind: 'command', name, json: toJson(command) };
}

export function shellCommand(line: string, state: ShellState): ShellStep {
  const toks = tokens(line);
  if (typeof toks === 'string') return { kind: 'unchecked', name: null, reason: `the line has ${toks}` };
  if (toks[0] === 'transaction(') {
    state.actions = [];
    toks.shift();
  }
  if (toks[0] === ')' && state.actions) {
    const actions = state.actions;
    state.actions = null;
    if (toks.length > 1)
      return { kind: 'unchecked', name: 'transaction', reason: 'input after the close of a transaction' };
    return commandStep('transaction', { execute: 'transaction', arguments: { actions } });
  }
  if (!toks.length) return { kind: 'pending' };
  if (state.actions) {
    const finalize = toks[toks.length - 1] === ')';
    if (finalize) toks.pop();
    const action: Obj = { type: toks[0], data: {} };
    const err = cliExpr(toks.slice(1), action.data as Obj);
    if (err) {
      state.actions = null;
      return { kind: 'unchecked', name: 'transaction', reason: err };
    }
    state.actions.push(action);
    return finalize ? shellCommand(')', state) : { kind: 'pending' };
  }
  const name = toks[0]!;
  const args: Obj = {};
  const err = cliExpr(toks.slice(1), args);
  if (err) return { kind: 'unchecked', name, reason: err };
  return commandStep(name, { execute: name, arguments: args });
}

/** The shell's prompt at the start of a line (after indentation): where the command text starts, or -1. */
export function shellPrompt(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  if (text.startsWith('(QEMU) ', i) || text.startsWith('TRANS> ', i)) return i + 7;
  if (end - i === 6 && (text.startsWith('(QEMU)', i) || text.startsWith('TRANS>', i))) return end;
  return -1;
}
