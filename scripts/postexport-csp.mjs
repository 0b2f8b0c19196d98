// Step of scripts/postexport.mjs, and what scripts/serve.mjs sends as a header:
// each exported page's Content-Security-Policy, carried in the page itself as
// <meta http-equiv> so any static host enforces it. Scripts and styles come
// from the site only; every inline <script>, <style> and style="" attribute
// the page holds is allowed by its sha256 hash and nothing else inline is.
// /validate runs its checks in a web worker loaded from the site (worker-src
// 'self'), fetches its model from the site (connect-src 'self') and offers
// downloads through blob: links, which navigate and need no fetch permission.
import { createHash } from 'node:crypto';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const ENTITIES = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/** An attribute value as the browser sees it (what a style hash covers): entities decoded. */
function decodeAttribute(value) {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The hashes of the page's inline scripts, <style> elements and style attributes, each list sorted and unique. */
export function inlineHashes(html) {
  const scripts = new Set();
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (!/\ssrc\s*=/i.test(m[1] ?? '')) scripts.add(sha256(m[2]));
  }
  const styles = new Set();
  for (const m of html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)) styles.add(sha256(m[1]));
  const attrs = new Set();
  // a style attribute inside a tag (quoted with " as React and Next write them)
  for (const m of html.matchAll(/<[a-z][^>]*?\sstyle="([^"]*)"/gi)) attrs.add(sha256(decodeAttribute(m[1])));
  return { scripts: [...scripts].sort(), styles: [...styles].sort(), attrs: [...attrs].sort() };
}

/** The page's policy: what the meta tag carries (frame-ancestors only works as a header; serve.mjs adds it). */
export function pagePolicy(html) {
  const { scripts, styles, attrs } = inlineHashes(html);
  const styleSrc = ["'self'", ...styles, ...(attrs.length ? ["'unsafe-hashes'", ...attrs] : [])];
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...scripts].join(' ')}`,
    `style-src ${styleSrc.join(' ')}`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

const META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;

/** The page with its policy as the first thing in <head> after the charset (before any script it governs). */
export function withCspMeta(html) {
  const bare = html.replace(META, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${pagePolicy(bare)}">`;
  const charset = bare.match(/<head[^>]*>\s*<meta charSet="utf-8"\/?>/i) ?? bare.match(/<head[^>]*>/i);
  if (!charset) return bare;
  const at = charset.index + charset[0].length;
  return bare.slice(0, at) + meta + bare.slice(at);
}
