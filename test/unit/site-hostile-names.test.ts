// Legal names that are hostile to JavaScript and to URLs, through the site's
// build path (every route module under app/, in process, as `next build` runs
// them; test/e2e/hostile-names.test.ts runs the real build): Object.prototype's
// names as commands, members, enum values and branches (QEMU 5.2 accepts
// 'toString' as a command), a dump event named '__proto__', and dump names
// that are no URL path segment as they stand ('a/b', 'P%41', '.', a NUL).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROTOTYPE_COMMANDS, URL_HOSTILE_NAMES, writeHostileRoots } from '../support/hostile-names';
import { internalLinks, renderEveryRoute, type RenderedRoute } from '../support/site-routes';
import { inPage, nameFromSegment, nameSegment } from '@/lib/site/href';

const roots = writeHostileRoots();
const saved = { ...process.env };

/** What a build leaves on Object.prototype (nothing, or the names it set there). */
const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanPrototype = prototypeKeys();

let pages: RenderedRoute[] = [];

beforeAll(async () => {
  process.env.QAPI_VERSIONS = `10.2.2=${roots.tree102},${roots.dump},5.2.0=${roots.tree52}`;
  process.env.QAPI_SCHEMA = '';
  // a project root of its own: the model and diff caches are written there, and read back below
  process.env.QAPI_PROJECT_ROOT = roots.dir;
  process.env.QAPI_MODEL_CACHE = '1';
  pages = await renderEveryRoute();
}, 120_000);

afterAll(() => {
  process.env = saved;
});

const page = (p: string): RenderedRoute => {
  const found = pages.find((x) => x.path === p);
  if (!found) throw new Error(`no page ${p}; pages: ${pages.map((x) => x.path).join(' ')}`);
  return found;
};

describe("a three-release site with Object.prototype's names", () => {
  it('builds every page, and leaves Object.prototype as it was', () => {
    expect(prototypeKeys()).toEqual(cleanPrototype);
    expect(pages.filter((p) => p.status === 200).length).toBeGreaterThan(40);
  });

  it('gives each command named like a prototype property its page and history', () => {
    for (const name of PROTOTYPE_COMMANDS) {
      const html = page(`/v/5.2.0/commands/${name}/`).body;
      expect(html, name).toContain(`<code>${name}</code>`);
    }
    // 'constructor' is in all three trees: its History names the step where its arguments changed
    const ctor = page('/commands/constructor/').body;
    expect(ctor).toMatch(/History/);
    expect(ctor).toContain('5.2.0');
    expect(page('/v/5.2.0/commands/toString/').body).toContain('not in 10.2.2');
  });

  it("gives the dump's __proto__ event its page, and the Changes page lists it", () => {
    expect(page('/v/10.2.0/events/__proto__/').body).toContain('<code>__proto__</code>');
    const changes = pages.filter((p) => p.path.startsWith('/changes/') && p.status === 200);
    expect(changes.map((p) => p.path)).toContain('/changes/10.2.0..10.2.2/');
    expect(page('/changes/10.2.0..10.2.2/').body).toContain('__proto__');
  });

  it('the build reads its cached models and diffs back (JSON, where __proto__ is a plain key) to the same pages', async () => {
    vi.resetModules();
    const again = await renderEveryRoute();
    expect(prototypeKeys()).toEqual(cleanPrototype);
    expect(again.map((p) => [p.path, p.status, p.body.length])).toEqual(
      pages.map((p) => [p.path, p.status, p.body.length]),
    );
  });
});

describe('dump names that are no URL path segment', () => {
  const escapeHtml = (t: string) =>
    t
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#x27;');
  const heading = (html: string) => /<h1 class="def-name"><code>(.*?)<\/code><\/h1>/s.exec(html)?.[1];

  it("a name's path segment: QEMU's names as they are, any other one-to-one in URL- and file-safe characters", () => {
    for (const name of ['STOP', 'blockdev-add', '__org.qemu_x-y', 'Qcow2OverlapChecks', '123'])
      expect(nameSegment(name)).toBe(name);
    const names = [...URL_HOSTILE_NAMES, '~', '~002E', '.x', 'x.', '\ud800', '\udc00'];
    const segments = names.map(nameSegment);
    expect(new Set(segments).size).toBe(names.length);
    for (const [i, segment] of segments.entries()) {
      expect(segment).toMatch(/^[A-Za-z0-9_~-][A-Za-z0-9_.~-]*$/);
      expect(nameFromSegment(segment)).toBe(names[i]);
    }
    expect(nameFromSegment('a%2Fb')).toBeNull();
    expect(nameFromSegment('~002e')).toBeNull();
    expect(inPage('m-we/ird?#%')).toBe('#m-we%2Fird%3F%23%25');
  });

  it('each has one page, and the module page links to it', () => {
    const links = internalLinks(pages);
    for (const name of URL_HOSTILE_NAMES) {
      const own = pages.filter((p) => p.path.startsWith('/v/10.2.0/events/') && heading(p.body) === escapeHtml(name));
      expect(
        own.map((p) => p.path),
        JSON.stringify(name),
      ).toHaveLength(1);
      expect(links.get(own[0]!.path), JSON.stringify(name)).toContain('/v/10.2.0/modules/query-qmp-schema/');
    }
  });

  it('every internal link of every page leads to a page of the site', () => {
    const paths = new Set(pages.filter((p) => p.status === 200).map((p) => p.path));
    const broken = [...internalLinks(pages)].filter(([target]) => !paths.has(target));
    expect(broken.map(([target, from]) => `${target} <- ${from[0]}`)).toEqual([]);
  });

  it('a label that is no path segment, or a name too long for a file name, stops the build before any page, saying which', async () => {
    vi.resetModules();
    process.env.QAPI_VERSIONS = `10.2.2=${roots.tree102},..=${roots.tree52}`;
    await expect(renderEveryRoute()).rejects.toThrow(
      `version label '..' (${roots.tree52}): '..' is no URL path segment; give the version another label`,
    );
    vi.resetModules();
    const long = writeHostileRoots(['L'.repeat(300)]);
    process.env.QAPI_VERSIONS = `10.2.2=${long.tree102},${long.dump}`;
    await expect(renderEveryRoute()).rejects.toThrow(
      `version '10.2.0' (${long.dump}): the event '${'L'.repeat(60)}…' (300 characters) is too long a name for a page of the site: its file name would be 300 bytes, at most 200`,
    );
  });
});
