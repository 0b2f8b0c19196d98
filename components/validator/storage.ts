// Keeps texts in the browser: small ones in localStorage, texts beyond its
// quota (a few MB) in IndexedDB with a marker in localStorage. Every failure
// is reported, never thrown: a private window or a full disk must not break
// the page. Browser-only, no React.

const PREFIX = 'qapi-explorer:validator:';
const IN_IDB = '\u0000idb';
/** localStorage holds about 5 M UTF-16 code units per origin; stay well below. */
const LOCAL_LIMIT = 1_000_000;
const DB = 'qapi-explorer-validator';
const STORE = 'texts';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function idb<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = run(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

/** Stores a text under `name`; false when the browser refused. */
export async function saveStored(name: string, text: string): Promise<boolean> {
  const key = PREFIX + name;
  try {
    if (text.length <= LOCAL_LIMIT) {
      const had = localStorage.getItem(key) === IN_IDB;
      localStorage.setItem(key, text);
      if (had) void idb('readwrite', (s) => s.delete(key)).catch(() => undefined);
      return true;
    }
    // as a Blob: IndexedDB then keeps a reference instead of cloning megabytes on the page's thread
    await idb('readwrite', (s) => s.put(new Blob([text], { type: 'text/plain' }), key));
    localStorage.setItem(key, IN_IDB);
    return true;
  } catch {
    return false;
  }
}

export async function loadStored(name: string): Promise<string | null> {
  const key = PREFIX + name;
  try {
    const v = localStorage.getItem(key);
    if (v !== IN_IDB) return v;
    const stored = await idb<unknown>('readonly', (s) => s.get(key));
    return stored instanceof Blob ? await stored.text() : typeof stored === 'string' ? stored : null;
  } catch {
    return null;
  }
}

export function removeStored(name: string): void {
  const key = PREFIX + name;
  try {
    if (localStorage.getItem(key) === IN_IDB) void idb('readwrite', (s) => s.delete(key)).catch(() => undefined);
    localStorage.removeItem(key);
  } catch {
    // nothing stored, or storage disabled: nothing to remove
  }
}

/** A small JSON record (an index), or `fallback` when absent or unreadable. */
export function readRecord<T>(name: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(PREFIX + name);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function writeRecord(name: string, value: unknown): boolean {
  try {
    localStorage.setItem(PREFIX + name, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** The localStorage key of a record or text, for matching storage events. */
export const storageKey = (name: string) => PREFIX + name;
