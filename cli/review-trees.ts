// The trees `review` knows without --base: the source trees of the site's
// configuration (QAPI_VERSIONS, QAPI_SCHEMA, qapi-explorer.config.json, as
// the site reads them), by label. A tree on disk: lib/review/disk-tree.ts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveVersions } from '../lib/site/config';

export const CONFIG_FILE = 'qapi-explorer.config.json';

/** The source trees of the site's configuration, by label (introspection dumps are not trees: left out). */
export function configuredTrees(cwd: string, env: NodeJS.ProcessEnv): Map<string, string> {
  const configPath = path.join(cwd, CONFIG_FILE);
  let configText: string | null = null;
  try {
    configText = existsSync(configPath) ? readFileSync(configPath, 'utf8') : null;
  } catch {
    configText = null;
  }
  const out = new Map<string, string>();
  // nothing configured: the site's fallback (our example schema in content/) is no QEMU tree
  if (configText === null && !env.QAPI_VERSIONS?.trim() && !env.QAPI_SCHEMA?.trim()) return out;
  for (const v of resolveVersions(env, configText)) {
    const file = path.resolve(cwd, v.schema);
    if (path.basename(file) === 'qapi-schema.json') out.set(v.label, file);
  }
  return out;
}
