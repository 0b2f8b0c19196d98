// One IndexedDB object store as a function: each call opens the database, runs
// one request in its own transaction and closes it again, so no connection is
// held across tasks (and a second tab's upgrade is never blocked). Browser-only.

export type IdbStore = <T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>) => Promise<T>;

const STORE = 'texts';

function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The 'texts' store of database `name`. */
export function idbStore(name: string): IdbStore {
  return async (mode, run) => {
    const db = await openDb(name);
    try {
      return await new Promise((resolve, reject) => {
        const req = run(db.transaction(STORE, mode).objectStore(STORE));
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    } finally {
      db.close();
    }
  };
}
