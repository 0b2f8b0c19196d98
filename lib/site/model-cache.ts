// A disk cache of parsed schema models for the build (Node-only).
// next build loads the schema in several worker processes (page data, then
// static generation); each would parse and check the whole tree again. The
// first one stores the model as JSON under .next/cache, keyed by root file and
// options, valid while every module file and every lib/qapi source file keeps
// its size and mtime. Any doubt (missing, stale, unreadable) means a reload.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemaModel } from '../qapi/model';

interface Entry {
  stamps: Record<string, string>;
  model: SchemaModel;
}

function stamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function codeStamp(projectRoot: string): string {
  const dir = path.join(projectRoot, 'lib', 'qapi');
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

export function cachedModel(projectRoot: string, rootFile: string, options: object, load: () => SchemaModel): SchemaModel {
  if (process.env.QAPI_MODEL_CACHE === '0') return load();
  const key = createHash('sha1').update(JSON.stringify([rootFile, options])).digest('hex').slice(0, 16);
  const dir = path.join(projectRoot, '.next', 'cache', 'qapi-explorer');
  const file = path.join(dir, `${key}.json`);
  const code = codeStamp(projectRoot);
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    const fresh = entry.stamps['<code>'] === code && Object.entries(entry.stamps).every(([f, s]) => f === '<code>' || stamp(f) === s);
    if (fresh) return entry.model;
  } catch {
    // no usable cache entry
  }
  const model = load();
  const rootDir = path.dirname(rootFile);
  const stamps: Record<string, string> = { '<code>': code, [rootFile]: stamp(rootFile) };
  for (const m of model.modules) if (!m.name.startsWith('./')) stamps[path.resolve(rootDir, m.name)] = stamp(path.resolve(rootDir, m.name));
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ stamps, model }));
    renameSync(tmp, file);
  } catch {
    // read-only checkout: just no cache
  }
  return model;
}
