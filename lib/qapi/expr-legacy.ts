// Context-free checks of QEMU ≤ 6.1 (rules.nameRules 'legacy'): port of
// scripts/qapi/expr.py of QEMU 5.2 (spec: its docs/devel/qapi-code-gen.txt).
// Receives the parser's expressions. Guarantees that era's checks in its
// order and wording: names need only be valid (upper case only where the
// name-case-whitelist pragma allows it), 'if' is a C condition string or a
// list of them (normalised to a list in place), unions may be simple (no
// 'discriminator'), and the sugar is removed as in expr.ts.
import { cName } from './common';
import { checkKeys, checkNamedList, checkNameIsStr, isObject, semError } from './expr-names';
import type { QAPIExpression, QAPIObject, QAPIValue } from './parser';
import type { ReleaseRules } from './releases';
import type { QAPISourceInfo } from './source';

const VALID_NAME = /^(__[a-zA-Z0-9.-]+_)?[a-zA-Z][a-zA-Z0-9_-]*$/;
const METAS = ['enum', 'union', 'alternate', 'struct', 'command', 'event'] as const;

function checkNameStr(
  name: string,
  info: QAPISourceInfo,
  source: string,
  allowOptional = false,
  enumMember = false,
  permitUpper = false,
): void {
  let memberName = name;
  if (allowOptional && name.startsWith('*')) memberName = name.slice(1);
  // enum values may start with a digit: C code prefixes them
  if (enumMember && /^\p{Nd}/u.test(memberName)) memberName = 'D' + memberName;
  if (!VALID_NAME.test(memberName) || cName(memberName, false).startsWith('q_')) {
    throw semError(info, `${source} has an invalid name`);
  }
  if (!permitUpper && name.toLowerCase() !== name) throw semError(info, `${source} uses uppercase in name`);
}

function checkDefnNameStr(name: string, info: QAPISourceInfo, meta: string): void {
  checkNameStr(name, info, meta, false, false, true);
  if (name.endsWith('Kind') || name.endsWith('List')) {
    throw semError(info, `${meta} name should not end in '${name.slice(-4)}'`);
  }
}

function checkFlags(expr: QAPIObject, info: QAPISourceInfo): void {
  for (const key of ['gen', 'success-response']) {
    if (expr.has(key) && expr.get(key) !== false) throw semError(info, `flag '${key}' may only use false value`);
  }
  for (const key of ['boxed', 'allow-oob', 'allow-preconfig', 'coroutine']) {
    if (expr.has(key) && expr.get(key) !== true) throw semError(info, `flag '${key}' may only use true value`);
  }
  if (expr.has('allow-oob') && expr.has('coroutine')) {
    throw semError(info, "flags 'allow-oob' and 'coroutine' are incompatible");
  }
}

/** 'if': a C condition or a non-empty list of them; a single one becomes a list (in place). */
function checkIf(expr: QAPIObject, info: QAPISourceInfo, source: string): void {
  const checkIfStr = (cond: QAPIValue): void => {
    if (typeof cond !== 'string') {
      throw semError(info, `'if' condition of ${source} must be a string or a list of strings`);
    }
    if (cond.trim() === '') throw semError(info, `'if' condition '${cond}' of ${source} makes no sense`);
  };
  const ifcond = expr.get('if');
  if (ifcond === undefined) return;
  if (Array.isArray(ifcond)) {
    if (ifcond.length === 0) throw semError(info, `'if' condition [] of ${source} is useless`);
    for (const elt of ifcond) checkIfStr(elt);
  } else {
    checkIfStr(ifcond);
    expr.set('if', [ifcond]);
  }
}

function normalizeMembers(members: QAPIValue | undefined): void {
  if (!isObject(members)) return;
  members.forEach((arg, key) => {
    if (!isObject(arg)) members.set(key, new Map([['type', arg]]));
  });
}

function checkType(
  value: QAPIValue | undefined,
  info: QAPISourceInfo,
  source: string,
  allowArray = false,
  allowDict: boolean | string = false,
): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    if (!allowArray) throw semError(info, `${source} cannot be an array`);
    if (value.length !== 1 || typeof value[0] !== 'string') {
      throw semError(info, `${source}: array type must contain single type name`);
    }
    return;
  }
  if (typeof value === 'string') return;
  if (!allowDict) throw semError(info, `${source} should be a type name`);
  if (!isObject(value)) throw semError(info, `${source} should be an object or type name`);
  const permitUpper = typeof allowDict === 'string' && info.pragma.memberNameExceptions.includes(allowDict);
  value.forEach((arg, key) => {
    const keySource = `${source} member '${key}'`;
    checkNameStr(key, info, keySource, true, false, permitUpper);
    const cKey = cName(key, false);
    if (cKey === 'u' || cKey.startsWith('has_')) throw semError(info, `${keySource} uses reserved name`);
    const member = arg as QAPIObject;
    checkKeys(member, info, keySource, ['type'], ['if', 'features']);
    checkIf(member, info, keySource);
    checkFeatures(member.get('features'), info);
    checkType(member.get('type'), info, keySource, true);
  });
}

function checkFeatures(features: QAPIValue | undefined, info: QAPISourceInfo): void {
  if (features === undefined) return;
  if (!Array.isArray(features)) throw semError(info, "'features' must be an array");
  checkNamedList(features, info, "'features'", ['if'], (f, name, source) => {
    checkNameStr(name, info, source);
    checkIf(f, info, source);
  });
}

function checkEnum(expr: QAPIObject, info: QAPISourceInfo): void {
  const name = expr.get('enum') as string;
  const members = expr.get('data');
  const prefix = expr.get('prefix');
  if (!Array.isArray(members)) throw semError(info, "'data' must be an array");
  if (prefix !== undefined && typeof prefix !== 'string') throw semError(info, "'prefix' must be a string");
  const permitUpper = info.pragma.memberNameExceptions.includes(name);
  checkNamedList(members, info, "'data'", ['if'], (member, memberName, source) => {
    checkNameStr(memberName, info, source, false, true, permitUpper);
    checkIf(member, info, source);
  });
}

function checkUnion(expr: QAPIObject, info: QAPISourceInfo): void {
  const name = expr.get('union') as string;
  const base = expr.get('base');
  const discriminator = expr.get('discriminator');
  const members = expr.get('data') as QAPIObject;
  if (discriminator === undefined) {
    if (base !== undefined) throw semError(info, "'base' requires 'discriminator'");
  } else {
    checkType(base, info, "'base'", false, name);
    if (base === undefined || base === '' || (isObject(base) && base.size === 0)) {
      throw semError(info, "'discriminator' requires 'base'");
    }
    checkNameIsStr(discriminator, info, "'discriminator'");
  }
  const baseFalsy = base === undefined || base === '' || (isObject(base) && base.size === 0);
  members.forEach((value, key) => {
    const source = `'data' member '${key}'`;
    checkNameStr(key, info, source);
    const branch = value as QAPIObject;
    checkKeys(branch, info, source, ['type'], ['if']);
    checkIf(branch, info, source);
    checkType(branch.get('type'), info, source, baseFalsy);
  });
}

function checkAlternate(expr: QAPIObject, info: QAPISourceInfo): void {
  const members = expr.get('data');
  if (members === undefined || members === '' || (isObject(members) && members.size === 0)) {
    throw semError(info, "'data' must not be empty");
  }
  (members as QAPIObject).forEach((value, key) => {
    const source = `'data' member '${key}'`;
    checkNameStr(key, info, source);
    const branch = value as QAPIObject;
    checkKeys(branch, info, source, ['type'], ['if']);
    checkIf(branch, info, source);
    checkType(branch.get('type'), info, source);
  });
}

function checkArgs(expr: QAPIObject, info: QAPISourceInfo): void {
  const args = expr.get('data');
  const boxed = expr.get('boxed');
  const isBoxed = boxed !== undefined && boxed !== false && boxed !== '';
  if (isBoxed && args === undefined) throw semError(info, "'boxed': true requires 'data'");
  checkType(args, info, "'data'", false, !isBoxed);
}

/** Validate and normalise expressions in place, as QEMU 5.2's check_exprs. */
export function checkExprsLegacy(exprs: QAPIExpression[], _rules: ReleaseRules): QAPIExpression[] {
  for (const { expr, info, doc } of exprs) {
    if (expr.has('include')) continue;
    const meta = METAS.find((m) => expr.has(m));
    if (!meta) throw semError(info, 'expression is missing metatype');
    const name = expr.get(meta);
    checkNameIsStr(name, info, `'${meta}'`);
    info.setDefn(meta, name);
    checkDefnNameStr(name, info, meta);
    if (doc) {
      if (doc.symbol !== name) throw semError(info, `documentation comment is for '${doc.symbol}'`);
      doc.checkExpr(expr);
    } else if (info.pragma.docRequired) {
      throw semError(info, 'documentation comment required');
    }
    switch (meta) {
      case 'enum':
        checkKeys(expr, info, meta, ['enum', 'data'], ['if', 'features', 'prefix']);
        checkEnum(expr, info);
        break;
      case 'union':
        checkKeys(expr, info, meta, ['union', 'data'], ['base', 'discriminator', 'if', 'features']);
        normalizeMembers(expr.get('base'));
        normalizeMembers(expr.get('data'));
        checkUnion(expr, info);
        break;
      case 'alternate':
        checkKeys(expr, info, meta, ['alternate', 'data'], ['if', 'features']);
        normalizeMembers(expr.get('data'));
        checkAlternate(expr, info);
        break;
      case 'struct':
        checkKeys(expr, info, meta, ['struct', 'data'], ['base', 'if', 'features']);
        normalizeMembers(expr.get('data'));
        checkType(expr.get('data'), info, "'data'", false, name);
        checkType(expr.get('base'), info, "'base'");
        break;
      case 'command':
        checkKeys(
          expr,
          info,
          meta,
          ['command'],
          [
            'data',
            'returns',
            'boxed',
            'if',
            'features',
            'gen',
            'success-response',
            'allow-oob',
            'allow-preconfig',
            'coroutine',
          ],
        );
        normalizeMembers(expr.get('data'));
        checkArgs(expr, info);
        checkType(expr.get('returns'), info, "'returns'", true);
        break;
      case 'event':
        checkKeys(expr, info, meta, ['event'], ['data', 'boxed', 'if', 'features']);
        normalizeMembers(expr.get('data'));
        checkArgs(expr, info);
        break;
    }
    checkIf(expr, info, meta);
    checkFeatures(expr.get('features'), info);
    checkFlags(expr, info);
  }
  return exprs;
}
