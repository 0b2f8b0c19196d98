'use client';
// The checking options (strict/lenient, deprecated, schema version), read
// from the query string once the page runs and written back to it on every
// change, so a reload or a copied URL keeps them.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DEFAULT_PAGE_OPTIONS, optionsSearch, readOptions, type PageOptions } from '@/lib/site/validator-share';
import type { VersionInfo } from './version-info';

export function usePageOptions(versions: VersionInfo[], ready: boolean) {
  const labels = useMemo(() => versions.filter((v) => !v.isDefault).map((v) => v.label), [versions]);
  const [options, setOptions] = useState<PageOptions>(DEFAULT_PAGE_OPTIONS);

  // re-read when the labels change (own schemas load after the first render); a version chosen meanwhile stays
  useEffect(() => {
    // read now: the updater runs at the next render, after this render's URL update below
    const read = readOptions(location.search, labels);
    setOptions((o) => (o.version && labels.includes(o.version) ? { ...read, version: o.version } : read));
  }, [labels]);

  useEffect(() => {
    if (ready) history.replaceState(history.state, '', location.pathname + optionsSearch(options) + location.hash);
  }, [options, ready]);

  /** A shared link's version: one this site has, else the default. */
  const setLinkVersion = useCallback(
    (version: string | undefined) => {
      if (version !== undefined) setOptions((o) => ({ ...o, version: labels.includes(version) ? version : '' }));
    },
    [labels],
  );

  const version =
    versions.find((v) => v.label === options.version) ?? versions.find((v) => v.isDefault) ?? versions[0]!;
  return { options, setOptions, setLinkVersion, version };
}
