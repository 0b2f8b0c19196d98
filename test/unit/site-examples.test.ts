// qmp-examples on the docs pages are joined to the doc model's examples and
// their lint verdicts by source position (file:line of the directive), not by
// the order they are rendered in: an example nested in a note gets its own
// verdict, and every example of QEMU 10.2.2 finds its own.
import { describe, expect, it } from 'vitest';
import { DefinitionPage } from '@/components/docs-html/DefinitionPage';
import { ModulePage } from '@/components/docs-html/ModulePage';
import { lintExamples } from '@/lib/validate/lint-examples';
import { describeWithShared, sharedPath } from '../support/shared';
import { memorySite } from '../support/memory-schema';
import { siteFor } from '../support/render-helpers';

// Our own schema: the second example (inside a note) is invalid, the others valid.
const SCHEMA = `{ 'include': 'events.json' }
`;
const EVENTS = `##
# = Events
##

##
# @PING:
#
# Sent now and then.
#
# @seq: a counter
#
# .. qmp-example::
#
#     <- { "event": "PING", "data": { "seq": 1 },
#          "timestamp": { "seconds": 1, "microseconds": 2 } }
#
# .. note:: The counter wraps.
#
#    .. qmp-example::
#       :title: Wrong type
#
#        <- { "event": "PING", "data": { "seq": "one" },
#             "timestamp": { "seconds": 1, "microseconds": 2 } }
#
# .. qmp-example::
#    :title: After the note
#
#     <- { "event": "PING", "data": { "seq": 2 },
#          "timestamp": { "seconds": 1, "microseconds": 2 } }
##
{ 'event': 'PING', 'data': { 'seq': 'int' } }
`;

const fixtureSite = () => memorySite({ 'qapi-schema.json': SCHEMA, 'events.json': EVENTS });

function badges(html: string): { source: string; status: string }[] {
  return [
    ...html.matchAll(/<figure class="qmp-example" id="[^"]+" data-source="([^"]+)">.*?<span class="lint lint-(\w+)"/gs),
  ].map((m) => ({ source: m[1]!, status: m[2]! }));
}

describe('example badges by source position', () => {
  it('gives an example nested in a note its own verdict', () => {
    const site = fixtureSite();
    const html = DefinitionPage({ site, entity: site.index.get('PING')! }).value;
    expect(badges(html)).toEqual([
      { source: 'events.json:12', status: 'valid' },
      { source: 'events.json:19', status: 'invalid' },
      { source: 'events.json:25', status: 'valid' },
    ]);
    expect(html).toContain('Example: Wrong type');
    expect(html).toContain('Example: After the note');
  });
});

describeWithShared('example badges on every release', () => {
  // 5.2.0 and 7.2.0 write examples as 'Example:' sections, 10.x as qmp-example directives
  it.each(['10.2.2', '10.0.13', '7.2.0', '5.2.0'])(
    '%s: every linted example is shown once, on its definition or module page, with its own verdict',
    (release) => {
      const site = siteFor(sharedPath(`qemu/${release}/qapi/qapi-schema.json`));
      const expected = new Map(lintExamples(site.model).examples.map((v) => [`${v.file}:${v.line}`, v.status]));
      const shown = new Map<string, string>();
      const pages = [
        ...site.model.entities
          .filter((e) => e.doc?.examples.length && !e.implicit)
          .map((e) => DefinitionPage({ site, entity: e })),
        ...site.modules.map((m) => ModulePage({ site, module: m })),
      ];
      for (const page of pages) {
        for (const b of badges(page.value)) {
          expect(shown.has(b.source), b.source).toBe(false);
          shown.set(b.source, b.status);
        }
      }
      const status = { valid: 'valid', invalid: 'invalid', 'not-checkable': 'unchecked' } as const;
      expect(shown.size).toBe(expected.size);
      for (const [source, s] of expected) expect(shown.get(source), source).toBe(status[s]);
    },
  );
});
