// One fuzzing campaign over a real schema tree: which file each mutant
// changes, which root loads it, and whether the outcome is acceptable.
// Receives the tree's files as text; guarantees that mutant i of seed s is the
// same everywhere (so a crash is replayed with --seed s --only i).
// The contract checked: bad input gives a QapiError with
// file, line and message (and a column for QEMU's QAPIParseError messages).
import { QapiError } from '../error';
import { loadModel } from '../load';
import type { QapiOptions } from '../options';
import { memoryHost } from './memory-host';
import { mutate, mutantSeed, createRng } from './mutate';

export interface Corpus {
  /** directory of the tree, e.g. 'qapi' (file names below are 'qapi/<module>') */
  dir: string;
  /** the tree's root schema, e.g. 'qapi/qapi-schema.json' */
  root: string;
  files: ReadonlyMap<string, string>;
  options?: Partial<QapiOptions>;
}

export type MutantOutcome = 'loaded' | 'rejected' | 'crash';

export interface MutantResult {
  index: number;
  /** the mutated file */
  file: string;
  /** the root the mutant was loaded from */
  root: string;
  applied: string[];
  verdict: MutantOutcome;
  /** the error text (rejected) or what went wrong (crash) */
  detail: string;
  ms: number;
  /** the mutated text, kept only for crashes */
  text?: string;
}

/** A mutant that takes longer than this to load counts as a hang. */
export const HANG_MS = 1000;

/** Name of the in-memory root used to load one module with the tree's pragmas. */
const MODULE_ROOT = '__fuzz-root__.json';

/**
 * Messages QEMU raises as QAPIParseError, which always carries a column (from
 * the conformance suite's FILE:LINE:COL errors). Others may have none.
 */
const PARSE_ERROR_MESSAGE = new RegExp(
  '^(' +
    [
      'stray ',
      'expected ',
      'missing terminating',
      'funny character in string',
      'unknown escape',
      'duplicate key ',
      "junk after '##'",
      'missing space after #',
      "documentation comment must end with '##'",
      'unexpected de-indent',
      "line should end with ':'",
      "name required after '@'",
      'Use two spaces between sentences',
      'documentation line longer than',
      "duplicated 'Features:' line",
      'feature descriptions expected',
      "description of '@",
      "'@[^']*' not allowed in free-form documentation",
    ].join('|') +
    ')',
);

export class Campaign {
  private readonly targets: string[];
  /** for each target file: the root that loads it (checked clean at construction) */
  private readonly rootFor = new Map<string, { root: string; rootText: string | null }>();

  constructor(
    readonly corpus: Corpus,
    readonly seed: number,
    /** a mutant slower than this (and than 3× its unmutated tree) is a hang; Infinity leaves hangs to a timeout */
    readonly hangMs = HANG_MS,
  ) {
    this.targets = [...corpus.files.keys()].sort();
    const pragma = `${corpus.dir}/pragma.json`;
    const moduleRoot = `${corpus.dir}/${MODULE_ROOT}`;
    for (const file of this.targets) {
      if (file === corpus.root) {
        this.rootFor.set(file, { root: corpus.root, rootText: null });
        continue;
      }
      // Load a module on its own (fast) with the tree's pragmas when it loads
      // cleanly that way, else through the whole tree.
      const includes = corpus.files.has(pragma) && file !== pragma ? [pragma, file] : [file];
      const rootText = includes.map((f) => `{ 'include': '${f.slice(corpus.dir.length + 1)}' }\n`).join('');
      const clean = this.load(moduleRoot, new Map([...corpus.files, [moduleRoot, rootText]])) === null;
      this.rootFor.set(file, clean ? { root: moduleRoot, rootText } : { root: corpus.root, rootText: null });
    }
  }

  private load(root: string, files: ReadonlyMap<string, string>): unknown {
    try {
      loadModel(root, memoryHost(files), this.corpus.options);
      return null;
    } catch (err) {
      return err;
    }
  }

  private timeUnmutated(root: string, file: string): number {
    const files = new Map(this.corpus.files);
    const { rootText } = this.rootFor.get(file)!;
    if (rootText !== null) files.set(root, rootText);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      this.load(root, files);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  }

  /** The files (mutated one included) and root of mutant i. */
  mutant(index: number): { file: string; root: string; files: Map<string, string>; applied: string[] } {
    const seed = mutantSeed(this.seed, index);
    const file = this.targets[Math.floor(createRng(seed ^ 0x5bd1e995)() * this.targets.length)];
    const { text, applied } = mutate(this.corpus.files.get(file)!, seed);
    const files = new Map(this.corpus.files);
    files.set(file, text);
    const { root, rootText } = this.rootFor.get(file)!;
    if (rootText !== null) files.set(root, rootText);
    return { file, root, files, applied };
  }

  run(index: number): MutantResult {
    const { file, root, files, applied } = this.mutant(index);
    let started = performance.now();
    const err = this.load(root, files);
    let ms = performance.now() - started;
    // On a shared machine a slow run may just be a busy CPU: a hang must be
    // slow every time, so retry and keep the fastest.
    for (let retry = 0; retry < 2 && ms > this.hangMs; retry++) {
      started = performance.now();
      this.load(root, files);
      ms = Math.min(ms, performance.now() - started);
    }
    const result: MutantResult = { index, file, root, applied, verdict: 'loaded', detail: '', ms };
    let problem = err === null ? null : errorProblem(err, files);
    if (err !== null && problem === null) {
      result.verdict = 'rejected';
      result.detail = String(err);
    }
    if (problem === null && ms > this.hangMs) {
      // Slow only because the machine is busy? The unmutated tree, timed now,
      // tells: a mutant-made hang is far slower than the tree it came from.
      const clean = this.timeUnmutated(root, file);
      if (ms > 3 * clean)
        problem = `took ${Math.round(ms)} ms (hang limit ${this.hangMs} ms; unmutated: ${Math.round(clean)} ms)`;
    }
    if (problem !== null) {
      result.verdict = 'crash';
      result.detail = problem;
      result.text = files.get(file);
    }
    return result;
  }
}

/** Why err breaks the bad-input contract, or null when it is a proper QapiError. */
export function errorProblem(err: unknown, files: ReadonlyMap<string, string>): string | null {
  if (!(err instanceof QapiError)) {
    const e = err as Error | undefined;
    return `${e?.name ?? typeof err}: ${e?.message ?? String(err)}\n${e?.stack ?? ''}`;
  }
  if (!err.info) return `QapiError without a location: ${err.msg}`;
  if (/internal error/i.test(err.msg)) return `internal error reported as QapiError: ${err.msg}`;
  const text = files.get(err.info.fname);
  if (text === undefined) return `QapiError names unknown file '${err.info.fname}': ${String(err)}`;
  const lines = text.split('\n').length;
  const { line, col, msg } = err;
  if (!Number.isInteger(line) || line! < 1 || line! > lines + 1) {
    return `QapiError line ${line} outside ${err.info.fname} (${lines} lines): ${msg}`;
  }
  if (typeof msg !== 'string' || msg.trim() === '') return `QapiError without a message at ${err.info.loc()}`;
  if (col !== null && (!Number.isInteger(col) || col < 1)) return `QapiError column ${col} is not positive: ${msg}`;
  if (col === null && PARSE_ERROR_MESSAGE.test(msg)) return `parse error without a column: ${String(err)}`;
  let printed: string;
  try {
    printed = String(err);
  } catch (e) {
    return `String(QapiError) threw: ${String(e)}`;
  }
  if (!printed.includes(`${err.info.fname}:${line}`)) return `printed error lacks file:line: ${printed}`;
  return null;
}
