// "Accepted by" in the worker: after the page has its result, the same text is
// checked against every other release the page offers, one release at a time
// and in line-aligned slices with a yield between them, so a newer request
// that arrives meanwhile runs at once (this work is then dropped). Receives
// the request, its result's messages and the core's model/validator lookups;
// guarantees per release the messages it rejects, each with one line saying
// why (bounded: names from the input are cut to a prefix), posted in parts
// of a bounded number of messages with a yield between them; nothing once
// superseded. No DOM, no React.
import type { SchemaModel } from '@/lib/qapi/model';
import type { MessageResult, Validator } from '@/lib/validate/index';
import { pieceEnd } from '@/lib/validate/feed';
import { acceptanceOf, alignVerdicts, rejectionOf, type ReleaseVerdicts } from '@/lib/validate/accepted';
import type { ValidatorModel } from '@/lib/site/validator-model';
import type { AcceptedPart, CheckOptions, ReleaseRef } from './protocol';

/** Text checked between two yields: a few ms of validation. */
const SLICE = 256 * 1024;

export interface AcceptedDeps {
  model(url: string): Promise<SchemaModel>;
  validator(url: string, model: SchemaModel, options: CheckOptions): Validator;
  /** false once a newer request makes this one obsolete */
  current(): boolean;
}

/**
 * Quiet time after a result before the other releases are fetched and checked: while the user types, each new
 * check supersedes the last within this time, so no keystroke starts other releases' work (nor their downloads).
 */
export const ACCEPTED_DELAY_MS = 250;

const nextTask = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function checkSliced(validator: Validator, text: string, deps: AcceptedDeps): Promise<MessageResult[] | null> {
  const session = validator.session();
  const out: MessageResult[] = [];
  for (let at = 0; at < text.length;) {
    const end = pieceEnd(text, at, SLICE);
    for (const m of session.feed(text.slice(at, end))) out.push(m);
    at = end;
    await nextTask();
    if (!deps.current()) return null;
  }
  for (const m of session.end()) out.push(m);
  return out;
}

/** Messages per posted part of "accepted by": the page merges each in a short task, whatever the input's size. */
export const ACCEPTED_SLICE = 1000;

/**
 * Checks the other releases, then posts "accepted by" in parts of ACCEPTED_SLICE messages, yielding between
 * them; false when a newer request made it obsolete (nothing more is posted).
 */
export async function computeAccepted(
  req: { modelUrl: string; text: string; options: CheckOptions; releases: ReleaseRef[] },
  messages: readonly MessageResult[],
  deps: AcceptedDeps,
  post: (part: AcceptedPart) => void,
): Promise<boolean> {
  const labels = req.releases.map((r) => r.label);
  const verdicts: ReleaseVerdicts[] = [];
  const since: Record<string, string> = Object.create(null);
  await nextTask(ACCEPTED_DELAY_MS);
  for (const release of req.releases) {
    await nextTask();
    if (!deps.current()) return false;
    let model: SchemaModel | null = null;
    try {
      model = await deps.model(release.modelUrl);
    } catch {
      // a release whose model cannot be had is "not checked" for every message
    }
    if (!deps.current()) return false;
    for (const [name, text] of Object.entries((model as ValidatorModel | null)?.since ?? {})) since[name] ??= text;
    if (!model) verdicts.push(messages.map(() => undefined));
    else if (release.modelUrl === req.modelUrl) verdicts.push(messages.map(rejectionOf));
    else {
      const theirs = await checkSliced(deps.validator(release.modelUrl, model, req.options), req.text, deps);
      if (!theirs) return false;
      verdicts.push(alignVerdicts(messages, theirs));
    }
  }
  const total = messages.reduce((n, m) => Math.max(n, m.index + 1), 0);
  const reasonIds = new Map<string, number>();
  const sinceOf = (name: string) => since[name];
  for (let at = 0; at < messages.length; at += ACCEPTED_SLICE) {
    const slice = messages.slice(at, at + ACCEPTED_SLICE);
    const from = at ? messages[at - 1]!.index + 1 : 0;
    const to = at + ACCEPTED_SLICE < messages.length ? slice[slice.length - 1]!.index + 1 : total;
    const rejected = labels.map(() => new Int32Array(to - from).fill(-1));
    const reasons: string[] = [];
    slice.forEach((m, k) => {
      const i = at + k;
      if (verdicts.every((v) => v[i] === null)) return;
      acceptanceOf(labels, verdicts, i, m.name, sinceOf).forEach((a, r) => {
        if (a.accepted) return;
        const line = a.reason ?? '';
        let id = reasonIds.get(line);
        if (id === undefined) {
          reasonIds.set(line, (id = reasonIds.size));
          reasons.push(line);
        }
        rejected[r]![m.index - from] = id;
      });
    });
    post({ labels, from, rejected, reasons, total, done: to === total });
    await nextTask();
    if (!deps.current()) return false;
  }
  return true;
}
