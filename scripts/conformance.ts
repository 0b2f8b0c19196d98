// QEMU's parser conformance suite, run the way tests/qapi-schema/test-qapi.py
// runs it: each case's schema is loaded by its name relative to the suite's
// directory (so messages read "NAME.json:LINE: ..."); an error case matches
// when our error text equals NAME.err, a valid case when our dump equals
// NAME.out. Prints failing cases with a short diff and, last, the tally.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dumpSchema } from '../lib/qapi/dump';
import { QapiError } from '../lib/qapi/error';
import { loadSchema } from '../lib/qapi/load';
import { joinIncludePath, type SchemaHost } from '../lib/qapi/parser';
import { HOW_TO_GET, sharedPath } from './qemu-data';

export const SUITE_DIR = sharedPath('qemu', '10.2.2', 'tests/qapi-schema');

export interface CaseResult {
  name: string;
  ok: boolean;
  expected: string;
  actual: string;
  /** 'err' when the case expects an error, 'out' when it expects a dump */
  kind: 'err' | 'out';
}

/**
 * The suite's case names: CASES.txt (../shared's copy has one), else what QEMU's
 * own tests/qapi-schema/meson.build lists as `schemas` (a QEMU checkout).
 */
export function listCases(suiteDir = SUITE_DIR): string[] {
  const list = path.join(suiteDir, 'CASES.txt');
  if (existsSync(list)) {
    return readFileSync(list, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  }
  const meson = readFileSync(path.join(suiteDir, 'meson.build'), 'utf8');
  // `schemas = [ 'a.json', ... ]` and later `schemas += [ ... / 'missing-schema.json' ]`
  const lists = [...meson.matchAll(/^schemas \+?= \[([\s\S]*?)\]/gm)].map((m) => m[1]!).join('\n');
  return [...lists.matchAll(/'([\w.-]+)\.json'/g)].map((m) => m[1]!);
}

/** Files are read relative to the suite directory, as test-qapi.py strips that prefix from messages. */
function suiteHost(suiteDir: string): SchemaHost {
  return {
    readFile: (p) => readFileSync(path.resolve(suiteDir, p), 'utf8'),
    resolve: joinIncludePath,
  };
}

function readOptional(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

export function runCase(name: string, suiteDir = SUITE_DIR): CaseResult {
  const expectedErr = readOptional(path.join(suiteDir, `${name}.err`));
  const expectedOut = readOptional(path.join(suiteDir, `${name}.out`));
  let actualErr = '';
  let actualOut = '';
  try {
    actualOut = dumpSchema(loadSchema(`${name}.json`, suiteHost(suiteDir)));
  } catch (err) {
    actualErr = err instanceof QapiError ? String(err) + '\n' : `CRASH: ${(err as Error)?.stack ?? String(err)}\n`;
  }
  const kind = expectedErr ? 'err' : 'out';
  const ok = actualErr === expectedErr && (actualErr ? true : actualOut === expectedOut);
  return {
    name,
    ok,
    kind,
    expected: kind === 'err' ? expectedErr : expectedOut,
    actual: actualErr || actualOut,
  };
}

/** A compact line diff: the first differing lines with a little context. */
export function shortDiff(expected: string, actual: string, maxLines = 8): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  const lines = [`  @@ first difference at line ${first + 1}`];
  for (let i = first; i < Math.min(a.length, first + maxLines); i++) lines.push(`  - ${a[i]}`);
  for (let i = first; i < Math.min(b.length, first + maxLines); i++) lines.push(`  + ${b[i]}`);
  return lines.join('\n');
}

function main(): number {
  if (!existsSync(path.join(SUITE_DIR, 'CASES.txt')) && !existsSync(path.join(SUITE_DIR, 'meson.build'))) {
    console.error(`conformance: no QEMU 10.2.2 suite at ${SUITE_DIR}; ${HOW_TO_GET}`);
    return 2;
  }
  const results = listCases().map((name) => runCase(name));
  const failing = results.filter((r) => !r.ok);
  for (const r of failing) {
    console.log(`FAIL ${r.name} (${r.kind === 'err' ? 'expected error' : 'expected dump'})`);
    console.log(shortDiff(r.expected, r.actual));
  }
  console.log(`conformance: ${results.length - failing.length}/${results.length} cases match QEMU`);
  return failing.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main();
}
