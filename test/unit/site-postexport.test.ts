// scripts/postexport.mjs: doc pages lose Next's runtime and payload, keep the
// pre-paint theme script and gain the one site script; other pages are untouched.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import { stripRuntime } from '../../scripts/postexport.mjs';

const page = (marker: boolean) =>
  '<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>' +
  '<script src="/_next/static/chunks/c.js" async=""></script>' +
  '<script id="theme-script">(function(){document.documentElement.dataset.theme="dark"})()</script>' +
  '<script id="_R_">(globalThis.TURBOPACK=[]).push({})</script></head><body>' +
  `<div class="layout"${marker ? ' data-static-doc="true"' : ''}><p>&lt;script&gt;text&lt;/script&gt;</p></div>` +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"x"])</script></body></html>';

describe('stripRuntime', () => {
  it('removes runtime scripts and payload from doc pages', () => {
    const out: string = stripRuntime(page(true), '/_site/site-abc.js');
    expect(out).not.toContain('/_next/static/chunks/b.js');
    expect(out).not.toContain('/_next/static/chunks/c.js');
    expect(out).not.toContain('__next_f');
    expect(out).not.toContain('TURBOPACK');
    expect(out).toContain('<script id="theme-script">');
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"/>');
    expect(out).toContain('<script src="/_site/site-abc.js" defer></script></head>');
    expect(out).toContain('<p>&lt;script&gt;text&lt;/script&gt;</p>');
  });

  it('leaves pages without the marker alone', () => {
    expect(stripRuntime(page(false), '/_site/x.js')).toBeNull();
  });
});
