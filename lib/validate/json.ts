// Lossless JSON reader (RFC 8259, which QMP uses on the wire: qmp-spec
// "Protocol Specification"). Receives text and an offset; returns one value as
// a tree of nodes that keep their offsets, number text and key positions, or a
// syntax error with the exact offset. Iterative (an explicit stack), so 100,000
// levels of nesting cannot overflow the call stack; given a depth cap, it
// builds no node past the bracket that passes it and reads the rest of the
// value for its syntax and end only, a byte per open container. Keys are plain
// data (`__proto__` is an ordinary key); duplicate keys are marked, not dropped.

export interface JsonObject {
  kind: 'object';
  start: number;
  end: number;
  members: JsonMember[];
}
export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
  /** an earlier member of the same object has this key */
  duplicate: boolean;
}
export interface JsonArray {
  kind: 'array';
  start: number;
  end: number;
  items: JsonNode[];
}
export interface JsonString {
  kind: 'string';
  start: number;
  end: number;
  value: string;
}
export interface JsonNumber {
  kind: 'number';
  start: number;
  end: number;
  /** the literal exactly as written */
  text: string;
  /** written without fraction or exponent */
  integer: boolean;
}
export interface JsonBoolean {
  kind: 'boolean';
  start: number;
  end: number;
  value: boolean;
}
export interface JsonNull {
  kind: 'null';
  start: number;
  end: number;
}
export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

export interface JsonSyntaxError {
  message: string;
  offset: number;
  /** the text ended before the value did (more input could complete it) */
  eof: boolean;
  /** The value is whole but nests deeper than the cap (`offset` is the bracket that passes it): where it ends. */
  deep?: { end: number };
}

/** `depth`: deepest container nesting (1 for a flat object) */
export type JsonParseResult =
  { ok: true; node: JsonNode; end: number; depth: number } | { ok: false; error: JsonSyntaxError };

export function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function skipWhitespace(text: string, i: number, end: number): number {
  while (i < end && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

class SyntaxFault {
  constructor(
    readonly message: string,
    readonly offset: number,
    readonly eof: boolean,
  ) {}
}

/** A value whole but nested deeper than the cap: where the cap was passed, where the value ends. */
class DeepValue {
  constructor(
    readonly at: number,
    readonly end: number,
  ) {}
}

function describeChar(text: string, i: number, end: number): string {
  if (i >= end) return 'end of input';
  const c = text.charCodeAt(i);
  if (c === 0xfeff) return 'a byte order mark (U+FEFF)';
  if (c < 0x20) return `control character U+${c.toString(16).padStart(4, '0').toUpperCase()}`;
  const ch = text.slice(i, i + 1);
  return `'${ch}'`;
}

function fault(text: string, i: number, end: number, expected: string): SyntaxFault {
  return new SyntaxFault(`expected ${expected}, found ${describeChar(text, i, end)}`, i, i >= end);
}

type Frame =
  { node: JsonObject; keys: Set<string> | null; key: string; keyStart: number; keyEnd: number } | { node: JsonArray };

/**
 * Parse one JSON value starting at `start` (leading whitespace allowed), reading no further than `end`, and no
 * deeper than `maxDepth` levels of arrays and objects.
 */
export function parseJson(text: string, start = 0, end = text.length, maxDepth = Infinity): JsonParseResult {
  try {
    return parseOrThrow(text, start, end, maxDepth);
  } catch (e) {
    if (e instanceof DeepValue) {
      const message = `nesting deeper than ${maxDepth} levels`;
      return { ok: false, error: { message, offset: e.at, eof: false, deep: { end: e.end } } };
    }
    if (!(e instanceof SyntaxFault)) throw e;
    return { ok: false, error: { message: e.message, offset: e.offset, eof: e.eof } };
  }
}

function parseOrThrow(text: string, start: number, end: number, maxDepth: number): JsonParseResult {
  const stack: Frame[] = [];
  let depth = 0;
  let i = skipWhitespace(text, start, end);
  for (;;) {
    // read a value at i
    let value: JsonNode | null = null;
    if (i >= end) throw fault(text, i, end, 'a JSON value');
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) throw new DeepValue(i, skimPastCap(text, i, end, stack));
      const node: JsonObject | JsonArray =
        c === 0x7b
          ? { kind: 'object', start: i, end: -1, members: [] }
          : { kind: 'array', start: i, end: -1, items: [] };
      i = skipWhitespace(text, i + 1, end);
      // `}` and `]` are two code points after their opening brackets
      if (i < end && text.charCodeAt(i) === c + 2) {
        if (stack.length + 1 > depth) depth = stack.length + 1;
        node.end = i + 1;
        i++;
        value = node;
      } else {
        if (node.kind === 'object') {
          const frame = { node, keys: null, key: '', keyStart: 0, keyEnd: 0 };
          i = readKey(text, i, end, frame);
          stack.push(frame);
        } else stack.push({ node });
        if (stack.length > depth) depth = stack.length;
        continue;
      }
    } else if (c === 0x22 /* " */) {
      const [s, after] = readString(text, i, end);
      value = { kind: 'string', start: i, end: after, value: s };
      i = after;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      value = readNumber(text, i, end);
      i = value.end;
    } else if (text.startsWith('true', i) && i + 4 <= end) {
      value = { kind: 'boolean', start: i, end: i + 4, value: true };
      i += 4;
    } else if (text.startsWith('false', i) && i + 5 <= end) {
      value = { kind: 'boolean', start: i, end: i + 5, value: false };
      i += 5;
    } else if (text.startsWith('null', i) && i + 4 <= end) {
      value = { kind: 'null', start: i, end: i + 4 };
      i += 4;
    } else {
      throw badValue(text, i, end);
    }
    // attach the value to its container; close containers that end here
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) return { ok: true, node: value, end: i, depth };
      i = skipWhitespace(text, i, end);
      const d = i < end ? text.charCodeAt(i) : -1;
      if ('keys' in top) {
        addMember(top, value);
        if (d === 0x2c) {
          i = readKey(text, skipWhitespace(text, i + 1, end), end, top);
          break;
        }
        if (d !== 0x7d) throw fault(text, i, end, "',' or '}' after an object member");
      } else {
        top.node.items.push(value);
        if (d === 0x2c) {
          i = skipWhitespace(text, i + 1, end);
          break;
        }
        if (d !== 0x5d) throw fault(text, i, end, "',' or ']' after an array element");
      }
      i++;
      top.node.end = i;
      value = top.node;
      stack.pop();
    }
  }
}

const ARRAY = 0;
const OBJECT = 1;

/**
 * The rest of a value from the bracket at `i` that passes the depth cap: read for its syntax and its end only,
 * each container still open one byte (those of `outer` first). Returns the offset after the value.
 */
function skimPastCap(text: string, i: number, end: number, outer: Frame[]): number {
  let kinds = new Uint8Array(Math.max(1024, outer.length * 2));
  let depth = 0;
  for (const f of outer) kinds[depth++] = 'keys' in f ? OBJECT : ARRAY;
  for (;;) {
    if (i >= end) throw fault(text, i, end, 'a JSON value');
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      i = skipWhitespace(text, i + 1, end);
      if (!(i < end && text.charCodeAt(i) === c + 2)) {
        if (depth === kinds.length) {
          const grown = new Uint8Array(depth * 2);
          grown.set(kinds);
          kinds = grown;
        }
        kinds[depth++] = c === 0x7b ? OBJECT : ARRAY;
        if (c === 0x7b) i = memberName(text, i, end)[2];
        continue;
      }
      i++;
    } else i = scalarEnd(text, i, end);
    // after a value: close the containers that end here
    for (;;) {
      if (depth === 0) return i;
      i = skipWhitespace(text, i, end);
      const d = i < end ? text.charCodeAt(i) : -1;
      const object = kinds[depth - 1] === OBJECT;
      if (d === 0x2c) {
        i = skipWhitespace(text, i + 1, end);
        if (object) i = memberName(text, i, end)[2];
        break;
      }
      if (d !== (object ? 0x7d : 0x5d))
        throw fault(text, i, end, object ? "',' or '}' after an object member" : "',' or ']' after an array element");
      i++;
      depth--;
    }
  }
}

/** The offset after the string, number or literal at `i`. */
function scalarEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return readString(text, i, end)[1];
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return readNumber(text, i, end).end;
  for (const word of ['true', 'false', 'null'])
    if (text.startsWith(word, i) && i + word.length <= end) return i + word.length;
  throw badValue(text, i, end);
}

function addMember(frame: Extract<Frame, { keys: unknown }>, value: JsonNode): void {
  const members = frame.node.members;
  let duplicate = false;
  if (frame.keys) {
    duplicate = frame.keys.has(frame.key);
    frame.keys.add(frame.key);
  } else {
    for (const m of members) if (m.key === frame.key) duplicate = true;
    if (members.length >= 8) frame.keys = new Set(members.map((m) => m.key).concat(frame.key));
  }
  members.push({ key: frame.key, keyStart: frame.keyStart, keyEnd: frame.keyEnd, value, duplicate });
}

/** Reads `"key" :` and leaves i at the start of the member's value. */
function readKey(text: string, i: number, end: number, frame: Extract<Frame, { keys: unknown }>): number {
  const [key, after, value] = memberName(text, i, end);
  frame.key = key;
  frame.keyStart = i;
  frame.keyEnd = after;
  return value;
}

/** `"key" :` at i: the key, the offset after its closing quote, and where the member's value starts. */
function memberName(text: string, i: number, end: number): [string, number, number] {
  if (text.charCodeAt(i) !== 0x22) throw fault(text, i, end, 'a member name in double quotes');
  const [key, after] = readString(text, i, end);
  i = skipWhitespace(text, after, end);
  if (text.charCodeAt(i) !== 0x3a || i >= end) throw fault(text, i, end, "':' after a member name");
  return [key, after, skipWhitespace(text, i + 1, end)];
}

function badValue(text: string, i: number, end: number): SyntaxFault {
  for (const word of ['NaN', 'Infinity', '-Infinity']) {
    if (text.startsWith(word, i)) return new SyntaxFault(`${word} is not a JSON value`, i, false);
  }
  if (text.charCodeAt(i) === 0x27) return new SyntaxFault("strings must use double quotes, found '", i, false);
  for (const word of ['true', 'false', 'null']) {
    if (end - i < word.length && word.startsWith(text.slice(i, end)))
      return new SyntaxFault('unexpected end of input', end, true);
  }
  return fault(text, i, end, 'a JSON value');
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Reads a string literal at i (the opening quote); returns its value and the offset after the closing quote. */
export function readString(text: string, i: number, end: number): [string, number] {
  const open = i;
  i++;
  let chunkStart = i;
  let out = '';
  for (;;) {
    if (i >= end) throw new SyntaxFault('unterminated string', open, true);
    const c = text.charCodeAt(i);
    if (c === 0x22) return [out + text.slice(chunkStart, i), i + 1];
    if (c < 0x20) throw new SyntaxFault(`${describeChar(text, i, end)} must be escaped in a string`, i, false);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff && i + 1 < end) {
        i += 2;
        continue;
      }
      throw new SyntaxFault('lone surrogate in a string (invalid UTF-16)', i, false);
    }
    if (c !== 0x5c) {
      i++;
      continue;
    }
    out += text.slice(chunkStart, i);
    if (i + 1 >= end) throw new SyntaxFault('unterminated string', open, true);
    const e = text[i + 1]!;
    if (e === 'u') {
      const code = readHex4(text, i, end);
      if (code >= 0xd800 && code <= 0xdbff) {
        const low = text.startsWith('\\u', i + 6) ? readHex4(text, i + 6, end) : -1;
        if (low < 0xdc00 || low > 0xdfff)
          throw new SyntaxFault('lone surrogate escape in a string (\\u' + text.slice(i + 2, i + 6) + ')', i, false);
        out += String.fromCharCode(code, low);
        i += 12;
      } else if (code >= 0xdc00 && code <= 0xdfff) {
        throw new SyntaxFault('lone surrogate escape in a string (\\u' + text.slice(i + 2, i + 6) + ')', i, false);
      } else {
        out += String.fromCharCode(code);
        i += 6;
      }
    } else {
      const ch = ESCAPES[e];
      if (ch === undefined) throw new SyntaxFault(`invalid escape '\\${e}' in a string`, i, false);
      out += ch;
      i += 2;
    }
    chunkStart = i;
  }
}

function readHex4(text: string, i: number, end: number): number {
  if (i + 6 > end) throw new SyntaxFault('unterminated string', i, true);
  const hex = text.slice(i + 2, i + 6);
  if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxFault(`invalid escape '\\u${hex}' in a string`, i, false);
  return parseInt(hex, 16);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function readNumber(text: string, start: number, end: number): JsonNumber {
  let i = start;
  if (text.charCodeAt(i) === 0x2d) {
    i++;
    if (text.startsWith('Infinity', i)) throw new SyntaxFault('-Infinity is not a JSON value', start, false);
  }
  const digitsStart = i;
  if (!isDigit(text.charCodeAt(i)) || i >= end) throw fault(text, i, end, 'a digit');
  if (text.charCodeAt(i) === 0x30 && isDigit(text.charCodeAt(i + 1)) && i + 1 < end) {
    throw new SyntaxFault('numbers must not have leading zeros', digitsStart, false);
  }
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  let integer = true;
  if (i < end && text.charCodeAt(i) === 0x2e) {
    integer = false;
    i++;
    if (!isDigit(text.charCodeAt(i)) || i >= end) throw fault(text, i, end, 'a digit after the decimal point');
    while (i < end && isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (i < end && (e === 0x65 || e === 0x45)) {
    integer = false;
    i++;
    const s = text.charCodeAt(i);
    if (s === 0x2b || s === 0x2d) i++;
    if (!isDigit(text.charCodeAt(i)) || i >= end) throw fault(text, i, end, 'a digit in the exponent');
    while (i < end && isDigit(text.charCodeAt(i))) i++;
  }
  return { kind: 'number', start, end: i, text: text.slice(start, i), integer };
}
