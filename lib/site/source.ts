// The one place the site reads schema trees (Node-only, build time); a
// version may also name a query-qmp-schema reply (lib/qapi/root.ts).
// Receives the build environment (QAPI_VERSIONS / QAPI_SCHEMA / the config
// file / content/); guarantees each tree is parsed and checked once per build
// process and shared by every page of that process. A broken schema fails the
// build with QEMU's own error text.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isIntrospectionFile, loadRootModelFromDisk, releaseOfRoot, rootFileOf } from '../qapi/node';
import { cachedDiffs, cachedModel } from './model-cache';
import {
  labelForPath,
  labelProblem,
  resolveReviewSample,
  resolveVersions,
  uniqueLabels,
  type VersionConfig,
} from './config';
import { buildSiteSchema, hasPage, type BorrowedFrom, type SiteSchema } from './site-schema';
import { MAX_SEGMENT, nameSegment, versionPrefix } from './href';
import { escapeForTerminal } from '../qapi/escape';
import type { SchemaModel } from '../qapi/model';
import { findQemuVersion, releaseOrder } from '../qapi/version';
import { borrowDocs, docsTreeFor } from './borrow-docs';
import { introspectionLabel } from './introspection-label';
import { assembleSiteHistory, computeSiteDiffs, type SiteHistory } from './site-history';

export const CONFIG_FILE = 'qapi-explorer.config.json';

export interface SiteVersion extends VersionConfig {
  /** absolute path of the root schema file */
  rootFile: string;
  /** '' for the default version, '/v/<label>' otherwise */
  prefix: string;
}

let versions: SiteVersion[] | null = null;
const schemas = new Map<string, SiteSchema>();

function projectRoot(): string {
  return process.env.QAPI_PROJECT_ROOT ?? process.cwd();
}

export function getVersions(): SiteVersion[] {
  if (versions) return versions;
  const root = projectRoot();
  const configPath = path.join(root, CONFIG_FILE);
  const configText = existsSync(configPath) ? readFileSync(configPath, 'utf8') : null;
  const resolved = uniqueLabels(
    resolveVersions(process.env, configText).map((v) => {
      // a folder stands for its tree's root, as on the command line
      const rootFile = rootFileOf(path.resolve(root, v.schema));
      return { ...labelFromContent(v, rootFile), rootFile };
    }),
  );
  for (const v of resolved) {
    const problem = labelProblem(v.label);
    if (problem)
      throw new Error(`version label '${v.label}' (${v.schema}): ${problem}; give the version another label`);
  }
  versions = resolved.map((v) => ({ ...v, prefix: versionPrefix(v.label, v.isDefault) }));
  return versions;
}

/** A label not given is made from the root file (a folder's tree: '10.2.2'); a dump is named after the QEMU in it ('10.0.0-x86_64'). */
function labelFromContent(v: VersionConfig, rootFile: string): VersionConfig {
  if (!v.labelFromPath) return v;
  if (!isIntrospectionFile(rootFile)) return { ...v, label: labelForPath(rootFile) };
  const origin = modelOf(rootFile).origin;
  const label = origin?.kind === 'introspection' ? introspectionLabel(origin) : null;
  return label ? { ...v, label } : v;
}

const models = new Map<string, SchemaModel>();

function modelOf(rootFile: string): SchemaModel {
  let model = models.get(rootFile);
  if (!model) {
    const options = releaseOfRoot(rootFile).rules;
    model = cachedModel(projectRoot(), rootFile, options, () => loadRootModelFromDisk(rootFile, options));
    models.set(rootFile, model);
  }
  return model;
}

/**
 * An introspection's doc text, from the site's source tree of the same
 * release, else of the nearest older one (borrow-docs.ts docsTreeFor).
 */
function borrowedDocs(model: SchemaModel): { model: SchemaModel; docsFrom?: BorrowedFrom } {
  const origin = model.origin;
  if (origin?.kind !== 'introspection') return { model };
  const trees = getVersions().filter((v) => modelOf(v.rootFile).origin?.kind !== 'introspection');
  const chosen = docsTreeFor(origin.qemuVersion, trees);
  if (!chosen) return { model };
  const v = trees[chosen.index]!;
  const { model: described, ...borrowed } = borrowDocs(model, modelOf(v.rootFile));
  return { model: described, docsFrom: { ...borrowed, label: v.label, prefix: v.prefix, older: chosen.older } };
}

export function defaultVersion(): SiteVersion {
  return getVersions().find((v) => v.isDefault)!;
}

/** A version's model, loaded once per build (a schema error throws QEMU's QapiError) and cached for the build's workers. */
export function loadVersionModel(version: SiteVersion): SchemaModel {
  return modelOf(version.rootFile);
}

/**
 * The versions as the switcher and the validator's select list them: newest
 * release first (11.1.3, 10.2.2+seed, 10.2.2, 10.0.13 …), labels without a
 * version number after them in their configured order.
 */
export function versionsNewestFirst(): SiteVersion[] {
  const all = getVersions();
  const order = releaseOrder(all.map((v) => v.label));
  const numbered = order.filter((i) => findQemuVersion(all[i]!.label)).reverse();
  const others = order.filter((i) => !findQemuVersion(all[i]!.label));
  return [...numbered, ...others].map((i) => all[i]!);
}

/** Versions served under /v/<label>/ (all but the default). */
export function extraVersions(): SiteVersion[] {
  return getVersions().filter((v) => !v.isDefault);
}

export function getSchema(label?: string): SiteSchema | null {
  const version = label === undefined ? defaultVersion() : getVersions().find((v) => v.label === label);
  if (!version) return null;
  let site = schemas.get(version.label);
  if (!site) {
    const { model, docsFrom } = borrowedDocs(modelOf(version.rootFile));
    refuseUnpageableNames(model, version);
    site = buildSiteSchema(model, {
      label: version.label,
      prefix: version.prefix,
      rootDir: model.origin?.kind === 'introspection' ? '' : path.basename(path.dirname(version.rootFile)),
      ...(docsFrom ? { docsFrom } : {}),
    });
    schemas.set(version.label, site);
  }
  return site;
}

/** A name whose page's file name the file system would refuse fails the build here, with its name, not in Next's export. */
function refuseUnpageableNames(model: SchemaModel, version: SiteVersion): void {
  for (const e of model.entities) {
    if (!hasPage(e)) continue;
    const length = nameSegment(e.name).length;
    if (length <= MAX_SEGMENT) continue;
    const name = escapeForTerminal(e.name.length > 60 ? `${e.name.slice(0, 60)}…` : e.name);
    throw new Error(
      `version '${version.label}' (${version.schema}): the ${e.meta} '${name}' (${e.name.length} characters) ` +
        `is too long a name for a page of the site: its file name would be ${length} bytes, at most ${MAX_SEGMENT}`,
    );
  }
}

/** The default version's schema (it always exists, or the build fails loudly). */
export function getDefaultSchema(): SiteSchema {
  return getSchema()!;
}

let siteHistory: SiteHistory | null | undefined;

/**
 * What changed across the site's releases (Changes pages, History sections,
 * search filters), computed once per build process; null with a single tree.
 * Next instantiates this module once per route in each worker: the diffs
 * themselves are computed once per build and cached on disk beside the models.
 */
export function getSiteHistory(): SiteHistory | null {
  if (siteHistory !== undefined) return siteHistory;
  const all = getVersions();
  if (all.length < 2) return (siteHistory = null);
  const sites = all.map((v) => getSchema(v.label)!);
  const defaultLabel = defaultVersion().label;
  const trees = all.map((v, i) => ({ rootFile: v.rootFile, model: sites[i].model }));
  const key = ['site-diffs', defaultLabel, all.map((v) => [v.label, v.rootFile, releaseOfRoot(v.rootFile).rules])];
  const diffs = cachedDiffs(projectRoot(), trees, key, () => computeSiteDiffs(sites, defaultLabel));
  siteHistory = assembleSiteHistory(sites, defaultLabel, diffs);
  return siteHistory;
}

/** The /review page's sample patch (lib/site/config.ts resolveReviewSample), absolute; null when none is set. */
export function reviewSampleFile(): string | null {
  const root = projectRoot();
  const configPath = path.join(root, CONFIG_FILE);
  const sample = resolveReviewSample(process.env, existsSync(configPath) ? readFileSync(configPath, 'utf8') : null);
  return sample ? path.resolve(root, sample) : null;
}
