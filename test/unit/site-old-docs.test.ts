// Definition and module pages of releases before QEMU 10, rendered as those
// releases' manuals rendered them: 'Note(s):' sections as notes titled by
// their tag, 'Example(s):' sections as highlighted, linted qmp-examples that
// open in the validator (one per numbered case), 'Returns:' text under
// Returns even when the command returns nothing, TODO hidden; and module pages
// titled and grouped by the model's headings, with no '=' markup left.
import { describe, expect, it } from 'vitest';
import { ModulePage } from '@/components/docs-html/ModulePage';
import { memorySite } from '../support/memory-schema';
import { renderDefinition, siteFor } from '../support/render-helpers';
import { describeWithShared, sharedPath } from '../support/shared';

const SCHEMA = "{ 'include': 'lamp.json' }\n";
const LAMP = `##
# = Lamps
#
# Lights of the machine.
##

##
# == Switching
##

##
# @lamp-on:
#
# Switch a lamp on.
#
# @name: which lamp
#
# Returns: - Nothing on success
#          - If @name is unknown, LampNotFound
#
# Notes: A lamp already on stays on.
#
# TODO: dimming
#
# Since: 2.0
#
# Examples:
#
# 1. Switch the desk lamp on
#
# -> { "execute": "lamp-on", "arguments": { "name": "desk" } }
# <- { "return": {} }
#
# 2. Switch an unknown lamp on
#
# -> { "execute": "lamp-on", "arguments": { "name": 42 } }
# <- { "error": { "class": "GenericError", "desc": "no lamp" } }
##
{ 'command': 'lamp-on', 'data': { 'name': 'str' } }

##
# = Events
##

##
# @LAMP_BROKEN:
#
# Emitted when a lamp breaks.
#
# Since: 2.1
##
{ 'event': 'LAMP_BROKEN' }
`;

const figures = (html: string) => [...html.matchAll(/<figure class="qmp-example"[\s\S]*?<\/figure>/g)].map((m) => m[0]);

describe('old-style doc sections on definition pages', () => {
  it.each(['7.2.0', '5.2.0'])('%s: Notes, Returns and numbered Examples in their place; TODO hidden', (release) => {
    const site = memorySite({ 'qapi-schema.json': SCHEMA, 'lamp.json': LAMP }, release);
    const html = renderDefinition(site, 'lamp-on');
    expect(html).toContain('<p class="admonition-title">Notes</p>');
    expect(html).toContain('A lamp already on stays on.');
    expect(html).not.toContain('dimming');
    expect(html).not.toContain('Notes:');
    // Returns text of a command without a return type stays under Returns, before the notes
    const returns = html.indexOf('<h3 id="returns">');
    expect(html.indexOf('LampNotFound')).toBeGreaterThan(returns);
    expect(html.indexOf('LampNotFound')).toBeLessThan(html.indexOf('admonition-note'));
    expect(html).toContain('<span class="badge since">Since 2.0</span>');
    const [first, second, ...rest] = figures(html);
    expect(rest).toEqual([]);
    expect(first).toContain('Example: Switch the desk lamp on');
    expect(first).toContain('data-source="lamp.json:29"');
    expect(first).toContain('<span class="lint lint-valid"');
    expect(first).toContain('<span class="tk-client">');
    expect(first).toMatch(/href="\/validate\/#example=-%3E\+%7B\+%22execute%22%3A\+%22lamp-on%22/);
    expect(second).toContain('Example: Switch an unknown lamp on');
    expect(second).toContain('<span class="lint lint-invalid"');
    expect(second).not.toContain('2. Switch');
  });

  it('7.2.0: module title, subsection and a second "=" heading group the definitions', () => {
    const site = memorySite({ 'qapi-schema.json': SCHEMA, 'lamp.json': LAMP }, '7.2.0');
    const m = site.modules.find((x) => x.name === 'lamp.json')!;
    expect(m.title).toBe('Lamps');
    expect(m.outline.sections.map((s) => [s.heading?.title ?? null, s.entities.map((e) => e.name)])).toEqual([
      [null, []],
      ['Switching', ['lamp-on']],
      ['Events', ['LAMP_BROKEN']],
    ]);
    const html = ModulePage({ site, module: m }).value;
    expect(html).toContain('<h1>Lamps</h1>');
    expect(html).toContain('<p>Lights of the machine.</p>');
    expect(html).not.toMatch(/>\s*=+ /);
    expect(html).not.toMatch(/<p>[^<]*Lamps/);
  });
});

describeWithShared('old-style docs of real releases', () => {
  it('7.2.0 eject: its Notes, its example valid, its Returns list', () => {
    const html = renderDefinition(siteFor(sharedPath('qemu/7.2.0/qapi/qapi-schema.json')), 'eject');
    expect(html).toContain('<p class="admonition-title">Notes</p>');
    expect(html).toContain('Ejecting a device with no media results in success');
    expect(html).toContain('DeviceNotFound');
    const [example] = figures(html);
    expect(example).toContain('data-source="block.json:113"');
    expect(example).toContain('lint-valid');
    expect(example).toContain('Open in validator');
  });

  it('7.2.0 blockdev-change-medium: one titled example per numbered case', () => {
    const html = renderDefinition(siteFor(sharedPath('qemu/7.2.0/qapi/qapi-schema.json')), 'blockdev-change-medium');
    const titles = figures(html).map((f) => /<span class="example-title">(.*?)<\/span>/.exec(f)![1]);
    expect(titles).toEqual([
      'Example: Change a removable medium',
      'Example: Load a read-only medium into a writable drive',
    ]);
  });

  it("5.2.0 BLOCK_IMAGE_CORRUPTED: its Note, and its example's missing member flagged", () => {
    const html = renderDefinition(siteFor(sharedPath('qemu/5.2.0/qapi/qapi-schema.json')), 'BLOCK_IMAGE_CORRUPTED');
    expect(html).toContain('<p class="admonition-title">Note</p>');
    expect(html).toContain('a STOP event will eventually follow');
    const [example] = figures(html);
    expect(example).toContain('lint-invalid');
    expect(example).toContain('missing member at /data/fatal');
  });

  it.each(['5.2.0', '7.2.0'])('%s ui.json: Remote desktop, then Spice, VNC and Input, no raw headings', (release) => {
    const site = siteFor(sharedPath(`qemu/${release}/qapi/qapi-schema.json`));
    const m = site.modules.find((x) => x.name === 'ui.json')!;
    expect(m.title).toBe('Remote desktop');
    const titles = m.outline.sections.map((s) => s.heading?.title ?? null).filter(Boolean);
    expect(titles).toEqual(expect.arrayContaining(['Spice', 'VNC', 'Input']));
    const input = m.outline.sections.find((s) => s.heading?.title === 'Input')!;
    expect(input.entities.map((e) => e.name)).toContain('input-send-event');
    const vnc = m.outline.sections.find((s) => s.heading?.title === 'VNC')!;
    expect(vnc.entities.map((e) => e.name)).not.toContain('input-send-event');
    expect(ModulePage({ site, module: m }).value).not.toMatch(/>\s*=+ /);
  });
});
