// Every URL of the site is built here: the path scheme (version prefix,
// sections, anchors), the base path, and the validator's fragment. Callers
// pass the version prefix of the tree they render ('' or '/v/<label>') and get
// a path without base path ("site path"); withBase() adds the configured
// BASE_PATH. Browser-safe: type imports only, so the validator bundle can use
// definitionPath for its links.
import type { Entity } from '../qapi/model';
import { normaliseBasePath } from './base-path.mjs';

/** BASE_PATH without a trailing slash ('' or '/docs'). Read at build time. */
export function basePath(): string {
  return normaliseBasePath(process.env.BASE_PATH);
}

export function withBase(sitePath: string): string {
  return basePath() + sitePath;
}

/** Where a version's pages live: the default at the root, the others under /v/<label>. */
export function versionPrefix(label: string, isDefault: boolean): string {
  return isDefault ? '' : `/v/${label}`;
}

const anchor = (id: string | undefined): string => (id ? `#${id}` : '');

export function homePath(prefix: string, id?: string): string {
  return `${prefix}/${anchor(id)}`;
}

/** The A-Z index of all definitions ('#events', '#commands', '#types', '#modules'). */
export function indexPath(prefix: string, id?: string): string {
  return `${prefix}/all/${anchor(id)}`;
}

export function builtinsPath(prefix: string, name?: string): string {
  return `${prefix}/types/builtins/${anchor(name)}`;
}

export function modulePath(prefix: string, slug: string): string {
  return `${prefix}/modules/${slug}/`;
}

/** The page about the QMP envelope (greeting, command, reply, error, event). */
export function protocolPath(prefix: string, id?: string): string {
  return `${prefix}/protocol/${anchor(id)}`;
}

export function searchIndexPath(prefix: string): string {
  return `${prefix}/search-index.json`;
}

/** The compact model the validator page loads for a version. */
export function validatorModelPath(prefix: string): string {
  return `${prefix}/validate/model.json`;
}

/**
 * The Changes pages: their index, or one pair's page ('10.0.13..10.2.2').
 * They compare trees, so they belong to none: no version prefix.
 */
export function changesPath(slug?: string, id?: string): string {
  return `/changes/${slug ? `${slug}/` : ''}${anchor(id)}`;
}

/** A version's whole model (wire and docs) for the pairs of releases the Changes pages compute in the browser. */
export function changesModelPath(prefix: string): string {
  return `${prefix}/changes-model.json`;
}

/** Route section of a definition page. */
export type Section = 'events' | 'commands' | 'types';

export function sectionOf(meta: Entity['meta']): Section {
  return meta === 'event' ? 'events' : meta === 'command' ? 'commands' : 'types';
}

/**
 * The page of a definition (builtins: their anchor on the builtins page).
 * Whether the name has a page at all is the caller's question (site-schema hasPage).
 */
export function definitionPath(prefix: string, meta: Entity['meta'], name: string): string {
  if (meta === 'builtin') return builtinsPath(prefix, name);
  return `${prefix}/${sectionOf(meta)}/${name}/`;
}

/**
 * The expansion of a type as an HTML fragment (its members, values or
 * alternatives as a nested table), fetched by a page when a reader opens a
 * member that the page did not inline (components/site/expand.ts).
 */
export function expansionPath(prefix: string, name: string): string {
  return `${prefix}/types/${name}/expand.html`;
}

/** A member's or enum value's anchor on its definition's page. */
export function memberPath(prefix: string, meta: Entity['meta'], name: string, id: string): string {
  return definitionPath(prefix, meta, name) + anchor(id);
}

/**
 * The validator page, optionally prefilled:
 *   /validate/#example=<transcript>&version=<label>
 * (read back by lib/site/validator-share.ts readFragment). A fragment, not a
 * query: it never reaches the static server (no URL length limits there) and
 * works on a static export without server-side routing.
 */
export function validatorPath(prefill?: { versionLabel: string; transcript: string }): string {
  if (!prefill) return '/validate/';
  const params = new URLSearchParams({ example: prefill.transcript, version: prefill.versionLabel });
  return `/validate/#${params.toString()}`;
}

/** The validator page with a version's schema selected ('' = the default): its `?version=` option. */
export function validatorVersionPath(label: string): string {
  return label ? `/validate/?${new URLSearchParams({ version: label }).toString()}` : '/validate/';
}
