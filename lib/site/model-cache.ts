// A disk cache of parsed schema models for the build (Node-only).
// next build loads the schema in several worker processes (page data, then
// static generation); each would parse and check the whole tree again. The
// first one stores the model as JSON under .next/cache, keyed by root file and
// options, valid while every module file and every lib/qapi source file keeps
// its size and mtime. Any doubt (missing, stale, unreadable) means a reload.
// The diffs between the site's trees are cached the same way (cachedDiffs):
// every route module of every worker would otherwise diff the trees again.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemaModel } from '../qapi/model';

interface Entry<T> {
  /** '<code>': the stamp of our source; every other key a file the value was read from */
  stamps: Record<string, string>;
  value: T;
}

function stamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function codeStamp(projectRoot: string, folder = 'qapi'): string {
  const dir = path.join(projectRoot, 'lib', folder);
  const parts: string[] = [];
  try {
    for (const f of readdirSync(dir, { recursive: true }) as string[]) {
      if (f.endsWith('.ts')) parts.push(`${f}=${stamp(path.join(dir, f))}`);
    }
  } catch {
    return 'no-source';
  }
  return parts.sort().join(',');
}

function cacheFile(projectRoot: string, prefix: string, keyParts: unknown): string {
  const key = createHash('sha1').update(JSON.stringify(keyParts)).digest('hex').slice(0, 16);
  return path.join(projectRoot, '.next', 'cache', 'qapi-explorer', `${prefix}${key}.json`);
}

function writeEntry(file: string, entry: unknown): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, file);
  } catch {
    // read-only checkout: just no cache
  }
}

/** The files a model was read from, with their stamps. */
function modelStamps(rootFile: string, model: SchemaModel): Record<string, string> {
  const rootDir = path.dirname(rootFile);
  const stamps: Record<string, string> = { [rootFile]: stamp(rootFile) };
  for (const m of model.modules)
    if (!m.name.startsWith('./')) stamps[path.resolve(rootDir, m.name)] = stamp(path.resolve(rootDir, m.name));
  return stamps;
}

/**
 * `compute()`, stored in `file` with the stamps of `code` and of the files the
 * value was read from (`sources`), and read back while none of them changed.
 */
function cached<T>(file: string, code: string, compute: () => T, sources: (value: T) => Record<string, string>): T {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry<T>;
    const fresh =
      entry.stamps['<code>'] === code &&
      Object.entries(entry.stamps).every(([f, s]) => f === '<code>' || stamp(f) === s);
    if (fresh) return entry.value;
  } catch {
    // no usable cache entry
  }
  const value = compute();
  writeEntry(file, { stamps: { '<code>': code, ...sources(value) }, value });
  return value;
}

/**
 * The diffs between several trees (`trees`: each root file and the model read
 * from it), computed by `compute` or read back while every schema file and
 * every lib/qapi and lib/diff source file is unchanged.
 */
export function cachedDiffs<T>(
  projectRoot: string,
  trees: { rootFile: string; model: SchemaModel }[],
  keyParts: unknown,
  compute: () => T,
): T {
  if (process.env.QAPI_MODEL_CACHE === '0') return compute();
  const code = `${codeStamp(projectRoot)};${codeStamp(projectRoot, 'diff')}`;
  return cached(cacheFile(projectRoot, 'diffs-', keyParts), code, compute, () =>
    Object.assign({}, ...trees.map((t) => modelStamps(t.rootFile, t.model))),
  );
}

export function cachedModel(
  projectRoot: string,
  rootFile: string,
  options: object,
  load: () => SchemaModel,
): SchemaModel {
  if (process.env.QAPI_MODEL_CACHE === '0') return load();
  return cached(cacheFile(projectRoot, 'model-', [rootFile, options]), codeStamp(projectRoot), load, (model) =>
    modelStamps(rootFile, model),
  );
}
