// Keeps texts in the browser: small ones in localStorage, texts beyond its
// quota (a few MB) in IndexedDB, in parts, with a marker in localStorage. Every failure
// is reported, never thrown: a private window or a full disk must not break
// the page. Browser-only, no React.
import { idbStore } from './idb';

const PREFIX = 'qapi-explorer:validator:';
/** The localStorage marker of a text kept in IndexedDB: this, then its number of parts. */
const IN_IDB = '\u0000idb';
/** A text that itself starts with NUL is kept behind this, so no typed text reads as the marker. */
const ESCAPED = '\u0000txt';
/** localStorage holds about 5 M UTF-16 code units per origin; stay well below. */
const LOCAL_LIMIT = 1_000_000;
/** Texts in IndexedDB are stored in parts of this many code units, each put in its own short task. */
const IDB_PART = 256 * 1024;
const idb = idbStore('qapi-explorer-validator');

/** How many IndexedDB parts the localStorage marker `v` says the text has (0: not in IndexedDB). */
function partsOf(v: string | null): number {
  if (v === null || !v.startsWith(IN_IDB) || !/^\d*$/.test(v.slice(IN_IDB.length))) return 0;
  return Number(v.slice(IN_IDB.length)) || 1;
}

const partKey = (key: string, i: number) => (i === 0 ? key : `${key}#${i}`);

async function deleteParts(key: string, parts: number, from = 0): Promise<void> {
  for (let i = from; i < parts; i++) await idb('readwrite', (s) => s.delete(partKey(key, i))).catch(() => undefined);
}

/** Stores a text under `name`; false when the browser refused. */
export async function saveStored(name: string, text: string): Promise<boolean> {
  const key = PREFIX + name;
  try {
    const had = partsOf(localStorage.getItem(key));
    if (text.length <= LOCAL_LIMIT) {
      localStorage.setItem(key, text.startsWith('\u0000') ? ESCAPED + text : text);
      void deleteParts(key, had);
      return true;
    }
    // one part per task: cloning megabytes into IndexedDB at once stalls the page's thread
    const parts = Math.ceil(text.length / IDB_PART);
    for (let i = 0; i < parts; i++) {
      const part = text.slice(i * IDB_PART, (i + 1) * IDB_PART);
      await idb('readwrite', (s) => s.put(part, partKey(key, i)));
    }
    localStorage.setItem(key, IN_IDB + parts);
    void deleteParts(key, had, parts);
    return true;
  } catch {
    return false;
  }
}

export async function loadStored(name: string): Promise<string | null> {
  const key = PREFIX + name;
  try {
    const v = localStorage.getItem(key);
    const parts = partsOf(v);
    if (!parts) return v?.startsWith(ESCAPED) ? v.slice(ESCAPED.length) : v;
    const out: string[] = [];
    for (let i = 0; i < parts; i++) {
      const part = await idb<unknown>('readonly', (s) => s.get(partKey(key, i)));
      if (typeof part !== 'string') return null;
      out.push(part);
    }
    return out.join('');
  } catch {
    return null;
  }
}

export function removeStored(name: string): void {
  const key = PREFIX + name;
  try {
    void deleteParts(key, partsOf(localStorage.getItem(key)));
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
