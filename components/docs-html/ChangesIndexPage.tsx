/** @jsxImportSource @/lib/site/html */
// The index of Changes pages: each release to the next, and each release and
// the default, with how many changes of each verdict; and the picker of any two
// releases, whose pair the page's script computes in the browser when no
// static page has it (components/site/changes-client.ts). Each table is in a
// box of its own (table-wrap): at a phone's width it scrolls there, never the page.
import { VERDICT_LABELS, VERDICTS } from '@/lib/diff';
import { changesModelPath, changesPath, withBase } from '@/lib/site/href';
import { PairPicker } from './PairPicker';
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

/** What the pair picker's script needs (components/site/changes-client.ts): each release's model, the static pages. */
export interface PickerData {
  /** oldest first; prefix: where the release's pages are (no base path), model: its changes model (base path) */
  releases: { label: string; prefix: string; model: string }[];
  /** slug -> its static page */
  pages: Record<string, string>;
}

export function ChangesIndexPage({ history, defaultLabel }: { history: SiteHistory; defaultLabel: string }) {
  const adjacent = history.pairs.filter((p) => p.adjacent);
  const withDefault = history.pairs.filter((p) => !p.adjacent);
  const releases = history.releases.map((s) => s.label);
  const data: PickerData = {
    releases: history.releases.map((s) => ({
      label: s.label,
      prefix: s.prefix,
      model: withBase(changesModelPath(s.prefix)),
    })),
    pages: Object.fromEntries(history.pairs.map((p) => [p.slug, withBase(changesPath(p.slug))])),
  };
  return (
    <article className="changes-page" id="changes-computed" data-picker={JSON.stringify(data)}>
      <header className="def-header">
        <h1>Changes</h1>
        <p className="lede">
          What changed on the wire between the releases of this site, compared by shape as QEMU&apos;s compatibility
          rules say (type names are invisible, members may move into a base), each change with its verdict under those
          rules.
        </p>
        <PairPicker releases={releases} from={releases.at(-2)} to={releases.at(-1)} />
        <p className="muted changes-status" role="status">
          Any two releases: the pairs below have pages of their own; the others are compared in your browser.
        </p>
      </header>
      <section aria-labelledby="adjacent">
        <h2 id="adjacent">From each release to the next</h2>
        <div className="table-wrap">
          <PairTable pairs={adjacent} />
        </div>
      </section>
      {withDefault.length > 0 && (
        <section aria-labelledby="with-default">
          <h2 id="with-default">Between each release and {defaultLabel}, the default</h2>
          <div className="table-wrap">
            <PairTable pairs={withDefault} />
          </div>
        </section>
      )}
    </article>
  );
}
