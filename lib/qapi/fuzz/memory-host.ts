// A SchemaHost over an in-memory map of files, for the fuzzer and tests.
// Receives file name -> text; guarantees Node-style ENOENT errors for names not
// in the map and QEMU's spelling of include paths (see ../paths.ts).
import type { SchemaHost } from '../parser';
import { joinIncludePath, normalizePath } from '../paths';

export function memoryHost(files: ReadonlyMap<string, string>): SchemaHost {
  const byNormalName = new Map<string, string>();
  for (const [name, text] of files) byNormalName.set(normalizePath(name), text);
  return {
    readFile(path: string): string {
      const text = byNormalName.get(normalizePath(path));
      if (text === undefined) {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      }
      return text;
    },
    resolve: joinIncludePath,
  };
}
