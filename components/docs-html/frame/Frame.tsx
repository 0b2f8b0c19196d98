/** @jsxImportSource @/lib/site/html */
// The parts of every page's frame that are plain markup: the top bar (home,
// sections, validator, search, version switcher, theme) and the sidebar (the
// modules; the sections again, shown where the top bar has no room for them),
// rendered to HTML strings (lib/site/html) and embedded by Shell.tsx.
import type { Entity } from '@/lib/qapi/model';
import type { SiteModule, SiteSchema } from '@/lib/site/site-schema';
import type { Html } from '@/lib/site/html/jsx-runtime';
import {
  basePath,
  changesPath,
  homePath,
  indexPath,
  protocolPath,
  reviewPath,
  searchIndexPath,
  validatorPath,
  validatorVersionPath,
  withBase,
} from '@/lib/site/href';
import { getSchema, getVersions, versionsNewestFirst } from '@/lib/site/source';
import { absentPath } from '@/lib/site/absent';
import { definitionHref, moduleHref, pathInSite, type PageRef } from '@/lib/site/site-links';
import { SearchBox } from './SearchBox';
import { ThemeToggle } from './ThemeToggle';

/**
 * Where each version's entry of the switcher goes: the same page in that
 * version, else its absent page (lib/site/absent.ts) for a definition or
 * module it lacks; on the validator page, the validator with that version
 * selected. components/site/version-switcher.ts adds the current #anchor to
 * same-page links and the keyboard and closing behaviour.
 */
function switcherTarget(
  other: SiteSchema,
  label: string,
  isDefault: boolean,
  page: PageRef,
): { href: string; same: boolean } {
  if (page.kind === 'validate') return { href: validatorVersionPath(isDefault ? '' : label), same: true };
  const same = pathInSite(other, page);
  if (same) return { href: same, same: true };
  const absent = page.kind === 'definition' || page.kind === 'module' ? absentPath(other, page) : null;
  return { href: absent ?? homePath(other.prefix), same: false };
}

const isIntrospection = (site: SiteSchema) => site.model.origin?.kind === 'introspection';

function VersionSwitcher({ site, page }: { site: SiteSchema; page: PageRef }) {
  const versions = versionsNewestFirst();
  if (versions.length < 2)
    return (
      <span className="version-label" title="Schema version">
        {site.label}
      </span>
    );
  return (
    <details className="version-switcher">
      <summary aria-label={`Schema version ${site.label}, change version`} aria-haspopup="true" title={site.label}>
        <span className="version-current">{site.label}</span>
      </summary>
      <ul aria-label="Schema versions">
        {versions.map((v) => {
          const other = getSchema(v.label)!;
          const { href, same } = switcherTarget(other, v.label, v.isDefault, page);
          return (
            <li key={v.label}>
              <a
                href={withBase(href)}
                aria-current={v.label === site.label ? 'true' : undefined}
                data-version={v.label}
                data-default={v.isDefault ? 'true' : undefined}
                data-keep-hash={same && page.kind !== 'validate' ? 'true' : undefined}
              >
                {v.label}
                {v.isDefault && <span className="muted"> (default)</span>}
                {!same && (
                  <span className="muted">
                    {page.kind === 'definition' && page.section === 'types' && isIntrospection(other)
                      ? ' — its types have no names'
                      : ' — not in this version'}
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** The site's sections: in the top bar, and in the sidebar's menu where the top bar has no room for them. */
function SectionLinks({ site }: { site: SiteSchema }) {
  return (
    <>
      <a href={withBase(homePath(site.prefix, 'events'))}>Events</a>
      <a href={withBase(indexPath(site.prefix, 'commands'))}>Commands</a>
      <a href={withBase(indexPath(site.prefix, 'types'))}>Types</a>
      <a href={withBase(indexPath(site.prefix))}>Index</a>
      <a href={withBase(protocolPath(site.prefix))}>Protocol</a>
      {getVersions().length > 1 && <a href={withBase(changesPath())}>Changes</a>}
      <a href={withBase(validatorPath())}>Validate</a>
      <a href={withBase(reviewPath())}>Review</a>
    </>
  );
}

// Big modules (block-core has ~300 definitions) would put hundreds of links on
// each of their pages: list events and commands first, up to a cap, always
// keeping the current page, and link the module page for the rest.
const SIDEBAR_MAX = 60;

function sidebarEntities(entities: Entity[], activeName: string | undefined): Entity[] {
  if (entities.length <= SIDEBAR_MAX) return entities;
  const rank = (e: Entity) => (e.meta === 'event' ? 0 : e.meta === 'command' ? 1 : 2);
  const picked = [...entities].sort((a, b) => rank(a) - rank(b)).slice(0, SIDEBAR_MAX);
  const active = entities.find((e) => e.name === activeName);
  if (active && !picked.includes(active)) picked[picked.length - 1] = active;
  const keep = new Set(picked);
  return entities.filter((e) => keep.has(e));
}

interface EntryProps {
  site: SiteSchema;
  m: SiteModule;
  active: boolean;
  activeName?: string;
}

function ModuleEntry({ site, m, active, activeName }: EntryProps) {
  return (
    <li key={m.slug} className={active ? 'active' : undefined}>
      <a href={withBase(moduleHref(site, m))} aria-current={active && !activeName ? 'page' : undefined}>
        {m.title}
        {m.entities.length > 0 && <span className="count">{m.entities.length}</span>}
      </a>
      {active && m.entities.length > 0 && (
        <ul className="entity-list">
          {sidebarEntities(m.entities, activeName).map((e) => (
            <li key={e.name}>
              <a
                href={withBase(definitionHref(site, e))}
                aria-current={e.name === activeName ? 'page' : undefined}
                className={`k-${e.meta}`}
              >
                {e.name}
              </a>
            </li>
          ))}
          {m.entities.length > SIDEBAR_MAX && (
            <li>
              <a className="more" href={withBase(moduleHref(site, m))}>
                All {m.entities.length} definitions →
              </a>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

// Every page of a tree lists the same closed module entries: render each once per tree.
const closedEntries = new WeakMap<SiteSchema, Map<string, Html>>();

function closedEntry(site: SiteSchema, m: SiteModule): Html {
  let entries = closedEntries.get(site);
  if (!entries) closedEntries.set(site, (entries = new Map()));
  let html = entries.get(m.slug);
  if (!html) entries.set(m.slug, (html = ModuleEntry({ site, m, active: false })));
  return html;
}

export function Sidebar({
  site,
  activeModule,
  activeName,
}: {
  site: SiteSchema;
  activeModule?: string;
  activeName?: string;
}) {
  return (
    <>
      <nav className="sidebar-sections" aria-label="Sections">
        <SectionLinks site={site} />
      </nav>
      <p className="sidebar-title">Modules</p>
      <ul className="module-list">
        {site.modules.map((m) =>
          m.slug === activeModule ? (
            <ModuleEntry site={site} m={m} active activeName={activeName} />
          ) : (
            closedEntry(site, m)
          ),
        )}
      </ul>
    </>
  );
}

export function Topbar({ site, page }: { site: SiteSchema; page: PageRef }) {
  const home = withBase(homePath(site.prefix));
  return (
    <>
      <button
        type="button"
        className="icon-button menu-button"
        popoverTarget="sidebar"
        aria-label="Sections and modules"
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <a className="brand" href={home} aria-label="QAPI Explorer home">
        <span className="brand-mark" aria-hidden="true">
          {'{Q}'}
        </span>{' '}
        <span className="brand-name">QAPI Explorer</span>
      </a>
      <nav className="topnav" aria-label="Sections">
        <SectionLinks site={site} />
      </nav>
      <div className="topbar-tools">
        <SearchBox indexUrl={withBase(searchIndexPath(site.prefix))} base={basePath() + site.prefix} />
        <VersionSwitcher site={site} page={page} />
        <ThemeToggle />
      </div>
    </>
  );
}
