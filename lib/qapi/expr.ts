// Context-free checks and normalisation of parsed expressions: port of QEMU
// scripts/qapi/expr.py (spec: docs/devel/qapi-code-gen.rst "Schema syntax",
// "Naming rules and reserved names", "Configuring the schema", "Features").
// Receives the parser's expressions (parser.ts). Guarantees, on return, that
// each definition has exactly one meta key with a string name, only known
// keys, well-formed 'if' conditions and features, and sugar removed in place:
// members become {'type': T}, features and enum values become {'name': N}.
// Faults are reported with QEMU's message for the FIRST fault in QEMU's order.
import { semError } from './error';
import { checkIf } from './expr-if';
import {
  checkDefnName,
  checkKeys,
  checkMemberName,
  checkNamedList,
  checkNameIsStr,
  isObject,
  singleton,
} from './expr-names';
import { checkFeatures, checkType, checkTypeImplicit, checkTypeName, checkTypeNameOrArray } from './expr-types';
import type { QAPIExpression, QAPIObject, QAPIValue } from './parser';
import { RELEASES, type ReleaseRules } from './releases';
import type { QAPISourceInfo } from './source';

// This runs once per definition, member and feature, and a one-shot CLI run
// executes it in V8's interpreter: the loops over members index arrays and use
// Map.forEach, because for-of allocates an iterator result per step there.

const METAS = ['enum', 'struct', 'union', 'alternate', 'command', 'event'] as const;
export type DefinitionMeta = (typeof METAS)[number];
/** The order in which QEMU ≤ 6.1 looks for the meta key (rules.metaKey 'first'). */
const METAS_FIRST_FOUND: readonly DefinitionMeta[] = ['enum', 'union', 'alternate', 'struct', 'command', 'event'];

interface Keys {
  required: string[];
  optional: string[];
}

const DEFINITION_KEYS: Readonly<Record<DefinitionMeta, Keys>> = {
  enum: { required: ['enum', 'data'], optional: ['if', 'features', 'prefix'] },
  struct: { required: ['struct', 'data'], optional: ['base', 'if', 'features'] },
  union: { required: ['union', 'base', 'discriminator', 'data'], optional: ['if', 'features'] },
  alternate: { required: ['alternate', 'data'], optional: ['if', 'features'] },
  command: {
    required: ['command'],
    optional: [
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
  },
  event: { required: ['event'], optional: ['data', 'boxed', 'if', 'features'] },
};
/** rules.simpleUnions: a union without 'discriminator' (and so without 'base') is a simple union. */
const SIMPLE_UNION_KEYS: Keys = { required: ['union', 'data'], optional: ['base', 'discriminator', 'if', 'features'] };

const FALSE_ONLY_FLAGS = ['gen', 'success-response'];
const TRUE_ONLY_FLAGS = ['boxed', 'allow-oob', 'allow-preconfig', 'coroutine'];
const BRANCH_REQUIRED = ['type'];
const BRANCH_OPTIONAL = ['if'];
const ENUM_VALUE_OPTIONAL = ['if', 'features'];
const ENUM_VALUE_OPTIONAL_NO_FEATURES = ['if'];
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

/** Members sugar: 'name': 'Type' becomes 'name': {'type': 'Type'}. */
function normalizeMembers(members: QAPIValue | undefined): void {
  if (!isObject(members)) return;
  // replacing the value of an existing key during forEach is safe: order and visits are unchanged
  members.forEach((arg, key) => {
    if (!isObject(arg)) members.set(key, singleton('type', arg));
  });
}

function checkEnum(expr: QAPIObject, info: QAPISourceInfo, rules: ReleaseRules): void {
  const name = expr.get('enum') as string;
  const members = expr.get('data');
  const prefix = expr.get('prefix');
  if (!Array.isArray(members)) throw semError(info, "'data' must be an array");
  if (prefix !== undefined && typeof prefix !== 'string') throw semError(info, "'prefix' must be a string");
  const permissive = info.pragma.memberNameExceptions.includes(name);
  const optional = rules.enumValueFeatures ? ENUM_VALUE_OPTIONAL : ENUM_VALUE_OPTIONAL_NO_FEATURES;
  checkNamedList(members, info, "'data'", optional, (member, memberName, source) => {
    // values may start with a digit: hide it from the name rules
    const hidden = LEADING_DIGIT_RE.test(memberName) ? 'd' + memberName : memberName;
    checkMemberName(hidden, info, source, permissive, rules);
    checkIf(member, info, source, rules);
    checkFeatures(member.get('features'), info, rules);
  });
}

function checkStruct(expr: QAPIObject, info: QAPISourceInfo, rules: ReleaseRules): void {
  const name = expr.get('struct') as string;
  if (rules.typeChecks === 'check-type') {
    checkType(expr.get('data'), info, "'data'", rules, false, name);
    checkType(expr.get('base'), info, "'base'", rules, false, false);
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
  if (rules.simpleUnions && discriminator === undefined) {
    if (base !== undefined) throw semError(info, "'base' requires 'discriminator'");
  } else {
    if (rules.typeChecks === 'check-type') checkType(base, info, "'base'", rules, false, name);
    else if (typeof base !== 'string') checkTypeImplicit(base, info, "'base'", name, rules);
    if (rules.simpleUnions && isPyFalsy(base)) throw semError(info, "'discriminator' requires 'base'");
    checkNameIsStr(discriminator, info, "'discriminator'");
  }
  if (!isObject(members)) throw semError(info, "'data' must be an object");
  const arrays = isPyFalsy(base);
  members.forEach((value, key) => {
    const source = `'data' member '${key}'`;
    // a simple union's branch names are the values of its implicit enum
    if (rules.simpleUnions) checkMemberName(key, info, source, false, rules);
    const branch = value as QAPIObject;
    checkKeys(branch, info, source, BRANCH_REQUIRED, BRANCH_OPTIONAL);
    checkIf(branch, info, source, rules);
    if (rules.typeChecks === 'check-type') checkType(branch.get('type'), info, source, rules, arrays, false);
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
    checkMemberName(key, info, source, false, rules);
    const branch = value as QAPIObject;
    checkKeys(branch, info, source, BRANCH_REQUIRED, BRANCH_OPTIONAL);
    checkIf(branch, info, source, rules);
    if (rules.typeChecks === 'check-type') {
      checkType(branch.get('type'), info, source, rules, rules.alternateArrays, false);
    } else {
      checkTypeNameOrArray(branch.get('type'), info, source);
    }
  });
}

function checkCommand(expr: QAPIObject, info: QAPISourceInfo, rules: ReleaseRules): void {
  const rets = expr.get('returns');
  checkArgs(expr, info, rules);
  if (rules.typeChecks === 'check-type') checkType(rets, info, "'returns'", rules, true, false);
  else checkTypeNameOrArray(rets, info, "'returns'");
}

/** The 'data' of a command or event: a type name when boxed, else a type name or an implicit struct. */
function checkArgs(expr: QAPIObject, info: QAPISourceInfo, rules: ReleaseRules): void {
  const args = expr.get('data');
  const boxed = isBoxed(expr);
  if (boxed && args === undefined) throw semError(info, "'boxed': true requires 'data'");
  if (rules.typeChecks === 'check-type') checkType(args, info, "'data'", rules, false, !boxed);
  else if (boxed) checkTypeName(args, info, "'data'");
  else if (typeof args !== 'string') checkTypeImplicit(args, info, "'data'", null, rules);
}

/** Python truthiness of expr.get('boxed', False): checkFlags rejects non-true values later. */
function isBoxed(expr: QAPIObject): boolean {
  return !isPyFalsy(expr.get('boxed'));
}

/** The checks of each kind of definition, after its keys and sugar. */
const DEFINITION_CHECKS: Readonly<
  Record<DefinitionMeta, (expr: QAPIObject, info: QAPISourceInfo, rules: ReleaseRules) => void>
> = {
  enum: checkEnum,
  struct: checkStruct,
  union: checkUnion,
  alternate: checkAlternate,
  command: checkCommand,
  event: checkArgs,
};

/** The definition's meta key, found as the release finds it (rules.metaKey). */
function defnMeta(expr: QAPIObject, info: QAPISourceInfo, rules: ReleaseRules): DefinitionMeta {
  if (rules.metaKey === 'first') {
    for (let i = 0; i < METAS_FIRST_FOUND.length; i++) if (expr.has(METAS_FIRST_FOUND[i])) return METAS_FIRST_FOUND[i];
    throw semError(info, 'expression is missing metatype');
  }
  let meta: DefinitionMeta | null = null;
  let count = 0;
  for (let i = 0; i < METAS.length; i++) {
    if (expr.has(METAS[i])) {
      meta = METAS[i];
      count++;
    }
  }
  if (count !== 1) {
    throw semError(
      info,
      "expression must have exactly one key 'enum', 'struct', 'union', 'alternate', 'command', 'event'",
    );
  }
  return meta!;
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
  for (let i = 0; i < exprs.length; i++) {
    const { expr, info, doc } = exprs[i];
    if (expr.has('include')) continue;

    const meta = defnMeta(expr, info, rules);
    const name = expr.get(meta);
    checkNameIsStr(name, info, `'${meta}'`);
    info.setDefn(meta, name);
    checkDefnName(name, info, meta, rules);

    if (doc) {
      if (doc.symbol !== name) throw semError(info, `documentation comment is for '${doc.symbol}'`);
      doc.checkExpr(expr);
    } else if (info.pragma.docRequired) {
      throw semError(info, 'documentation comment required');
    }

    const keys = meta === 'union' && rules.simpleUnions ? SIMPLE_UNION_KEYS : DEFINITION_KEYS[meta];
    checkKeys(expr, info, meta, keys.required, keys.optional);
    if (meta === 'union') normalizeMembers(expr.get('base'));
    if (meta !== 'enum') normalizeMembers(expr.get('data'));
    DEFINITION_CHECKS[meta](expr, info, rules);

    checkIf(expr, info, meta, rules);
    checkFeatures(expr.get('features'), info, rules);
    checkFlags(expr, info);
  }
  return exprs;
}
