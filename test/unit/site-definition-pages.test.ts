// Definition pages of QEMU 10.2.2 as a reader needs them: command replies
// expanded like arguments, big unions with a branch index and an expander on
// every structured member (lazy fragments beyond the page's inline budget),
// headings for each part, since labels, the deprecation's replacement, a
// neutral "required" and a "Defined at" link.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ExpansionFragment, expandableTypes } from '@/components/docs-html/Expansion';
import { expansionOf } from '@/components/docs-html/expansion-of';
import { ModulePage } from '@/components/docs-html/ModulePage';
import { deprecationReplacement, memberSince } from '@/lib/site/format';
import { elementName } from '@/lib/site/site-schema';
import { describeWithShared, ROOT, sharedPath } from '../support/shared';
import { renderDefinition, siteFor } from '../support/render-helpers';

const TREE = sharedPath('qemu', '10.2.2', 'qapi', 'qapi-schema.json');

/** The top-level rows of a page's first member table after `marker`: [id, row html]. */
function rows(html: string, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = new RegExp(
    `<tr id="(${prefix}-[^"]+)"[^>]*>([\\s\\S]*?)(?=<tr id="${prefix}-|<tr class="group|</table>\\s*</div>\\s*(?:<p|<h|</section))`,
    'g',
  );
  for (const m of html.matchAll(re)) out.set(m[1]!, m[2]!);
  return out;
}

describe('since labels and deprecation replacements (text rules)', () => {
  it('reads a parenthesised since wherever it stands in the parentheses', () => {
    expect(memberSince('foo (since 9.1)')).toBe('9.1');
    expect(memberSince('x (default false; since 9.0).')).toBe('9.0');
    expect(memberSince('x (default: report; since: 5.0)')).toBe('5.0');
    expect(memberSince('x (default: auto,\n    since 8.2)')).toBe('8.2');
    expect(memberSince('x (Since: 2.12; default: 0)')).toBe('2.12');
    expect(memberSince('x\n (Since 2.4 (`drive-backup`), 3.1 (`blockdev-backup`))')).toBe('2.4');
    expect(memberSince('(since: 10.1 -- since 9.1 on s390x --).')).toBe('10.1');
    expect(memberSince('(no limitations, since this applies to a different node)')).toBeUndefined();
    expect(memberSince('other values are allowed since QEMU 2.7')).toBeUndefined();
    expect(memberSince('Since 7.1 bitmap may be given')).toBeUndefined();
  });

  it('finds the replacement a deprecation names', () => {
    expect(deprecationReplacement('This command is deprecated. Use `job-pause` instead.')).toBe('job-pause');
    expect(deprecationReplacement('Member @device is deprecated. Use @id instead.')).toBe('@id');
    expect(deprecationReplacement('Member `drive-backup` is deprecated. Use member `blockdev-backup` instead.')).toBe(
      'blockdev-backup',
    );
    expect(deprecationReplacement('This command is deprecated with no replacement yet.')).toBeUndefined();
  });
});

describeWithShared('definition pages of 10.2.2', () => {
  const site = siteFor(TREE);

  describe('command replies', () => {
    it("query-status shows StatusInfo's members with anchors, and the wire box lists them", () => {
      const html = renderDefinition(site, 'query-status');
      const reply = rows(html, 'r');
      expect([...reply.keys()]).toEqual(['r-running', 'r-status']);
      expect(reply.get('r-status')).toMatch(/href="\/types\/RunState\/"/);
      expect(reply.get('r-status')).toMatch(/<details class="nested"><summary>Show \d+ values of RunState/);
      // the reply in the wire box: keys linked to their rows, not `{"return": StatusInfo}`
      const box = html.slice(html.indexOf('aria-label="Command envelope"'), html.indexOf('</pre>'));
      expect(box).toMatch(/href="#r-running"><span class="tk-key">&quot;running&quot;/);
      expect(box).toMatch(/href="#r-status"/);
      expect(box).not.toMatch(/&quot;return&quot;<\/span><span class="tk-punct">: <\/span><a class="type-ref struct"/);
      // and StatusInfo's page says who returns it
      expect(renderDefinition(site, 'StatusInfo')).toMatch(/id="used-by"[\s\S]*href="\/commands\/query-status\/"/);
    });

    it('an array reply expands its element type', () => {
      const html = renderDefinition(site, 'query-block');
      expect(html).toMatch(
        /<code>return<\/code> is a JSON array; each element is a <a class="type-ref struct" href="\/types\/BlockInfo\/"/,
      );
      expect(html).toContain('id="r-device"');
      expect(html).toMatch(/<span class="tk-punct">\[ <\/span><span class="tk-punct">\{<\/span>/);
    });

    it('every command returning an object (or an array of objects) shows its reply members', () => {
      let withObjects = 0;
      for (const c of site.commands) {
        if (c.meta !== 'command' || !c.returns) continue;
        const t = site.index.get(elementName(c.returns, site.index));
        if (t?.meta !== 'struct' && t?.meta !== 'union') continue;
        if (t.members.length === 0) continue;
        withObjects++;
        expect(renderDefinition(site, c.name), c.name).toMatch(/<tr id="r-[\w.-]+"/);
      }
      expect(withObjects).toBeGreaterThan(90);
    });
  });

  describe('big unions', () => {
    const html = renderDefinition(site, 'blockdev-add');

    it('blockdev-add gets a branch index with an anchor per branch and linked discriminator values', () => {
      const index = html.slice(html.indexOf('<nav class="branch-index"'), html.indexOf('</nav>'));
      expect(index).toContain('47 branches by <code>driver</code>');
      expect(index.match(/<a href="#b-[\w-]+">/g)?.length).toBe(47);
      expect(index).toContain('<a href="#b-qcow2"><code>qcow2</code></a>');
      expect(html).toMatch(/<tr class="group group-branch" id="b-qcow2">/);
      // every branch link has its target
      for (const [, id] of index.matchAll(/href="#(b-[\w-]+)"/g)) expect(html).toContain(`id="${id}"`);
      // the driver row's values link to their branches
      const driver = rows(html, 'm').get('m-driver')!;
      expect(driver).toContain(
        '<a class="branch-link" href="#b-qcow2" title="Go to this branch"><code>&quot;qcow2&quot;</code></a>',
      );
    });

    it('every member of a structured type has an expander, inline or lazy', () => {
      const all = rows(html, 'm');
      let typed = 0;
      let lazy = 0;
      for (const [id, row] of all) {
        // the type column may break a name at its words (<wbr>)
        const type = /<td class="member-type">[\s\S]*?<code>((?:[^<]|<wbr>)+)<\/code>/
          .exec(row)![1]!
          .replace(/<wbr>/g, '');
        const t = site.index.get(type);
        if (!t || !expansionOf(site, t.name)) continue;
        typed++;
        expect(row, id).toMatch(/<details class="nested"( data-expand="[^"]+")?><summary>Show /);
        if (row.includes('data-expand=')) lazy++;
      }
      expect(typed).toBeGreaterThan(60);
      expect(lazy).toBeGreaterThan(0);
      // BlockdevRef expands on every branch that has one, not only the first
      const refs = [...all.values()].filter((r) => r.includes('href="/types/BlockdevRef/"'));
      expect(refs.length).toBeGreaterThan(10);
      for (const r of refs) expect(r).toContain('<summary>Show alternatives of BlockdevRef</summary>');
    });

    it('lazy expanders point at a fragment that exists and holds the nested table', () => {
      const urls = new Set([...html.matchAll(/data-expand="([^"]+)"/g)].map((m) => m[1]!));
      const types = new Set(expandableTypes(site));
      for (const url of urls) {
        const name = /^\/types\/([^/]+)\/expand\.html$/.exec(url)?.[1];
        expect(name && types.has(name), url).toBe(true);
      }
      const frag = ExpansionFragment({ site, name: 'BlockdevOptionsQcow2' })!.value;
      expect(frag).toContain('<table class="members members-nested">');
      expect(frag).toContain('<code>encrypt</code>');
      expect(frag).not.toMatch(/ id="/); // a fragment adds no anchors to the page it lands in
      // its own structured members are lazy again
      expect(frag).toMatch(/data-expand="\/types\/BlockdevRef\/expand\.html"/);
      const ref = ExpansionFragment({ site, name: 'BlockdevRef' })!.value;
      expect(ref).toContain('members alternatives');
      // an alternative of a structured type is expandable too
      expect(ref).toMatch(
        /data-expand="\/types\/BlockdevOptions\/expand\.html"><summary>Show members of BlockdevOptions/,
      );
      expect(renderDefinition(site, 'BlockdevRef')).toMatch(
        /id="m-definition"[\s\S]*?<summary>Show members of BlockdevOptions/,
      );
      expect(ExpansionFragment({ site, name: 'int' })).toBeNull();
    });

    it('every event page stays far below 150 KB gzipped', () => {
      let biggest = 0;
      for (const e of site.events) biggest = Math.max(biggest, gzipSync(renderDefinition(site, e.name)).length);
      expect(biggest).toBeLessThan(150_000);
    });
  });

  describe('smaller things', () => {
    it('names each part of a page with a heading', () => {
      const cmd = renderDefinition(site, 'query-status');
      expect(cmd).toContain('<h3 id="arguments">Arguments</h3>');
      expect(cmd).toContain('<h3 id="returns">Returns</h3>');
      expect(cmd).toContain('<h2 id="examples">Example</h2>');
      const ev = renderDefinition(site, 'BLOCK_JOB_COMPLETED');
      expect(ev).toContain('<h3 id="members">Members</h3>');
      expect(ev).toMatch(/<h2 id="examples">Examples?<\/h2>/);
      expect(renderDefinition(site, 'StatusInfo')).toContain('<h2 id="wire">Members</h2>');
      expect(renderDefinition(site, 'drive-backup')).toContain('<h2 id="features">Features</h2>');
    });

    it('labels every member whose text says "(since X)"', () => {
      let said = 0;
      for (const e of site.model.entities) {
        if (e.implicit || (e.meta !== 'struct' && e.meta !== 'union')) continue;
        const own = e.members.filter(
          (m) => m.definedIn === e.name && /\([^()]*\bsince:?\s+\d+\.\d+/i.test(m.description?.text ?? ''),
        );
        if (own.length === 0) continue;
        const html = renderDefinition(site, e.name);
        for (const m of own) {
          said++;
          const row = new RegExp(`<tr id="m-${m.name}"[^>]*><td class="member-name">.*?</td>`).exec(html)?.[0] ?? '';
          expect(row, `${e.name}.${m.name}`).toContain('member-since');
        }
      }
      expect(said).toBeGreaterThan(100);
      // ones today's rule missed
      expect(renderDefinition(site, 'BlockdevCreateOptionsQcow2')).toMatch(
        /<tr id="m-compression-type"[^>]*>.*?member-since">since 5\.1</,
      );
    });

    it("names the deprecation's replacement in the banner, linked", () => {
      expect(renderDefinition(site, 'drive-backup')).toContain(
        '<p class="pip pip-deprecated">This command is deprecated. Use <a href="/commands/blockdev-backup/"><code>blockdev-backup</code></a> instead.</p>',
      );
      expect(renderDefinition(site, 'block-job-pause')).toMatch(
        /is deprecated\. Use <a href="\/commands\/job-pause\/">/,
      );
      expect(renderDefinition(site, 'query-migrationthreads')).toContain('This command is deprecated.</p>');
    });

    it('shows "required" in a neutral style and marks "optional"', () => {
      const css = readFileSync(path.join(ROOT, 'app/globals.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      const rulesFor = (sel: string) =>
        [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)]
          .filter((m) => m[1]!.split(',').some((s) => s.trim() === sel))
          .map((m) => m[2]!);
      for (const body of rulesFor('.req.is-required')) expect(body).not.toMatch(/--bad|--warn|red/);
      expect(rulesFor('.req.is-optional').join('')).toMatch(/color|font-style/);
    });

    it('"Defined at" links to the definition on its module page', () => {
      const html = renderDefinition(site, 'query-status');
      const m =
        /Defined at <a href="(\/modules\/([\w-]+)\/)#(d-query-status)"[^>]*><code>qapi\/run-state\.json:\d+<\/code><\/a>/.exec(
          html,
        );
      expect(m).not.toBeNull();
      const mod = site.modules.find((x) => x.slug === m![2])!;
      expect(ModulePage({ site, module: mod }).value).toContain(`<li id="${m![3]}">`);
    });
  });
});
