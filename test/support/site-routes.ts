// The site's build path in process: every route module under app/ as `next
// build` loads it (generateStaticParams, generateMetadata, the page or GET),
// each page rendered to HTML. Tests that need the build's behaviour on a
// schema, without the minute a real `next build` takes, walk it here; the
// environment (QAPI_VERSIONS …) must be set before the first walk.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ROOT } from '../../scripts/qemu-data';

interface RouteModule {
  default?: (props: { params: Promise<Record<string, string>> }) => ReactNode | Promise<ReactNode>;
  GET?: (req: Request, props: { params: Promise<Record<string, string>> }) => Promise<Response>;
  generateStaticParams?: () => Record<string, string>[] | Promise<Record<string, string>[]>;
  generateMetadata?: (props: { params: Promise<Record<string, string>> }) => Promise<unknown>;
}

export interface RenderedRoute {
  /** the route's file under app/, e.g. 'v/[version]/events/[name]/page.tsx' */
  file: string;
  /** the page's path in the export, as Next writes it ('/v/b/events/STOP/') */
  path: string;
  status: 200 | 404;
  /** the rendered page (HTML) or response body */
  body: string;
}

/** Next's segment for a param value: only path delimiters escaped (next/dist/build/static-paths/app.js). */
const exportSegment = (value: string): string =>
  value.replace(/[/#?\\]|%(2f|23|3f|5c)/gi, (c) => encodeURIComponent(c));

function routeFiles(): string[] {
  return (readdirSync(path.join(ROOT, 'app'), { recursive: true }) as string[])
    .filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f))
    .sort();
}

function isNotFound(err: unknown): boolean {
  return String((err as { digest?: unknown })?.digest ?? '').startsWith('NEXT_HTTP_ERROR_FALLBACK;404');
}

/** Every page and file of the export, rendered in process as `next build` renders them. */
export async function renderEveryRoute(): Promise<RenderedRoute[]> {
  const out: RenderedRoute[] = [];
  for (const file of routeFiles()) {
    const mod = (await import(path.join(ROOT, 'app', file))) as RouteModule;
    const paramSets = mod.generateStaticParams ? await mod.generateStaticParams() : [{}];
    for (const params of paramSets) {
      const routePath =
        '/' +
        path
          .dirname(file)
          .split('/')
          .filter((s) => s !== '.')
          .map((s) => {
            const m = /^\[(\w+)\]$/.exec(s);
            return m ? exportSegment(params[m[1]!]!) : s;
          })
          .join('/');
      const props = { params: Promise.resolve(params) };
      const at = {
        file,
        path: routePath.endsWith('.json') || routePath.endsWith('.html') ? routePath : `${routePath}/`,
      };
      if (mod.GET) {
        const res = await mod.GET(new Request('http://localhost' + encodeURI(at.path)), props);
        out.push({
          ...at,
          path: at.path.replace(/\/+$/, '') || '/',
          status: res.status === 404 ? 404 : 200,
          body: await res.text(),
        });
        continue;
      }
      try {
        await mod.generateMetadata?.(props);
        const element = await mod.default!(props);
        out.push({
          ...at,
          path: at.path.replace(/\/+/g, '/'),
          status: 200,
          body: renderToStaticMarkup(createElement('div', null, element)),
        });
      } catch (err) {
        if (!isNotFound(err)) throw err;
        out.push({ ...at, path: at.path.replace(/\/+/g, '/'), status: 404, body: '' });
      }
    }
  }
  return out;
}

/** The site paths every internal link of the pages points to (fragment and query dropped), decoded as a static server does. */
export function internalLinks(pages: RenderedRoute[]): Map<string, string[]> {
  const links = new Map<string, string[]>();
  for (const p of pages) {
    for (const m of p.body.matchAll(/\shref="(\/[^"]*)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&').replace(/[?#].*$/, '');
      if (href.startsWith('/_next/') || href.startsWith('/validate/')) continue;
      const target = decodeURIComponent(href);
      const from = links.get(target) ?? [];
      from.push(p.path);
      links.set(target, from);
    }
  }
  return links;
}
