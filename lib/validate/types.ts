// Public data shapes of the validator: what validateText() returns and what
// the site, the CLI and the example lint consume. Issues are plain data
// (qapi-code-gen "Client JSON Protocol", qmp-spec "Protocol Specification");
// formatting lives in format.ts.

export type Severity = 'error' | 'warning';

/**
 * Bounded memory: a message (or top-level array) still open after this many characters is reported and skipped
 * rather than buffered further. QEMU's largest replies (query-qmp-schema) are a few MB.
 */
export const MAX_MESSAGE = 64 * 1024 * 1024;

/** Stable machine-readable issue codes. */
export type IssueCode =
  | 'json-syntax'
  | 'duplicate-key'
  | 'not-an-object'
  | 'unknown-message'
  | 'unknown-event'
  | 'unknown-command'
  | 'envelope'
  | 'missing-timestamp'
  | 'bad-timestamp'
  | 'missing-data'
  | 'unexpected-data'
  | 'missing-member'
  | 'unknown-member'
  | 'downstream-member'
  | 'wrong-type'
  | 'integer-range'
  | 'not-integer'
  | 'negative-unsigned'
  | 'enum-value'
  | 'bad-discriminator'
  | 'no-alternative'
  | 'deprecated'
  | 'unstable'
  | 'orphan-reply'
  | 'elided'
  | 'prose'
  | 'no-message'
  | 'too-large';

export interface Issue {
  severity: Severity;
  code: IssueCode;
  /** JSON pointer into the message ('' = the whole message) */
  path: string;
  /** 1-based position in the validated text */
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** short headline, e.g. "unknown member" */
  message: string;
  /** the full explanation in QAPI terms */
  text: string;
  /** for a missing member the definition declaring it, for an unknown one the object's type ("accepted by" looks its `since` up there) */
  def?: string;
}

export type MessageKind = 'event' | 'command' | 'return' | 'error' | 'greeting' | 'unknown';

export interface MessageResult {
  /** 0-based position of the message in the input */
  index: number;
  kind: MessageKind;
  /** event or command name; for replies, the command answered (when known) */
  name: string | null;
  /** '->' (client to server) or '<-' (server to client) in transcripts, else null */
  direction: '->' | '<-' | null;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** UTF-16 offsets of the message in the whole input: input.slice(start, end) is its text */
  start: number;
  end: number;
  /** false iff some issue has severity 'error' */
  valid: boolean;
  issues: Issue[];
}

/** 'log': lines of a log (libvirt, qmp-shell, iotests, any prefix) with messages in them */
export type InputForm = 'empty' | 'value' | 'array' | 'stream' | 'transcript' | 'log';

/** Something skipped rather than checked: an elision (`...`), prose, or a command that cannot be checked. */
export interface Note {
  code: 'elided' | 'prose' | 'unchecked';
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  text: string;
}

export interface ValidationResult {
  form: InputForm;
  messages: MessageResult[];
  notes: Note[];
  /** every message valid and none elided */
  valid: boolean;
  counts: { messages: number; valid: number; invalid: number; elided: number };
}

export interface ValidatorOptions {
  /** strict (default): unknown members are errors; lenient: warnings. `__` members always warn. */
  mode?: 'strict' | 'lenient';
  /** 'warn' (default): deprecated things are accepted with a warning; 'error': rejected (QEMU -compat deprecated-input=reject) */
  deprecated?: 'warn' | 'error';
  /** false: skip the fast precheck and run every payload through zod (for differential tests) */
  precheck?: boolean;
  /** the cap on one message (or a top-level array) still open, in characters; default MAX_MESSAGE */
  maxMessage?: number;
}

/** Incremental validation for large inputs: feed whole lines, get results as they complete. */
export interface ValidationSession {
  /** text must end at a line boundary (or be the last piece); returns the messages completed so far */
  feed(text: string): MessageResult[];
  /** flush whatever is pending */
  end(): MessageResult[];
  readonly notes: Note[];
  readonly form: InputForm;
}

export interface Validator {
  validateText(text: string): ValidationResult;
  session(): ValidationSession;
}
