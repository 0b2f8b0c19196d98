// Whole pages as React elements, shared by every route (components/site/routes.tsx):
// the frame (Shell) around doc content rendered to one HTML string by the
// string JSX runtime (components/docs-html, lib/site/html).
import type { Entity } from '@/lib/qapi/model';
import type { SiteModule, SiteSchema } from '@/lib/site/site-schema';
import type { Html } from '@/lib/site/html/jsx-runtime';
import { DefinitionPage } from '@/components/docs-html/DefinitionPage';
import { History } from '@/components/docs-html/History';
import { HomePage } from '@/components/docs-html/HomePage';
import { IndexPage } from '@/components/docs-html/IndexPage';
import { ModulePage } from '@/components/docs-html/ModulePage';
import { BuiltinsPage } from '@/components/docs-html/BuiltinsPage';
import { ProtocolPage } from '@/components/docs-html/ProtocolPage';
import { ChangesPage } from '@/components/docs-html/ChangesPage';
import { ChangesIndexPage } from '@/components/docs-html/ChangesIndexPage';
import type { ChangesPair, SiteHistory } from '@/lib/site/site-history';
import { AbsentPage } from '@/components/docs-html/AbsentPage';
import type { AbsentDefinition, AbsentModule } from '@/lib/site/absent';
import { sectionOf } from '@/lib/site/href';
import type { PageRef } from '@/lib/site/site-links';
import { Shell } from './Shell';

/** The frame around a page's doc content, rendered to HTML by the string JSX runtime and embedded once. */
function DocView({
  site,
  page,
  activeModule,
  html,
}: {
  site: SiteSchema;
  page: PageRef;
  activeModule?: string;
  html: Html;
}) {
  return (
    <Shell site={site} page={page} activeModule={activeModule}>
      <div className="page-content" dangerouslySetInnerHTML={{ __html: html.value }} />
    </Shell>
  );
}

export function DefinitionView({ site, entity }: { site: SiteSchema; entity: Entity }) {
  return (
    <DocView
      site={site}
      page={{ kind: 'definition', name: entity.name, section: sectionOf(entity.meta) }}
      activeModule={site.moduleOf.get(entity.name)?.slug}
      html={DefinitionPage({ site, entity, history: History({ entity }) })}
    />
  );
}

export function HomeView({ site }: { site: SiteSchema }) {
  return <DocView site={site} page={{ kind: 'home' }} html={HomePage({ site })} />;
}

export function IndexView({ site }: { site: SiteSchema }) {
  return <DocView site={site} page={{ kind: 'index' }} html={IndexPage({ site })} />;
}

export function ModuleView({ site, module }: { site: SiteSchema; module: SiteModule }) {
  return (
    <DocView
      site={site}
      page={{ kind: 'module', slug: module.slug }}
      activeModule={module.slug}
      html={ModulePage({ site, module })}
    />
  );
}

export function ProtocolView({ site }: { site: SiteSchema }) {
  return <DocView site={site} page={{ kind: 'protocol' }} html={ProtocolPage()} />;
}

export function BuiltinsView({ site }: { site: SiteSchema }) {
  return <DocView site={site} page={{ kind: 'builtins' }} html={BuiltinsPage({ site })} />;
}

export function ChangesIndexView({ site, history }: { site: SiteSchema; history: SiteHistory }) {
  return (
    <DocView site={site} page={{ kind: 'changes' }} html={ChangesIndexPage({ history, defaultLabel: site.label })} />
  );
}

export function ChangesView({ site, pair, history }: { site: SiteSchema; pair: ChangesPair; history: SiteHistory }) {
  return (
    <DocView
      site={site}
      page={{ kind: 'changes', slug: pair.slug }}
      html={ChangesPage({ pair, pairs: history.pairs, releases: history.releases.map((s) => s.label) })}
    />
  );
}

/** A definition or module this version lacks but another version has (lib/site/absent.ts). */
export function AbsentView({ site, absent }: { site: SiteSchema; absent: AbsentDefinition | AbsentModule }) {
  const page =
    absent.absent === 'module'
      ? ({ kind: 'module', slug: absent.slug } as const)
      : ({ kind: 'definition', name: absent.name, section: absent.section } as const);
  return <DocView site={site} page={page} html={AbsentPage({ site, absent })} />;
}
