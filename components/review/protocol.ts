// Messages between the /review page and its web worker. Plain, bounded data
// only (structured clone): the worker reads the patch, fetches the base's
// texts, reviews and renders; the page gets what it shows, never the models
// or the trees. Texts echoed from the input are cut to a bounded prefix
// (components/island/bounded-text.ts), lists are capped with their full
// count, and the previews of the definitions arrive in slices of a few, each
// shown in its own short task. Ids let the page ignore answers it no longer
// waits for.
import type { RuleId, Severity, Verdict } from '@/lib/review/types';

/** The anchor of the i-th preview on the page; where a link to something only the patch has goes without one. */
export const previewAnchor = (i: number): string => `preview-${i}`;
export const PREVIEWS_ANCHOR = 'review-previews';

export type ToReviewWorker =
  | {
      type: 'review';
      id: number;
      text: string;
      /** the base the user picked; '' to find it by blob hash */
      base: string;
      /** the URL of the index of the site's base trees (components/site/review-data.ts) */
      index: string;
    }
  /** sent when the page starts: the worker's script is compiled and the index fetched before any patch */
  | { type: 'warm'; index: string };

export interface FindingView {
  rule: RuleId;
  severity: Severity;
  /** a judgement call (lib/review/rule-table.ts): a reviewer may accept the patch as it is */
  judgement: boolean;
  file: string | null;
  line: number | null;
  patchLine: number | null;
  text: string;
}

export interface ReviewView {
  verdict: Verdict;
  /** the verdict line: "The QAPI schema is fine", "3 findings", "does not apply: …" */
  summary: string;
  /** where it applies, how the base was found: "applies to 10.2.2: qapi/vfio.json a1a9c5b673" */
  baseLine: string | null;
  /** the base's label, when one was chosen */
  base: string | null;
  /** what the patch holds: "1 schema file, 1 hunk; not schema, skipped: hw/vfio/migration.c" */
  filesLine: string;
  /** QEMU's generator: "QEMU 10.2's generator: OK (qapi/qapi-schema.json)", or its error */
  qapiLine: string | null;
  findings: FindingView[];
  /** all findings, when more than `findings` holds */
  findingCount: number;
  /** the wire changes as on the Changes pages (components/docs-html/ReviewChanges.tsx), HTML */
  changesHtml: string;
  changeCount: number;
  examplesLine: string | null;
  notes: string[];
  /** the review as a reply mail (lib/review formatReview 'mail') */
  mail: string;
  /** the text patch lines count in: the input as sent, or (base64 bodies) the decoded text */
  patchText: string | null;
  /** how many definitions get a preview, and which are left out beyond the cap */
  previews: number;
  unpreviewed: string[];
  ms: number;
}

/** The preview of one added or changed definition, rendered as its doc page is. */
export interface PreviewView {
  name: string;
  meta: string;
  status: 'added' | 'changed';
  /** its page after the patch (ids scoped to the preview, changed rows marked) */
  after: string;
  /** its page in the base, for a changed definition */
  before?: string;
  /** how many rows the patch adds, changes or removes on its page */
  marked: number;
}

export type FromReviewWorker =
  | { type: 'progress'; id: number; stage: string }
  | { type: 'result'; id: number; view: ReviewView }
  | { type: 'previews'; id: number; previews: PreviewView[]; done: boolean }
  | { type: 'failed'; id: number; message: string };
