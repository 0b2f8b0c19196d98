/** @jsxImportSource @/lib/site/html */
// A type name as a page shows it: arrays as [Elem], builtins by their JSON
// name with the QAPI name as a hint, user types as links to their pages,
// types whose names QEMU masked (introspection) by their shape.
import type { SiteSchema } from '@/lib/site/site-schema';
import { typeHref } from '@/lib/site/site-links';
import { definitionPath, withBase } from '@/lib/site/href';
import { isMaskedType, shapeLabel } from '@/lib/site/masked-types';
import type { Child } from '@/lib/site/html/jsx-runtime';

/** A name with a line break allowed before each inner capital (Blockdev|Detect|Zeroes|Options). */
function atWords(name: string): Child {
  return name.split(/(?<=[a-z0-9])(?=[A-Z])/).map((word, i) => (i > 0 ? [<wbr />, word] : word));
}

/** breakable: the name may wrap at its words (a member table's narrow type column). */
export function TypeRef({ site, name, breakable = false }: { site: SiteSchema; name: string; breakable?: boolean }) {
  const t = site.index.get(name);
  if (t?.meta === 'array') {
    return (
      <span className="type-ref array">
        [<TypeRef site={site} name={t.elementType} breakable={breakable} />]
      </span>
    );
  }
  if (isMaskedType(site, name)) {
    const label = shapeLabel(site.index, name);
    // the tree that lent the docs has the type under its name: a link there, never the masked name
    const treeName = site.docsFrom?.typeNames.get(name);
    if (!treeName) {
      return (
        <code className="type-ref masked" title="QEMU does not name this type: shown by its shape">
          {label}
        </code>
      );
    }
    const title = `QEMU does not name this type; it mirrors ${treeName} of the ${site.docsFrom!.label} source tree`;
    const href = withBase(definitionPath(site.docsFrom!.prefix, 'struct', treeName));
    return (
      <a className="type-ref masked" href={href} title={title}>
        <code className="type-ref masked">{label}</code>
      </a>
    );
  }
  const href = typeHref(site, name);
  const label = t?.meta === 'builtin' ? t.jsonType : name;
  const title = t?.meta === 'builtin' && t.jsonType !== name ? `QAPI built-in '${name}'` : undefined;
  const text = breakable ? atWords(label) : label;
  if (!href) return <code className="type-ref">{text}</code>;
  return (
    <a className={`type-ref ${t?.meta ?? ''}`} href={withBase(href)} title={title}>
      <code>{text}</code>
    </a>
  );
}
