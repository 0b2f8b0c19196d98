// The user's texts across reloads, tabs and replacements. Each tab keeps its
// own draft (its id lives in sessionStorage, which a reload keeps and a new
// tab does not), so two open tabs never overwrite each other; a new tab
// starts from the most recently saved draft. Whatever replaces a text (a
// shared link, an example, a file, another tab's draft falling out of the
// index) first lands in a history the user can restore from: the last 50 of
// the user's own texts, whatever they open, and the last 8 of other origins.
// Browser-only, no React.
import { loadStored, readRecord, removeStored, saveStored, writeRecord } from './storage';

export type TextOrigin = 'own' | 'shared' | 'example' | 'file' | 'sample';

export interface EarlierText {
  id: string;
  origin: TextOrigin;
  /** ms since the epoch */
  at: number;
  length: number;
  /** the first characters, for the list */
  preview: string;
}

interface DraftEntry {
  tab: string;
  at: number;
  origin: TextOrigin;
}

/** Texts of other origins kept (an example, a shared link, a file: each can be had again). */
const MAX_OPENED = 8;
/** The user's own texts kept: what they open never pushes one out, only more of their own beyond this many. */
const MAX_OWN = 50;
const MAX_DRAFTS = 6;
const TAB_KEY = 'qapi-explorer:validator:tab';

const newId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export function tabId(): string {
  try {
    let id = sessionStorage.getItem(TAB_KEY);
    if (!id) sessionStorage.setItem(TAB_KEY, (id = newId()));
    return id;
  } catch {
    return 'tab';
  }
}

export const listHistory = (): EarlierText[] => readRecord<EarlierText[]>('history', []);

/** Keeps `text` in the history (an identical older entry moves to the front). */
export async function pushHistory(text: string, origin: TextOrigin): Promise<boolean> {
  if (!text.trim()) return true;
  const entries = listHistory();
  const preview = text.slice(0, 80);
  const same = entries.find((e) => e.length === text.length && e.preview === preview);
  if (same && (await loadStored(`history:${same.id}`)) === text) {
    same.at = Date.now();
    same.origin = same.origin === 'own' ? 'own' : origin;
    return writeRecord('history', [same, ...entries.filter((e) => e !== same)]);
  }
  const entry: EarlierText = { id: newId(), origin, at: Date.now(), length: text.length, preview };
  if (!(await saveStored(`history:${entry.id}`, text))) return false;
  const kept: EarlierText[] = [];
  let own = 0;
  let opened = 0;
  for (const e of [entry, ...entries]) {
    if (e.origin === 'own' ? ++own <= MAX_OWN : ++opened <= MAX_OPENED) kept.push(e);
    else removeStored(`history:${e.id}`);
  }
  return writeRecord('history', kept);
}

export const loadHistoryText = (id: string) => loadStored(`history:${id}`);

/** The latest text the user wrote themselves, else the latest of any origin. */
export function restoreCandidate(): EarlierText | null {
  const entries = listHistory();
  return entries.find((e) => e.origin === 'own') ?? entries[0] ?? null;
}

/** This tab's draft after a reload; for a new tab, the most recently saved one. */
export async function loadDraft(): Promise<{ text: string; origin: TextOrigin } | null> {
  const previous = await loadStored('previous');
  if (previous !== null && (await pushHistory(previous, 'own'))) removeStored('previous');
  const tab = tabId();
  const drafts = readRecord<DraftEntry[]>('drafts', []);
  const mine = drafts.find((d) => d.tab === tab) ?? drafts[0];
  if (mine) {
    const text = await loadStored(`draft:${mine.tab}`);
    if (text !== null) return { text, origin: mine.origin };
  }
  // the single draft of earlier versions of the page
  const legacy = await loadStored('text');
  return legacy === null ? null : { text: legacy, origin: 'own' };
}

export async function saveDraft(text: string, origin: TextOrigin): Promise<boolean> {
  const tab = tabId();
  if (!(await saveStored(`draft:${tab}`, text))) return false;
  const drafts = [
    { tab, at: Date.now(), origin },
    ...readRecord<DraftEntry[]>('drafts', []).filter((d) => d.tab !== tab),
  ];
  for (const old of drafts.splice(MAX_DRAFTS)) {
    const oldText = await loadStored(`draft:${old.tab}`);
    if (oldText) await pushHistory(oldText, old.origin);
    removeStored(`draft:${old.tab}`);
  }
  return writeRecord('drafts', drafts);
}
