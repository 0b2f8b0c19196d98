// The /review page's web worker: reading the patch, fetching the base's
// texts, QEMU's generator, the diff, the rules and the previews' rendering
// never run on the page's thread (a 20 MB paste or a series of 10,000 hunks
// cannot freeze the page). The page terminates and replaces the worker when
// newer input makes a running review obsolete. The base trees' files are the
// site's (components/site/review-data.ts), gzipped: decompressed here, unless
// the server already did (a host may send a .gz file with Content-Encoding).
import type { ReviewBaseEntry, ReviewIndex } from '@/components/site/review-data';
import type { FromReviewWorker, ToReviewWorker } from './protocol';
import { ReviewCore } from './review-core';

const scope = self as unknown as {
  postMessage(msg: FromReviewWorker): void;
  onmessage: ((ev: MessageEvent<ToReviewWorker>) => void) | null;
};

async function fetchOk(url: string, what: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${what} (${url}: HTTP ${res.status})`);
  return res;
}

async function gunzipText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

const core = new ReviewCore(
  {
    index: async (url) => (await (await fetchOk(url, 'the index of the base trees')).json()) as ReviewIndex,
    texts: async (url, base: ReviewBaseEntry) => {
      const res = await fetchOk(new URL(base.file, new URL(url, location.href)).href, `the schema of ${base.label}`);
      return (JSON.parse(await gunzipText(res)) as { files: Record<string, string> }).files;
    },
  },
  (msg) => scope.postMessage(msg),
);

let queue = Promise.resolve();
scope.onmessage = (ev) => {
  queue = queue.then(() => core.handle(ev.data));
};
