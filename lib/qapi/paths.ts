// Pure POSIX path helpers with Python's os.path semantics, so include names in
// messages are spelled as QEMU spells them (os.path.join(os.path.dirname(f), rel))
// and files are compared as os.path.abspath compares them (normalised).
// No node:path: lib/qapi must run in the browser.

/** os.path.dirname */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  if (head && head !== '/'.repeat(head.length)) head = head.replace(/\/+$/, '');
  return head;
}

/** os.path.join for two components */
export function join(a: string, b: string): string {
  if (b.startsWith('/')) return b;
  if (a === '' || a.endsWith('/')) return a + b;
  return a + '/' + b;
}

/** The path of include `rel` as QEMU spells it when included from `fromFile`. */
export function joinIncludePath(fromFile: string, rel: string): string {
  return join(dirname(fromFile), rel);
}

/** os.path.normpath: the identity used to detect repeated and looping includes. */
export function normalizePath(p: string): string {
  if (p === '') return '.';
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  return absolute ? '/' + body : body || '.';
}
