// The rST subset of QEMU's schema docs -> our tree -> HTML, and the proof that
// schema text cannot inject markup or script URLs.
import { describe, expect, it } from 'vitest';
import { toHtml } from '@/lib/site/html/jsx-runtime';
import { parseRst } from '@/lib/site/rst/blocks';
import { parseInline, safeUrl } from '@/lib/site/rst/inline';
import { RstBlocks, type DocContext } from '@/components/docs-html/Rst';
import { buildSiteSchema } from '@/lib/site/site-schema';
import type { SchemaModel } from '@/lib/qapi/model';
import { plainText } from '@/lib/site/format';

const model: SchemaModel = {
  root: 'x/qapi-schema.json',
  modules: [{ name: 'm.json', entities: ['Foo', 'BAR_EVENT'], freeformDocs: [], groups: [] }],
  entities: [
    {
      meta: 'struct',
      name: 'Foo',
      module: 'm.json',
      loc: { file: 'm.json', line: 3 },
      features: [],
      implicit: false,
      doc: null,
      members: [],
    },
    {
      meta: 'event',
      name: 'BAR_EVENT',
      module: 'm.json',
      loc: { file: 'm.json', line: 9 },
      features: [],
      implicit: false,
      doc: null,
      boxed: false,
    },
  ],
};
const site = buildSiteSchema(model, { label: 't', prefix: '', rootDir: 'x' });
const ctx: DocContext = { site };
const html = (text: string) => toHtml(RstBlocks({ blocks: parseRst(text), ctx })).value;

describe('inline markup', () => {
  it.each([
    ['``literal``', [{ t: 'code', text: 'literal' }]],
    ['@device-id', [{ t: 'member', name: 'device-id' }]],
    ['`Foo`', [{ t: 'xref', role: 'any', target: 'Foo', text: 'Foo' }]],
    [':qapi:event:`BAR_EVENT`', [{ t: 'xref', role: 'event', target: 'BAR_EVENT', text: 'BAR_EVENT' }]],
    [':qapi:type:`~QMP:m.Foo`', [{ t: 'xref', role: 'type', target: 'Foo', text: 'Foo' }]],
    ['**strong**', [{ t: 'strong', children: [{ t: 'text', text: 'strong' }] }]],
    ['*em*', [{ t: 'em', children: [{ t: 'text', text: 'em' }] }]],
    ['a\\*b', [{ t: 'text', text: 'a*b' }]],
    [
      'see https://qemu.org.',
      [
        { t: 'text', text: 'see ' },
        { t: 'link', url: 'https://qemu.org', text: 'https://qemu.org' },
        { t: 'text', text: '.' },
      ],
    ],
    ['x*y*z', [{ t: 'text', text: 'x*y*z' }]],
    ['user@example', [{ t: 'text', text: 'user@example' }]],
  ])('%s', (given, want) => {
    expect(parseInline(given)).toEqual(want);
  });

  it('accepts only http(s) and mailto URLs', () => {
    expect(safeUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<script>')).toBeNull();
  });
});

describe('blocks', () => {
  it('parses lists, literal blocks, notes and headings', () => {
    const blocks = parseRst(
      [
        '********',
        'Title',
        '********',
        '',
        'Intro with a literal::',
        '',
        '    code here',
        '',
        '- one',
        '- two',
        '  continued',
        '',
        '1. first',
        '2. second',
        '',
        '.. note:: Be careful',
        '   with this.',
        '',
        '.. admonition:: Notes',
        '',
        '   Several.',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.t)).toEqual([
      'heading',
      'para',
      'literal',
      'bullets',
      'enum',
      'admonition',
      'admonition',
    ]);
    expect(blocks[2]).toEqual({ t: 'literal', text: 'code here' });
    expect(blocks[3]).toMatchObject({
      t: 'bullets',
      items: [[{ t: 'para' }], [{ t: 'para', children: [{ t: 'text', text: 'two\ncontinued' }] }]],
    });
  });

  it('lines up a hanging-indented member description', () => {
    expect(parseRst('The new device migration state that is about to be\n    changed.')).toEqual([
      { t: 'para', children: [{ t: 'text', text: 'The new device migration state that is about to be\nchanged.' }] },
    ]);
  });

  it('reads a simple table', () => {
    const [table] = parseRst('=====  =====\nA      B\n=====  =====\nx      y\n=====  =====');
    expect(table).toEqual({
      t: 'table',
      header: [[{ t: 'text', text: 'A' }], [{ t: 'text', text: 'B' }]],
      rows: [[[{ t: 'text', text: 'x' }], [{ t: 'text', text: 'y' }]]],
    });
  });

  it('marks where each qmp-example directive is, nested ones too', () => {
    const text =
      'Intro.\n\n.. qmp-example::\n   :title: Eject\n\n   -> { "execute": "eject" }\n\n' +
      '.. note:: Careful.\n\n   .. qmp-example::\n\n      <- { "return": {} }\n';
    const blocks = parseRst(text);
    expect(blocks[1]).toEqual({ t: 'qmp-example', at: 2, source: ':title: Eject\n\n-> { "execute": "eject" }' });
    expect(blocks[2]).toMatchObject({
      t: 'admonition',
      kind: 'note',
      blocks: [{ t: 'para' }, { t: 'qmp-example', at: 9 }],
    });
  });
});

describe('HTML', () => {
  it('links cross-references that resolve and leaves the rest as code', () => {
    const out = html('See `Foo`, :qapi:event:`BAR_EVENT` and `Nope`.');
    expect(out).toContain('<a class="xref" href="/types/Foo/"><code>Foo</code></a>');
    expect(out).toContain('<a class="xref" href="/events/BAR_EVENT/"><code>BAR_EVENT</code></a>');
    expect(out).toContain('<code>Nope</code>');
  });

  it('renders <script> and javascript: links in schema text inert', () => {
    const out = html(
      [
        'Hello <script>alert(1)</script> & <img src=x onerror=alert(2)>',
        '',
        '`click <javascript:alert(3)>`_ and `ok <https://qemu.org>`_',
        '',
        '.. admonition:: <b>bold</b>',
        '',
        '   ``<iframe>``',
      ].join('\n'),
    );
    expect(out).not.toMatch(/<script|<img|<iframe|<b>/i);
    expect(out).not.toMatch(/href="javascript:/i);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('click');
    expect(out).toContain('<a href="https://qemu.org" rel="noopener noreferrer">ok</a>');
    expect(out).toContain('<code>&lt;iframe&gt;</code>');
  });
});

describe('snippets (plainText)', () => {
  it('keeps the prose and drops directives with their indented bodies', () => {
    const text =
      'Emitted when the machine stops.\n\n.. note:: The event carries no data.  Use `query-status`\n   to learn why.\n\nSee @reason for ``details``.';
    expect(plainText(text)).toBe('Emitted when the machine stops. See reason for details.');
  });

  it('cuts long text at a word, with an ellipsis', () => {
    expect(plainText('alpha beta gamma delta', 12)).toBe('alpha beta…');
  });
});
