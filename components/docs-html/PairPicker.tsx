/** @jsxImportSource @/lib/site/html */
// "Compare any two releases": a from/to form over every release of the site,
// oldest first. It asks /changes/?from=A&to=B, which the pair picker's script
// (components/site/changes-client.ts) answers: with the static page of that
// pair where there is one, else with the pair computed in the browser.
import { changesPath, withBase } from '@/lib/site/href';

export function PairPicker({ releases, from, to }: { releases: string[]; from?: string; to?: string }) {
  if (releases.length < 2) return null;
  const pick = (name: 'from' | 'to', chosen: string) => (
    <label>
      {name === 'from' ? 'From' : 'to'}{' '}
      <select name={name}>
        {releases.map((r) => (
          <option value={r} selected={r === chosen}>
            {r}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="pair-picker" action={withBase(changesPath())} method="get" aria-label="Compare two releases">
      {pick('from', from ?? releases[0]!)} {pick('to', to ?? releases.at(-1)!)} <button type="submit">Compare</button>
    </form>
  );
}
