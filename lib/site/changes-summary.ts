// The one-line summary at the top of a Changes page ("removed: 3 commands,
// 2 events, 5 values · added: …") and the facets its filters select on.
// Receives a pair's wire changes and the kind of each change's definition;
// guarantees every change counted once, under what happened to what.
// Pure; runs in the browser too (the /changes/ pair picker).
import type { Change } from '../diff';

/** What happened, as the filters offer it ('left out': by the build's configuration, never 'removed'). */
export type ChangeAction = 'added' | 'removed' | 'changed' | 'left out';

/** What changed, as the summary counts it: [singular, plural]. */
const THINGS: Record<string, [string, string]> = {
  command: ['command', 'commands'],
  event: ['event', 'events'],
  member: ['member', 'members'],
  value: ['value', 'values'],
  branch: ['branch', 'branches'],
  alternative: ['alternative', 'alternatives'],
  feature: ['feature', 'features'],
  'type-changed': ['type', 'types'],
  'became-alternate': ['type became an alternate', 'types became alternates'],
  'made-optional': ['member made optional', 'members made optional'],
  'made-mandatory': ['member made mandatory', 'members made mandatory'],
  'if-changed': ['condition', 'conditions'],
};

/** A change's action and thing: 'value-removed' -> removed value; unknown kinds are changed 'other'. */
export function facetsOf(c: Pick<Change, 'kind' | 'what'>): { action: ChangeAction; thing: string } {
  if (c.kind === 'left-out') return { action: 'left out', thing: c.what && THINGS[c.what] ? c.what : 'other' };
  const m = /^(.*)-(added|removed)$/.exec(c.kind);
  if (m && THINGS[m[1]!]) return { action: m[2] as ChangeAction, thing: m[1]! };
  return { action: 'changed', thing: THINGS[c.kind] ? c.kind : 'other' };
}

const ACTIONS: ChangeAction[] = ['removed', 'left out', 'added', 'changed'];
const ORDER = Object.keys(THINGS);

/** Per action (removed first: what breaks clients), 'N things' in a fixed order of things. */
export function changeSummary(
  changes: readonly Pick<Change, 'kind' | 'what'>[],
): { action: ChangeAction; counts: string[] }[] {
  const counts = new Map<string, number>();
  for (const c of changes) {
    const { action, thing } = facetsOf(c);
    counts.set(`${action} ${thing}`, (counts.get(`${action} ${thing}`) ?? 0) + 1);
  }
  return ACTIONS.map((action) => ({
    action,
    counts: [...ORDER, 'other']
      .map((thing) => [thing, counts.get(`${action} ${thing}`) ?? 0] as const)
      .filter(([, n]) => n > 0)
      .map(([thing, n]) => {
        const [one, many] = THINGS[thing] ?? ['other change', 'other changes'];
        return `${n} ${n === 1 ? one : many}`;
      }),
  })).filter((line) => line.counts.length > 0);
}
