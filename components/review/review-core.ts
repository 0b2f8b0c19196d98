// The /review worker's logic, apart from the Worker glue so Node tests can
// drive it on real data. Receives review requests (protocol.ts) and a source
// of the site's base trees (components/site/review-data.ts: an index of
// their blob hashes, then each tree's texts on demand); guarantees the index
// is fetched once and a tree's texts only when the review reads that tree
// (the base its blob hashes name, else every tree, each tried), each once;
// the view first, then the previews in slices of PREVIEW_SLICE; and every
// failure answered as a 'failed' message, never a throw. No DOM, no React.
import { bundledTree, readPatch, reviewRead, treesToRead, type ReviewTree } from '@/lib/review/index';
import type { ReviewBaseEntry, ReviewIndex } from '@/components/site/review-data';
import type { FromReviewWorker, ToReviewWorker } from './protocol';
import { previewOf, reviewSites, reviewView } from './review-view';

/** Previews per message: each slice is put on the page in its own short task. */
export const PREVIEW_SLICE = 3;
/** Larger than any patch series (the CLI reads up to 64 MiB): the page says so rather than work for minutes. */
export const MAX_REVIEW_INPUT = 16 << 20;

const megabytes = (n: number) => `${(n / (1 << 20)).toFixed(1)} MB`;

export interface ReviewSources {
  /** the index of the site's base trees (the page names its URL) */
  index(url: string): Promise<ReviewIndex>;
  /** one base tree's texts by path, from its file of the index at `url` */
  texts(url: string, base: ReviewBaseEntry): Promise<Record<string, string>>;
}

export class ReviewCore {
  private readonly indexes = new Map<string, Promise<ReviewIndex>>();
  private readonly texts = new Map<string, Promise<ReadonlyMap<string, string>>>();

  constructor(
    private readonly sources: ReviewSources,
    private readonly post: (msg: FromReviewWorker) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private once<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let p = cache.get(key);
    if (!p) {
      p = load();
      p.catch(() => cache.delete(key));
      cache.set(key, p);
    }
    return p;
  }

  async handle(req: ToReviewWorker): Promise<void> {
    if (req.type === 'warm') {
      // a failure is said by the review that needs the index
      await this.loadIndex(req.index).catch(() => undefined);
      return;
    }
    try {
      await this.review(req);
    } catch (err) {
      this.post({ type: 'failed', id: req.id, message: err instanceof Error ? err.message : String(err) });
    }
  }

  private loadIndex(url: string): Promise<ReviewIndex> {
    return this.once(this.indexes, url, () => this.sources.index(url));
  }

  private async review(req: Extract<ToReviewWorker, { type: 'review' }>): Promise<void> {
    const { id } = req;
    const t0 = this.now();
    if (req.text.length > MAX_REVIEW_INPUT)
      throw new Error(
        `the text is ${megabytes(req.text.length)}, more than the ${megabytes(MAX_REVIEW_INPUT)} this page reviews (a patch series is far smaller; qapi-explorer review reads up to 64 MB)`,
      );
    this.post({ type: 'progress', id, stage: 'Reading the patch…' });
    const patch = await readPatch(req.text);
    const index = await this.loadIndex(req.index);
    const picked = index.bases.filter((b) => b.label === req.base);
    const entries = picked.length ? picked : index.bases;
    const loaded = new Map<string, ReadonlyMap<string, string>>();
    const trees: ReviewTree[] = entries.map((e) => bundledTree(e, () => loaded.get(e.label) ?? null));
    for (const tree of treesToRead(patch, trees)) {
      const entry = entries.find((e) => e.label === tree.label)!;
      this.post({ type: 'progress', id, stage: `Fetching the schema of ${entry.label}…` });
      const texts = await this.once(this.texts, `${req.index}\n${entry.file}`, async () => {
        return new Map(Object.entries(await this.sources.texts(req.index, entry)));
      });
      loaded.set(entry.label, texts);
    }
    this.post({ type: 'progress', id, stage: 'Checking…' });
    const result = reviewRead(patch, trees);
    const prefix = entries.find((e) => e.label === result.base?.label)?.prefix ?? '';
    const sites = reviewSites(result, prefix);
    const view = reviewView(result, sites, this.now() - t0);
    this.post({ type: 'result', id, view });
    if (!sites || !view.previews) return;
    for (let at = 0; at < view.previews; at += PREVIEW_SLICE) {
      const previews = [];
      for (let i = at; i < Math.min(at + PREVIEW_SLICE, view.previews); i++) previews.push(previewOf(result, sites, i));
      this.post({ type: 'previews', id, previews, done: at + PREVIEW_SLICE >= view.previews });
    }
  }
}
