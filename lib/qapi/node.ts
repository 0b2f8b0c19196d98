// The Node-only loader: a SchemaHost over node:fs. Nothing else in lib/qapi
// touches the file system, so the core also runs in the browser. Every read
// is capped, so a root or an include naming /dev/zero or a huge file ends in
// a schema error naming the cap instead of unbounded memory.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { SchemaModel } from './model';
import type { QapiOptions } from './options';
import { optionsForTree } from './options';
import { loadModel, loadSchema } from './load';
import { joinIncludePath, type SchemaHost } from './parser';
import { NOT_A_REGULAR_FILE } from './parser-directives';
import { loadRootModel, loadSchemaRoot, type SchemaRoot } from './root';
import type { QAPISchema } from './schema/index';

const MiB = 1024 * 1024;
/** The root file: a tree's qapi-schema.json, or an introspection dump (QEMU's own is about 1 MiB). */
export const MAX_SCHEMA_FILE_BYTES = 32 * MiB;
/** Each file a tree includes (QEMU's largest module is about 0.25 MiB). */
export const MAX_INCLUDE_BYTES = 8 * MiB;

/**
 * Read at most `cap` bytes of a file as UTF-8; throws (with a Node error code, or naming the cap).
 * `regularOnly`: anything but a regular file is refused, and opening never waits (a FIFO without a writer
 * would block the open forever, a device never end).
 */
export function readFileCapped(path: string, cap: number, what: string, regularOnly = false): string {
  const tooLarge = (): Error => new Error(`larger than ${cap / MiB} MiB, the cap on ${what}`);
  const fd = openSync(path, regularOnly ? constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) : 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (regularOnly && !stat.isFile()) throw new Error(NOT_A_REGULAR_FILE);
    if (stat.isFile() && stat.size > cap) throw tooLarge();
    // one spare byte shows a file that grew; devices and pipes report no size: the buffer grows up to the cap
    let buf = Buffer.allocUnsafe(Math.min(stat.isFile() ? stat.size + 1 : 64 * 1024, cap + 1));
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (total > cap) throw tooLarge();
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, cap + 1));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
    }
    if (total > cap) throw tooLarge();
    return buf.toString('utf8', 0, total);
  } finally {
    closeSync(fd);
  }
}

/** Included files: regular files only, each capped at MAX_INCLUDE_BYTES. */
export const nodeHost: SchemaHost = {
  readFile: (path) => readFileCapped(path, MAX_INCLUDE_BYTES, 'an included schema file', true),
  resolve: joinIncludePath,
};

/** nodeHost, but the root itself may be as large as MAX_SCHEMA_FILE_BYTES. */
function diskHost(rootFile: string): SchemaHost {
  return {
    readFile: (path) =>
      path === rootFile ? readFileCapped(path, MAX_SCHEMA_FILE_BYTES, 'a schema file') : nodeHost.readFile(path),
    resolve: joinIncludePath,
  };
}

/** Load a tree from disk; options default to those of the QEMU version named in the path. */
export function loadSchemaFromDisk(rootFile: string, options?: Partial<QapiOptions>): QAPISchema {
  return loadSchema(rootFile, diskHost(rootFile), options ?? optionsForTree(rootFile));
}

export function loadModelFromDisk(rootFile: string, options?: Partial<QapiOptions>): SchemaModel {
  return loadModel(rootFile, diskHost(rootFile), options ?? optionsForTree(rootFile));
}

/** A schema root from disk: a tree's root file or a query-qmp-schema reply / dump, told apart by content. */
export function loadSchemaRootFromDisk(rootFile: string, options?: Partial<QapiOptions>): SchemaRoot {
  return loadSchemaRoot(rootFile, diskHost(rootFile), options ?? optionsForTree(rootFile));
}

/** The model of a schema root from disk (tree or introspection): for `validate`, `diff` and the site. */
export function loadRootModelFromDisk(rootFile: string, options?: Partial<QapiOptions>): SchemaModel {
  return loadRootModel(rootFile, diskHost(rootFile), options ?? optionsForTree(rootFile));
}
