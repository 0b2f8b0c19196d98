// The validator page's kept texts (drafts.ts, storage.ts) with the browser's
// storage stood in for by a Map: nothing the user typed is pushed out of the
// history by what they open (nine examples or share links used to push out
// their own text), and no typed text reads as the page's own storage marker
// (a text typed as "\u0000idb" came back empty after a reload).
import { beforeEach, describe, expect, it } from 'vitest';
import { listHistory, loadDraft, loadHistoryText, pushHistory, saveDraft } from '@/components/validator/drafts';
import { loadStored, saveStored } from '@/components/validator/storage';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, String(v));
  removeItem = (k: string) => void this.items.delete(k);
}

beforeEach(() => {
  Object.assign(globalThis, { localStorage: new MemoryStorage(), sessionStorage: new MemoryStorage() });
});

describe('the history of texts', () => {
  it("opening twenty examples or share links never pushes out the user's own text", async () => {
    await pushHistory('{"event": "MY_OWN_WORK"}', 'own');
    for (let i = 0; i < 20; i++) await pushHistory(`{"event": "EXAMPLE_${i}"}`, i % 2 ? 'example' : 'shared');
    const entries = listHistory();
    const own = entries.filter((e) => e.origin === 'own');
    expect(own.map((e) => e.preview)).toEqual(['{"event": "MY_OWN_WORK"}']);
    expect(await loadHistoryText(own[0]!.id)).toBe('{"event": "MY_OWN_WORK"}');
    // of what was opened, the latest eight are kept
    expect(entries.filter((e) => e.origin !== 'own').map((e) => e.preview)).toEqual(
      Array.from({ length: 8 }, (_, k) => `{"event": "EXAMPLE_${19 - k}"}`),
    );
  });

  it('keeps the last 50 of the own texts', async () => {
    for (let i = 0; i < 55; i++) await pushHistory(`own text ${i}`, 'own');
    const own = listHistory().filter((e) => e.origin === 'own');
    expect(own.length).toBe(50);
    expect(own[0]!.preview).toBe('own text 54');
    expect(own[49]!.preview).toBe('own text 5');
  });
});

describe('texts that look like the storage marker', () => {
  for (const text of ['\u0000idb', '\u0000idb3', '\u0000txt', '\u0000', '\u0000idb\n{"event": "STOP"}'])
    it(`${JSON.stringify(text)} comes back as typed`, async () => {
      expect(await saveStored('draft:t', text)).toBe(true);
      expect(await loadStored('draft:t')).toBe(text);
    });

  it('a draft typed as "\\u0000idb" is the draft after a reload', async () => {
    expect(await saveDraft('\u0000idb', 'own')).toBe(true);
    expect(await loadDraft()).toEqual({ text: '\u0000idb', origin: 'own' });
  });
});
