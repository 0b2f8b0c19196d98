// What the /review page shows of a review (lib/review ReviewResult), made in
// the worker: the verdict, base and QEMU lines, the findings, the wire
// changes rendered as on the Changes pages, the reply mail, and a preview of
// each added or changed definition rendered as its doc page (DefinitionPage)
// in the patched tree, with its page in the base for a changed one. Links go
// to the base release's pages; what only the patch has links to its preview.
// Everything is bounded: texts from the input cut to a prefix, lists capped
// with their counts. Pure (no DOM), so Node tests run it on real data.
import type { Change } from '@/lib/diff';
import type { Entity, SchemaModel } from '@/lib/qapi/model';
import { appliesLine, exampleLine, formatReview, qapiLine, RULE_TABLE, type ReviewResult } from '@/lib/review/index';
import { withBase } from '@/lib/site/href';
import { buildSiteSchema, hasPage, type SiteSchema } from '@/lib/site/site-schema';
import { definitionHref, moduleHref } from '@/lib/site/site-links';
import { DefinitionPage } from '@/components/docs-html/DefinitionPage';
import { ReviewChanges } from '@/components/docs-html/ReviewChanges';
import { boundText } from '@/components/island/bounded-text';
import { changedRows, lowerHeadings, markRows, redirectLinks, scopeIds } from './preview-html';
import { previewAnchor, PREVIEWS_ANCHOR, type PreviewView, type ReviewView } from './protocol';

/** Findings, changes and previews the page lists at most; the rest are counted. */
export const MAX_FINDINGS = 500;
export const MAX_CHANGES = 300;
export const MAX_PREVIEWS = 40;
/** Longest finding text, note or mail the page gets. */
const MAX_TEXT = 4000;
const MAX_MAIL = 2 << 20;

/** The sites of the two models a review holds, linked to the base release's pages (prefix). */
export interface ReviewSites {
  base: SiteSchema;
  patched: SiteSchema;
  /** the definitions the patch adds or changes that have pages, in page order */
  previewed: Entity[];
  /** the anchor of each preview (the first MAX_PREVIEWS of them), by definition */
  anchors: Map<string, string>;
  /** site paths of the patched tree's pages the base lacks -> the anchor to go to instead */
  redirects: Map<string, string>;
}

const dirOf = (root: string) => (root.includes('/') ? root.slice(0, root.lastIndexOf('/')) : '');

/** The model with the doc examples of other definitions left out: the page lints only what it shows. */
function examplesOnly(model: SchemaModel, names: ReadonlySet<string>): SchemaModel {
  return {
    ...model,
    modules: model.modules.map((m) => ({ ...m, freeformDocs: [] })),
    entities: model.entities.map((e) =>
      names.has(e.name) || !e.doc?.examples.length ? e : { ...e, doc: { ...e.doc, examples: [] } },
    ),
  };
}

export function reviewSites(r: ReviewResult, prefix: string): ReviewSites | null {
  if (!r.models || !r.base) return null;
  const { root, base, patched } = r.models;
  const names = new Set(r.touched.filter((t) => t.status !== 'removed').map((t) => t.name));
  const opts = { label: r.base.label, prefix, rootDir: dirOf(root) };
  const baseSite = buildSiteSchema(examplesOnly(base, names), opts);
  const patchedSite = buildSiteSchema(examplesOnly(patched, names), opts);
  const previewed = [...names]
    .map((n) => patchedSite.index.get(n))
    .filter((e): e is Entity => e !== undefined && hasPage(e));
  const anchors = new Map(previewed.slice(0, MAX_PREVIEWS).map((e, i) => [e.name, previewAnchor(i)]));
  const redirects = new Map<string, string>();
  for (const e of patchedSite.model.entities) {
    const before = baseSite.index.get(e.name);
    if (hasPage(e) && !(before && hasPage(before)))
      redirects.set(withBase(definitionHref(patchedSite, e)), anchors.get(e.name) ?? PREVIEWS_ANCHOR);
  }
  const baseSlugs = new Set(baseSite.modules.map((m) => m.slug));
  for (const m of patchedSite.modules)
    if (!baseSlugs.has(m.slug)) redirects.set(withBase(moduleHref(patchedSite, m)), PREVIEWS_ANCHOR);
  return { base: baseSite, patched: patchedSite, previewed, anchors, redirects };
}

function baseLine(r: ReviewResult): string | null {
  const b = r.base;
  if (!b) return null;
  const next = b.since ? `; what it adds is new in ${b.since}` : '';
  if (b.how === 'applies') {
    const why = b.detail.replace(/^applies cleanly \((.*)\)$/, '$1');
    return `applies to ${b.label}, found by trying (${why})${next}`;
  }
  return `${r.applies ? 'applies to' : 'for'} ${b.label}: ${b.detail}${next}`;
}

export function reviewView(r: ReviewResult, sites: ReviewSites | null, ms: number): ReviewView {
  const changes = r.changes.changes;
  const previewed = sites?.previewed ?? [];
  const mail = formatReview(r, 'mail');
  return {
    verdict: r.verdict,
    summary: boundText(r.summary, MAX_TEXT),
    baseLine: baseLine(r),
    base: r.base?.label ?? null,
    filesLine: boundText(appliesLine(r), MAX_TEXT),
    qapiLine: r.applies && r.qapi.ok ? qapiLine(r) : null,
    findings: r.findings.slice(0, MAX_FINDINGS).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      judgement: RULE_TABLE[f.rule].judgement,
      file: f.file === null ? null : boundText(f.file),
      line: f.line,
      patchLine: f.patchLine,
      text: boundText(f.text, MAX_TEXT),
    })),
    findingCount: r.findings.length,
    // below the page's "Wire changes" heading
    changesHtml: sites
      ? lowerHeadings(
          ReviewChanges({
            changes,
            base: sites.base,
            patched: sites.patched,
            previewOf: (def) => sites.anchors.get(def) ?? null,
            shown: MAX_CHANGES,
          }).value,
          1,
        )
      : '',
    changeCount: changes.length,
    examplesLine: r.applies && r.qapi.ok ? exampleLine(r) : null,
    notes: r.notes.slice(0, 20).map((n) => boundText(n, MAX_TEXT)),
    mail: mail.length > MAX_MAIL ? `${mail.slice(0, MAX_MAIL)}\n[… cut: ${mail.length} characters in all]\n` : mail,
    patchText: r.patchText.lines === 'decoded' ? (r.patchText.text ?? '') : null,
    previews: Math.min(previewed.length, MAX_PREVIEWS),
    unpreviewed: previewed.slice(MAX_PREVIEWS, MAX_PREVIEWS + 50).map((e) => boundText(e.name)),
    ms,
  };
}

/** The preview of the i-th previewed definition: its page after the patch, and before it when it changed. */
export function previewOf(r: ReviewResult, sites: ReviewSites, i: number): PreviewView {
  const e = sites.previewed[i]!;
  const scope = `${previewAnchor(i)}-`;
  const ownChanges: Change[] = r.changes.changes.filter((c) => c.def === e.name || c.oldDef === e.name);
  const rows = changedRows(ownChanges, sites.base, sites.patched);
  const page = (site: SiteSchema, entity: Entity, marks: Map<string, 'added' | 'removed' | 'changed'>) => {
    const marked = markRows(DefinitionPage({ site, entity, preview: true }).value, marks);
    // below the page's "Preview" heading
    const html = lowerHeadings(scopeIds(redirectLinks(marked.html, sites.redirects), scope), 2);
    return { html, marked: marked.marked };
  };
  const after = page(sites.patched, e, rows.after);
  const status = r.touched.find((t) => t.name === e.name)?.status === 'changed' ? 'changed' : 'added';
  const old = status === 'changed' ? sites.base.index.get(e.name) : undefined;
  const before = old && hasPage(old) ? page(sites.base, old, rows.before) : null;
  return {
    name: e.name,
    meta: e.meta,
    status,
    after: after.html,
    ...(before ? { before: before.html } : {}),
    marked: after.marked + (before?.marked ?? 0),
  };
}
