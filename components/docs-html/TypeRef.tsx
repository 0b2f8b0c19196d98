/** @jsxImportSource @/lib/site/html */
// A type name as a page shows it: arrays as [Elem], builtins by their JSON
// name with the QAPI name as a hint, user types as links to their pages,
// types whose names QEMU masked (introspection) by their shape.
import type { SiteSchema } from '@/lib/site/site-schema';
import { typeHref } from '@/lib/site/site-links';
import { withBase } from '@/lib/site/href';
import { isMaskedType, shapeLabel } from '@/lib/site/masked-types';

export function TypeRef({ site, name }: { site: SiteSchema; name: string }) {
  const t = site.index.get(name);
  if (t?.meta === 'array') {
    return (
      <span className="type-ref array">
        [<TypeRef site={site} name={t.elementType} />]
      </span>
    );
  }
  if (isMaskedType(site, name)) {
    return (
      <code className="type-ref masked" title="QEMU does not name this type: shown by its shape">
        {shapeLabel(site.index, name)}
      </code>
    );
  }
  const href = typeHref(site, name);
  const label = t?.meta === 'builtin' ? t.jsonType : name;
  const title = t?.meta === 'builtin' && t.jsonType !== name ? `QAPI built-in '${name}'` : undefined;
  if (!href) return <code className="type-ref">{label}</code>;
  return (
    <a className={`type-ref ${t?.meta ?? ''}`} href={withBase(href)} title={title}>
      <code>{label}</code>
    </a>
  );
}
