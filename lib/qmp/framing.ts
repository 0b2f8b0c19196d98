// Cutting a QMP server's output into messages. QEMU ends each message with
// CRLF (qmp-spec: "All interactions transmitted by the Server are
// json-objects, always terminating with CRLF"), but a monitor with
// pretty=on spreads one message over many lines, so a message ends where its
// top-level JSON value closes (strings and escapes followed), not at a line
// end. Receives the text as it arrives, cut anywhere (inside a string or an
// escape too); guarantees every message once, in order, on one line (the line
// breaks between its tokens become spaces), and text that cannot start a
// message as a 'junk' piece up to its line's end, for the caller to judge.
// The scan state carries across chunks, so the stream is read once, in
// linear time; a piece is held up to `max` characters, then reported as
// 'too-large' and skipped to its end (bounded memory whatever the peer sends).

export type Piece =
  | { kind: 'message'; text: string }
  /** a line (or `max` characters of one) that does not start with '{' or '[' */
  | { kind: 'junk'; text: string }
  /** a message still open after `max` characters: its first characters; the rest is skipped */
  | { kind: 'too-large'; text: string };

/** The cap on one message; the largest QEMU sends, query-qmp-schema's reply, is under 1 MiB. */
export const MAX_PIECE = 64 * 1024 * 1024;

const enum State {
  Between,
  Value,
  Junk,
}

export class QmpFramer {
  private state = State.Between;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** the current piece's text from earlier chunks */
  private carry = '';
  /** whether the current piece holds a raw line break outside its strings (pretty=on) */
  private broken = false;
  /** over the cap: the rest of the current piece is skipped, not kept */
  private skipping = false;

  constructor(private readonly max = MAX_PIECE) {}

  /** Whether a piece has begun and not ended (a stream that stops here was cut in the middle of it). */
  get open(): boolean {
    return this.state !== State.Between;
  }

  /** How many characters of the unfinished piece are held. */
  get held(): number {
    return this.carry.length;
  }

  push(chunk: string): Piece[] {
    const out: Piece[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.state === State.Between) {
        if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
        start = i;
        if (c === 0x7b || c === 0x5b) {
          this.state = State.Value;
          this.depth = 1;
        } else this.state = State.Junk;
        continue;
      }
      if (this.state === State.Junk) {
        if (c === 0x0a) this.finish(out, 'junk', chunk.slice(start, i));
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
        continue;
      }
      if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) this.depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (--this.depth === 0) this.finish(out, 'message', chunk.slice(start, i + 1));
      } else if (c === 0x0a || c === 0x0d) this.broken = true;
    }
    if (this.state !== State.Between) this.keep(out, chunk.slice(start));
    return out;
  }

  /** The end of a piece: emitted whole (unless it was over the cap), and the scan goes on between pieces. */
  private finish(out: Piece[], kind: 'message' | 'junk', tail: string): void {
    if (!this.skipping) out.push(this.piece(kind, this.carry + tail));
    this.reset();
  }

  /** The stream has ended: the piece it cut off, if any (a message as far as it came, or a line). */
  end(): Piece | null {
    const cut =
      this.state === State.Between || this.skipping
        ? null
        : this.piece(this.state === State.Junk ? 'junk' : 'message', this.carry);
    this.reset();
    return cut;
  }

  private piece(kind: 'message' | 'junk', text: string): Piece {
    if (kind === 'junk') return { kind, text: text.replace(/\r$/, '') };
    return { kind, text: this.broken ? oneLine(text) : text };
  }

  private reset(): void {
    this.state = State.Between;
    this.carry = '';
    this.broken = this.skipping = this.inString = this.escaped = false;
  }

  private keep(out: Piece[], rest: string): void {
    if (this.skipping) return;
    this.carry += rest;
    if (this.carry.length <= this.max) return;
    if (this.state === State.Junk) {
      // a line with no end in sight is junk anyway: said now, the rest of it too as it comes
      out.push({ kind: 'junk', text: this.carry.slice(0, this.max) });
      this.carry = this.carry.slice(this.max);
      return;
    }
    out.push({ kind: 'too-large', text: this.carry.slice(0, 200) });
    this.carry = '';
    this.skipping = true;
  }
}

/**
 * A pretty-printed message on one line: its line breaks outside strings become spaces (JSON whitespace, so the
 * message means the same); one inside a string is left as it is, which keeps such a message invalid JSON, as it was.
 */
function oneLine(text: string): string {
  let out = '';
  let from = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x0a || c === 0x0d) {
      out += text.slice(from, i) + ' ';
      from = i + 1;
    }
  }
  return out + text.slice(from);
}
