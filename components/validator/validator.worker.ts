// The validator's web worker: validation never runs on the page's thread, so
// typing stays smooth and a 50 MB paste cannot freeze the page. The page
// terminates and replaces the worker when newer input makes a running
// validation obsolete. Models come from the site ('…/model.json') or, for the
// user's own QEMU ('own:<key>'), from this browser's IndexedDB, read here by
// the introspection reader, which is loaded on first use: in the standalone
// bundle from the script named after '#' in this worker's URL, under Next as
// a chunk of its own.
import type { SchemaModel } from '@/lib/qapi/model';
import type { FromWorker, ToWorker } from './protocol';
import { loadOwnText, storeOwnText } from './own-schemas';
import { WorkerCore } from './worker-core';

type Reader = (text: string, fname: string) => SchemaModel;
const scope = self as unknown as {
  postMessage(msg: FromWorker): void;
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
  importScripts(url: string): void;
  location: Location;
  qapiReadIntrospection?: Reader;
};

let reader: Promise<Reader> | null = null;
function loadReader(): Promise<Reader> {
  if (!reader) {
    if (process.env.QAPI_VALIDATOR_STANDALONE) {
      reader = Promise.resolve().then(() => {
        scope.importScripts(decodeURIComponent(scope.location.hash.slice(1)));
        if (!scope.qapiReadIntrospection) throw new Error('the query-qmp-schema reader did not load');
        return scope.qapiReadIntrospection;
      });
    } else {
      reader = import('@/lib/qapi/introspect/index').then((m) => m.readIntrospection);
    }
    reader.catch(() => (reader = null));
  }
  return reader;
}

async function readOwn(text: string, fname: string): Promise<SchemaModel> {
  return (await loadReader())(text, fname);
}

async function fetchModel(url: string): Promise<SchemaModel> {
  if (url.startsWith('own:')) return readOwn(await loadOwnText(url.slice(4)), 'your QEMU');
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load the schema model (${url}: HTTP ${res.status})`);
  return (await res.json()) as SchemaModel;
}

const core = new WorkerCore(fetchModel, (msg) => scope.postMessage(msg), undefined, storeOwnText, readOwn);
let queue = Promise.resolve();
scope.onmessage = (ev) => {
  queue = queue.then(() => core.handle(ev.data));
};
