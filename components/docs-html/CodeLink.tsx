/** @jsxImportSource @/lib/site/html */
// A name in <code>, linked when it has somewhere to go: the one shape of the
// doc pages' anchors, cross-references and "see the type" links.
import type { Child } from '@/lib/site/html/jsx-runtime';
import type { SiteSchema } from '@/lib/site/site-schema';
import { typeHref } from '@/lib/site/site-links';
import { withBase } from '@/lib/site/href';

export function CodeLink({
  href,
  className,
  title,
  children,
}: {
  href?: string;
  className?: string;
  title?: string;
  children: Child;
}) {
  const code = <code>{children}</code>;
  return href ? (
    <a className={className} href={href} title={title}>
      {code}
    </a>
  ) : (
    code
  );
}

/** A type's name, linked to its page when it has one. */
export function TypeNameLink({ site, name }: { site: SiteSchema; name: string }) {
  const href = typeHref(site, name);
  return <CodeLink href={href ? withBase(href) : undefined}>{name}</CodeLink>;
}
