// The review's data: what a review of a patch mail gives (ReviewResult, plain
// JSON-serialisable data: it crosses a worker boundary and is what
// `review --format json` prints), the rules it judges by, and the interface
// through which known trees come in (disk for the CLI, a fetched bundle for
// the page). Every finding names its rule, a severity, the file line and the
// patch line it is about.
import type { SchemaDiff } from '../diff/types';
import type { SchemaModel } from '../qapi/model';
import type { QemuRelease, ReleaseRules } from '../qapi/releases';

export type Severity = 'error' | 'warning';

export type RuleId =
  | 'does-not-apply'
  | 'qapi-error'
  | 'incompatible-change'
  | 'example-invalid'
  | 'since-missing'
  | 'since-malformed'
  | 'since-version'
  | 'member-since-missing'
  | 'member-since-version'
  | 'x-name'
  | 'rfqdn-prefix'
  | 'pragma-exception-added'
  | 'member-ref-unknown'
  | 'definition-ref-unknown'
  | 'deprecated-without-replacement';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** the file of the patched tree ('qapi/vfio.json'), null when the finding is about the whole patch */
  file: string | null;
  /** line in that file after the patch (before it, for what the patch removes) */
  line: number | null;
  /** line of the patch text (ReviewResult.patchText) the finding is about; null when the patch does not show it */
  patchLine: number | null;
  text: string;
  /** the definition it is about, if any */
  def?: string;
}

/** A tree the patch may apply to. */
export interface ReviewTree {
  /** how it is named: '10.2.2', a config label, a directory name */
  label: string;
  /** its QEMU version ('10.2.2', '10.2.50' for a development tree), null when unknown */
  version: string | null;
  /** how its generator reads it */
  rules: ReleaseRules;
  /** its schema roots, relative to the tree's top: 'qapi/qapi-schema.json' */
  roots: string[];
  /** a file by its path from the tree's top ('qapi/vfio.json'); null when the tree has none */
  read(path: string): string | null;
  /** the file's git blob hash (full, 40 hex digits); default: computed from read() */
  blobHash?(path: string): string | null;
  /** a blob of the tree's history by (abbreviated) hash, for a git checkout; null when it has none */
  gitBlob?(hash: string): string | null;
  /** why the tree's history cannot be read (a git checkout without git on PATH) */
  historyNote?: string;
}

export type LineKind = ' ' | '+' | '-';

export interface HunkLine {
  kind: LineKind;
  text: string;
  /** whether a newline ends the line ('\ No newline at end of file' follows it when not) */
  newline: boolean;
  patchLine: number | null;
  /** its line in the file before (context, '-') and after (context, '+') the patch */
  oldLine?: number;
  newLine?: number;
}

export interface Hunk {
  header: string;
  patchLine: number | null;
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: HunkLine[];
}

export type FileStatus = 'modified' | 'added' | 'deleted' | 'renamed' | 'copied';

export interface FilePatch {
  /** 0-based message of the series it comes from */
  message: number;
  /** paths from the tree's top, a/ and b/ removed; null for /dev/null */
  oldPath: string | null;
  newPath: string | null;
  status: FileStatus;
  /** the `index` line's abbreviated blob hashes, when the patch has one */
  oldHash?: string;
  newHash?: string;
  /** a file of a schema tree (qapi/, qga/, storage-daemon/qapi/ *.json) */
  schema: boolean;
  /** the line that starts the file's part of the patch */
  patchLine: number | null;
  hunks: Hunk[];
}

export type InputFormatId = 'mbox' | 'mail' | 'quoted-reply' | 'diff';

export interface MessageInfo {
  subject?: string;
  from?: string;
  date?: string;
  /** how its body was encoded: '7bit', '8bit', 'quoted-printable', 'base64' */
  encoding?: string;
  /** the body quotes the patch ('> ' lines) */
  quoted: boolean;
  /** 'n/m' of a [PATCH n/m] subject */
  part?: string;
}

export interface BaseInfo {
  label: string;
  version: string | null;
  /** the generator rules the tree is read by ('10.2') */
  release: QemuRelease;
  /** how it was found */
  how: 'blob-hash' | 'git-history' | 'applies';
  /** one line: 'qapi/vfio.json a1a9c5b673' (hash), 'applies cleanly' … */
  detail: string;
  /** the release a new definition's `Since:` should name ('11.0'), null when the version is unknown */
  since: string | null;
  /** the other known trees and what was found for each */
  others: { label: string; hash: boolean; applies: boolean | null }[];
}

export interface ApplyFailure {
  /** what went wrong, in one line */
  text: string;
  file: string | null;
  /** 0-based index of the failing hunk in the file's part of the patch */
  hunk?: number;
  patchLine: number | null;
  /** the base line where the hunk was looked for */
  baseLine?: number;
}

export interface QapiErrorInfo {
  /** QEMU's text, exactly as its generator prints it */
  text: string;
  /** the schema root whose check failed */
  root: string;
  file: string | null;
  line: number | null;
  col: number | null;
  patchLine: number | null;
}

export type ExampleStatus = 'valid' | 'invalid' | 'not-checkable';

export interface ExampleCheck {
  def: string | null;
  file: string;
  line: number;
  patchLine: number | null;
  title: string | null;
  status: ExampleStatus;
  /** the first problem of an invalid example */
  problem?: string;
}

/** A definition the patch adds, changes or removes (its doc, its expression, or both). */
export interface TouchedDefinition {
  name: string;
  meta: string;
  status: 'added' | 'changed' | 'removed';
  file: string;
  /** first and last line of its doc comment and expression, in the patched file (the base file when removed) */
  start: number;
  end: number;
}

export type Verdict = 'fine' | 'findings' | 'does-not-apply';

export interface ReviewResult {
  verdict: Verdict;
  /** "The QAPI schema is fine", "3 findings", "does not apply: …" */
  summary: string;
  input: { format: InputFormatId; messages: MessageInfo[] };
  /**
   * The text patch lines count in: the input as given when every line of it
   * is the patch's own (plain, quoted-printable and quoted mails, bare
   * diffs); else (base64 bodies) the decoded bodies, one after the other.
   */
  patchText: { lines: 'input' | 'decoded'; text?: string };
  files: FilePatch[];
  /** files of the patch that are not schema files: listed, skipped */
  notSchema: string[];
  base: BaseInfo | null;
  applies: boolean;
  failure?: ApplyFailure;
  /** the patched texts of the schema files the patch touches, by path (absent: deleted) */
  patched: Record<string, string | null>;
  qapi: { ok: boolean; roots: string[]; error?: QapiErrorInfo };
  /** base → patched on the wire, as `diff --format json` gives it */
  changes: SchemaDiff;
  touched: TouchedDefinition[];
  examples: ExampleCheck[];
  findings: Finding[];
  notes: string[];
  /** base and patched models of the main root, for previews (not printed by --format json) */
  models?: { root: string; base: SchemaModel; patched: SchemaModel };
}
