// `validate` with several --schema: the first decides `valid`, every one is a
// release in "accepted by". Receives the loaded models (with their root
// files) and the validator options; guarantees each release its site label
// (labelForPath for trees; the QEMU version and target of an introspection),
// one session per extra release fed the same line-aligned text as the main
// one, and per main message the acceptance of every release, in --schema order.
import path from 'node:path';
import type { CliIO } from './main';
import { QapiError } from '../lib/qapi/error';
import type { SchemaModel } from '../lib/qapi/model';
import { loadRootModelFromDisk } from '../lib/qapi/node';
import { optionsForTree } from '../lib/qapi/options';
import { uniqueNames } from '../lib/site/config';
import { rootLabel } from '../lib/site/introspection-label';
import { createValidator } from '../lib/validate/index';
import {
  acceptanceOf,
  groupedReasons,
  rejectionOf,
  sinceTexts,
  type Acceptance,
  type Rejection,
} from '../lib/validate/accepted';
import type { MessageResult, ValidationSession, ValidatorOptions } from '../lib/validate/types';
import { escapeForTerminal } from '../lib/validate/format';

export interface SchemaRoot {
  file: string;
  model: SchemaModel;
}

/**
 * The --schema roots, loaded; one that cannot be is said on stderr (a schema error in QEMU's words) and the
 * answer is exit status 2.
 */
export function loadSchemaRoots(schemas: readonly string[], io: CliIO, command: string): SchemaRoot[] | number {
  const roots: SchemaRoot[] = [];
  for (const schema of schemas) {
    const file = path.resolve(io.cwd, schema);
    try {
      roots.push({ file, model: loadRootModelFromDisk(file, optionsForTree(file)) });
    } catch (err) {
      const why =
        err instanceof QapiError
          ? String(err)
          : `qapi-explorer ${command}: cannot load schema ${schema}: ${(err as Error).message}`;
      io.stderr(`${why}\n`);
      return 2;
    }
  }
  return roots;
}

/** A validation session per extra release, fed what the main one is fed: who accepts each message. */
export class ReleaseSessions {
  readonly labels: string[];
  private readonly sessions: ValidationSession[];
  /** per extra release: verdicts of messages not yet matched, by start offset */
  private readonly pending: Map<number, Rejection>[];
  private readonly since: Record<string, string>;

  constructor(roots: SchemaRoot[], options: ValidatorOptions) {
    this.labels = uniqueNames(roots.map((r) => rootLabel(r.file, r.model)));
    this.sessions = roots.slice(1).map((r) => createValidator(r.model, options).session());
    this.pending = this.sessions.map(() => new Map());
    this.since = sinceTexts(roots.map((r) => r.model).reverse());
  }

  get active(): boolean {
    return this.sessions.length > 0;
  }

  feed(text: string): void {
    this.sessions.forEach((s, k) => this.keep(k, s.feed(text)));
  }

  end(): void {
    this.sessions.forEach((s, k) => this.keep(k, s.end()));
  }

  private keep(k: number, messages: MessageResult[]): void {
    for (const m of messages) this.pending[k]!.set(m.start, rejectionOf(m));
  }

  /** Every release's acceptance of a main message (call once per message, in order). */
  of(m: MessageResult): Acceptance[] {
    const verdicts = [[rejectionOf(m)], ...this.pending.map((p) => [p.get(m.start)])];
    for (const p of this.pending) {
      // the main session's messages come in order: anything before this one is never asked for again
      for (const start of p.keys())
        if (start <= m.start) p.delete(start);
        else break;
    }
    return acceptanceOf(this.labels, verdicts, 0, m.name, (name) => this.since[name]);
  }
}

/** The JSON verdict's "accepted" member: label -> accepted. */
export function acceptedRecord(lines: Acceptance[]): Record<string, boolean> {
  return Object.fromEntries(lines.map((a) => [a.label, a.accepted]));
}

/**
 * The text format's lines: "  accepted by: 10.2.2; not by: 10.0.13" then one line per reason, naming the releases
 * that reject the message for it.
 */
export function acceptedText(lines: Acceptance[]): string {
  const yes = lines.filter((a) => a.accepted).map((a) => a.label);
  const no = lines.filter((a) => !a.accepted);
  let out = `  accepted by: ${yes.length ? yes.join(', ') : 'none'}`;
  if (no.length) out += `; not by: ${no.map((a) => a.label).join(', ')}`;
  for (const [labels, reason] of groupedReasons(no)) out += `\n    ${labels.join(', ')}: ${escapeForTerminal(reason)}`;
  return out;
}
