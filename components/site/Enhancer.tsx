'use client';
// Runs components/site/enhance.ts when the page is served with Next's runtime
// (plain `next build`). After scripts/postexport.mjs the runtime is gone and
// the same code runs from the standalone site.js bundle instead.
import { useEffect } from 'react';
import { enhance } from './enhance';

export function Enhancer() {
  useEffect(() => enhance(), []);
  return null;
}
