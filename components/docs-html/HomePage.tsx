/** @jsxImportSource @/lib/site/html */
// Home: what this site is, the numbers of this tree, and every event grouped
// by module (events are what most readers come for).
import type { SiteSchema } from '@/lib/site/site-schema';
import { definitionHref, moduleHref } from '@/lib/site/site-links';
import { plainText, sinceOf } from '@/lib/site/format';
import { changesPath, homePath, indexPath, withBase } from '@/lib/site/href';
import { introspectionTitle } from '@/lib/site/introspection-label';
import { getVersions } from '@/lib/site/source';

/** One number of the tree, linked to the list it counts. */
function Stat({ label, href, count }: { label: string; href: string; count: number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <a href={withBase(href)}>{count}</a>
      </dd>
    </div>
  );
}

export function HomePage({ site }: { site: SiteSchema }) {
  const byModule = site.modules
    .map((m) => ({ m, events: m.entities.filter((e) => e.meta === 'event') }))
    .filter((x) => x.events.length > 0);
  return (
    <div className="home">
      <section className="hero">
        <h1>
          QMP reference <span className="hero-version">{site.label}</span>
        </h1>
        {site.model.origin?.kind === 'introspection' ? (
          <p className="lede">
            Every event and command of {introspectionTitle(site.model.origin).replace(/, introspected$/, '')} as it
            describes itself (<code>query-qmp-schema</code>): the exact wire shape of that build, its types shown by
            their shape
            {site.docsFrom
              ? `, documentation borrowed from the ${site.docsFrom.label} source tree where the wire is the same`
              : ''}
            . Press <kbd>/</kbd> or <kbd>Ctrl K</kbd> to search.
          </p>
        ) : (
          <p className="lede">
            Every event, command and type of this QAPI schema, with its exact wire shape: inherited members and union
            branches inlined, examples highlighted and checked. Press <kbd>/</kbd> or <kbd>Ctrl K</kbd> to search.
          </p>
        )}
        <dl className="stats">
          <Stat label="Events" href={homePath(site.prefix, 'events')} count={site.events.length} />
          <Stat label="Commands" href={indexPath(site.prefix, 'commands')} count={site.commands.length} />
          {site.types.length > 0 && (
            <Stat label="Types" href={indexPath(site.prefix, 'types')} count={site.types.length} />
          )}
          <Stat label="Modules" href={indexPath(site.prefix, 'modules')} count={site.modules.length} />
        </dl>
        {getVersions().length > 1 && (
          <p className="changes-link">
            <a href={withBase(changesPath())}>Changes between releases</a>: what changed on the wire from one release to
            the next, with each change&apos;s verdict under QEMU&apos;s compatibility rules.
          </p>
        )}
      </section>
      <section aria-labelledby="events">
        <h2 id="events">Events by module</h2>
        <div className="event-groups">
          {byModule.map(({ m, events }) => (
            <section key={m.slug} className="event-group" aria-label={m.title}>
              <h3>
                <a href={withBase(moduleHref(site, m))}>{m.title}</a> <span className="count">{events.length}</span>
              </h3>
              <ul>
                {events.map((e) => (
                  <li key={e.name}>
                    <a href={withBase(definitionHref(site, e))}>
                      <code>{e.name}</code>
                    </a>
                    {sinceOf(e) && <span className="since-inline">{sinceOf(e)}</span>}
                    {e.doc && <p className="snippet">{plainText(e.doc.body.text, 120)}</p>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        {byModule.length === 0 && <p className="muted">This schema defines no events.</p>}
      </section>
    </div>
  );
}
