// Context-free checks and normalisation of parsed expressions: port of QEMU
// scripts/qapi/expr.py (spec: docs/devel/qapi-code-gen.rst "Schema syntax",
// "Naming rules and reserved names", "Configuring the schema", "Features").
// Receives the parser's expressions (parser.ts). Guarantees, on return, that
// each definition has exactly one meta key with a string name, only known
// keys, well-formed 'if' conditions and features, and sugar removed in place:
// members become {'type': T}, features and enum values become {'name': N}.
// Faults are reported with QEMU's message for the FIRST fault in QEMU's order.
import { cName } from './common';
import {
  checkDefnNameStr,
  checkKeys,
  checkNamedList,
  checkNameIsStr,
  checkNameLower,
  isObject,
  semError,
  singleton,
} from './expr-names';
import type { QAPIExpression, QAPIObject, QAPIValue } from './parser';
import { checkExprsLegacy } from './expr-legacy';
import { RELEASES, type ReleaseRules } from './releases';
import type { QAPISourceInfo } from './source';

// This runs once per definition, member and feature, and a one-shot CLI run
// executes it in V8's interpreter: the loops over members index arrays and use
// Map.forEach, because for-of allocates an iterator result per step there.

const METAS = ['enum', 'struct', 'union', 'alternate', 'command', 'event'] as const;
export type DefinitionMeta = (typeof METAS)[number];

const FALSE_ONLY_FLAGS = ['gen', 'success-response'];
const TRUE_ONLY_FLAGS = ['boxed', 'allow-oob', 'allow-preconfig', 'coroutine'];
const MEMBER_REQUIRED = ['type'];
const MEMBER_OPTIONAL = ['if', 'features'];
const BRANCH_REQUIRED = ['type'];
const BRANCH_OPTIONAL = ['if'];
const CONFIG_SYMBOL_RE = /^[A-Z][A-Z0-9_]*$/;
const LEADING_DIGIT_RE = /^[0-9]/;

function checkFlags(expr: QAPIObject, info: QAPISourceInfo): void {
  for (let i = 0; i < FALSE_ONLY_FLAGS.length; i++) {
    const key = FALSE_ONLY_FLAGS[i];
    if (expr.has(key) && expr.get(key) !== false) {
      throw semError(info, `flag '${key}' may only use false value`);
    }
  }
  for (let i = 0; i < TRUE_ONLY_FLAGS.length; i++) {
    const key = TRUE_ONLY_FLAGS[i];
    if (expr.has(key) && expr.get(key) !== true) {
      throw semError(info, `flag '${key}' may only use true value`);
    }
  }
  if (expr.has('allow-oob') && expr.has('coroutine')) {
    throw semError(info, "flags 'allow-oob' and 'coroutine' are incompatible");
  }
}

function checkCond(cond: QAPIValue, info: QAPISourceInfo, source: string): void {
  if (typeof cond === 'string') {
    if (!CONFIG_SYMBOL_RE.test(cond)) {
      throw semError(info, `'if' condition '${cond}' of ${source} is not a valid identifier`);
    }
    return;
  }
  if (!isObject(cond)) {
    throw semError(info, `'if' condition of ${source} must be a string or an object`);
  }
  checkKeys(cond, info, `'if' condition of ${source}`, [], ['all', 'any', 'not']);
  if (cond.size !== 1) throw semError(info, `'if' condition of ${source} has conflicting keys`);
  if (cond.has('not')) checkCond(cond.get('not')!, info, source);
  else if (cond.has('all')) checkInfix('all', cond.get('all')!, info, source);
  else checkInfix('any', cond.get('any')!, info, source);
}

function checkInfix(operator: string, operands: QAPIValue, info: QAPISourceInfo, source: string): void {
  if (!Array.isArray(operands)) {
    throw semError(info, `'${operator}' condition of ${source} must be an array`);
  }
  if (operands.length === 0) throw semError(info, `'if' condition [] of ${source} is useless`);
  for (const operand of operands) checkCond(operand, info, source);
}

/** 'if' is a config symbol, or {'all': [...]}, {'any': [...]}, {'not': C}, nested. */
function checkIf(expr: QAPIObject, info: QAPISourceInfo, source: string): void {
  const ifcond = expr.get('if');
  if (ifcond === undefined) return;
  checkCond(ifcond, info, source);
}

/** Members sugar: 'name': 'Type' becomes 'name': {'type': 'Type'}. */
function normalizeMembers(members: QAPIValue | undefined): void {
  if (!isObject(members)) return;
  // replacing the value of an existing key during forEach is safe: order and visits are unchanged
  members.forEach((arg, key) => {
    if (!isObject(arg)) members.set(key, singleton('type', arg));
  });
}

function checkTypeName(value: QAPIValue | undefined, info: QAPISourceInfo, source: string): void {
  if (value === undefined || typeof value === 'string') return;
  throw semError(info, `${source} should be a type name`);
}

function checkTypeNameOrArray(value: QAPIValue | undefined, info: QAPISourceInfo, source: string): void {
  if (value === undefined || typeof value === 'string') return;
  if (!Array.isArray(value)) throw semError(info, `${source} should be a type name or array`);
  if (value.length !== 1 || typeof value[0] !== 'string') {
    throw semError(info, `${source}: array type must contain single type name`);
  }
}

/**
 * QEMU ≤ 8.x's single check_type(): a type name always, an array if
 * `allowArray`, an implicit struct if `allowDict` (a string names the parent
 * for the member-name-exceptions pragma).
 */
function checkTypeLegacy(
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
    if (value.length !== 1 || typeof value[0] !== 'string') {
      throw semError(info, `${source}: array type must contain single type name`);
    }
    return;
  }
  if (!allowDict) throw semError(info, `${source} should be a type name`);
  checkTypeImplicit(value, info, source, typeof allowDict === 'string' ? allowDict : null, rules);
}

/** An implicit struct type written inline: its members are checked like a struct's 'data'. */
function checkTypeImplicit(
  value: QAPIValue | undefined,
  info: QAPISourceInfo,
  source: string,
  parentName: string | null,
  rules: ReleaseRules,
): void {
  if (value === undefined) return;
  if (!isObject(value)) throw semError(info, `${source} should be an object or type name`);
  const permissive = parentName !== null && info.pragma.memberNameExceptions.includes(parentName);
  value.forEach((arg, rawKey) => {
    const keySource = `${source} member '${rawKey}'`;
    const key = rawKey.startsWith('*') ? rawKey.slice(1) : rawKey;
    checkNameLower(key, info, keySource, permissive, permissive);
    // only 'u' and names starting with 'has' can have a reserved C name
    if (key === 'u' || key.startsWith('has')) {
      const cKey = cName(key, false);
      if (cKey === 'u' || cKey.startsWith('has_')) throw semError(info, `${keySource} uses reserved name`);
    }
    const member = arg as QAPIObject; // normalizeMembers made every value an object
    checkKeys(member, info, keySource, MEMBER_REQUIRED, MEMBER_OPTIONAL);
    checkIf(member, info, keySource);
    checkFeatures(member.get('features'), info);
    if (rules.typeChecks === 'check-type') checkTypeLegacy(member.get('type'), info, keySource, rules, true, false);
    else checkTypeNameOrArray(member.get('type'), info, keySource);
  });
}

function checkTypeNameOrImplicit(
  value: QAPIValue | undefined,
  info: QAPISourceInfo,
  source: string,
  parentName: string | null,
  rules: ReleaseRules,
): void {
  if (value === undefined || typeof value === 'string') return;
  checkTypeImplicit(value, info, source, parentName, rules);
}

/** Sugar: a feature 'f' becomes {'name': 'f'} (in place). */
function checkFeatures(features: QAPIValue | undefined, info: QAPISourceInfo): void {
  if (features === undefined) return;
  if (!Array.isArray(features)) throw semError(info, "'features' must be an array");
  checkNamedList(features, info, "'features'", ['if'], (feat, name, source) => {
    checkNameLower(name, info, source);
    checkIf(feat, info, source);
  });
}

function checkEnum(expr: QAPIObject, info: QAPISourceInfo): void {
  const name = expr.get('enum') as string;
  const members = expr.get('data');
  const prefix = expr.get('prefix');
  if (!Array.isArray(members)) throw semError(info, "'data' must be an array");
  if (prefix !== undefined && typeof prefix !== 'string') throw semError(info, "'prefix' must be a string");
  const permissive = info.pragma.memberNameExceptions.includes(name);
  checkNamedList(members, info, "'data'", ['if', 'features'], (member, memberName, source) => {
    // values may start with a digit: hide it from the name rules
    checkNameLower(
      LEADING_DIGIT_RE.test(memberName) ? 'd' + memberName : memberName,
      info,
      source,
      permissive,
      permissive,
    );
    checkIf(member, info, source);
    checkFeatures(member.get('features'), info);
  });
}

function checkStruct(expr: QAPIObject, info: QAPISourceInfo, rules: ReleaseRules): void {
  const name = expr.get('struct') as string;
  if (rules.typeChecks === 'check-type') {
    checkTypeLegacy(expr.get('data'), info, "'data'", rules, false, name);
    checkTypeLegacy(expr.get('base'), info, "'base'", rules, false, false);
    return;
  }
  checkTypeImplicit(expr.get('data'), info, "'data'", name, rules);
  checkTypeName(expr.get('base'), info, "'base'");
}

function checkUnion(expr: QAPIObject, info: QAPISourceInfo, rules: ReleaseRules): void {
  const name = expr.get('union') as string;
  const base = expr.get('base');
  const discriminator = expr.get('discriminator');
  const members = expr.get('data');
  const legacy = rules.typeChecks === 'check-type';
  if (legacy) checkTypeLegacy(base, info, "'base'", rules, false, name);
  else checkTypeNameOrImplicit(base, info, "'base'", name, rules);
  checkNameIsStr(discriminator, info, "'discriminator'");
  if (!isObject(members)) throw semError(info, "'data' must be an object");
  members.forEach((value, key) => {
    const source = `'data' member '${key}'`;
    const branch = value as QAPIObject;
    checkKeys(branch, info, source, BRANCH_REQUIRED, BRANCH_OPTIONAL);
    checkIf(branch, info, source);
    if (legacy) checkTypeLegacy(branch.get('type'), info, source, rules, isPyFalsy(base), false);
    else checkTypeName(branch.get('type'), info, source);
  });
}

function isPyFalsy(value: QAPIValue | undefined): boolean {
  if (value === undefined || value === false || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  return false;
}

function checkAlternate(expr: QAPIObject, info: QAPISourceInfo, rules: ReleaseRules): void {
  const members = expr.get('data');
  if (isPyFalsy(members)) throw semError(info, "'data' must not be empty");
  if (!isObject(members)) throw semError(info, "'data' must be an object");
  members.forEach((value, key) => {
    const source = `'data' member '${key}'`;
    checkNameLower(key, info, source);
    const branch = value as QAPIObject;
    checkKeys(branch, info, source, BRANCH_REQUIRED, BRANCH_OPTIONAL);
    checkIf(branch, info, source);
    if (rules.typeChecks === 'check-type') checkTypeLegacy(branch.get('type'), info, source, rules, true, false);
    else checkTypeNameOrArray(branch.get('type'), info, source);
  });
}

function checkCommand(expr: QAPIObject, info: QAPISourceInfo, rules: ReleaseRules): void {
  const rets = expr.get('returns');
  checkArgs(expr, info, rules);
  if (rules.typeChecks === 'check-type') checkTypeLegacy(rets, info, "'returns'", rules, true, false);
  else checkTypeNameOrArray(rets, info, "'returns'");
}

/** The 'data' of a command or event: a type name when boxed, else a type name or an implicit struct. */
function checkArgs(expr: QAPIObject, info: QAPISourceInfo, rules: ReleaseRules): void {
  const args = expr.get('data');
  const boxed = isBoxed(expr);
  if (boxed && args === undefined) throw semError(info, "'boxed': true requires 'data'");
  if (rules.typeChecks === 'check-type') checkTypeLegacy(args, info, "'data'", rules, false, !boxed);
  else if (boxed) checkTypeName(args, info, "'data'");
  else checkTypeNameOrImplicit(args, info, "'data'", null, rules);
}

function checkEvent(expr: QAPIObject, info: QAPISourceInfo, rules: ReleaseRules): void {
  checkArgs(expr, info, rules);
}

/** Python truthiness of expr.get('boxed', False): checkFlags rejects non-true values later. */
function isBoxed(expr: QAPIObject): boolean {
  return !isPyFalsy(expr.get('boxed'));
}

/** The meta keys present in `expr`, in METAS order. */
function metasOf(expr: QAPIObject): DefinitionMeta[] {
  const metas: DefinitionMeta[] = [];
  for (let i = 0; i < METAS.length; i++) if (expr.has(METAS[i])) metas.push(METAS[i]);
  return metas;
}

/** The meta key of a definition that passed checkExprs. */
export function metaOf(expr: QAPIObject): DefinitionMeta | 'include' {
  if (expr.has('include')) return 'include';
  return METAS.find((m) => expr.has(m))!;
}

/**
 * Validate and normalise the parser's expressions in place (QEMU check_exprs).
 * Sets each definition's info.defnMeta/defnName, so later messages about it
 * begin with "FILE: In META 'NAME':".
 */
export function checkExprs(exprs: QAPIExpression[], rules: ReleaseRules = RELEASES['10.2']): QAPIExpression[] {
  if (rules.nameRules === 'legacy') return checkExprsLegacy(exprs, rules);
  for (let i = 0; i < exprs.length; i++) {
    const { expr, info, doc } = exprs[i];
    if (expr.has('include')) continue;

    const metas = metasOf(expr);
    if (metas.length !== 1) {
      throw semError(
        info,
        "expression must have exactly one key 'enum', 'struct', 'union', 'alternate', 'command', 'event'",
      );
    }
    const meta = metas[0];
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
        checkKeys(expr, info, meta, ['union', 'base', 'discriminator', 'data'], ['if', 'features']);
        normalizeMembers(expr.get('base'));
        normalizeMembers(expr.get('data'));
        checkUnion(expr, info, rules);
        break;
      case 'alternate':
        checkKeys(expr, info, meta, ['alternate', 'data'], ['if', 'features']);
        normalizeMembers(expr.get('data'));
        checkAlternate(expr, info, rules);
        break;
      case 'struct':
        checkKeys(expr, info, meta, ['struct', 'data'], ['base', 'if', 'features']);
        normalizeMembers(expr.get('data'));
        checkStruct(expr, info, rules);
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
        checkCommand(expr, info, rules);
        break;
      case 'event':
        checkKeys(expr, info, meta, ['event'], ['data', 'boxed', 'if', 'features']);
        normalizeMembers(expr.get('data'));
        checkEvent(expr, info, rules);
        break;
    }

    checkIf(expr, info, meta);
    checkFeatures(expr.get('features'), info);
    checkFlags(expr, info);
  }
  return exprs;
}
