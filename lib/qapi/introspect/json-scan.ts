// A strict JSON recognizer over text (RFC 8259): receives a text and the
// offset of a value's first character; returns where the value ends, or the
// first syntax error with its offset. It builds nothing, so a reply of a
// megabyte costs one pass; the caller hands the recognised slice to
// JSON.parse, which then cannot fail. locateJsonPath() walks the same grammar
// to find where a value at a given path starts, for positioned messages.

export interface JsonScanError {
  offset: number;
  message: string;
}

export type JsonPath = (string | number)[];

/** A parsed JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// module constants: a literal in a method is a new object per call
const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4_RE = /^[0-9a-fA-F]{4}$/;
const WORDS = ['true', 'false', 'null'] as const;

/** Deeper than any QMP reply; keeps the recursion bounded on hostile input. */
const MAX_DEPTH = 512;

class Scanner {
  i: number;
  /** offset of the value at `want`, once seen */
  found = -1;
  private readonly path: JsonPath = [];

  constructor(
    readonly text: string,
    start: number,
    readonly want: JsonPath | null = null,
  ) {
    this.i = start;
  }

  fail(message: string, offset = this.i): never {
    throw { offset, message } satisfies JsonScanError;
  }

  space(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
      else return;
    }
  }

  value(depth: number): void {
    if (this.want && this.found < 0 && samePath(this.path, this.want)) this.found = this.i;
    const t = this.text;
    const c = t.charCodeAt(this.i);
    if (c === 0x7b) return this.object(depth + 1);
    if (c === 0x5b) return this.array(depth + 1);
    if (c === 0x22) return this.string();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    for (const word of WORDS) {
      if (t.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    if (Number.isNaN(c)) this.fail('unexpected end of input: expected a JSON value');
    this.fail(`unexpected ${describeChar(t, this.i)}: expected a JSON value`);
  }

  /** Past an opening bracket: true when the container closes at once (then past its closing bracket too). */
  private opens(depth: number, close: number): boolean {
    if (depth > MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
    this.i++;
    this.space();
    if (this.text.charCodeAt(this.i) !== close) return false;
    this.i++;
    return true;
  }

  private object(depth: number): void {
    if (this.opens(depth, 0x7d)) return;
    for (;;) {
      if (this.text.charCodeAt(this.i) !== 0x22) this.expected('a string key');
      const keyStart = this.i;
      this.string();
      const keyEnd = this.i;
      this.space();
      if (this.text.charCodeAt(this.i) !== 0x3a) this.expected("':'");
      this.i++;
      this.space();
      if (this.want) this.path.push(JSON.parse(this.text.slice(keyStart, keyEnd)) as string);
      this.value(depth);
      if (this.want) this.path.pop();
      if (this.closes(0x7d, "',' or '}'")) return;
    }
  }

  private array(depth: number): void {
    if (this.opens(depth, 0x5d)) return;
    for (let n = 0; ; n++) {
      if (this.want) this.path.push(n);
      this.value(depth);
      if (this.want) this.path.pop();
      if (this.closes(0x5d, "',' or ']'")) return;
    }
  }

  /** After a member or an element: true past the closing bracket, false past a comma, else a syntax error. */
  private closes(close: number, expected: string): boolean {
    this.space();
    const c = this.text.charCodeAt(this.i);
    if (c !== close && c !== 0x2c) this.expected(expected);
    this.i++;
    if (c === close) return true;
    this.space();
    return false;
  }

  private string(): void {
    const t = this.text;
    this.i++;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (c === 0x22) {
        this.i++;
        return;
      }
      if (Number.isNaN(c)) this.fail('unexpected end of input inside a string');
      if (c < 0x20)
        this.fail(c === 10 ? 'string not closed before the end of the line' : 'control character in a string');
      if (c === 0x5c) {
        const e = t[this.i + 1];
        if (e === 'u') {
          if (!HEX4_RE.test(t.slice(this.i + 2, this.i + 6))) this.fail('bad \\u escape: expected four hex digits');
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail('bad escape in a string');
        this.i += 2;
        continue;
      }
      this.i++;
    }
  }

  private number(): void {
    const re = NUMBER_RE;
    re.lastIndex = this.i;
    const m = re.exec(this.text);
    if (!m || m[0] === '-') this.fail('bad number');
    this.i += m[0].length;
  }

  private expected(what: string): never {
    const t = this.text;
    if (this.i >= t.length) this.fail(`unexpected end of input: expected ${what}`);
    this.fail(`expected ${what}, found ${describeChar(t, this.i)}`);
  }
}

function samePath(a: JsonPath, b: JsonPath): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** A character for a message: quoted when printable, as U+XXXX otherwise (never a run of the input). */
function describeChar(text: string, i: number): string {
  const cp = text.codePointAt(i) ?? 0;
  return cp > 0x20 && cp < 0x7f
    ? `'${String.fromCodePoint(cp)}'`
    : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isSyntaxError(err: unknown): err is JsonScanError {
  return typeof err === 'object' && err !== null && 'offset' in err && 'message' in err && !(err instanceof Error);
}

/** The end offset of the JSON value starting at `start`, or its first syntax error. */
export function scanJsonValue(text: string, start: number): { end: number } | { error: JsonScanError } {
  const s = new Scanner(text, start);
  try {
    s.value(0);
    return { end: s.i };
  } catch (err) {
    if (isSyntaxError(err)) return { error: err };
    throw err;
  }
}

/**
 * Where the value at `path` inside the JSON value at `start` begins; where its
 * longest existing prefix begins when the path goes beyond the value.
 */
export function locateJsonPath(text: string, start: number, path: JsonPath): number {
  for (let n = path.length; n > 0; n--) {
    const s = new Scanner(text, start, path.slice(0, n));
    try {
      s.value(0);
    } catch (err) {
      if (!isSyntaxError(err)) throw err;
    }
    if (s.found >= 0) return s.found;
  }
  return start;
}

/** 1-based line and column (UTF-16 code units, as the validator counts) of an offset. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}
