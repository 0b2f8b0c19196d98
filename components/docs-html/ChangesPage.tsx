/** @jsxImportSource @/lib/site/html */
// The Changes page of one pair of releases: every wire change of lib/diff,
// incompatible first, then "clients must tolerate", then compatible; within
// each, by module and by definition (command, event or type), each change
// with its verdict, direction, rule, the commands and events through which
// clients meet it, and links to both sides. Documentation-only changes come
// after, on their own, with the words that changed; the quoted rules last.
// At the top: a summary by what changed, the picker of any two releases and
// the filters (components/site/changes-filter.ts). The same markup serves the
// static pages and the pairs computed in the browser (components/site/changes-client.ts).
import { splitPath, VERDICT_HEADINGS, VERDICTS, type Change, type DocChange, type Verdict } from '@/lib/diff';
import { changeSides, moduleOfChange, sidePath } from '@/lib/site/change-links';
import { changesPath, homePath, withBase } from '@/lib/site/href';
import type { ChangesPair } from '@/lib/site/site-history';
import type { SiteSchema } from '@/lib/site/site-schema';
import { changeSummary, facetsOf } from '@/lib/site/changes-summary';
import { ChangeDescription, RuleQuotes, RuleRef, SideLinks, VerdictBadge } from './ChangeText';
import { ChangesFilters } from './ChangesFilters';
import { DocDiff } from './DocDiff';
import { PairPicker } from './PairPicker';

const SECTIONS = VERDICTS.map((verdict) => ({ verdict, title: VERDICT_HEADINGS[verdict] }));

/** Paths shown per change before the rest fold away. */
const SHOWN_PATHS = 3;

interface DefGroup {
  def: string;
  oldDef: string;
  changes: Change[];
}

interface ModuleGroup {
  title: string;
  defs: DefGroup[];
}

/** Changes by module (in the new tree's module order, then the old one's), then by definition. */
function byModule(changes: Change[], pair: ChangesPair): ModuleGroup[] {
  const modules = new Map<string, ModuleGroup>();
  for (const c of changes) {
    const oldDef = c.oldDef ?? c.def;
    const mod = moduleOfChange(c.def, oldDef, pair.old, pair.new);
    const key = mod?.name ?? '';
    let m = modules.get(key);
    if (!m) modules.set(key, (m = { title: mod?.title ?? 'Other', defs: [] }));
    let d = m.defs.find((x) => x.def === c.def);
    if (!d) m.defs.push((d = { def: c.def, oldDef, changes: [] }));
    d.changes.push(c);
  }
  const rank = new Map<string, number>();
  for (const site of [pair.new, pair.old])
    for (const m of site.modules) if (!rank.has(m.name)) rank.set(m.name, rank.size);
  return [...modules.entries()]
    .sort(([a], [b]) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity))
    .map(([, m]) => m);
}

function ChangePaths({ change, pair }: { change: Change; pair: ChangesPair }) {
  const paths = change.paths.length === 1 && change.paths[0] === change.def ? [] : change.paths;
  if (paths.length === 0) return null;
  const item = (p: string) => {
    const [root, rest] = splitPath(p);
    const href = sidePath(pair.new, root) ?? sidePath(pair.old, root);
    return (
      <li>
        <code>
          {href ? <a href={withBase(href)}>{root}</a> : root}
          {rest}
        </code>
      </li>
    );
  };
  return (
    <>
      <ul className="change-paths">{paths.slice(0, SHOWN_PATHS).map(item)}</ul>
      {paths.length > SHOWN_PATHS && (
        <details className="more-paths">
          <summary>and {paths.length - SHOWN_PATHS} more</summary>
          <ul className="change-paths">{paths.slice(SHOWN_PATHS).map(item)}</ul>
        </details>
      )}
    </>
  );
}

/** What a filter of the page calls a definition: a command, an event or (anything else) a type. */
const defFacet = (meta: string) => (meta === 'command' || meta === 'event' ? meta : 'type');

function DefChanges({ group, pair, verdict }: { group: DefGroup; pair: ChangesPair; verdict: Verdict }) {
  const o = pair.old.index.get(group.oldDef);
  const n = pair.new.index.get(group.def);
  const kind = (n ?? o)?.meta ?? '';
  return (
    <div className="change-def" id={`${verdict}-${group.def}`}>
      <h4>
        <span className={`kind kind-${kind}`}>{kind}</span> <code>{group.def}</code>
        {group.oldDef !== group.def && (
          <span className="muted">
            {' ('}
            <code>{group.oldDef}</code> before)
          </span>
        )}{' '}
        <SideLinks
          sides={{ old: sidePath(pair.old, group.oldDef), new: sidePath(pair.new, group.def) }}
          oldLabel={pair.old.label}
          newLabel={pair.new.label}
        />
      </h4>
      <ul className="changes-list">
        {group.changes.map((c) => (
          <li
            className={`change change-${c.verdict}`}
            data-verdict={c.verdict}
            data-action={facetsOf(c).action}
            data-def={defFacet(kind)}
            data-dir={c.dir}
          >
            <ChangeDescription change={c} /> <VerdictBadge change={c} /> <RuleRef change={c} />{' '}
            <SideLinks sides={changeSides(c, pair.old, pair.new)} oldLabel={pair.old.label} newLabel={pair.new.label} />
            <ChangePaths change={c} pair={pair} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The commands and events through which clients meet the changes, most incompatible changes first. */
function Affected({ pair }: { pair: ChangesPair }) {
  const counts = new Map<string, Record<Verdict, number>>();
  for (const c of pair.diff.changes) {
    for (const root of new Set(c.paths.map((p) => splitPath(p)[0]))) {
      let n = counts.get(root);
      if (!n) counts.set(root, (n = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>));
      n[c.verdict]++;
    }
  }
  if (counts.size === 0) return null;
  const rows = [...counts.entries()].sort(
    ([a, x], [b, y]) => y.incompatible - x.incompatible || y.tolerate - x.tolerate || (a < b ? -1 : a > b ? 1 : 0),
  );
  return (
    <details className="affected">
      <summary>By command and event ({rows.length})</summary>
      <table className="changes-index">
        <thead>
          <tr>
            <th scope="col">Command or event</th>
            {SECTIONS.map((v) => (
              <th scope="col">{v.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, n]) => {
            const href = sidePath(pair.new, name) ?? sidePath(pair.old, name);
            return (
              <tr>
                <th scope="row">
                  <code>{href ? <a href={withBase(href)}>{name}</a> : name}</code>
                </th>
                {SECTIONS.map((v) => (
                  <td>{n[v.verdict]}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

function DocChanges({ docs, pair }: { docs: DocChange[]; pair: ChangesPair }) {
  return (
    <section className="change-section" aria-labelledby="docs">
      <h2 id="docs">Documentation only ({docs.length})</h2>
      <p className="muted">
        Text that changed without any change on the wire: the words around each change, old words struck, new ones
        marked.
      </p>
      <ul className="doc-changes">
        {docs.map((d) => (
          <li className="doc-change" data-action="doc" data-def={defFacet(d.meta)}>
            <code>{d.def}</code>: {d.parts.join(', ')}{' '}
            <SideLinks
              sides={{ old: sidePath(pair.old, d.def), new: sidePath(pair.new, d.def) }}
              oldLabel={pair.old.label}
              newLabel={pair.new.label}
            />
            <DocDiff change={d} before={pair.old.index.get(d.def)?.doc} after={pair.new.index.get(d.def)?.doc} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "removed: 2 commands, 5 values · added: …", each action's changes counted by what changed. */
function Summary({ changes }: { changes: Change[] }) {
  const lines = changeSummary(changes);
  if (lines.length === 0) return null;
  return (
    <p className="changes-summary">
      {lines.map((l, i) => (
        <>
          {i > 0 && ' · '}
          <strong>{l.action}:</strong> {l.counts.join(', ')}
        </>
      ))}
    </p>
  );
}

/**
 * `pairs`: the site's other pairs with a static page, linked as "Also";
 * `releases`: every release of the site, oldest first, for the picker of any two.
 */
export function ChangesPage({
  pair,
  pairs,
  releases = [],
}: {
  pair: ChangesPair;
  pairs: ChangesPair[];
  releases?: string[];
}) {
  const { changes, docs } = pair.diff;
  const counts = SECTIONS.map((v) => ({ ...v, n: changes.filter((c) => c.verdict === v.verdict).length }));
  const rules = [...new Set(changes.map((c) => c.rule))];
  const others = pairs.filter((p) => p !== pair && (p.old === pair.old || p.new === pair.new));
  return (
    <article className="changes-page">
      <header className="def-header">
        <p className="kicker">
          <a href={withBase(changesPath())}>Changes</a>
        </p>
        <h1>
          <Release site={pair.old} /> → <Release site={pair.new} />
        </h1>
        <p>
          {changes.length} wire change{changes.length === 1 ? '' : 's'}
          {counts.map((c) => (
            <>
              {' · '}
              {c.n ? (
                <a href={`#${c.verdict}`}>
                  {c.n} {c.title.toLowerCase()}
                </a>
              ) : (
                `0 ${c.title.toLowerCase()}`
              )}
            </>
          ))}
          {' · '}
          {docs.length ? <a href="#docs">{docs.length} with documentation changes</a> : '0 with documentation changes'}
        </p>
        <Summary changes={changes} />
        {others.length > 0 && (
          <p className="muted">
            Also:{' '}
            {others.map((p, i) => (
              <>
                {i > 0 && ', '}
                <a href={withBase(changesPath(p.slug))}>
                  {p.old.label} → {p.new.label}
                </a>
              </>
            ))}
          </p>
        )}
        <PairPicker releases={releases} from={pair.old.label} to={pair.new.label} />
        {changes.length + docs.length > 0 && <ChangesFilters total={changes.length + docs.length} />}
      </header>
      <Affected pair={pair} />
      {changes.length === 0 && <p className="muted">No wire changes: every message means the same in both.</p>}
      {counts
        .filter((c) => c.n > 0)
        .map(({ verdict, title, n }) => (
          <section className="change-section" aria-labelledby={verdict}>
            <h2 id={verdict}>
              {title} ({n})
            </h2>
            {byModule(
              changes.filter((c) => c.verdict === verdict),
              pair,
            ).map((m) => (
              <section className="change-module" aria-label={m.title}>
                <h3>{m.title}</h3>
                {m.defs.map((g) => (
                  <DefChanges group={g} pair={pair} verdict={verdict} />
                ))}
              </section>
            ))}
          </section>
        ))}
      {docs.length > 0 && <DocChanges docs={docs} pair={pair} />}
      <RuleQuotes rules={rules} />
    </article>
  );
}

function Release({ site }: { site: SiteSchema }) {
  return <a href={withBase(homePath(site.prefix))}>{site.label}</a>;
}
