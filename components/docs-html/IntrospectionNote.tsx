/** @jsxImportSource @/lib/site/html */
// What a page of an introspected schema (a running QEMU's query-qmp-schema)
// can and cannot say: its wire shape is that QEMU's own, exactly; its doc
// text, if any, is borrowed from a source tree of the same release and marked
// so, with a link to the tree's page of the same name.
import type { Entity } from '@/lib/qapi/model';
import type { SiteSchema } from '@/lib/site/site-schema';
import { definitionPath, withBase } from '@/lib/site/href';
import { kindLabel } from '@/lib/site/format';
import { introspectionTitle } from '@/lib/site/introspection-label';

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
      {from && from.definitions.has(e.name) ? (
        <p className="borrowed-docs">
          Documentation from the {from.label} source tree (
          <a href={withBase(definitionPath(from.prefix, e.meta, e.name))}>
            <code>{e.name}</code> in {from.label}
          </a>
          ), borrowed by name: it may differ from this build.
        </p>
      ) : from ? (
        <p className="borrowed-docs">
          The {from.label} source tree has no documentation of this {kind}.
        </p>
      ) : (
        <p className="borrowed-docs">
          No documentation: an introspection carries none, and this site has no source tree of the same release.
        </p>
      )}
    </aside>
  );
}
