// The validator's web worker: validation never runs on the page's thread, so
// typing stays smooth and a 50 MB paste cannot freeze the page. The page
// terminates and replaces the worker when newer input makes a running
// validation obsolete. Models come from the site ('…/model.json') or, for the
// user's own QEMU ('own:<key>'), from this browser's IndexedDB, read here.
import type { SchemaModel } from '@/lib/qapi/model';
import { readIntrospection } from '@/lib/qapi/introspect/index';
import type { FromWorker, ToWorker } from './protocol';
import { loadOwnText, storeOwnText } from './own-schemas';
import { WorkerCore } from './worker-core';

const scope = self as unknown as { postMessage(msg: FromWorker): void; onmessage: ((ev: MessageEvent<ToWorker>) => void) | null };

async function fetchModel(url: string): Promise<SchemaModel> {
  if (url.startsWith('own:')) return readIntrospection(await loadOwnText(url.slice(4)), 'your QEMU');
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load the schema model (${url}: HTTP ${res.status})`);
  return (await res.json()) as SchemaModel;
}

const core = new WorkerCore(fetchModel, (msg) => scope.postMessage(msg), undefined, storeOwnText);
let queue = Promise.resolve();
scope.onmessage = (ev) => {
  queue = queue.then(() => core.handle(ev.data));
};
