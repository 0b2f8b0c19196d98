// "Your own QEMU": query-qmp-schema replies the user opened on /validate, kept
// in this browser only (IndexedDB; never uploaded). The worker stores and
// reads the texts (it alone parses them); the page keeps the list of names in
// localStorage and removes entries. Every failure is reported, never thrown.
// Browser-only (page and worker), no React.
import { validatorStore } from './store';
import { idbStore } from '@/components/island/idb';

const idb = idbStore('qapi-explorer-own-schemas');

export async function storeOwnText(key: string, text: string): Promise<void> {
  await idb('readwrite', (s) => s.put(text, key));
}

export async function loadOwnText(key: string): Promise<string> {
  const text = await idb<unknown>('readonly', (s) => s.get(key));
  if (typeof text !== 'string') throw new Error('this schema is no longer stored in this browser');
  return text;
}

export async function removeOwnText(key: string): Promise<void> {
  await idb('readwrite', (s) => s.delete(key)).catch(() => undefined);
}

/** One own schema as the page lists it. */
export interface OwnSchema {
  key: string;
  /** the QEMU version and target found in it, e.g. '10.0.0 x86_64' */
  name: string;
  /** the label in the schema select and the query string: unique among all schemas */
  label: string;
}

const LIST = 'own-schemas';

export const readOwnList = (): OwnSchema[] => validatorStore.readRecord<OwnSchema[]>(LIST, []);
export const writeOwnList = (list: OwnSchema[]): boolean => validatorStore.writeRecord(LIST, list);
