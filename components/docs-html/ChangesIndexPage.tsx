/** @jsxImportSource @/lib/site/html */
// The index of Changes pages: each release to the next, and each release to
// the default, with how many changes of each verdict.
import { VERDICT_LABELS, VERDICTS } from '@/lib/diff';
import { changesPath, withBase } from '@/lib/site/href';
import type { ChangesPair, SiteHistory } from '@/lib/site/site-history';

/** Column heads, short for a table */
const COLUMNS = VERDICTS.map((verdict) => {
  const label = VERDICT_LABELS[verdict];
  return { verdict, title: label[0]!.toUpperCase() + label.slice(1) };
});

function PairTable({ pairs }: { pairs: ChangesPair[] }) {
  return (
    <table className="changes-index">
      <thead>
        <tr>
          <th scope="col">Releases</th>
          {COLUMNS.map((c) => (
            <th scope="col">{c.title}</th>
          ))}
          <th scope="col">Documentation only</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((p) => (
          <tr>
            <th scope="row">
              <a href={withBase(changesPath(p.slug))}>
                {p.old.label} → {p.new.label}
              </a>
            </th>
            {COLUMNS.map((c) => (
              <td>{p.diff.changes.filter((x) => x.verdict === c.verdict).length}</td>
            ))}
            <td>{p.diff.docs.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChangesIndexPage({ history }: { history: SiteHistory }) {
  const adjacent = history.pairs.filter((p) => p.adjacent);
  const toDefault = history.pairs.filter((p) => !p.adjacent);
  return (
    <article className="changes-page">
      <header className="def-header">
        <h1>Changes</h1>
        <p className="lede">
          What changed on the wire between the releases of this site, compared by shape as QEMU&apos;s compatibility
          rules say (type names are invisible, members may move into a base), each change with its verdict under those
          rules.
        </p>
      </header>
      <section aria-labelledby="adjacent">
        <h2 id="adjacent">From each release to the next</h2>
        <PairTable pairs={adjacent} />
      </section>
      {toDefault.length > 0 && (
        <section aria-labelledby="to-default">
          <h2 id="to-default">From each release to {toDefault[0].new.label}</h2>
          <PairTable pairs={toDefault} />
        </section>
      )}
    </article>
  );
}
