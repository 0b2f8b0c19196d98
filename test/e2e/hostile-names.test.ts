// A real `next build` (and export) of a small three-release site whose names
// are legal but hostile: QEMU 5.2's commands named like Object.prototype's
// properties (constructor, toString …, which crashed every multi-release
// build), a dump event named '__proto__', and dump names that are no URL path
// segment as they stand ('a/b', 'P%41', '.', '..', a NUL). Served by our
// static server, every link of every page leads to a page; an event whose
// valid message holds 8^7 strings has a small page. In-process checks
// of the same routes: test/unit/site-hostile-names.test.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper without type declarations
import { serve } from '../../scripts/serve.mjs';
import { PROTOTYPE_COMMANDS, URL_HOSTILE_NAMES, writeHostileRoots } from '../support/hostile-names';
import { buildOnce, ROOT } from './build-once';

const OUT = process.env.E2E_HOSTILE_OUT || 'out-e2e-hostile';
const roots = writeHostileRoots();
const VERSIONS = `10.2.2=${roots.tree102},${roots.dump},5.2.0=${roots.tree52}`;

/** Every page of the export, as the site path it is served at. */
function exportedPages(dir: string, at = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, at), { withFileTypes: true })) {
    const rel = `${at}/${entry.name}`;
    if (entry.isDirectory() && !rel.startsWith('/_')) out.push(...exportedPages(dir, rel));
    else if (entry.name === 'index.html') out.push(`${at}/`);
  }
  return out;
}

describe('a built site of legal but hostile names', () => {
  let server: Server;
  let base = '';
  const get = async (sitePath: string) => {
    const res = await fetch(base + sitePath.replace(/^\//, ''));
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    await buildOnce(OUT, VERSIONS);
    ({ server, url: base } = (await serve(path.join(ROOT, OUT), { port: 0 })) as { server: Server; url: string });
  }, 1_200_000);
  afterAll(() => server?.close());

  it("has a page per command named like Object.prototype's properties, with its history", async () => {
    for (const name of PROTOTYPE_COMMANDS) {
      const page = await get(`/v/5.2.0/commands/${name}/`);
      expect(page.status, name).toBe(200);
      expect(page.text, name).toContain(`<code>${name}</code>`);
    }
    expect((await get('/commands/constructor/')).text).toMatch(/History/);
    expect((await get('/v/10.2.0/events/__proto__/')).text).toContain('<code>__proto__</code>');
  });

  it('keeps the page of an event whose valid message holds 8^7 strings small', () => {
    const file = path.join(ROOT, OUT, 'events', 'WIDE_EVENT', 'index.html');
    expect(statSync(file).size).toBeLessThan(256 * 1024);
    expect(readFileSync(file, 'utf8')).toContain('WIDE_EVENT message cut short');
  });

  it("serves every link of every page, the dump's hostile names included", async () => {
    const pages = exportedPages(path.join(ROOT, OUT));
    const hostile = pages.filter((p) => p.startsWith('/v/10.2.0/events/'));
    // and '__proto__', and the pages saying the trees' PROTO_EVENT and WIDE_EVENT are not in this version
    expect(hostile.length).toBe(URL_HOSTILE_NAMES.length + 3);
    const links = new Set<string>();
    for (const p of pages) {
      const html = readFileSync(path.join(ROOT, OUT, p, 'index.html'), 'utf8');
      for (const m of html.matchAll(/\shref="(\/[^"#?]*)/g)) if (!m[1]!.startsWith('/_next/')) links.add(m[1]!);
    }
    const broken: string[] = [];
    for (const link of links) if ((await get(link)).status !== 200) broken.push(link);
    expect(broken).toEqual([]);
    // the module page of the dump links each hostile name to the page that shows it
    const module = (await get('/v/10.2.0/modules/query-qmp-schema/')).text;
    for (const name of URL_HOSTILE_NAMES.filter((n) => /^[\w ]+$/.test(n))) {
      const href = new RegExp(`href="(/v/10\\.2\\.0/events/[^"]*)"[^>]*>(?:<code>)?${name}<`).exec(module)?.[1];
      expect(href, name).toBeDefined();
      expect((await get(href!)).text, name).toContain(`<code>${name}</code>`);
    }
  });
});
