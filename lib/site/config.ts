// Which schema trees the site builds, and under which labels.
// Receives the build environment and the optional qapi-explorer.config.json
// text; guarantees a non-empty list of versions with unique URL-safe labels,
// exactly one of them the default (served at the site root, the others under
// /v/<label>/). Pure: the caller reads files and the environment.
//
// Precedence: QAPI_VERSIONS ("label=path,label=path", first is the default),
// then QAPI_SCHEMA (one tree), then the config file, then content/.

export interface VersionConfig {
  /** URL-safe label shown in the version switcher, e.g. '10.2.2' */
  label: string;
  /** root schema file, absolute or relative to the project root */
  schema: string;
  /** served at the site root */
  isDefault: boolean;
  /**
   * The label was made from the path, not given: the loader may name the
   * version better from its content (an introspection: its QEMU version and target).
   */
  labelFromPath?: true;
}

export interface ConfigFile {
  versions?: { label?: string; schema: string; default?: boolean }[];
  schema?: string;
}

export const DEFAULT_SCHEMA = 'content/qapi-schema.json';

/** A label for a tree from its path: '../shared/qemu/10.2.2/qapi/qapi-schema.json' -> '10.2.2'. */
export function labelForPath(schemaPath: string): string {
  const parts = schemaPath.split(/[\\/]+/).filter(Boolean);
  parts.pop(); // the file
  let dir = parts.pop() ?? 'schema';
  if (dir === 'qapi' && parts.length) dir = parts.pop()!;
  return slugLabel(dir);
}

export function slugLabel(text: string): string {
  return text.replace(/[^A-Za-z0-9._+-]+/g, '-').replace(/^-+|-+$/g, '') || 'schema';
}

/** Labels made distinct: the second '10.2.2' becomes '10.2.2-2'. */
export function uniqueNames(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n > 1 ? `${l}-${n}` : l;
  });
}

/**
 * Why a label cannot name a version of the site, or null: '.' and '..' are no
 * path segment of /v/<label>/ (Next's export fails on them, far from the
 * cause), and '..' joins the two labels of a Changes page (/changes/<old>..<new>/).
 */
export function labelProblem(label: string): string | null {
  if (label === '.' || label === '..') return `'${label}' is no URL path segment`;
  if (label.includes('..')) return `'..' separates the labels of a Changes page ('5.2.0..10.2.2')`;
  return null;
}

export function uniqueLabels(versions: VersionConfig[]): VersionConfig[] {
  const labels = uniqueNames(versions.map((v) => v.label));
  return versions.map((v, i) => (labels[i] === v.label ? v : { ...v, label: labels[i]! }));
}

function withOneDefault(versions: VersionConfig[]): VersionConfig[] {
  const first = Math.max(
    0,
    versions.findIndex((v) => v.isDefault),
  );
  return versions.map((v, i) => ({ ...v, isDefault: i === first }));
}

export function parseVersionsSpec(spec: string): VersionConfig[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const eq = item.indexOf('=');
      const schema = eq >= 0 ? item.slice(eq + 1).trim() : item;
      if (eq >= 0) return { label: slugLabel(item.slice(0, eq).trim()), schema, isDefault: false };
      return { label: labelForPath(schema), schema, isDefault: false, labelFromPath: true as const };
    });
}

export function resolveVersions(
  env: Record<string, string | undefined>,
  configFileText: string | null,
): VersionConfig[] {
  let versions: VersionConfig[] = [];
  if (env.QAPI_VERSIONS?.trim()) {
    versions = parseVersionsSpec(env.QAPI_VERSIONS);
  } else if (env.QAPI_SCHEMA?.trim()) {
    const schema = env.QAPI_SCHEMA.trim();
    versions = [{ label: labelForPath(schema), schema, isDefault: true, labelFromPath: true }];
  } else if (configFileText) {
    const file = JSON.parse(configFileText) as ConfigFile;
    if (file.versions?.length) {
      versions = file.versions.map((v) => ({
        label: slugLabel(v.label ?? labelForPath(v.schema)),
        schema: v.schema,
        isDefault: v.default === true,
        ...(v.label === undefined ? { labelFromPath: true as const } : {}),
      }));
    } else if (file.schema) {
      versions = [{ label: labelForPath(file.schema), schema: file.schema, isDefault: true, labelFromPath: true }];
    }
  }
  if (versions.length === 0) versions = [{ label: 'example', schema: DEFAULT_SCHEMA, isDefault: true }];
  return withOneDefault(uniqueLabels(versions));
}
