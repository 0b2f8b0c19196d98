// The one place the site reads schema trees (Node-only, build time); a
// version may also name a query-qmp-schema reply (lib/qapi/root.ts).
// Receives the build environment (QAPI_VERSIONS / QAPI_SCHEMA / the config
// file / content/); guarantees each tree is parsed and checked once per build
// process and shared by every page of that process. A broken schema fails the
// build with QEMU's own error text.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRootModelFromDisk } from '../qapi/node';
import { optionsForTree } from '../qapi/options';
import { cachedDiffs, cachedModel } from './model-cache';
import { resolveVersions, type VersionConfig } from './config';
import { buildSiteSchema, type SiteSchema } from './site-schema';
import { versionPrefix } from './href';
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
  versions = resolveVersions(process.env, configText).map((v) => ({
    ...v,
    rootFile: path.resolve(root, v.schema),
    prefix: versionPrefix(v.label, v.isDefault),
  }));
  return versions;
}

export function defaultVersion(): SiteVersion {
  return getVersions().find((v) => v.isDefault)!;
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
    const options = optionsForTree(version.rootFile);
    const model = cachedModel(projectRoot(), version.rootFile, options, () => loadRootModelFromDisk(version.rootFile, options));
    site = buildSiteSchema(model, {
      label: version.label,
      prefix: version.prefix,
      rootDir: path.basename(path.dirname(version.rootFile)),
    });
    schemas.set(version.label, site);
  }
  return site;
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
  const key = ['site-diffs', defaultLabel, all.map((v) => [v.label, v.rootFile, optionsForTree(v.rootFile)])];
  const diffs = cachedDiffs(projectRoot(), trees, key, () => computeSiteDiffs(sites, defaultLabel));
  siteHistory = assembleSiteHistory(sites, defaultLabel, diffs);
  return siteHistory;
}
