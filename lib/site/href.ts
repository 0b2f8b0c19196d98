// Every URL of the site is built here: the path scheme (version prefix,
// sections, anchors), the base path, and the validator's fragment. Callers
// pass the version prefix of the tree they render ('' or '/v/<label>') and get
// a path without base path ("site path"); withBase() adds the configured
// BASE_PATH. Browser-safe: type imports only, so the validator bundle can use
// definitionPath for its links.
//
// A dump may name a definition anything ('a/b', 'P%41', '..', a NUL): a name
// is a path segment and a file name of the export only as nameSegment()
// spells it, the same for Next's params, the files it writes and every link,
// so no layer (Next's own escaping and decoding of params, a static server's
// decoding of the URL) can read it as something else. Fragments are
// percent-encoded.
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

const anchor = (id: string | undefined): string => (id ? inPage(id) : '');

/** A link to an element of the same page, by its id (ids hold member names, which may hold any character). */
export function inPage(id: string): string {
  return `#${encodeURIComponent(id)}`;
}

/** Characters a name keeps in its path segment: unreserved in URLs, in file names and in Next's params. */
const SEGMENT_SAFE = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/**
 * A definition's name as a path segment: QEMU's names as they are ('__org.qemu_x-y');
 * any other character (and a leading '.') as '~' and its UTF-16 code unit in
 * four hex digits ('a/b' -> 'a~002Fb', '..' -> '~002E.'). One-to-one, and read back by nameFromSegment.
 */
export function nameSegment(name: string): string {
  if (SEGMENT_SAFE.test(name)) return name;
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    out +=
      /[A-Za-z0-9_-]/.test(c) || (c === '.' && i > 0)
        ? c
        : `~${name.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** The longest nameSegment() the site makes a page for: a file name (at most 255 bytes on Linux), with room to spare. */
export const MAX_SEGMENT = 200;

/** The name a path segment of nameSegment() stands for; null for a segment it never makes. */
export function nameFromSegment(segment: string): string | null {
  const name = segment.replace(/~([0-9A-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return nameSegment(name) === segment ? name : null;
}

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
  return `${prefix}/${sectionOf(meta)}/${nameSegment(name)}/`;
}

/**
 * The expansion of a type as an HTML fragment (its members, values or
 * alternatives as a nested table), fetched by a page when a reader opens a
 * member that the page did not inline (components/site/expand.ts).
 */
export function expansionPath(prefix: string, name: string): string {
  return `${prefix}/types/${nameSegment(name)}/expand.html`;
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

/** The patch review page: one for the site, whichever release a patch is for. */
export function reviewPath(): string {
  return '/review/';
}

/** A file of the review page's data (its index of base trees, a tree's texts, the sample patch). */
export function reviewDataPath(file: string): string {
  return `/review/data/${file}`;
}
