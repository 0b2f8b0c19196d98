// Keeps the editor's text across reloads. Small texts go to localStorage;
// texts beyond its quota (a few MB) go to IndexedDB, with a marker in
// localStorage. Every failure is reported, never thrown: a private window or
// a full disk must not break the page. Browser-only, no React.

const KEY = 'qapi-explorer:validator:text';
const PREVIOUS_KEY = 'qapi-explorer:validator:previous';
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

async function save(key: string, text: string): Promise<boolean> {
  try {
    if (text.length <= LOCAL_LIMIT) {
      localStorage.setItem(key, text);
      void idb('readwrite', (s) => s.delete(key)).catch(() => undefined);
      return true;
    }
    await idb('readwrite', (s) => s.put(text, key));
    localStorage.setItem(key, IN_IDB);
    return true;
  } catch {
    return false;
  }
}

async function load(key: string): Promise<string | null> {
  try {
    const v = localStorage.getItem(key);
    if (v !== IN_IDB) return v;
    const stored = await idb<unknown>('readonly', (s) => s.get(key));
    return typeof stored === 'string' ? stored : null;
  } catch {
    return null;
  }
}

export const saveText = (text: string): Promise<boolean> => save(KEY, text);
export const loadText = (): Promise<string | null> => load(KEY);
/** The text an example or shared link replaced, so the user can get it back. */
export const savePrevious = (text: string): Promise<boolean> => save(PREVIOUS_KEY, text);
export const loadPrevious = (): Promise<string | null> => load(PREVIOUS_KEY);
