/** @jsxImportSource @/lib/site/html */
// On a page of an introspected build whose doc text is borrowed from a source
// tree (lib/site/borrow-docs.ts): the mark of a member, enum value, branch or
// alternative the tree does not have at that place ("new since 10.2.2") or has
// with another shape ("changed since 10.2.2"), and the plain statement that
// no documentation is available for it in this build; an expander holding
// one opens at once.
import type { Entity } from '@/lib/qapi/model';
import { markedTypeKey, markKey, type BuildMark, type ItemKind } from '@/lib/site/borrow-docs';
import type { BorrowedFrom, SiteSchema } from '@/lib/site/site-schema';
import type { DocContext } from './Rst';

/**
 * The mark of an item of `type` where the page shows it (reached through the
 * page's command or event; on a type's fragment, through any), if its doc text
 * could not be borrowed there.
 */
export function buildMarkOf(ctx: DocContext, type: string, kind: ItemKind, name: string): BuildMark | undefined {
  return ctx.site.docsFrom?.marks.get(markKey(rootOf(ctx), type, kind, name));
}

/** The command or event a page shows things through ('' on a type's fragment). */
function rootOf(ctx: DocContext): string {
  const e = ctx.entity;
  return e && (e.meta === 'command' || e.meta === 'event') ? e.name : '';
}

/** Whether the expansion of a type holds a mark (its own items, or its union branches' members): it opens at once. */
export function holdsBuildMark(ctx: DocContext, type: Entity): boolean {
  const marked = ctx.site.docsFrom?.markedTypes;
  if (!marked) return false;
  const root = rootOf(ctx);
  const types = [type.name, ...(type.meta === 'union' ? type.branches.map((b) => b.type) : [])];
  return types.some((t) => marked.has(markedTypeKey(root, t)));
}

/** 'new since 10.2.2' (an older tree) or 'not in 10.0.13' (the same release's tree). */
export function markText(from: BorrowedFrom, mark: BuildMark): string {
  if (mark === 'new') return from.older ? `new since ${from.label}` : `not in ${from.label}`;
  return from.older ? `changed since ${from.label}` : `differs from ${from.label}`;
}

export function BuildMarkBadge({ site, mark }: { site: SiteSchema; mark: BuildMark | undefined }) {
  if (!mark || !site.docsFrom) return null;
  return <span className={`req build-mark build-${mark}`}>{markText(site.docsFrom, mark)}</span>;
}

export const NO_DOC_IN_BUILD = 'No documentation is available for it in this build.';

export function NoDocInBuild() {
  return <span className="undocumented">{NO_DOC_IN_BUILD}</span>;
}
