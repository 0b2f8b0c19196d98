// An HTML crawl of an exported site: every page's links (href, src and the
// lazy expanders' data-expand) that stay on the site must lead to an exported
// file, and no page may show a type name QEMU masked in an introspection
// ('union 49', a type reference reading '152'). Used by the browser tests of
// the six-release site and by `npm run bench:site`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface CrawlResult {
  pages: number;
  links: number;
  /** 'page -> target' for each link that leads nowhere */
  broken: string[];
  /** 'page: text' for each masked type number a page shows */
  masked: string[];
}

function* htmlFiles(dir: string, under = ''): Generator<string> {
  for (const entry of readdirSync(path.join(dir, under), { withFileTypes: true })) {
    const rel = path.posix.join(under, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_next' && entry.name !== '_site') yield* htmlFiles(dir, rel);
    } else if (entry.name.endsWith('.html')) yield rel;
  }
}

/** The exported file a site path is served from ('/a/' -> a/index.html), or null for a path off the site. */
function fileFor(outDir: string, sitePath: string): string {
  const clean = decodeURIComponent(sitePath.replace(/[#?].*$/, ''));
  return path.join(outDir, clean.endsWith('/') ? `${clean}index.html` : clean);
}

/** What a page shows of a masked type: a kind followed by a number, or a type reference that is a number. */
const MASKED = [
  /\b(?:struct|union|alternate|enum|array|object) \[*\d+\]*(?![\w.])/g,
  /class="type-ref[^"]*"[^>]*>(?:<code[^>]*>)?\[*\d+\]*</g,
];

export function crawlSite(outDir: string): CrawlResult {
  const result: CrawlResult = { pages: 0, links: 0, broken: [], masked: [] };
  const seen = new Map<string, boolean>();
  for (const rel of htmlFiles(outDir)) {
    const html = readFileSync(path.join(outDir, rel), 'utf8');
    result.pages++;
    for (const m of html.matchAll(/(?:href|src|data-expand)="(\/[^"]*)"/g)) {
      const target = m[1]!.replace(/&amp;/g, '&');
      if (target.startsWith('//')) continue;
      result.links++;
      const file = fileFor(outDir, target);
      let ok = seen.get(file);
      if (ok === undefined) seen.set(file, (ok = existsSync(file)));
      if (!ok) result.broken.push(`/${rel} -> ${target}`);
    }
    // the text a reader sees: no tags, no scripts or styles
    const text = html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
      .replace(/<(?!\/?code\b|[^>]*class="type-ref)[^>]*>/g, '');
    for (const re of MASKED) for (const m of text.matchAll(re)) result.masked.push(`/${rel}: ${m[0]}`);
  }
  return result;
}
