// Entry points of the core: root schema file -> checked schema -> plain model.
// Receives a root path and a SchemaHost (files from disk, a bundle, a test
// map). Guarantees the pipeline QEMU's QAPISchema runs (parse, check_exprs,
// build and check entities, check docs) and that every schema fault surfaces
// as a QapiError carrying QEMU's message.
import { QapiError } from './error';
import { checkExprs } from './expr';
import type { SchemaModel } from './model';
import { resolveOptions, type QapiOptions } from './options';
import { parseSchema, type SchemaHost } from './parser';
import { QAPISchema } from './schema/index';
import { toModel } from './to-model';

export type { SchemaHost } from './parser';

export function loadSchema(rootFile: string, host: SchemaHost, options?: Partial<QapiOptions>): QAPISchema {
  const rules = resolveOptions(options, rootFile);
  const { exprs, docs } = parseSchema(rootFile, host, rules);
  try {
    return new QAPISchema(rootFile, checkExprs(exprs, rules), docs, rules);
  } catch (err) {
    if (err instanceof QapiError) throw err;
    // a fault QEMU would crash on must still be a schema error here
    throw new QapiError(null, `internal error while checking '${rootFile}': ${String(err)}`);
  }
}

export function loadModel(rootFile: string, host: SchemaHost, options?: Partial<QapiOptions>): SchemaModel {
  return toModel(loadSchema(rootFile, host, options));
}
