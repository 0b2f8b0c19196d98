/** @jsxImportSource @/lib/site/html */
// What a page of an introspected schema (a running QEMU's query-qmp-schema)
// can and cannot say: its wire shape is that QEMU's own, exactly; its doc
// text, if any, is borrowed from a source tree of the same or the nearest
// older release (lib/site/borrow-docs.ts), with a link to the tree's page of
// the same name, and only where the wire is unchanged: the note says so, and
// how many members, values or branches are new or changed (marked in the
// tables, without documentation) or gone.
import type { Entity } from '@/lib/qapi/model';
import type { BorrowedFrom, SiteSchema } from '@/lib/site/site-schema';
import { definitionPath, withBase } from '@/lib/site/href';
import { kindLabel } from '@/lib/site/format';
import { introspectionTitle } from '@/lib/site/introspection-label';
import { NO_DOC_IN_BUILD } from './BuildMark';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function Borrowed({ from, e, build }: { from: BorrowedFrom; e: Entity; build: string }) {
  const d = from.differences.get(e.name) ?? { marked: 0, gone: 0 };
  const link = (
    <a href={withBase(definitionPath(from.prefix, e.meta, e.name))}>
      <code>{e.name}</code> in {from.label}
    </a>
  );
  if (d.marked === 0 && d.gone === 0) {
    return (
      <p className="borrowed-docs">
        Documentation from {from.label} ({link}); unchanged on the wire in {build}.
      </p>
    );
  }
  const what = from.older ? `new or changed since ${from.label}` : `not in ${from.label} or different there`;
  const marked = d.marked
    ? ` ${plural(d.marked, 'member, value or branch is', 'members, values or branches are')} ${what}, marked below: no documentation is available for ${d.marked === 1 ? 'it' : 'them'} in this build.`
    : '';
  const gone = d.gone
    ? ` ${plural(d.gone, 'member, value or branch', 'members, values or branches')} of ${from.label} ${d.gone === 1 ? 'is' : 'are'} gone.`
    : '';
  return (
    <p className="borrowed-docs">
      Documentation from {from.label} ({link}) for what is unchanged on the wire in {build}.{marked}
      {gone}
    </p>
  );
}

export function IntrospectionNote({ site, e }: { site: SiteSchema; e: Entity }) {
  const origin = site.model.origin;
  if (origin?.kind !== 'introspection') return null;
  const qemu = introspectionTitle(origin).replace(/, introspected$/, '');
  const from = site.docsFrom;
  const kind = kindLabel(e.meta).toLowerCase();
  return (
    <aside className="pip introspection-note" aria-label="Where this page comes from">
      <p>
        The wire shape of this {kind} as {qemu} describes itself (<code>query-qmp-schema</code>); QEMU does not name its
        types there, so they are shown by their shape.
      </p>
      {!from ? (
        <p className="borrowed-docs">
          No documentation: an introspection carries none, and this site has no source tree of the same or an older
          release.
        </p>
      ) : from.missing.has(e.name) ? (
        <p className="borrowed-docs">
          {from.older ? `New since ${from.label}` : `Not in ${from.label}`}: the {from.label} source tree has no such{' '}
          {kind}. {NO_DOC_IN_BUILD}
        </p>
      ) : from.definitions.has(e.name) ? (
        <Borrowed from={from} e={e} build={site.label} />
      ) : (
        <p className="borrowed-docs">
          The {from.label} source tree has no documentation of this {kind}.
        </p>
      )}
    </aside>
  );
}
