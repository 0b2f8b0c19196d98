// scripts/postexport-csp.mjs: every inline script, <style> and style
// attribute of a page is allowed by exactly its hash, nothing else inline is,
// and the meta tag comes before the first script it governs.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import { inlineHashes, pagePolicy, withCspMeta } from '../../scripts/postexport-csp.mjs';

const hash = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;

const PAGE =
  '<!DOCTYPE html><html><head><meta charSet="utf-8"/><script id="theme-script">try{x()}catch(e){}</script>' +
  '<script src="/_site/site.js" defer></script><script type="application/ld+json">{"a":1}</script>' +
  '<style>body{color:red}</style></head><body><div class="a" style="--v:&quot;x&quot;;width:5ch"></div>' +
  '<p data-style="no">style="not an attribute"</p><script>self.__next_f.push([1])</script></body></html>';

describe('page CSP', () => {
  it('hashes each inline script (not external ones), <style> and decoded style attribute', () => {
    const h = inlineHashes(PAGE);
    expect(h.scripts).toEqual([hash('try{x()}catch(e){}'), hash('{"a":1}'), hash('self.__next_f.push([1])')].sort());
    expect(h.styles).toEqual([hash('body{color:red}')]);
    expect(h.attrs).toEqual([hash('--v:"x";width:5ch')]);
  });

  it("allows only the site's own files and those hashes: no unsafe-inline, no eval, no data: or blob:", () => {
    const policy = pagePolicy(PAGE);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|data:|blob:|\*/);
    expect(policy).toContain(`script-src 'self' ${inlineHashes(PAGE).scripts.join(' ')};`);
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("object-src 'none'");
    // without style attributes there is no 'unsafe-hashes' either
    expect(pagePolicy('<html><head></head><body></body></html>')).toContain("style-src 'self';");
  });

  it('puts the meta right after the charset, before every script, and is idempotent', () => {
    const once = withCspMeta(PAGE) as string;
    const meta = once.indexOf('<meta http-equiv="Content-Security-Policy"');
    expect(meta).toBe(once.indexOf('<meta charSet="utf-8"/>') + '<meta charSet="utf-8"/>'.length);
    expect(meta).toBeLessThan(once.indexOf('<script'));
    expect(withCspMeta(once)).toBe(once);
    expect(once.replace(/<meta http-equiv[^>]*>/, '')).toBe(PAGE);
  });
});
