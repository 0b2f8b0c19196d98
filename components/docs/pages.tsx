// Whole pages, shared by the default-version routes and the /v/<label>/ ones.
import type { Entity } from '@/lib/qapi/model';
import type { SiteSchema } from '@/lib/site/site-schema';
import { Shell } from '@/components/site/Shell';
import { DefinitionPage } from './DefinitionPage';
import { HomePage } from './HomePage';
import { IndexPage } from './IndexPage';
import { ModulePage } from './ModulePage';
import { BuiltinsPage } from './BuiltinsPage';
import type { Html } from '@/lib/site/html/jsx-runtime';

/** Doc content is rendered to HTML by the string JSX runtime and embedded once. */
function Content({ html }: { html: Html }) {
  return <div className="page-content" dangerouslySetInnerHTML={{ __html: html.value }} />;
}

export function DefinitionView({ site, entity }: { site: SiteSchema; entity: Entity }) {
  return (
    <Shell site={site} page={{ kind: 'definition', name: entity.name }} activeModule={site.moduleOf.get(entity.name)?.slug}>
      <Content html={DefinitionPage({ site, entity })} />
    </Shell>
  );
}

export function HomeView({ site }: { site: SiteSchema }) {
  return (
    <Shell site={site} page={{ kind: 'home' }}>
      <Content html={HomePage({ site })} />
    </Shell>
  );
}

export function IndexView({ site }: { site: SiteSchema }) {
  return (
    <Shell site={site} page={{ kind: 'index' }}>
      <Content html={IndexPage({ site })} />
    </Shell>
  );
}

export function ModuleView({ site, slug }: { site: SiteSchema; slug: string }) {
  const m = site.modules.find((x) => x.slug === slug)!;
  return (
    <Shell site={site} page={{ kind: 'module', slug }} activeModule={slug}>
      <Content html={ModulePage({ site, module: m })} />
    </Shell>
  );
}

export function BuiltinsView({ site }: { site: SiteSchema }) {
  return (
    <Shell site={site} page={{ kind: 'builtins' }}>
      <Content html={BuiltinsPage({ site })} />
    </Shell>
  );
}
