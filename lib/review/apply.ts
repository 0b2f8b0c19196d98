// Applying the patch's schema files to a base, in memory, exactly as
// `git apply` does (its apply.c find_pos/match_fragment, default options):
// each hunk's context and removed lines must match the base byte for byte
// (no fuzz, no whitespace leniency, no line-ending conversion); the hunk is
// looked for at its line first, then alternately one line before and after,
// over the whole file; a hunk starting at line 0 or 1 must match at the
// start of the file, one without trailing context at its end. jsdiff's
// applyPatch differs on the anchoring and allows no match before the previous
// hunk, and says only `false` when a hunk fails: a review must say which hunk
// and where it was looked for, so this is ours (README "Reviewing a patch").
// Receives the files of the patch (series order) and a reader of the base;
// guarantees every patched text, or the first failing hunk with its patch
// line and the base line git would name.
import type { ApplyFailure, FilePatch, Hunk } from './types';

export interface Applied {
  /** the texts after the patch, by path; null where the patch deletes the file */
  texts: Map<string, string | null>;
  /** where each line of a patched text comes from, by path (index: line - 1) */
  origins: Map<string, LineOrigin[]>;
  failure?: ApplyFailure;
}

/** What the patch did to a line of a patched file. */
export interface LineOrigin {
  /** the patch adds it */
  added: boolean;
  /** the patch removes lines just before it (or, on the last line, after it) */
  afterRemoval: boolean;
  /** the last line of the patch that shows it (added or as context); null when no hunk shows it */
  patchLine: number | null;
}

/** Apply every schema file of the patch in order; a later message sees what the earlier ones made. */
export function applyPatch(files: FilePatch[], readBase: (path: string) => string | null): Applied {
  const texts = new Map<string, string | null>();
  const origins = new Map<string, LineOrigin[]>();
  const current = (path: string) => (texts.has(path) ? texts.get(path)! : readBase(path));
  for (const file of files) {
    if (!file.schema) continue;
    const source = file.oldPath === null ? null : current(file.oldPath);
    const target = file.newPath ?? file.oldPath!;
    const failure = (text: string): Applied => ({
      texts,
      origins,
      failure: { text, file: target, patchLine: file.patchLine },
    });
    if (file.oldPath === null) {
      if (current(target) !== null) return failure(`${target} already exists in the base`);
    } else if (source === null) {
      return failure(`${file.oldPath} does not exist in the base`);
    }
    const before = file.oldPath === null ? [] : (origins.get(file.oldPath) ?? null);
    const result = applyHunks(source ?? '', before, file);
    if ('failure' in result) return { texts, origins, failure: result.failure };
    if (file.newPath === null) {
      if (result.text !== '') return failure(`${file.oldPath} is not empty after the patch deletes it`);
      texts.set(file.oldPath!, null);
      origins.delete(file.oldPath!);
      continue;
    }
    if (file.status === 'renamed' && file.oldPath !== null) {
      texts.set(file.oldPath, null);
      origins.delete(file.oldPath);
    }
    texts.set(target, result.text);
    origins.set(target, result.origins);
  }
  return { texts, origins };
}

/** A text as lines that keep their newline: the last may lack one. */
function splitKeepingNewlines(text: string): string[] {
  const lines = text.split('\n').map((l) => `${l}\n`);
  const last = lines.pop()!;
  if (last !== '\n') lines.push(last.slice(0, -1));
  return lines;
}

function applyHunks(
  text: string,
  before: LineOrigin[] | null,
  file: FilePatch,
): { text: string; origins: LineOrigin[] } | { failure: ApplyFailure } {
  const image = splitKeepingNewlines(text);
  const base = image.slice();
  const origins: LineOrigin[] =
    before && before.length === image.length
      ? before.slice()
      : image.map(() => ({ added: false, afterRemoval: false, patchLine: null }));
  for (const [i, hunk] of file.hunks.entries()) {
    const pre = hunk.lines.filter((l) => l.kind !== '+').map((l) => l.text + (l.newline ? '\n' : ''));
    const post = hunk.lines.filter((l) => l.kind !== '-').map((l) => l.text + (l.newline ? '\n' : ''));
    const oldPos = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newPos = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    let trailing = 0;
    for (let k = hunk.lines.length - 1; k >= 0 && hunk.lines[k]!.kind === ' '; k--) trailing++;
    const atBeginning = oldPos <= 1;
    const atEnd = trailing === 0;
    const at = findPosition(image, pre, newPos ? newPos - 1 : 0, atBeginning, atEnd);
    if (at < 0) return { failure: notFound(file, hunk, i, base, image, pre, oldPos, atBeginning) };
    image.splice(at, pre.length, ...post);
    origins.splice(at, pre.length, ...hunkOrigins(hunk, origins.slice(at, at + pre.length)));
  }
  return { text: image.join(''), origins };
}

/** The origins of a hunk's postimage lines: context keeps what its line had, with this patch line. */
function hunkOrigins(hunk: Hunk, pre: LineOrigin[]): LineOrigin[] {
  const out: LineOrigin[] = [];
  let k = 0;
  let removed = false;
  for (const l of hunk.lines) {
    if (l.kind === '-') {
      removed = true;
      k++;
      continue;
    }
    const was = l.kind === ' ' ? pre[k++] : undefined;
    out.push({
      added: l.kind === '+' || Boolean(was?.added),
      afterRemoval: removed || Boolean(was?.afterRemoval),
      patchLine: l.patchLine,
    });
    removed = false;
  }
  if (removed && out.length) out[out.length - 1]!.afterRemoval = true;
  return out;
}

/** git's find_pos: the first position, from `start` outwards, where `pre` matches the image exactly; -1 if none. */
function findPosition(image: string[], pre: string[], start: number, atBeginning: boolean, atEnd: boolean): number {
  if (pre.length > image.length) return -1;
  let line = atBeginning ? 0 : atEnd ? image.length - pre.length : Math.min(start, image.length);
  let backwards = line;
  let forwards = line;
  for (let i = 0; ; i++) {
    if (matches(image, pre, line, atBeginning, atEnd)) return line;
    for (;;) {
      if (backwards === 0 && forwards === image.length) return -1;
      if (i & 1) {
        if (backwards === 0) {
          i++;
          continue;
        }
        line = --backwards;
      } else {
        if (forwards === image.length) {
          i++;
          continue;
        }
        line = ++forwards;
      }
      break;
    }
  }
}

function matches(image: string[], pre: string[], at: number, atBeginning: boolean, atEnd: boolean): boolean {
  if (at + pre.length > image.length) return false;
  if (atEnd && at + pre.length !== image.length) return false;
  if (atBeginning && at !== 0) return false;
  for (let k = 0; k < pre.length; k++) if (image[at + k] !== pre[k]) return false;
  return true;
}

/** The failure as git names it (the hunk's old line), with why: where its lines are, or the first that differs. */
function notFound(
  file: FilePatch,
  hunk: Hunk,
  i: number,
  base: string[],
  image: string[],
  pre: string[],
  oldPos: number,
  atBeginning: boolean,
): ApplyFailure {
  const path = file.oldPath ?? file.newPath!;
  const failure = (why: string): ApplyFailure => ({
    text: `hunk #${i + 1} (${hunk.header.replace(/ @@.*/, ' @@')}) does not apply at ${path}:${oldPos}: ${why}`,
    file: path,
    hunk: i,
    patchLine: hunk.patchLine,
    baseLine: oldPos,
  });
  const elsewhere = findPosition(image, pre, Math.max(oldPos - 1, 0), false, false);
  if (elsewhere >= 0) {
    const rule = atBeginning
      ? 'a hunk at line 1 must match at the start of the file'
      : 'a hunk without trailing context must match at the end of the file';
    return failure(`its lines are at line ${elsewhere + 1}, but ${rule}`);
  }
  const from = Math.max(oldPos - 1, 0);
  const preLines = hunk.lines.filter((l) => l.kind !== '+');
  const show = (line: string) => JSON.stringify(line.replace(/\n$/, ''));
  for (let k = 0; k < pre.length; k++) {
    if (base[from + k] === pre[k]) continue;
    const patchLine = preLines[k]!.patchLine;
    const where = patchLine !== null ? ` (patch line ${patchLine})` : '';
    return failure(
      from + k >= base.length
        ? `the file has ${base.length} lines; the patch expects ${show(pre[k]!)} at line ${from + k + 1}${where}`
        : `line ${from + k + 1} is ${show(base[from + k]!)}, the patch expects ${show(pre[k]!)}${where}`,
    );
  }
  return failure('its lines are there, but an earlier hunk of the patch changed them');
}
