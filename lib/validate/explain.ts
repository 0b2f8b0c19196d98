// Zod issues -> issues in QAPI terms. Receives the zod issues of one value
// checked against a QAPI type, the value itself and the model; guarantees one
// RawIssue per problem, with the JSON path, a stable code, the severity under
// the validator's options, and a text that names the expected type, the
// allowed enum values, the union branch in force and why, the member's owning
// definition, and a "did you mean". Positions are added later (locate.ts).
import type * as z from 'zod';
import type { Member, SchemaIndex } from '../qapi/model';
import { alternativeFor, concreteEntity, objectMembers, unionWithDiscriminator, type SelectedBranch } from './walk';
import {
  describeBranches,
  describeIf,
  describeOwner,
  describeType,
  describeValue,
  listEnumValues,
  listNames,
  unionWords,
} from './describe';
import { isMasked } from './places';
import { declaredTypeRange, typeRange, WRAPPING_UNSIGNED, type Direction } from './ranges';
import { didYouMean } from './suggest';
import type { IssueCode, Severity } from './types';
import { quote } from './quote';
import { IntegralFloat, isWireObject } from './wire';

export type PathSeg = string | number;

export interface RawIssue {
  severity: Severity;
  code: IssueCode;
  path: PathSeg[];
  /** what to point at: the value at path, the member name (key) at path, or the object holding path */
  anchor: 'value' | 'key' | 'parent';
  message: string;
  text: string;
  /** for a missing member: the definition declaring it; for an unknown one: the object's type */
  def?: string;
}

export interface ExplainOptions {
  index: SchemaIndex;
  direction: Direction;
  lenient: boolean;
}

interface Resolved {
  /** the QAPI type expected at the path (null if the path leaves the schema) */
  type: string | null;
  member: Member | null;
  /** the object type holding the member */
  owner: string | null;
  branches: SelectedBranch[];
  value: unknown;
  parent: unknown;
}

/** Follows a JSON path through types and the value, choosing alternates by kind and union branches by discriminator. */
export function resolvePath(index: SchemaIndex, rootType: string, root: unknown, path: readonly PathSeg[]): Resolved {
  let type: string | null = rootType;
  let value: unknown = root;
  let parent: unknown = undefined;
  let member: Member | null = null;
  let owner: string | null = null;
  let branches: SelectedBranch[] = [];
  for (const seg of path) {
    if (type === null) break;
    const e = concreteEntity(index, type, value);
    parent = value;
    value =
      value !== null && typeof value === 'object'
        ? Object.hasOwn(value, seg)
          ? (value as Record<PathSeg, unknown>)[seg]
          : undefined
        : undefined;
    if (e?.meta === 'array') {
      type = e.elementType;
      member = null;
      continue;
    }
    const om = e ? objectMembers(index, e.name, parent) : null;
    const m = om?.members.find((x) => x.name === seg) ?? null;
    owner = e?.name ?? null;
    branches = om?.branches ?? [];
    member = m;
    type = m ? m.type : null;
  }
  return { type, member, owner, branches, value, parent };
}

function memberWhere(index: SchemaIndex, r: Resolved): string {
  if (!r.member || !r.owner) return '';
  const { definedIn } = r.member;
  let s = `member '${r.member.name}' of ${describeOwner(index, r.owner)}`;
  // a masked branch type is said by the branch note
  if (definedIn !== r.owner && !definedIn.startsWith('q_obj_') && !isMasked(index.get(definedIn)))
    s += ` (declared in ${definedIn})`;
  if (r.branches.length) s += ` (${describeBranches(index, r.branches)})`;
  return s;
}

/** Why `value` is not a `type`, for a leaf check that failed. */
export function explainValue(
  opts: ExplainOptions,
  type: string,
  value: unknown,
): Pick<RawIssue, 'code' | 'message' | 'text'> {
  const { index, direction } = opts;
  const alternate = index.get(type);
  if (alternate?.meta === 'alternate') {
    const alt = alternativeFor(index, alternate, value);
    if (alt) return explainValue(opts, alt, value);
  }
  const expected = describeType(index, type);
  const range = declaredTypeRange(index, type);
  if (range) {
    if (value instanceof IntegralFloat || (typeof value === 'number' && !Number.isInteger(value))) {
      const text = value instanceof IntegralFloat ? value.text : String(value);
      return {
        code: 'not-integer',
        message: 'not an integer',
        text: `expected ${expected}, got ${text}: a number with a fraction or exponent is not an integer`,
      };
    }
    if (typeof value === 'number' || typeof value === 'bigint') {
      const n = BigInt(value);
      if (n < 0n && WRAPPING_UNSIGNED.has(type) && direction === 'output') {
        return {
          code: 'negative-unsigned',
          message: 'negative unsigned',
          text: `${n} is negative, but ${type} is unsigned: QEMU takes a negative ${type} only on command input (it wraps) and never outputs one in events or replies`,
        };
      }
      const r = typeRange(index, type, direction)!;
      return {
        code: 'integer-range',
        message: 'integer out of range',
        text: `${n} is out of range for ${type} (${r.lo}..${r.hi})`,
      };
    }
  }
  const e = index.get(type);
  if (e?.meta === 'enum' && typeof value === 'string') {
    return {
      code: 'enum-value',
      message: 'not an enum value',
      text: `'${quote(value)}' is not ${isMasked(e) ? 'an allowed value' : `a value of enum ${type}`}${didYouMean(
        value,
        e.values.map((v) => v.name),
      )}; allowed: ${listEnumValues(e)}`,
    };
  }
  if (type === 'number' && value instanceof IntegralFloat && !Number.isFinite(value.value)) {
    return {
      code: 'wrong-type',
      message: 'number out of range',
      text: `expected ${expected}, got ${quote(value.text)}, a number too large for a double`,
    };
  }
  return { code: 'wrong-type', message: 'wrong JSON type', text: `expected ${expected}, got ${describeValue(value)}` };
}

/** One zod issue with what explaining it needs: the path resolved through the model and the value. */
interface IssueCase {
  opts: ExplainOptions;
  rootType: string;
  root: unknown;
  zi: z.core.$ZodIssue;
  /** the path in the payload, and in the message */
  path: PathSeg[];
  full: PathSeg[];
  prefix: PathSeg[];
  r: Resolved;
}

type Explain = (c: IssueCase) => RawIssue[];

/**
 * The zod issue codes that need words of their own, as zod keys its own messages by code; any other code is a
 * value that is not of its type (valueIssue). An entry may hand a case it does not cover to valueIssue.
 */
const EXPLAIN: { [code in z.core.$ZodIssue['code']]?: Explain } = {
  unrecognized_keys: unknownMembers,
  invalid_union: (c) =>
    'discriminator' in c.zi && c.zi.discriminator !== undefined
      ? discriminatorIssue(c, String(c.zi.discriminator))
      : valueIssue(c),
  custom: (c) =>
    (c.zi as z.core.$ZodIssueCustom).params?.qapi === 'no-alternative' ? noAlternative(c) : valueIssue(c),
};

/** Maps the zod issues of a value checked against `rootType` to RawIssues, with paths prefixed by `prefix`. */
export function explainZodIssues(
  opts: ExplainOptions,
  rootType: string,
  root: unknown,
  issues: readonly z.core.$ZodIssue[],
  prefix: PathSeg[],
): RawIssue[] {
  const out: RawIssue[] = [];
  const seen = new Set<string>();
  for (const zi of issues) {
    const path = zi.path as PathSeg[];
    const r = resolvePath(opts.index, rootType, root, path);
    const c: IssueCase = { opts, rootType, root, zi, path, full: [...prefix, ...path], prefix, r };
    for (const issue of (EXPLAIN[zi.code] ?? valueIssue)(c)) {
      const k = issue.code + '\u0000' + issue.path.join('\u0000') + '\u0000' + issue.anchor;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(issue);
    }
  }
  return out;
}

/** Members the object's type does not have (a `__` one is a downstream extension: a warning). */
function unknownMembers({ opts, zi, full, r }: IssueCase): RawIssue[] {
  const { index } = opts;
  const om = objectMembers(index, r.type ?? '', r.value);
  const names = om?.members.map((m) => m.name) ?? [];
  // conditional members may or may not exist in the build that sent the message
  const listed =
    om?.members.map((m) => (m.if !== undefined ? `${m.name} (only if ${describeIf(m.if)})` : m.name)) ?? [];
  const where = r.type ? describeOwner(index, r.type) : 'this object';
  // where a newer release may have the member: what "accepted by" looks its "(since X)" up under
  const def = r.type ? concreteEntity(index, r.type, r.value)?.name : undefined;
  const branchNote = om?.branches.length ? ` (${describeBranches(index, om.branches)})` : '';
  return (zi as z.core.$ZodIssueUnrecognizedKeys).keys.map((key) => {
    const downstream = key.startsWith('__');
    return {
      severity: downstream || opts.lenient ? 'warning' : 'error',
      code: downstream ? 'downstream-member' : 'unknown-member',
      path: [...full, key],
      anchor: 'key',
      message: downstream ? 'downstream member' : 'unknown member',
      text: downstream
        ? `'${quote(key)}' is a downstream extension, not a member of ${where}${branchNote}`
        : `'${quote(key)}' is not a member of ${where}${branchNote}${didYouMean(key, names)}; members: ${listNames(listed) || 'none'}`,
      ...(def && !downstream ? { def } : {}),
    };
  });
}

/** A union's discriminator that is missing, or holds no value that selects a branch. */
function discriminatorIssue({ opts, rootType, root, path, full, r }: IssueCase, disc: string): RawIssue[] {
  const { index } = opts;
  const up = resolvePath(index, rootType, root, path.slice(0, -1));
  const union = unionWithDiscriminator(index, up.type, up.value, disc);
  const unionText = union ? unionWords(index, union.name) : 'this union';
  const tagType = union ? index.get(union.tagType) : undefined;
  if (r.value === undefined) {
    const member = union?.members.find((m) => m.name === disc);
    const type = member ? ` (${describeType(index, member.type)})` : '';
    return [missingMember(full, `missing discriminator '${disc}'${type} of ${unionText}: it selects the branch`)];
  }
  const allowed = tagType?.meta === 'enum' ? listEnumValues(tagType) : '';
  const candidates = tagType?.meta === 'enum' ? tagType.values.map((v) => v.name) : [];
  const enumText = tagType && !isMasked(tagType) ? `a value of enum ${tagType.name}` : 'one of its values';
  const near = typeof r.value === 'string' ? didYouMean(r.value, candidates) : '';
  return [
    {
      severity: 'error',
      code: 'bad-discriminator',
      path: full,
      anchor: 'value',
      message: 'bad discriminator',
      text: `${describeValue(r.value)} does not select a branch of ${unionText}: discriminator '${disc}' must be ${enumText}${near}; allowed: ${allowed}`,
    },
  ];
}

/** A value whose JSON kind no alternative of its alternate takes. */
function noAlternative({ opts, full, r }: IssueCase): RawIssue[] {
  const { index } = opts;
  const alt = r.type ? index.get(r.type) : undefined;
  const kinds =
    alt?.meta === 'alternate'
      ? alt.alternatives
          .map((a) => (isMasked(alt) ? describeType(index, a.type) : `${a.name} (${describeType(index, a.type)})`))
          .join(', ')
      : '';
  // a masked alternate is said by the member it is the type of (withWhere)
  const of = alt && !isMasked(alt) ? ` of ${alt.name}` : '';
  const text = `${describeValue(r.value)} matches no alternative${of}: the JSON kind selects one of ${kinds}`;
  return [
    {
      severity: 'error',
      code: 'no-alternative',
      path: full,
      anchor: 'value',
      message: 'no alternative',
      text: withWhere({ text }, memberWhere(index, r)).text,
    },
  ];
}

/** A value that is not of its type: missing, of the wrong kind (reported where the kind goes wrong), out of range. */
function valueIssue({ opts, zi, rootType, root, path, full, prefix, r }: IssueCase): RawIssue[] {
  const { index } = opts;
  // the path runs through something that is not an object: report the wrong kind where it starts
  if (r.value === undefined && path.length > 0 && !isWireObject(r.parent) && !Array.isArray(r.parent)) {
    const up = path.slice(0, -1);
    const ru = resolvePath(index, rootType, root, up);
    if (!ru.type) return [];
    const ex = withWhere(explainValue(opts, ru.type, ru.value), memberWhere(index, ru));
    return [{ severity: 'error', path: [...prefix, ...up], anchor: 'value', ...ex }];
  }
  if (r.value === undefined && r.member) {
    const text = `missing required ${memberWhere(index, r)}, of type ${describeType(index, r.member.type)}`;
    return [{ ...missingMember(full, text), def: r.member.definedIn }];
  }
  if (!r.type)
    return [
      {
        severity: 'error',
        code: 'wrong-type',
        path: full,
        anchor: 'value',
        message: 'invalid value',
        text: zi.message,
      },
    ];
  const ex = explainValue(opts, r.type, r.value);
  return [{ severity: 'error', path: full, anchor: 'value', ...withWhere(ex, memberWhere(index, r)) }];
}

/** A required member absent: pointed at the object that lacks it. */
function missingMember(path: PathSeg[], text: string): RawIssue {
  return { severity: 'error', code: 'missing-member', path, anchor: 'parent', message: 'missing member', text };
}

function withWhere<T extends { text: string }>(ex: T, where: string): T {
  return where ? { ...ex, text: `${ex.text} (${where})` } : ex;
}
