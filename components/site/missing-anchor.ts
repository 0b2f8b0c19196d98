// A doc page opened at an #anchor it does not have: most often a member row
// of another release's page, kept by the version switcher (version-switcher.ts)
// when switching to a release that lacks the member. The page lands on the
// nearest place it has (the member's union branch, else its table's heading)
// and says what is missing: "discard-no-unref is not in 5.2.0 (since 8.1)".
// The "since" comes from the row the reader left, remembered for the next
// page of this tab (sessionStorage); a link opened cold says it without.

/** Anchors of member rows (m-, r-), branches (b-, rb-), enum values (v-) and features (f-): member-anchors.ts. */
const ANCHOR = /^(m|r|b|rb|v|f)-(.+)$/;
const STORE_KEY = 'qapi-explorer:left-anchor';

/** Where a page without `id` lands instead, and the name of what it lacks. */
export interface Landing {
  /** the nearest anchor the page has, or null (stay at the top) */
  id: string | null;
  /** the missing member, branch, value or feature, as QEMU names it */
  name: string;
}

const HEADINGS: Record<string, string[]> = {
  m: ['members', 'arguments', 'wire'],
  b: ['members', 'arguments', 'wire'],
  r: ['returns'],
  rb: ['returns'],
  v: ['wire'],
  f: ['features'],
};

/**
 * The nearest place to a missing anchor: for a member of a union branch
 * ('m-qcow2.discard-no-unref') the innermost branch the page has ('b-qcow2'),
 * else the heading of the table it would be in. `has` says whether the page has an id.
 */
export function landingFor(id: string, has: (id: string) => boolean): Landing | null {
  const m = ANCHOR.exec(id);
  if (!m) return null;
  const [, ns, rest] = m as unknown as [string, string, string];
  const parts = rest.split('.');
  const branchNs = ns === 'r' || ns === 'rb' ? 'rb' : 'b';
  // a branch anchor names only branches: its last part is the missing branch itself
  if (ns === 'm' || ns === 'r' || ns === 'b' || ns === 'rb') {
    for (let k = parts.length - 1; k >= 1; k--) {
      const branch = `${branchNs}-${parts.slice(0, k).join('.')}`;
      if (has(branch)) return { id: branch, name: parts.slice(k).join('.') };
    }
  }
  const heading = HEADINGS[ns]!.find(has) ?? null;
  return { id: heading, name: ns === 'b' || ns === 'rb' ? parts.join(' › ') : rest };
}

function currentHash(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return location.hash.slice(1);
  }
}

interface Left {
  hash: string;
  since: string;
}

/** Before following a switcher link: the since of the row the reader is at ('since 8.1' -> '8.1'), for the next page. */
export function rememberLeftAnchor(): void {
  const hash = currentHash();
  const since = hash ? document.getElementById(hash)?.querySelector('.member-since')?.textContent : null;
  try {
    if (since) sessionStorage.setItem(STORE_KEY, JSON.stringify({ hash, since: since.replace(/^since\s+/, '') }));
    else sessionStorage.removeItem(STORE_KEY);
  } catch {
    // storage disabled: the note goes without its since
  }
}

function takeLeftSince(hash: string): string | undefined {
  try {
    const stored = sessionStorage.getItem(STORE_KEY);
    sessionStorage.removeItem(STORE_KEY);
    const left = stored ? (JSON.parse(stored) as Left) : null;
    return left?.hash === hash && typeof left.since === 'string' ? left.since : undefined;
  } catch {
    return undefined;
  }
}

function note(name: string, version: string, since: string | undefined): HTMLElement {
  const p = document.createElement('p');
  p.className = 'anchor-missing';
  p.setAttribute('role', 'status');
  const code = document.createElement('code');
  code.textContent = name;
  p.append(code, ` is not in ${version}${since ? ` (since ${since})` : ''}.`);
  return p;
}

/** On load: a page without the anchor its URL names lands on the nearest place and says so. */
export function landOnMissingAnchor(): void {
  const hash = currentHash();
  if (!hash || document.getElementById(hash)) return;
  const landing = landingFor(hash, (id) => document.getElementById(id) !== null);
  if (!landing) return;
  const version =
    document.querySelector('.version-switcher .version-current, .version-label')?.textContent?.trim() || 'this version';
  const message = note(landing.name, version, takeLeftSince(hash));
  const target = landing.id ? document.getElementById(landing.id)! : null;
  if (target?.matches('tr')) {
    // under the branch's heading row, across the table
    const row = document.createElement('tr');
    row.className = 'anchor-missing-row';
    const cell = document.createElement('td');
    cell.colSpan = 3;
    cell.append(message);
    row.append(cell);
    target.after(row);
    target.classList.add('landed');
  } else if (target) {
    target.after(message);
  } else {
    document.querySelector('#content h1')?.after(message);
  }
  (target ?? message).scrollIntoView({ block: 'start' });
}
