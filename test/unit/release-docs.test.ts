// Doc comments as each release reads them, in the plain model: old-style
// sections ('Note:', 'Example:', ...) are typed sections in their place, an
// 'Example:' body is a QmpExample with exact source lines, and module titles
// and subsections are recognised in every release (QAPI '=' markup and the
// reST headings of 10.2's tree).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Module } from '../../lib/qapi/model';
import { loadModelFromDisk } from '../../lib/qapi/node';
import { lintExamples } from '../../lib/validate/lint-examples';
import { memoryModel } from '../support/memory-schema';
import { describeWithShared, sharedPath } from '../support/shared';

const memModel = (files: Record<string, string>, version: string) => memoryModel(files, version, 's.json');

const OLD_STYLE = `##
# = Power
##

##
# == Buttons
##

##
# @PRESSED:
#
# Emitted when the button is pressed.
#
# @button: which one
#
# Notes: only the front panel.
#        Never the back one.
#
# Since: 2.0
#
# Example:
#
# <- { "event": "PRESSED",
#      "data": { "button": "reset" },
#      "timestamp": { "seconds": 1, "microseconds": 2 } }
##
{ 'event': 'PRESSED', 'data': { 'button': 'str' } }
`;

const SIMPLE_UNION = `##
# @Shape:
#
# A simple union, as QEMU 5.2 still had them.
#
# @type: the shape
##
{ 'union': 'Shape', 'data': { 'round': 'str', 'square': 'int' },
  'if': 'defined(CONFIG_SHAPES)' }
`;

describe('old-style doc comments in the model (QEMU 5.2 and 7.2)', () => {
  it.each(['7.2.0', '5.2.0'])('%s: typed sections in place, the example with its source lines', (version) => {
    const model = memModel({ 's.json': OLD_STYLE }, version);
    const event = model.entities.find((e) => e.name === 'PRESSED')!;
    const doc = event.doc!;
    expect(doc.sections.map((s) => [s.kind, s.tag ?? null])).toEqual([
      ['plain', null],
      ['member', null],
      ['note', 'Notes'],
      ['since', 'Since'],
      ['example', 'Example'],
    ]);
    expect(doc.sections[2].text).toBe('only the front panel.\nNever the back one.');
    expect(doc.since).toBe('2.0');
    expect(doc.examples).toHaveLength(1);
    const example = doc.examples[0];
    expect(example.fromSection).toBe('Example');
    expect(example.annotated).toBe(false);
    expect(example.line).toBe(21);
    const source = OLD_STYLE.split('\n');
    for (const l of example.lines) expect(source[l.line - 1].slice(2)).toBe(l.text);
    expect(example.lines.map((l) => l.line)).toEqual([23, 24, 25]);
  });

  it('5.2: a simple union gets its Kind enum and wrapper types; the C condition reads as itself', () => {
    const model = memModel({ 's.json': SIMPLE_UNION }, '5.2.0');
    const names = model.entities.filter((e) => e.loc).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['q_obj_str-wrapper', 'q_obj_int-wrapper', 'ShapeKind', 'Shape']));
    const shape = model.entities.find((e) => e.name === 'Shape')!;
    expect(shape.meta).toBe('union');
    expect(shape.if).toBe('defined(CONFIG_SHAPES)');
    expect(model.entities.find((e) => e.name === 'ShapeKind')!.implicit).toBe(true);
  });

  it('7.2 rejects the simple union, as QEMU 7.2 does', () => {
    expect(() => memModel({ 's.json': SIMPLE_UNION }, '7.2.0')).toThrow("union misses keys 'base', 'discriminator'");
  });

  it('module title and subsection groups from = markup', () => {
    const mod = memModel({ 's.json': OLD_STYLE }, '7.2.0').modules.find((m) => m.name === 's.json')!;
    expect(mod.title).toEqual({ level: 1, text: 'Power', line: 2 });
    expect(mod.groups).toEqual([{ heading: { level: 2, text: 'Buttons', line: 6 }, entities: ['PRESSED'] }]);
  });
});

describeWithShared('module titles and subsections of real trees, every release', () => {
  const ui = (tree: string): Module =>
    loadModelFromDisk(sharedPath('qemu', tree, 'qapi/qapi-schema.json')).modules.find((m) => m.name === 'ui.json')!;

  it.each(['5.2.0', '7.2.0', '10.0.13', '10.2.2'])('%s ui.json: "Remote desktop", then Spice and VNC', (tree) => {
    const mod = ui(tree);
    expect(mod.title?.text).toBe('Remote desktop');
    expect(mod.title?.level).toBe(1);
    const headings = mod.groups.map((g) => g.heading?.text ?? null);
    expect(headings.slice(0, 3)).toEqual([null, 'Spice', 'VNC']);
    expect(mod.groups.every((g) => g.entities.length > 0)).toBe(true);
    const explicit = mod.groups.flatMap((g) => g.entities);
    expect(new Set(explicit).size).toBe(explicit.length);
  });

  it("10.2.2's acpi-hest.json: its '==' heading groups its command", () => {
    const model = loadModelFromDisk(sharedPath('qemu', '10.2.2', 'qapi/qapi-schema.json'));
    const mod = model.modules.find((m) => m.name === 'acpi-hest.json')!;
    expect(mod.groups[0].heading?.text).toBe('GHESv2 CPER Error Injection');
    expect(mod.groups[0].heading?.level).toBe(2);
  });

  it("7.2.0's Example sections are examples with exact source lines", () => {
    const root = sharedPath('qemu', '7.2.0', 'qapi/qapi-schema.json');
    const model = loadModelFromDisk(root);
    const shutdown = model.entities.find((e) => e.name === 'SHUTDOWN')!;
    const [example] = shutdown.doc!.examples;
    expect(example.fromSection).toBe('Example');
    const source = readFileSync(path.join(path.dirname(root), 'run-state.json'), 'utf8').split('\n');
    expect(example.lines[0].text).toBe('<- { "event": "SHUTDOWN",');
    for (const l of example.lines) expect(source[l.line - 1].slice(2)).toBe(l.text);
    expect(shutdown.doc!.sections.find((s) => s.kind === 'note')?.tag).toBe('Note');
  });

  it.each([
    ['5.2.0', 196],
    ['7.2.0', 213],
  ])("lint-examples checks every case of %s's %i Example sections", (tree, sections) => {
    const model = loadModelFromDisk(sharedPath('qemu', tree, 'qapi/qapi-schema.json'));
    const report = lintExamples(model);
    const docs = model.entities.flatMap((e) => (e.doc ? [e.doc] : []));
    expect(docs.flatMap((d) => d.sections).filter((sec) => sec.kind === 'example')).toHaveLength(sections);
    // numbered cases ("1. ...", "2. ...") are examples of their own, titled as QEMU 10 titles them
    expect(report.summary.examples).toBeGreaterThan(sections);
    const medium = model.entities.find((e) => e.name === 'blockdev-change-medium')!.doc!.examples;
    expect(medium.map((x) => x.title)).toEqual([
      'Change a removable medium',
      'Load a read-only medium into a writable drive',
    ]);
    expect(medium.every((x) => !x.annotated && x.lines[0].text.startsWith('-> '))).toBe(true);
    expect(report.examples.filter((v) => v.symbol === 'blockdev-change-medium').map((v) => v.status)).toEqual([
      'valid',
      'valid',
    ]);
    // most of QEMU's examples are right; the linter must be able to tell
    expect(report.summary.valid).toBeGreaterThan(sections * 0.75);
    expect(report.summary.invalid).toBeGreaterThan(0);
  });
});
