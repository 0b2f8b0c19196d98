// QEMU's parser conformance suites, one per release, each run the way that
// release's tests/qapi-schema/test-qapi.py runs it and in that release's mode
// (releases.ts): each case's schema is loaded by its name relative to the
// suite's directory (so messages read "NAME.json:LINE: ..."); an error case
// matches when our error text equals NAME.err, a valid case when our dump (in
// that release's format) equals NAME.out. Prints failing cases with a short
// diff, a line per release, and last the tally over all releases.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dumpSchema } from '../lib/qapi/dump';
import { QapiError } from '../lib/qapi/error';
import { loadSchema } from '../lib/qapi/load';
import { optionsForTree, type QapiOptions } from '../lib/qapi/options';
import { joinIncludePath, type SchemaHost } from '../lib/qapi/parser';
import { HOW_TO_GET, sharedPath } from './qemu-data';

/** The releases whose suites the tests know, oldest first, with their case counts. */
export const SUITE_RELEASES = [
  { release: '5.2.0', cases: 193 },
  { release: '7.2.0', cases: 198 },
  { release: '10.0.13', cases: 207 },
  { release: '10.2.2', cases: 208 },
] as const;

export const suiteDir = (release: string): string => sharedPath('qemu', release, 'tests/qapi-schema');
export const SUITE_DIR = suiteDir('10.2.2');

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

export function runCase(
  name: string,
  suiteDir = SUITE_DIR,
  options: QapiOptions = optionsForTree(suiteDir),
): CaseResult {
  const expectedErr = readOptional(path.join(suiteDir, `${name}.err`));
  const expectedOut = readOptional(path.join(suiteDir, `${name}.out`));
  let actualErr = '';
  let actualOut = '';
  try {
    actualOut = dumpSchema(loadSchema(`${name}.json`, suiteHost(suiteDir), options));
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
  let total = 0;
  let passed = 0;
  const lines: string[] = [];
  for (const { release } of SUITE_RELEASES) {
    const dir = suiteDir(release);
    if (!existsSync(path.join(dir, 'CASES.txt')) && !existsSync(path.join(dir, 'meson.build'))) {
      console.log(`conformance ${release}: no suite at ${dir}; ${HOW_TO_GET}`);
      continue;
    }
    const options = optionsForTree(release);
    const results = listCases(dir).map((name) => runCase(name, dir, options));
    const failing = results.filter((r) => !r.ok);
    for (const r of failing) {
      console.log(`FAIL ${release} ${r.name} (${r.kind === 'err' ? 'expected error' : 'expected dump'})`);
      console.log(shortDiff(r.expected, r.actual));
    }
    total += results.length;
    passed += results.length - failing.length;
    lines.push(`conformance ${release}: ${results.length - failing.length}/${results.length}`);
  }
  for (const line of lines) console.log(line);
  console.log(`conformance: ${passed}/${total} cases match QEMU`);
  return passed === total && total > 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main();
}
