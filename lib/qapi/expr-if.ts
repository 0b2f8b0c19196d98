// 'if' conditions of definitions, members, branches, enum values and features:
// port of check_if() of QEMU scripts/qapi/expr.py (spec: qapi-code-gen.rst
// "Configuring the schema") in both of its forms, chosen by rules.conditions.
// 'c-strings' (QEMU ≤ 6.1): a C preprocessor condition or a non-empty list of
// them; a single one becomes a list, in place. 'expressions': a config symbol,
// or {'all': [...]}, {'any': [...]}, {'not': C}, nested.
import { semError } from './error';
import { checkKeys, isObject } from './expr-names';
import type { QAPIObject, QAPIValue } from './parser';
import type { ReleaseRules } from './releases';
import type { QAPISourceInfo } from './source';

const CONFIG_SYMBOL_RE = /^[A-Z][A-Z0-9_]*$/;
const OPERATORS = ['all', 'any', 'not'];
const NO_KEYS: string[] = [];

/** Check the 'if' of `expr` (a definition, member, branch, enum value or feature); `source` names it in messages. */
export function checkIf(expr: QAPIObject, info: QAPISourceInfo, source: string, rules: ReleaseRules): void {
  const ifcond = expr.get('if');
  if (ifcond === undefined) return;
  if (rules.conditions === 'expressions') {
    checkCond(ifcond, info, source);
  } else if (Array.isArray(ifcond)) {
    if (ifcond.length === 0) throw semError(info, `'if' condition [] of ${source} is useless`);
    for (let i = 0; i < ifcond.length; i++) checkCString(ifcond[i], info, source);
  } else {
    checkCString(ifcond, info, source);
    expr.set('if', [ifcond]);
  }
}

function checkCString(cond: QAPIValue, info: QAPISourceInfo, source: string): void {
  if (typeof cond !== 'string') {
    throw semError(info, `'if' condition of ${source} must be a string or a list of strings`);
  }
  if (cond.trim() === '') throw semError(info, `'if' condition '${cond}' of ${source} makes no sense`);
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
  checkKeys(cond, info, `'if' condition of ${source}`, NO_KEYS, OPERATORS);
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
  for (let i = 0; i < operands.length; i++) checkCond(operands[i], info, source);
}
