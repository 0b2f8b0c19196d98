// scripts/postexport.mjs: doc pages lose Next's runtime and payload, keep the
// pre-paint theme script and gain the one site script; other pages are untouched;
// no placeholder page of a dynamic route stays.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import { placeholderDirs, removePlaceholders, stripRuntime } from '../../scripts/postexport.mjs';

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

describe('placeholder pages', () => {
  it("every dynamic route's, found from app/: /changes/_none/ too", () => {
    expect(placeholderDirs()).toEqual([
      'changes/_none',
      'commands/_none',
      'events/_none',
      'modules/_none',
      'types/_none',
      'v/_none',
    ]);
  });

  it('are removed from the export, and nothing else', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'qapi-export-'));
    const page = (...parts: string[]) => {
      mkdirSync(path.join(out, ...parts), { recursive: true });
      writeFileSync(path.join(out, ...parts, 'index.html'), '<!DOCTYPE html>');
    };
    page('changes', '_none');
    page('v', '_none', 'events', '_none');
    page('events', 'STOP');
    removePlaceholders(out);
    expect(existsSync(path.join(out, 'changes', '_none'))).toBe(false);
    expect(existsSync(path.join(out, 'v', '_none'))).toBe(false);
    expect(existsSync(path.join(out, 'events', 'STOP', 'index.html'))).toBe(true);
  });
});
