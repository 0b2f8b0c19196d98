// "A schema root": the one thing every command and the site accept as a
// schema. Receives a root file name and a SchemaHost; decides by the file's
// content whether it is a QAPI source tree's root (qapi-schema.json) or a
// running QEMU's query-qmp-schema reply (alone, or in a dump or transcript),
// and guarantees the checked tree or the introspected model, or a QapiError
// (QEMU's text for trees, line:col for introspections). Pure.
import { UnreadableRootError } from './error';
import { readIntrospection, looksLikeIntrospection } from './introspect/index';
import { loadSchema } from './load';
import type { SchemaModel } from './model';
import type { QapiOptions } from './options';
import { strerrorOf } from './parser-directives';
import type { SchemaHost } from './parser';
import type { QAPISchema } from './schema/index';
import { toModel } from './to-model';

export type SchemaRoot =
  { kind: 'tree'; root: string; schema: QAPISchema } | { kind: 'introspection'; root: string; model: SchemaModel };

export function loadSchemaRoot(rootFile: string, host: SchemaHost, options?: Partial<QapiOptions>): SchemaRoot {
  let text: string;
  try {
    text = host.readFile(rootFile);
  } catch (err) {
    // QEMU's words for an unreadable root
    throw new UnreadableRootError(rootFile, strerrorOf(err));
  }
  if (looksLikeIntrospection(text))
    return { kind: 'introspection', root: rootFile, model: readIntrospection(text, rootFile) };
  // the root is read once: the parser gets the text already in hand
  const once: SchemaHost = {
    readFile: (p) => (p === rootFile ? text : host.readFile(p)),
    resolve: (f, rel) => host.resolve(f, rel),
  };
  return { kind: 'tree', root: rootFile, schema: loadSchema(rootFile, once, options) };
}

/** The plain model of a root (built from a tree's checked schema on demand). */
export function modelOfRoot(root: SchemaRoot): SchemaModel {
  return root.kind === 'tree' ? toModel(root.schema) : root.model;
}

/** loadSchemaRoot then modelOfRoot: what `validate`, `diff` and the site need. */
export function loadRootModel(rootFile: string, host: SchemaHost, options?: Partial<QapiOptions>): SchemaModel {
  return modelOfRoot(loadSchemaRoot(rootFile, host, options));
}
