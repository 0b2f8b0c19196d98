// A schema root of a tree, before or after the patch, parsed and checked by
// the base release's rules (lib/qapi, exactly as that QEMU's generator): the
// checked schema (for its pragmas), its plain model, and which files it read;
// or QEMU's error, placed on the patch line it came from. Files are read
// through the tree by their normalised path from the tree's top; a name that
// leaves the tree is never read (an include of '../../x' fails as missing).
import { QapiError } from '../qapi/error';
import { loadSchema, type SchemaHost } from '../qapi/load';
import type { SchemaModel } from '../qapi/model';
import { joinIncludePath, normalizePath } from '../qapi/paths';
import type { ReleaseRules } from '../qapi/releases';
import type { QAPISchemaPragma } from '../qapi/source';
import { toModel } from '../qapi/to-model';
import type { LineOrigin } from './apply';
import type { QapiErrorInfo, ReviewTree } from './types';
import { unsafePath } from './patch';

export interface LoadedRoot {
  model: SchemaModel;
  pragma: QAPISchemaPragma | null;
  /** every file it read, as paths from the tree's top */
  files: Set<string>;
}

/** A path of the schema (as QEMU spells it: 'storage-daemon/qapi/../../qapi/x.json') from the tree's top. */
export const treePathOf = (name: string): string => normalizePath(name);

export function loadRoot(
  tree: ReviewTree,
  root: string,
  overlay?: Map<string, string | null>,
  rules: ReleaseRules = tree.rules,
): { ok: LoadedRoot } | { error: QapiError } {
  const files = new Set<string>();
  const host: SchemaHost = {
    readFile(name) {
      const path = treePathOf(name);
      const text = unsafePath(path) ? null : overlay?.has(path) ? overlay.get(path)! : tree.read(path);
      if (text === null) throw Object.assign(new Error('No such file or directory'), { code: 'ENOENT' });
      files.add(path);
      return text;
    },
    resolve: joinIncludePath,
  };
  try {
    const schema = loadSchema(root, host, rules);
    const info = schema.entityList.find((e) => e.info)?.info;
    return { ok: { model: toModel(schema), pragma: info?.pragma ?? null, files } };
  } catch (err) {
    if (err instanceof QapiError) return { error: err };
    throw err;
  }
}

/** QEMU's error with the patch line it came from (the patch shows that line: added, or as context). */
export function qapiErrorInfo(err: QapiError, root: string, origins: Map<string, LineOrigin[]>): QapiErrorInfo {
  const file = err.file === null ? null : treePathOf(err.file);
  const line = err.line;
  const origin = file !== null && line !== null ? origins.get(file)?.[line - 1] : undefined;
  return { text: String(err), root, file, line, col: err.col, patchLine: origin?.patchLine ?? null };
}
