// The HTML crawl behind the six-release site's browser test and bench:site
// (scripts/crawl-site.ts) catches what it is for: a link to no exported file,
// and a masked type number shown as text or as a type reference. Its run on
// the real site: test/e2e/six-releases.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { crawlSite } from '../../scripts/crawl-site';

const dir = mkdtempSync(path.join(tmpdir(), 'crawl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function page(rel: string, body: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), `<html><head><script>var union = 1</script></head><body>${body}</body></html>`);
}

it('reports links to nothing and masked type numbers, nothing else', () => {
  page('index.html', '<a href="/a/">a</a> <a href="/a/#x">a</a> <a href="/missing/?q=1">m</a>');
  page('a/index.html', '<p>CXL type 3 device; union <code>0</code>; 10 struct members</p><a href="/">home</a>');
  page('v/b/index.html', '<p>str became alternate 369</p><a class="type-ref masked" href="/a/"><code>152</code></a>');
  page('v/b/types/1/expand.html', '<details data-expand="/v/b/types/2/expand.html"></details>');
  const r = crawlSite(dir);
  expect(r.pages).toBe(4);
  expect(r.broken).toEqual(['/index.html -> /missing/?q=1', '/v/b/types/1/expand.html -> /v/b/types/2/expand.html']);
  expect(r.masked).toEqual([
    '/v/b/index.html: alternate 369',
    '/v/b/index.html: class="type-ref masked" href="/a/"><code>152<',
  ]);
});
