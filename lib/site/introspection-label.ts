// How the site names an introspected schema (a running QEMU's query-qmp-schema
// reply). Receives its origin; guarantees a title for its module ("QEMU 10.0.0
// (x86_64), introspected") and a URL-safe version label ("10.0.0-x86_64"),
// each saying only what the dump said (version and target may be absent);
// and the label of any root, tree or introspection, for the site and the CLI.
import type { SchemaModel, SchemaOrigin } from '../qapi/model';
import { labelForPath, slugLabel } from './config';

type Introspection = Extract<SchemaOrigin, { kind: 'introspection' }>;

export function introspectionTitle(origin: Introspection): string {
  const qemu = origin.qemuVersion ? `QEMU ${origin.qemuVersion}` : 'QEMU';
  return `${qemu}${origin.target ? ` (${origin.target})` : ''}, introspected`;
}

/** '10.0.0-x86_64', '10.0.0', 'x86_64', or null when the dump names neither. */
export function introspectionLabel(origin: Introspection): string | null {
  const parts = [origin.qemuVersion, origin.target].filter((p): p is string => !!p);
  return parts.length ? slugLabel(parts.join('-')) : null;
}

/** The label a schema root gets: an introspection's version and target, else its tree's release directory. */
export function rootLabel(rootFile: string, model: SchemaModel): string {
  const origin = model.origin;
  return (origin?.kind === 'introspection' ? introspectionLabel(origin) : null) ?? labelForPath(rootFile);
}
