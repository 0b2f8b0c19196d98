// git's blob hash of a text (`git hash-object`: SHA-1 of 'blob <bytes>\0'
// and the bytes), synchronous in Node, browsers and workers alike
// (crypto.subtle is async): @noble/hashes, audited and dependency-free.
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export function gitBlobHash(text: string): string {
  const body = new TextEncoder().encode(text);
  const head = new TextEncoder().encode(`blob ${body.length}\0`);
  const all = new Uint8Array(head.length + body.length);
  all.set(head);
  all.set(body, head.length);
  return bytesToHex(sha1(all));
}

/** Whether an abbreviated hash of the patch ('a1a9c5b673') names the full one. */
export const hashMatches = (abbrev: string, full: string): boolean =>
  abbrev.length >= 4 && full.startsWith(abbrev.toLowerCase());

/** The all-zero hash a patch gives a file that does not exist on that side. */
export const isNullHash = (hash: string): boolean => /^0+$/.test(hash);
