'use client';
// "Your own QEMU" on the page: the list of the user's query-qmp-schema replies
// (names in localStorage, texts in IndexedDB, see own-schemas.ts) as schema
// versions the select and "accepted by" offer. Receives the worker's reader
// (the page never parses the reply itself); guarantees a clear note naming
// the file and the position when a file is not such a reply, and that the
// editor's text is never touched.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { slugLabel } from '@/lib/site/config';
import { readOwnList, removeOwnText, writeOwnList, type OwnSchema } from './own-schemas';
import type { FromWorker } from './protocol';
import type { VersionInfo } from './version-info';

export type ReadOwn = (
  key: string,
  fileName: string,
  text: string,
) => Promise<Extract<FromWorker, { type: 'introspected' }> | { type: 'failed'; message: string }>;

export interface OwnNote {
  kind: 'error' | 'info';
  message: string;
}

/** 'QEMU 10.0.0 x86_64 (yours)': what the select and "accepted by" call an own schema. */
export const ownTitle = (o: OwnSchema) => `${o.name} (yours)`;

export function useOwnSchemas(read: ReadOwn, site: VersionInfo[]) {
  const [own, setOwn] = useState<OwnSchema[]>([]);
  /** the list is read after the first render (the server renders none); until then a URL's own version is unknown */
  const [loaded, setLoaded] = useState(false);
  const [note, setNote] = useState<OwnNote | null>(null);
  useEffect(() => {
    setOwn(readOwnList());
    setLoaded(true);
  }, []);

  const add = useCallback(
    async (file: File): Promise<OwnSchema | null> => {
      let text: string;
      try {
        text = await file.text();
      } catch {
        setNote({ kind: 'error', message: `Could not read ${file.name}.` });
        return null;
      }
      const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      setNote({ kind: 'info', message: `Reading ${file.name}…` });
      const r = await read(key, file.name, text);
      if (r.type === 'failed') {
        setNote({ kind: 'error', message: `${file.name} holds no usable query-qmp-schema reply: ${r.message}` });
        return null;
      }
      const taken = new Set([...site.map((v) => v.label), ...readOwnList().map((o) => o.label)]);
      const base = `own-${slugLabel(r.name)}`;
      let label = base;
      for (let n = 2; taken.has(label); n++) label = `${base}-${n}`;
      const entry: OwnSchema = { key, name: r.name, label };
      const next = [...readOwnList(), entry];
      const kept = writeOwnList(next);
      setOwn(next);
      setNote({
        kind: 'info',
        message:
          `Read ${file.name}: QEMU ${r.name}, ${r.counts.commands} commands, ${r.counts.events} events. ` +
          (kept ? 'It stays in this browser; nothing is uploaded.' : 'This browser keeps it for this visit only.'),
      });
      return entry;
    },
    [read, site],
  );

  const remove = useCallback((key: string) => {
    const next = readOwnList().filter((o) => o.key !== key);
    writeOwnList(next);
    setOwn((list) => list.filter((o) => o.key !== key));
    void removeOwnText(key);
  }, []);

  const fallback = site.find((v) => v.isDefault) ?? site[0]!;
  const versions = useMemo<VersionInfo[]>(
    () => [
      ...site,
      ...own.map((o) => ({
        label: o.label,
        title: ownTitle(o),
        isDefault: false,
        modelUrl: `own:${o.key}`,
        docsBase: fallback.docsBase,
      })),
    ],
    [site, own, fallback.docsBase],
  );
  return { own, loaded, versions, add, remove, note, setNote };
}
