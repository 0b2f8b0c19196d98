// Route factories: every route file under app/ (the default tree's and the
// /v/[version]/ copies) is a few lines calling one of these, so a route's
// behaviour is written once. Each page route: params -> tree -> lookup ->
// notFound() or render, plus its static params and <title>. Route files must
// still export `dynamicParams = false` (and `dynamic = 'force-static'` for
// JSON routes) themselves: Next reads segment config statically.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { nameFromSegment, nameSegment, reviewDataPath, withBase, type Section } from '@/lib/site/href';
import { definitionMetadata } from '@/lib/site/metadata';
import {
  definitionNames,
  findDefinition,
  findModule,
  moduleNames,
  PLACEHOLDER,
  treeForRoute,
  staticParams,
  type RouteParams,
  type RouteScope,
} from '@/lib/site/routes';
import { buildSearchDocs, packSearchDocs } from '@/lib/site/search-docs';
import type { SiteSchema } from '@/lib/site/site-schema';
import { compactModel } from '@/lib/site/validator-model';
import { changesModel, findPair } from '@/lib/site/site-history';
import { getDefaultSchema, getSiteHistory } from '@/lib/site/source';
import { ExpansionFragment, expandableTypes } from '@/components/docs-html/Expansion';
import {
  AbsentView,
  BuiltinsView,
  ChangesIndexView,
  ChangesView,
  DefinitionView,
  HomeView,
  IndexView,
  ModuleView,
  ProtocolView,
} from './views';
import { absentDefinitions, isAbsent } from '@/lib/site/absent';
import { reviewData } from './review-data';
import type { ReviewPageData } from '@/components/review/page-data';

type Props = { params: Promise<RouteParams> };

interface PageSpec<T> {
  /** the names of a tree's pages, for routes with a [name] segment */
  names?: (site: SiteSchema) => string[];
  find: (site: SiteSchema, name: string) => T | null;
  metadata: (found: T, site: SiteSchema, version: string | undefined) => Metadata;
  render: (found: T, site: SiteSchema) => ReactNode;
}

function pageRoute<T>(scope: RouteScope, spec: PageSpec<T>) {
  const lookup = async (props: Props) => {
    const params = await props.params;
    const site = treeForRoute(scope, params);
    const found = site ? spec.find(site, params.name ?? '') : null;
    return { site, found, version: params.version };
  };
  return {
    generateStaticParams: (): RouteParams[] => staticParams(scope, spec.names),
    generateMetadata: async (props: Props): Promise<Metadata> => {
      const { site, found, version } = await lookup(props);
      return site && found ? spec.metadata(found, site, version) : { title: 'Not found' };
    },
    Page: async (props: Props) => {
      const { site, found } = await lookup(props);
      if (!site || !found) notFound();
      return spec.render(found, site);
    },
  };
}

const withVersion = (title: string, version: string | undefined) => (version ? `${title} (${version})` : title);
const always = (site: SiteSchema) => site;

export const homeRoute = (scope: RouteScope) =>
  pageRoute(scope, {
    find: always,
    // The default tree's home keeps the site's own title (app/layout.tsx).
    metadata: (_, site, version) => (version ? { title: `QMP reference ${site.label}` } : {}),
    render: (site) => <HomeView site={site} />,
  });

/** A page of a whole tree (no [name] segment): `title`, with the version on a versioned route. */
const treePageRoute = (title: string, View: (props: { site: SiteSchema }) => ReactNode) => (scope: RouteScope) =>
  pageRoute(scope, {
    find: always,
    metadata: (_, __, version) => ({ title: withVersion(title, version) }),
    render: (site) => <View site={site} />,
  });

export const indexRoute = treePageRoute('All definitions', IndexView);
export const builtinsRoute = treePageRoute('Built-in types', BuiltinsView);
export const protocolRoute = treePageRoute('The QMP envelope', ProtocolView);

/** An absent page: titled by what is missing, and kept out of search engines' indexes. */
const absentMetadata = (what: string, site: SiteSchema): Metadata => ({
  title: `${what} (not in ${site.label})`,
  robots: { index: false },
});

export const moduleRoute = (scope: RouteScope) =>
  pageRoute(scope, {
    names: moduleNames,
    find: findModule,
    metadata: (m, site, version) =>
      isAbsent(m)
        ? absentMetadata(m.title, site)
        : { title: version ? `${m.title} (module, ${version})` : `${m.title} (module)` },
    render: (m, site) => (isAbsent(m) ? <AbsentView site={site} absent={m} /> : <ModuleView site={site} module={m} />),
  });

export const definitionRoute = (section: Section, scope: RouteScope) =>
  pageRoute(scope, {
    names: definitionNames(section),
    find: (site, name) => findDefinition(site, section, name),
    metadata: (e, site, version) => (isAbsent(e) ? absentMetadata(e.name, site) : definitionMetadata(e, version)),
    render: (e, site) =>
      isAbsent(e) ? <AbsentView site={site} absent={e} /> : <DefinitionView site={site} entity={e} />,
  });

/** The index of Changes pages (only when the site has two trees or more; else a 404). */
export const changesIndexRoute = () => ({
  metadata: { title: 'Changes between releases' } satisfies Metadata,
  Page: async () => {
    const history = getSiteHistory();
    if (!history) notFound();
    return <ChangesIndexView site={getDefaultSchema()} history={history} />;
  },
});

/** One pair's Changes page, /changes/<old>..<new>/. */
export const changesRoute = () => {
  const lookup = async (props: { params: Promise<{ pair: string }> }) => {
    const history = getSiteHistory();
    const pair = history ? findPair(history, decodeURIComponent((await props.params).pair)) : null;
    return { history, pair };
  };
  return {
    generateStaticParams: (): { pair: string }[] => {
      const pairs = getSiteHistory()?.pairs ?? [];
      return pairs.length ? pairs.map((p) => ({ pair: p.slug })) : [{ pair: PLACEHOLDER }];
    },
    generateMetadata: async (props: { params: Promise<{ pair: string }> }): Promise<Metadata> => {
      const { pair } = await lookup(props);
      return { title: pair ? `Changes ${pair.old.label} → ${pair.new.label}` : 'Not found' };
    },
    Page: async (props: { params: Promise<{ pair: string }> }) => {
      const { history, pair } = await lookup(props);
      if (!history || !pair) notFound();
      return <ChangesView site={getDefaultSchema()} pair={pair} history={history} />;
    },
  };
};

/** A JSON file generated per tree at build time. */
function jsonRoute(scope: RouteScope, body: (site: SiteSchema) => unknown, empty: unknown) {
  return {
    generateStaticParams: (): RouteParams[] => staticParams(scope),
    GET: async (_req: Request, props: Props) => {
      const site = treeForRoute(scope, await props.params);
      return Response.json(site ? body(site) : empty);
    },
  };
}

/** The search dialog's index (lib/site/search-docs.ts), fetched when it first opens. */
export const searchIndexRoute = (scope: RouteScope) =>
  jsonRoute(
    scope,
    (site) => {
      const history = getSiteHistory()?.history;
      const elsewhere = absentDefinitions(site).map((a) => ({
        name: a.name,
        meta: a.meta,
        labels: a.presentIn.map((p) => p.label),
      }));
      return packSearchDocs(buildSearchDocs(site, history, elsewhere), history?.labels, site.label);
    },
    packSearchDocs([]),
  );

/** The validator page's model of a tree (lib/site/validator-model.ts: docs stripped). */
export const validatorModelRoute = (scope: RouteScope) => jsonRoute(scope, (site) => compactModel(site.model), null);

/**
 * A version's model as the Changes pages' pair picker diffs it in the browser
 * (lib/site/site-history.ts changesModel); null on a site of one version.
 */
export const changesModelRoute = (scope: RouteScope) =>
  jsonRoute(scope, (site) => (getSiteHistory() ? changesModel(site.model) : null), null);

/** Per-type HTML fragments fetched by the lazy expanders of doc pages (components/docs-html/Expansion.tsx). */
export const expansionRoute = (scope: RouteScope) => ({
  generateStaticParams: (): RouteParams[] => staticParams(scope, (site) => expandableTypes(site).map(nameSegment)),
  GET: async (_req: Request, props: Props) => {
    const params = await props.params;
    const site = treeForRoute(scope, params);
    const name = nameFromSegment(params.name ?? '');
    const html = site && name !== null ? ExpansionFragment({ site, name }) : null;
    return new Response(html?.value ?? '', {
      status: html ? 200 : 404,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  },
});

/** What the /review page tells its island: its data's URLs, base path included, and the bases. */
export function reviewPageData(): ReviewPageData {
  const data = reviewData();
  return {
    index: withBase(reviewDataPath(data.index)),
    bases: data.bases,
    sample: data.sample && withBase(reviewDataPath(data.sample)),
  };
}

const DATA_TYPES: Record<string, string> = { gz: 'application/gzip', json: 'application/json', txt: 'text/plain' };

/** The /review page's data (components/site/review-data.ts): each base tree's texts, their index, the sample patch. */
export const reviewDataRoute = () => ({
  generateStaticParams: (): { file: string }[] => [...reviewData().files.keys()].map((file) => ({ file })),
  GET: async (_req: Request, props: { params: Promise<{ file: string }> }) => {
    const file = (await props.params).file;
    const body = reviewData().files.get(file);
    return new Response(body ? (body as BodyInit) : null, {
      status: body ? 200 : 404,
      headers: { 'content-type': DATA_TYPES[file.slice(file.lastIndexOf('.') + 1)] ?? 'application/octet-stream' },
    });
  },
});
