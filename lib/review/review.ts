// The review of a patch mail, the way a QAPI maintainer reviews one: read the
// mail (MIME, quoting, series) → files and hunks → the base among the known
// trees (blob hashes) → the patch applied exactly, in memory → every schema
// root that reads a touched file parsed and checked by the base release's
// rules, before and after → wire changes, examples and reviewer rules →
// findings on patch lines → a verdict. Pure (runs in a browser worker as in
// the CLI); never writes anything, and reads trees only through ReviewTree.
import { RELEASES, releaseFor, type ReleaseRules } from '../qapi/releases';
import { findQemuVersion } from '../qapi/version';
import { analyseRoot, type RootAnalysis } from './analyse';
import { chooseBase } from './base';
import { readInput, type ReadMessage } from './input/formats';
import { loadRoot, qapiErrorInfo } from './load';
import { parseMessages } from './patch';
import { RULE_TABLE } from './rule-table';
import type { ApplyFailure, FilePatch, Finding, ReviewResult, ReviewTree } from './types';

export async function reviewPatch(input: string, trees: ReviewTree[]): Promise<ReviewResult> {
  const read = await readInput(input);
  const { messages, patchText } = placeLines(read.messages);
  const parsed = parseMessages(messages);
  const files = parsed.files;
  const result: ReviewResult = {
    verdict: 'fine',
    summary: '',
    input: { format: read.format, messages: messages.map((m) => m.info) },
    patchText,
    files,
    notSchema: [...new Set(files.filter((f) => !f.schema).map((f) => (f.newPath ?? f.oldPath)!))],
    base: null,
    applies: false,
    patched: {},
    qapi: { ok: false, roots: [] },
    changes: { changes: [], docs: [] },
    touched: [],
    examples: [],
    findings: [],
    notes: [...read.notes],
  };
  if (parsed.refused) return doesNotApply(result, parsed.refused);
  const schemaFiles = files.filter((f) => f.schema);
  if (!files.length) return doesNotApply(result, { text: 'no patch found in the input', file: null, patchLine: null });
  if (!schemaFiles.length) {
    result.applies = true;
    result.qapi.ok = true;
    return finish(result, 'The patch changes no QAPI schema file');
  }
  if (!trees.length)
    return doesNotApply(result, { text: 'no known tree to apply the patch to', file: null, patchLine: null });
  const choice = chooseBase(schemaFiles, trees);
  if ('failure' in choice) return doesNotApply(result, choice.failure!);
  result.base = choice.info;
  // the history matters only where the work tree did not hold the preimages
  if (choice.tree.historyNote && choice.info.how !== 'blob-hash') result.notes.push(choice.tree.historyNote);
  if (choice.applied.failure) return doesNotApply(result, choice.applied.failure);
  result.applies = true;

  const { tree, applied } = choice;
  const paths = [...new Set(schemaFiles.flatMap((f) => [f.oldPath, f.newPath]).filter((p) => p !== null))];
  for (const p of paths) result.patched[p] = applied.texts.has(p) ? applied.texts.get(p)! : choice.readBase(p);
  const baseOverlay = new Map(paths.map((p) => [p, choice.readBase(p)]));
  const patchedText = (p: string) => (applied.texts.has(p) ? applied.texts.get(p)! : tree.read(p));
  const analyses: RootAnalysis[] = [];
  const reviewed = new Set<string>();
  result.qapi.ok = true;
  for (const root of tree.roots) {
    const before = loadRoot(tree, root, baseOverlay);
    if ('error' in before) result.notes.push(`${tree.label}'s own ${root} does not check: ${String(before.error)}`);
    const reads = 'ok' in before ? before.ok.files : null;
    if (reads ? !paths.some((p) => reads.has(p)) : !paths.some((p) => sameDir(p, root))) continue;
    result.qapi.roots.push(root);
    let after = loadRoot(tree, root, applied.texts);
    if ('error' in after) {
      const error = qapiErrorInfo(after.error, root, applied.origins);
      if (result.qapi.ok) {
        result.qapi = { ...result.qapi, ok: false, error };
        result.findings.push(qapiFinding(error));
      }
      // the generator of the release in development may take what the base's rejects (a rule it dropped)
      const next = developmentRules(tree.rules, choice.info.since);
      if (!next) continue;
      after = loadRoot(tree, root, applied.texts, next);
      if ('error' in after) continue;
      result.notes.push(
        `QEMU ${tree.rules.release}'s generator rejects the patched ${root}; QEMU ${next.release}'s takes it: changes and rules below read it by QEMU ${next.release}'s rules`,
      );
    }
    if (!('ok' in before)) continue;
    // a file is reviewed in the first root that reads it (the storage daemon's reads qapi/ modules too)
    const own = paths.filter((p) => !reviewed.has(p) && (before.ok.files.has(p) || after.ok.files.has(p)));
    if (!own.length) continue;
    for (const p of own) reviewed.add(p);
    const analysis = analyseRoot({
      root,
      base: before.ok,
      patched: after.ok,
      files: own,
      patchedText,
      baseText: (p) => (baseOverlay.has(p) ? baseOverlay.get(p)! : tree.read(p)),
      origins: applied.origins,
      removedLines: removedLines(schemaFiles),
      baseInfo: choice.info,
    });
    analyses.push(analysis);
    result.models ??= { root, base: before.ok.model, patched: after.ok.model };
  }
  merge(result, analyses);
  const n = result.findings.length;
  return finish(result, n ? `${n} finding${n === 1 ? '' : 's'}` : 'The QAPI schema is fine');
}

/** Patch lines are the input's own, unless decoding lost some (base64): then the decoded bodies' lines. */
function placeLines(messages: ReadMessage[]): { messages: ReadMessage[]; patchText: ReviewResult['patchText'] } {
  if (messages.every((m) => m.body.every((l) => l.line !== null))) return { messages, patchText: { lines: 'input' } };
  const text: string[] = [];
  const placed = messages.map((m, i) => {
    text.push(`--- message ${i + 1}${m.info.subject ? `: ${m.info.subject}` : ''}`);
    const body = m.body.map((l) => {
      text.push(l.text);
      return { text: l.text, line: text.length };
    });
    return { ...m, body };
  });
  return { messages: placed, patchText: { lines: 'decoded', text: `${text.join('\n')}\n` } };
}

/** The rules of the release a patch to the base is developed for, when they differ from the base's. */
function developmentRules(rules: ReleaseRules, since: string | null): ReleaseRules | null {
  const v = since ? findQemuVersion(since) : null;
  const next = v ? RELEASES[releaseFor(v.major, v.minor)] : null;
  return next && next.release !== rules.release ? next : null;
}

function sameDir(path: string, root: string): boolean {
  return path.slice(0, path.lastIndexOf('/')) === root.slice(0, root.lastIndexOf('/'));
}

/** For what the patch removes: the patch line of each removed base line (the first message that touches the file). */
function removedLines(files: FilePatch[]): Map<string, Map<number, number | null>> {
  const out = new Map<string, Map<number, number | null>>();
  for (const f of files) {
    if (f.oldPath === null || out.has(f.oldPath)) continue;
    const lines = new Map<number, number | null>();
    for (const h of f.hunks)
      for (const l of h.lines) if (l.kind === '-' && l.oldLine) lines.set(l.oldLine, l.patchLine);
    out.set(f.oldPath, lines);
  }
  return out;
}

function qapiFinding(e: NonNullable<ReviewResult['qapi']['error']>): Finding {
  return {
    rule: 'qapi-error',
    severity: RULE_TABLE['qapi-error'].severity,
    file: e.file,
    line: e.line,
    patchLine: e.patchLine,
    text: e.text,
  };
}

/** Several roots (a module the storage daemon includes too) may say the same: each change, example and finding once. */
function merge(result: ReviewResult, analyses: RootAnalysis[]): void {
  const once = <T>(items: T[], key: (t: T) => string): T[] => {
    const seen = new Set<string>();
    return items.filter((t) => !seen.has(key(t)) && Boolean(seen.add(key(t))));
  };
  result.changes = {
    changes: once(
      analyses.flatMap((a) => a.changes.changes),
      (c) => JSON.stringify(c),
    ),
    docs: once(
      analyses.flatMap((a) => a.changes.docs),
      (d) => JSON.stringify(d),
    ),
  };
  result.touched = once(
    analyses.flatMap((a) => a.touched),
    (t) => `${t.file}:${t.name}`,
  );
  result.examples = once(
    analyses.flatMap((a) => a.examples),
    (x) => `${x.file}:${x.line}`,
  );
  result.findings.push(
    ...once(
      analyses.flatMap((a) => a.findings),
      (f) => `${f.rule}:${f.file}:${f.line}:${f.text}`,
    ),
  );
}

function doesNotApply(result: ReviewResult, failure: ApplyFailure): ReviewResult {
  result.failure = failure;
  result.findings.push({
    rule: 'does-not-apply',
    severity: 'error',
    file: failure.file,
    line: failure.baseLine ?? null,
    patchLine: failure.patchLine,
    text: failure.text,
  });
  result.verdict = 'does-not-apply';
  result.summary = `does not apply: ${failure.text}`;
  return result;
}

function finish(result: ReviewResult, summary: string): ReviewResult {
  result.findings.sort(
    (a, b) =>
      (a.patchLine ?? Infinity) - (b.patchLine ?? Infinity) ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0),
  );
  result.verdict = result.findings.length ? 'findings' : 'fine';
  result.summary = summary;
  return result;
}
