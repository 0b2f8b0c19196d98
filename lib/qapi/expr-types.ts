// Type references, implicit (inline) struct types and features in expressions:
// port of check_type*() and check_features() of QEMU scripts/qapi/expr.py
// (spec: qapi-code-gen.rst "Type references and array types", "Features").
// rules.typeChecks picks the form: QEMU ≤ 8.x's single check_type() or the
// split checks of later releases; both check inline members the same way.
// Each function returns normally or throws QapiError with QEMU's message.
import { cName } from './common';
import { checkIf } from './expr-if';
import { semError } from './error';
import { checkKeys, checkMemberName, checkNamedList, isObject } from './expr-names';
import type { QAPIObject, QAPIValue } from './parser';
import type { ReleaseRules } from './releases';
import type { QAPISourceInfo } from './source';

const MEMBER_REQUIRED = ['type'];
const MEMBER_OPTIONAL = ['if', 'features'];
const FEATURE_OPTIONAL = ['if'];

export function checkTypeName(value: QAPIValue | undefined, info: QAPISourceInfo, source: string): void {
  if (value === undefined || typeof value === 'string') return;
  throw semError(info, `${source} should be a type name`);
}

export function checkTypeNameOrArray(value: QAPIValue | undefined, info: QAPISourceInfo, source: string): void {
  if (value === undefined || typeof value === 'string') return;
  if (!Array.isArray(value)) throw semError(info, `${source} should be a type name or array`);
  checkArrayType(value, info, source);
}

function checkArrayType(value: QAPIValue[], info: QAPISourceInfo, source: string): void {
  if (value.length !== 1 || typeof value[0] !== 'string') {
    throw semError(info, `${source}: array type must contain single type name`);
  }
}

/**
 * QEMU ≤ 8.x's single check_type(): a type name always, an array if
 * `allowArray`, an implicit struct if `allowDict` (a string names the parent
 * for the member-name-exceptions pragma).
 */
export function checkType(
  value: QAPIValue | undefined,
  info: QAPISourceInfo,
  source: string,
  rules: ReleaseRules,
  allowArray: boolean,
  allowDict: boolean | string,
): void {
  if (value === undefined || typeof value === 'string') return;
  if (Array.isArray(value)) {
    if (!allowArray) throw semError(info, `${source} cannot be an array`);
    checkArrayType(value, info, source);
    return;
  }
  if (!allowDict) throw semError(info, `${source} should be a type name`);
  checkTypeImplicit(value, info, source, typeof allowDict === 'string' ? allowDict : null, rules);
}

/** An implicit struct type written inline: its members are checked like a struct's 'data'. */
export function checkTypeImplicit(
  value: QAPIValue | undefined,
  info: QAPISourceInfo,
  source: string,
  parentName: string | null,
  rules: ReleaseRules,
): void {
  if (value === undefined) return;
  if (!isObject(value)) throw semError(info, `${source} should be an object or type name`);
  const permissive = parentName !== null && info.pragma.memberNameExceptions.includes(parentName);
  // QEMU ≤ 6.1 mangles the key with its '*', so an optional member may be called 'has-...'
  const keepStar = rules.nameRules === 'legacy';
  value.forEach((arg, rawKey) => {
    const keySource = `${source} member '${rawKey}'`;
    const key = rawKey.startsWith('*') ? rawKey.slice(1) : rawKey;
    checkMemberName(key, info, keySource, permissive, rules);
    const mangled = keepStar ? rawKey : key;
    // only 'u' and names starting with 'has' can have a reserved C name
    if (mangled === 'u' || mangled.startsWith('has')) {
      const cKey = cName(mangled, false);
      if (cKey === 'u' || cKey.startsWith('has_')) throw semError(info, `${keySource} uses reserved name`);
    }
    const member = arg as QAPIObject; // normalizeMembers made every value an object
    checkKeys(member, info, keySource, MEMBER_REQUIRED, MEMBER_OPTIONAL);
    checkIf(member, info, keySource, rules);
    checkFeatures(member.get('features'), info, rules);
    if (rules.typeChecks === 'check-type') checkType(member.get('type'), info, keySource, rules, true, false);
    else checkTypeNameOrArray(member.get('type'), info, keySource);
  });
}

/** Sugar: a feature 'f' becomes {'name': 'f'} (in place). */
export function checkFeatures(features: QAPIValue | undefined, info: QAPISourceInfo, rules: ReleaseRules): void {
  if (features === undefined) return;
  if (!Array.isArray(features)) throw semError(info, "'features' must be an array");
  checkNamedList(features, info, "'features'", FEATURE_OPTIONAL, (feat, name, source) => {
    checkMemberName(name, info, source, false, rules);
    checkIf(feat, info, source, rules);
  });
}
