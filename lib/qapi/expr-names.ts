// Naming rules and key checks shared by the expression checks: port of the
// check_name_*() and check_keys() helpers of QEMU scripts/qapi/expr.py (spec:
// qapi-code-gen.rst "Naming rules and reserved names"), in both eras of
// rules.nameRules: QEMU ≤ 6.1 asks only for a valid name, lower case unless a
// pragma permits upper case; later releases add the case conventions. Each
// function returns normally or throws QapiError with QEMU's message at the
// definition's info.
import { cName } from './common';
import { semError, type QapiError } from './error';
import type { QAPIObject, QAPIValue } from './parser';
import type { ReleaseRules } from './releases';
import type { QAPISourceInfo } from './source';

const VALID_NAME = /^(__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)$/i;
const VALID_NAME_LEGACY = /^(__[a-zA-Z0-9.-]+_)?[a-zA-Z][a-zA-Z0-9_-]*$/;
// module constants: a regex literal in a function body is a new object per call
const LOWER_OR_DASH_RE = /[a-z-]/;
const UPPER_RE = /[A-Z]/;
const CAMEL_CASE_RE = /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/;

export function isObject(value: QAPIValue | undefined): value is QAPIObject {
  return value instanceof Map;
}

export function checkNameIsStr(
  name: QAPIValue | undefined,
  info: QAPISourceInfo,
  source: string,
): asserts name is string {
  if (typeof name !== 'string') throw semError(info, `${source} requires a string name`);
}

/** A valid name: optional __RFQDN_ and x- prefixes, then a letter; the 'q_' space is reserved. Returns the stem. */
function checkNameStr(name: string, info: QAPISourceInfo, source: string): string {
  // only a name starting with 'q' can have a C name starting with 'q_'
  if (!VALID_NAME.test(name) || (name.charCodeAt(0) === 113 && cName(name, false).startsWith('q_'))) {
    throw semError(info, `${source} has an invalid name`);
  }
  const start = stemStart(name);
  return start === 0 ? name : name.slice(start);
}

/**
 * Where VALID_NAME's third group (the stem) starts in a name it matched,
 * without the match array exec() would allocate for every name: after the
 * '__RFQDN_' prefix (it ends at the first '_' after the leading two), then
 * after 'x-' if a letter follows (else the regex backtracks and the stem is
 * the 'x-...' itself).
 */
function stemStart(name: string): number {
  let i = name.charCodeAt(0) === 95 ? name.indexOf('_', 2) + 1 : 0;
  if ((name.charCodeAt(i) | 0x20) === 120 && name.charCodeAt(i + 1) === 45) {
    const c = name.charCodeAt(i + 2) | 0x20;
    if (c >= 97 && c <= 122) i += 2;
  }
  return i;
}

function checkNameUpper(name: string, info: QAPISourceInfo, source: string): void {
  const stem = checkNameStr(name, info, source);
  if (LOWER_OR_DASH_RE.test(stem)) throw semError(info, `name of ${source} must not use lowercase or '-'`);
}

function checkNameLower(
  name: string,
  info: QAPISourceInfo,
  source: string,
  permitUpper = false,
  permitUnderscore = false,
): void {
  const stem = checkNameStr(name, info, source);
  if ((!permitUpper && UPPER_RE.test(stem)) || (!permitUnderscore && stem.includes('_'))) {
    throw notLowerCase(info, source);
  }
}

function notLowerCase(info: QAPISourceInfo, source: string): QapiError {
  return semError(info, `name of ${source} must not use uppercase or '_'`);
}

function checkNameCamel(name: string, info: QAPISourceInfo, source: string): void {
  const stem = checkNameStr(name, info, source);
  if (!CAMEL_CASE_RE.test(stem)) {
    throw semError(info, `name of ${source} must use CamelCase`);
  }
}

/** QEMU ≤ 6.1's check_name_str(): a valid name (only ASCII), upper case only where `permitUpper`. */
function checkNameLegacy(name: string, info: QAPISourceInfo, source: string, permitUpper: boolean): void {
  if (!VALID_NAME_LEGACY.test(name) || (name.charCodeAt(0) === 113 && cName(name, false).startsWith('q_'))) {
    throw semError(info, `${source} has an invalid name`);
  }
  if (!permitUpper && UPPER_RE.test(name)) throw semError(info, `${source} uses uppercase in name`);
}

/**
 * The name of a member, branch, enum value or feature: lower case, without '_' too since QEMU 6.2;
 * `permissive` (the member-name-exceptions pragma names the definition) lifts both.
 */
export function checkMemberName(
  name: string,
  info: QAPISourceInfo,
  source: string,
  permissive: boolean,
  rules: ReleaseRules,
): void {
  if (rules.nameRules === 'legacy') return checkNameLegacy(name, info, source, permissive);
  // checkNameLower(name, info, source, permissive, permissive) without a call: this runs per name
  const stem = checkNameStr(name, info, source);
  if (!permissive && (UPPER_RE.test(stem) || stem.includes('_'))) throw notLowerCase(info, source);
}

export function checkDefnName(name: string, info: QAPISourceInfo, meta: string, rules: ReleaseRules): void {
  if (rules.nameRules === 'legacy') {
    checkNameLegacy(name, info, meta, true);
    // '<Name>Kind' is the implicit enum of a simple union
    if (name.endsWith('Kind') || name.endsWith('List')) {
      throw semError(info, `${meta} name should not end in '${name.slice(-4)}'`);
    }
  } else if (meta === 'event') {
    checkNameUpper(name, info, meta);
  } else if (meta === 'command') {
    checkNameLower(name, info, meta, false, info.pragma.commandNameExceptions.includes(name));
  } else {
    checkNameCamel(name, info, meta);
    if (name.endsWith('List')) throw semError(info, `${meta} name should not end in 'List'`);
  }
}

function quotedSorted(names: Iterable<string>): string {
  return [...names]
    .sort()
    .map((e) => `'${e}'`)
    .join(', ');
}

function hasOnlyKeys(value: QAPIObject, required: string[], optional: string[]): boolean {
  for (const k of value.keys()) if (!required.includes(k) && !optional.includes(k)) return false;
  return true;
}

export function checkKeys(
  value: QAPIObject,
  info: QAPISourceInfo,
  source: string,
  required: string[],
  optional: string[],
): void {
  // the common, valid case without allocating (this runs for every member)
  let present = 0;
  for (let i = 0; i < required.length; i++) if (value.has(required[i])) present++;
  if (present === required.length && (value.size === present || hasOnlyKeys(value, required, optional))) return;
  const missing = required.filter((k) => !value.has(k));
  if (missing.length) {
    throw semError(info, `${source} misses key${missing.length > 1 ? 's' : ''} ${quotedSorted(missing)}`);
  }
  const allowed = new Set([...required, ...optional]);
  const unknown = [...value.keys()].filter((k) => !allowed.has(k));
  throw semError(
    info,
    `${source} has unknown key${unknown.length > 1 ? 's' : ''} ${quotedSorted(unknown)}\n` +
      `Valid keys are ${quotedSorted(allowed)}.`,
  );
}

/** {key: value}: what QEMU's sugar expands to (cheaper than new Map([[key, value]])). */
export function singleton(key: string, value: QAPIValue): QAPIObject {
  const map: QAPIObject = new Map();
  map.set(key, value);
  return map;
}

/**
 * A list of named things ('data' of an enum, 'features'): first the sugar, a bare 'x' becomes {'name': 'x'}
 * (in place), then each item's keys and string name are checked before `check` runs the release's own
 * checks on it, with `source` naming the item ("'data' member 'x'") as QEMU's messages do.
 */
export function checkNamedList(
  list: QAPIValue[],
  info: QAPISourceInfo,
  what: string,
  optional: string[],
  check: (item: QAPIObject, name: string, source: string) => void,
): void {
  for (let i = 0; i < list.length; i++) {
    const value = list[i];
    if (!isObject(value)) list[i] = singleton('name', value);
  }
  const source = `${what} member`;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as QAPIObject;
    checkKeys(item, info, source, ['name'], optional);
    const name = item.get('name');
    checkNameIsStr(name, info, source);
    check(item, name, `${source} '${name}'`);
  }
}
