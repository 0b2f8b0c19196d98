// Module pages: one page per module even when file names slug alike, and the
// module's title and subsections recognised in every release's markup (QAPI's
// `= Title` / `== Sub` up to QEMU 10.0, rST section headings from 10.1), with
// each definition listed under the subsection it follows in the file.
import { describe, expect, it } from 'vitest';
import { ModulePage } from '@/components/docs-html/ModulePage';
import { memorySite } from '../support/memory-schema';
import { siteFor } from '../support/render-helpers';
import { describeWithShared, sharedPath } from '../support/shared';

const sectionTitles = (html: string) => [...html.matchAll(/<h2 id="[^"]+">(.*?)<\/h2>/g)].map((m) => m[1]);

describe('module slugs', () => {
  it('gives dup.x.json and dup-x.json a page each', () => {
    const site = memorySite({
      'qapi-schema.json': "{ 'include': 'dup.x.json' }\n{ 'include': 'dup-x.json' }\n",
      'dup.x.json': "##\n# = Dotted\n##\n\n##\n# @A:\n#\n# Since: 1.0\n##\n{ 'event': 'A' }\n",
      'dup-x.json': "##\n# = Dashed\n##\n\n##\n# @B:\n#\n# Since: 1.0\n##\n{ 'event': 'B' }\n",
    });
    const mods = site.modules.filter((m) => m.name.startsWith('dup'));
    expect(mods.map((m) => [m.name, m.slug, m.title])).toEqual([
      ['dup.x.json', 'dup-x', 'Dotted'],
      ['dup-x.json', 'dup-x-2', 'Dashed'],
    ]);
    expect(site.moduleOf.get('A')?.slug).toBe('dup-x');
    expect(site.moduleOf.get('B')?.slug).toBe('dup-x-2');
  });
});

describe('module headings in the old markup', () => {
  it('reads = Title and == Sub, and lists definitions under their subsection', () => {
    const site = memorySite({
      'qapi-schema.json': "{ 'include': 'screen.json' }\n",
      'screen.json': [
        '##\n# = Remote screens\n#\n# How to reach a guest screen.\n##\n',
        "##\n# @SCREEN_ON:\n#\n# Since: 1.0\n##\n{ 'event': 'SCREEN_ON' }\n",
        '##\n# == VNC\n#\n# The VNC server.\n##\n',
        "##\n# @VNC_UP:\n#\n# Since: 1.0\n##\n{ 'event': 'VNC_UP' }\n",
        "##\n# @query-vnc:\n#\n# Since: 1.0\n##\n{ 'command': 'query-vnc' }\n",
      ].join('\n'),
    });
    const m = site.modules.find((x) => x.name === 'screen.json')!;
    expect(m.title).toBe('Remote screens');
    expect(m.outline.sections.map((s) => [s.heading?.title ?? null, s.entities.map((e) => e.name)])).toEqual([
      [null, ['SCREEN_ON']],
      ['VNC', ['VNC_UP', 'query-vnc']],
    ]);
    const html = ModulePage({ site, module: m }).value;
    expect(html).toContain('<h1>Remote screens</h1>');
    expect(html).toContain('<h2 id="s-vnc">VNC</h2>');
    expect(html).not.toMatch(/>\s*=+ /);
  });
});

describeWithShared('module headings in real releases', () => {
  it('10.0.13: titles from = Title, subsections from == Sub', () => {
    const site = siteFor(sharedPath('qemu/10.0.13/qapi/qapi-schema.json'));
    const byName = (n: string) => site.modules.find((m) => m.name === n)!;
    expect(byName('run-state.json').title).toBe('VM run state');
    // no sidebar entry is a bare file name when the module has a title
    for (const m of site.modules) if (m.module.freeformDocs.length) expect(m.title, m.name).not.toBe(m.slug);
    const ui = ModulePage({ site, module: byName('ui.json') }).value;
    expect(ui).toContain('<h1>Remote desktop</h1>');
    expect(sectionTitles(ui)).toEqual(expect.arrayContaining(['Spice', 'VNC', 'Input']));
    expect(ui).not.toMatch(/>\s*=+ /);
    const vnc = byName('ui.json').outline.sections.find((s) => s.heading?.title === 'VNC')!;
    expect(vnc.entities.map((e) => e.name)).toContain('query-vnc');
    expect(vnc.entities.map((e) => e.name)).not.toContain('query-spice');
  });

  it('10.2.2: rST headings, and the old markup where it is left (acpi-hest)', () => {
    const site = siteFor(sharedPath('qemu/10.2.2/qapi/qapi-schema.json'));
    const byName = (n: string) => site.modules.find((m) => m.name === n)!;
    expect(byName('run-state.json').title).toBe('VM run state');
    const hest = ModulePage({ site, module: byName('acpi-hest.json') }).value;
    expect(hest).toContain('<h1>GHESv2 CPER Error Injection</h1>');
    expect(hest).not.toContain('== GHESv2');
    const ui = ModulePage({ site, module: byName('ui.json') }).value;
    expect(sectionTitles(ui)).toEqual(expect.arrayContaining(['Spice', 'VNC', 'Input']));
    const spice = byName('ui.json').outline.sections.find((s) => s.heading?.title === 'Spice')!;
    expect(spice.entities.map((e) => e.name)).toContain('query-spice');
  });
});
