'use client';
// Runs components/site/enhance.ts when the page is served with Next's runtime
// (plain `next build`). After scripts/postexport.mjs the runtime is gone and
// the same code runs from the standalone site.js bundle instead.
import { useEffect } from 'react';
import { enhance } from './enhance';

export function Enhancer() {
  useEffect(() => {
    enhance();
    // the Changes index's pair picker (a bundle of its own after postexport)
    if (document.getElementById('changes-computed')) void import('./changes-client').then((m) => m.initChanges());
  }, []);
  return null;
}
