// The Node-only loader: a SchemaHost over node:fs. Nothing else in lib/qapi
// touches the file system, so the core also runs in the browser.
import { readFileSync } from 'node:fs';
import type { SchemaModel } from './model';
import type { QapiOptions } from './options';
import { optionsForTree } from './options';
import { loadModel, loadSchema } from './load';
import { joinIncludePath, type SchemaHost } from './parser';
import type { QAPISchema } from './schema/index';

export const nodeHost: SchemaHost = {
  readFile: (path) => readFileSync(path, 'utf8'),
  resolve: joinIncludePath,
};

/** Load a tree from disk; options default to those of the QEMU version named in the path. */
export function loadSchemaFromDisk(rootFile: string, options?: Partial<QapiOptions>): QAPISchema {
  return loadSchema(rootFile, nodeHost, options ?? optionsForTree(rootFile));
}

export function loadModelFromDisk(rootFile: string, options?: Partial<QapiOptions>): SchemaModel {
  return loadModel(rootFile, nodeHost, options ?? optionsForTree(rootFile));
}
