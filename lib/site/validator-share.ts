// What the validator page keeps in its URL (and the /review page's link, by
// textLink and readFragment). Receives the page's options and input; guarantees
//   ?mode=lenient&deprecated=error&version=<label>   the options (defaults omitted)
//   #z=<base64url(deflate-raw(utf-8 input))>         a shared input, compressed
//   #example=<text>&version=<label>                  a docs-page example (lib/site/href.ts validatorPath)
// The input lives in the fragment, which browsers never send to a server.
// Uses the web platform's CompressionStream (also in Node >= 18). Pure.

export type ValidatorMode = 'strict' | 'lenient';
export type DeprecatedPolicy = 'warn' | 'error';

export interface PageOptions {
  mode: ValidatorMode;
  deprecated: DeprecatedPolicy;
  /** schema version label; '' = the site's default */
  version: string;
}

export const DEFAULT_PAGE_OPTIONS: PageOptions = { mode: 'strict', deprecated: 'warn', version: '' };

/** Longest fragment a share link may carry: browsers and chat tools mangle longer URLs. */
export const MAX_FRAGMENT = 8000;
/** A shared link never inflates beyond this (a hostile link cannot exhaust memory). */
export const MAX_SHARED_TEXT = 64 * 1024 * 1024;

export function readOptions(search: string, versions: string[]): PageOptions {
  const q = new URLSearchParams(search);
  const version = q.get('version') ?? '';
  return {
    mode: q.get('mode') === 'lenient' ? 'lenient' : 'strict',
    deprecated: q.get('deprecated') === 'error' ? 'error' : 'warn',
    version: versions.includes(version) ? version : '',
  };
}

/** '?mode=lenient…' or '' when every option is the default. */
export function optionsSearch(o: PageOptions): string {
  const q = new URLSearchParams();
  if (o.mode !== DEFAULT_PAGE_OPTIONS.mode) q.set('mode', o.mode);
  if (o.deprecated !== DEFAULT_PAGE_OPTIONS.deprecated) q.set('deprecated', o.deprecated);
  if (o.version) q.set('version', o.version);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(transform as unknown as TransformStream<Uint8Array, Uint8Array>);
}

/** The text, deflate-raw compressed and base64url encoded. Lone surrogates become U+FFFD (UTF-8 cannot carry them). */
export async function compressText(text: string): Promise<string> {
  const bytes = await collect(pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')), Infinity);
  return toBase64Url(bytes!);
}

export type Inflated = { ok: true; text: string } | { ok: false; reason: string };

export async function decompressText(encoded: string): Promise<Inflated> {
  const bytes = fromBase64Url(encoded);
  if (!bytes) return { ok: false, reason: 'the link is damaged (not base64url)' };
  try {
    const out = await collect(pipe(bytes, new DecompressionStream('deflate-raw')), MAX_SHARED_TEXT);
    if (!out) return { ok: false, reason: `the shared text is larger than ${MAX_SHARED_TEXT >> 20} MB` };
    return { ok: true, text: new TextDecoder().decode(out) };
  } catch {
    return { ok: false, reason: 'the link is damaged (it does not inflate)' };
  }
}

export interface SharedInput {
  /** 'shared' = #z=…, 'example' = #example=… from a docs page */
  source: 'shared' | 'example';
  text: string;
  version?: string;
}

/** Reads the input a URL fragment carries, or null when it carries none. */
export async function readFragment(hash: string): Promise<SharedInput | { error: string } | null> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const version = params.get('version') ?? undefined;
  const z = params.get('z');
  if (z !== null) {
    const r = await decompressText(z);
    return r.ok
      ? { source: 'shared', text: r.text, version }
      : { error: `Could not open the shared link: ${r.reason}.` };
  }
  const example = params.get('example');
  if (example !== null) return { source: 'example', text: example, version };
  return null;
}

export type ShareLink = { ok: true; url: string; fragmentLength: number } | { ok: false; fragmentLength: number };

/** The full share URL for `pageUrl` (origin + path + options), or why there is none. */
export async function shareLink(pageUrl: string, text: string, options: PageOptions): Promise<ShareLink> {
  const params = new URLSearchParams();
  if (options.version) params.set('version', options.version);
  return textLink(pageUrl, optionsSearch(options), text, params);
}

/** Any page's link (origin + path, then `search`) with `text` and `params` in its fragment, or why there is none. */
export async function textLink(
  pageUrl: string,
  search: string,
  text: string,
  params = new URLSearchParams(),
): Promise<ShareLink> {
  const fragment = `z=${await compressText(text)}${params.size ? '&' + params.toString() : ''}`;
  if (fragment.length > MAX_FRAGMENT) return { ok: false, fragmentLength: fragment.length };
  const base = pageUrl.replace(/[?#].*$/, '');
  return { ok: true, url: `${base}${search}#${fragment}`, fragmentLength: fragment.length };
}
