/** @jsxImportSource @/lib/site/html */
// Every definition on one page, A-Z within events, commands and types, with
// modules listed first: the index QEMU's manual keeps separately.
import type { Entity } from '@/lib/qapi/model';
import type { SiteSchema } from '@/lib/site/site-schema';
import { definitionHref, moduleHref } from '@/lib/site/site-links';
import { kindLabel, sinceOf } from '@/lib/site/format';
import { builtinsPath, withBase } from '@/lib/site/href';

function DefList({ site, entities, showKind }: { site: SiteSchema; entities: Entity[]; showKind?: boolean }) {
  const sorted = [...entities].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return (
    <ul className="index-list">
      {sorted.map((e) => (
        <li key={e.name}>
          <a href={withBase(definitionHref(site, e))}>
            <code>{e.name}</code>
          </a>
          {showKind && <span className={`kind kind-${e.meta}`}>{kindLabel(e.meta)}</span>}
          {sinceOf(e) && <span className="since-inline">{sinceOf(e)}</span>}
        </li>
      ))}
    </ul>
  );
}

export function IndexPage({ site }: { site: SiteSchema }) {
  return (
    <div className="index-page">
      <h1>All definitions</h1>
      <p className="lede">
        {site.events.length} events, {site.commands.length} commands and {site.types.length} types in{' '}
        {site.modules.length} modules. Built-in types are explained on{' '}
        <a href={withBase(builtinsPath(site.prefix))}>one page</a>.
      </p>
      <h2 id="modules">Modules</h2>
      <ul className="index-list modules">
        {site.modules.map((m) => (
          <li key={m.slug}>
            <a href={withBase(moduleHref(site, m))}>{m.title}</a> <span className="muted">{m.name}</span>
          </li>
        ))}
      </ul>
      <h2 id="events">
        Events <span className="count">{site.events.length}</span>
      </h2>
      <DefList site={site} entities={site.events} />
      <h2 id="commands">
        Commands <span className="count">{site.commands.length}</span>
      </h2>
      <DefList site={site} entities={site.commands} />
      <h2 id="types">
        Types <span className="count">{site.types.length}</span>
      </h2>
      {site.types.length === 0 && site.model.origin?.kind === 'introspection' ? (
        <p className="muted">
          None with a page: QEMU's introspection does not name its types, so each is shown by its shape where it is
          used.
        </p>
      ) : (
        <DefList site={site} entities={site.types} showKind />
      )}
    </div>
  );
}
