// Legal names that are hostile to JavaScript and to URLs, through the site's
// build path (every route module under app/, in process, as `next build` runs
// them; test/e2e/hostile-names.test.ts runs the real build): Object.prototype's
// names as commands, members, enum values and branches (QEMU 5.2 accepts
// 'toString' as a command), a dump event named '__proto__', and dump names
// that are no URL path segment as they stand ('a/b', 'P%41', '.', a NUL).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROTOTYPE_COMMANDS, writeHostileRoots } from '../support/hostile-names';
import { renderEveryRoute, type RenderedRoute } from '../support/site-routes';

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
