/** @jsxImportSource @/lib/site/html */
// The filters of a Changes page, as a plain form: incompatible only, added /
// removed / changed / left out by the build's conditions, commands / events / types, direction.
// components/site/changes-filter.ts hides what they leave out (each change
// carries data-verdict, data-action, data-def and data-dir) and counts what
// is shown; without the script the form does nothing and everything shows.
export function ChangesFilters({ total }: { total: number }) {
  return (
    <form className="changes-filters" aria-label="Filter the changes">
      <label>
        <input type="checkbox" name="incompatible" /> Incompatible only
      </label>
      <label>
        Changes{' '}
        <select name="action">
          <option value="">all</option>
          <option value="added">added</option>
          <option value="removed">removed</option>
          <option value="changed">changed</option>
          <option value="left out">left out by a condition</option>
        </select>
      </label>
      <fieldset>
        <legend>In</legend>
        {['command', 'event', 'type'].map((def) => (
          <label>
            <input type="checkbox" name="def" value={def} checked /> {def}s
          </label>
        ))}
      </fieldset>
      <label>
        Direction{' '}
        <select name="dir">
          <option value="">both</option>
          <option value="send">send (arguments)</option>
          <option value="receive">receive (returns, events)</option>
        </select>
      </label>
      <output className="filter-count" aria-live="polite">
        {total} of {total} shown
      </output>
    </form>
  );
}
