// What every browser test shares: Debian's Chromium (or CHROMIUM_PATH) with
// one flag list, a site built once per run (build-once.ts), served on a free
// port and a browser launched on it, and pages that record their errors.
// Guarantees: startSite's close() stops both the browser and the server.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
// @ts-expect-error -- plain ESM helper without type declarations
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium';
import { buildOnce, E2E_OUT, E2E_VERSIONS, ROOT } from './build-once';

export { CHROMIUM, CHROMIUM_ARGS, pasteAndWait, type PasteTiming } from '../../scripts/chromium';
export const haveChromium = existsSync(CHROMIUM);

export interface Site {
  browser: Browser;
  /** The served root, ending in '/'. */
  base: string;
  close(): Promise<void>;
}

/** Builds the site `out` of `versions` (once per run), serves it and launches Chromium on it. */
export async function startSite(out = E2E_OUT, versions = E2E_VERSIONS): Promise<Site> {
  await buildOnce(out, versions);
  const { server, url } = (await serve(path.join(ROOT, out), { port: 0 })) as { server: Server; url: string };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    browser,
    base: url,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Pushes the page's uncaught errors (and, unless `console` is false, its console errors) onto `errors`. */
export function recordErrors(page: Page, errors: string[], label = '', console = true): void {
  const prefix = label ? `${label}: ` : '';
  page.on('pageerror', (e) => errors.push(`${prefix}${String(e)}`));
  if (console) page.on('console', (m) => m.type() === 'error' && errors.push(`${prefix}${m.text()}`));
}

export interface OpenOptions {
  /** Where the page's errors go, each prefixed with the site path. */
  errors?: string[];
  /** Whether console errors count too, not only uncaught ones. */
  console?: boolean;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/** Opens the site path `p` ('/events/X/') in a new page of a light colour scheme, once loaded. */
export async function openPage(site: Site, p: string, options: OpenOptions = {}): Promise<Page> {
  const { errors, console = true, colorScheme = 'light', viewport } = options;
  const page = await site.browser.newPage(viewport ? { colorScheme, viewport } : { colorScheme });
  if (errors) recordErrors(page, errors, p, console);
  await page.goto(site.base + p.replace(/^\//, ''), { waitUntil: 'load' });
  return page;
}

/** The site of a describeInChromium block: its browser and root once the block has started it. */
export interface SuiteSite {
  readonly browser: Browser;
  /** The served root, ending in '/'. */
  readonly base: string;
  /** openPage on this site, with the block's page options overridden by `options`. */
  open(p: string, options?: OpenOptions): Promise<Page>;
}

export interface SuiteOptions {
  /** Whether the block can run beyond having Chromium (QEMU's tree, ../shared); default true. */
  when?: boolean;
  /** How every page of the block opens (where its errors go, its viewport…). */
  pages?: OpenOptions;
  /** Another site than the shared e2e build: its export folder and QAPI_VERSIONS (built once per run). */
  site?: { out: string; versions: string };
}

/**
 * A describe block of browser tests sharing one site (startSite): started before its tests,
 * closed after them; skipped without Chromium, or when `when` is false.
 */
export function describeInChromium(name: string, fn: (site: SuiteSite) => void): void;
export function describeInChromium(name: string, options: SuiteOptions, fn: (site: SuiteSite) => void): void;
export function describeInChromium(
  name: string,
  ...args: [(site: SuiteSite) => void] | [SuiteOptions, (site: SuiteSite) => void]
): void {
  const [{ when = true, pages = {}, site: build }, fn] = args.length === 1 ? [{}, args[0]] : args;
  describe.skipIf(!haveChromium || !when)(name, () => {
    let started: Site | undefined;
    const site = (): Site => {
      if (!started) throw new Error('the site is not started: use it inside a test or hook of the block');
      return started;
    };
    beforeAll(async () => {
      started = await startSite(build?.out, build?.versions);
    }, 1_200_000);
    afterAll(async () => started?.close());
    fn({
      get browser() {
        return site().browser;
      },
      get base() {
        return site().base;
      },
      open: (p, options) => openPage(site(), p, { ...pages, ...options }),
    });
  });
}
