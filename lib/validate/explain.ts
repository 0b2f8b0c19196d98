// Zod issues -> issues in QAPI terms. Receives the zod issues of one value
// checked against a QAPI type, the value itself and the model; guarantees one
// RawIssue per problem, with the JSON path, a stable code, the severity under
// the validator's options, and a text that names the expected type, the
// allowed enum values, the union branch in force and why, the member's owning
// definition, and a "did you mean". Positions are added later (locate.ts).
import type * as z from 'zod';
import type { Member, SchemaIndex } from '../qapi/model';
import { alternativeFor, concreteEntity, objectMembers, selectedBranch } from './walk';
import { describeIf, describeOwner, describeType, describeValue, listEnumValues } from './describe';
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
  branches: string[];
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
  let branches: string[] = [];
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
  let s = `member '${r.member.name}' of ${describeOwner(index, r.owner)}`;
  if (r.member.definedIn !== r.owner && !r.member.definedIn.startsWith('q_obj_'))
    s += ` (declared in ${r.member.definedIn})`;
  if (r.branches.length) s += ` (${r.branches.join('; ')})`;
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
      text: `'${quote(value)}' is not a value of enum ${type}${didYouMean(
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

/** Maps the zod issues of a value checked against `rootType` to RawIssues, with paths prefixed by `prefix`. */
export function explainZodIssues(
  opts: ExplainOptions,
  rootType: string,
  root: unknown,
  issues: readonly z.core.$ZodIssue[],
  prefix: PathSeg[],
): RawIssue[] {
  const { index } = opts;
  const out: RawIssue[] = [];
  const seen = new Set<string>();
  const push = (issue: RawIssue): void => {
    const k = issue.code + '\u0000' + issue.path.join('\u0000') + '\u0000' + issue.anchor;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(issue);
  };
  for (const zi of issues) {
    const path = zi.path as PathSeg[];
    const r = resolvePath(index, rootType, root, path);
    const full = [...prefix, ...path];
    if (zi.code === 'unrecognized_keys') {
      const om = objectMembers(index, r.type ?? '', r.value);
      const names = om?.members.map((m) => m.name) ?? [];
      // conditional members may or may not exist in the build that sent the message
      const listed =
        om?.members.map((m) => (m.if !== undefined ? `${m.name} (only if ${describeIf(m.if)})` : m.name)) ?? [];
      const where = r.type ? describeOwner(index, r.type) : 'this object';
      // where a newer release may have the member: what "accepted by" looks its "(since X)" up under
      const def = r.type ? concreteEntity(index, r.type, r.value)?.name : undefined;
      for (const key of zi.keys) {
        const downstream = key.startsWith('__');
        const severity: Severity = downstream || opts.lenient ? 'warning' : 'error';
        const branchNote = om?.branches.length ? ` (${om.branches.join('; ')})` : '';
        push({
          severity,
          code: downstream ? 'downstream-member' : 'unknown-member',
          path: [...full, key],
          anchor: 'key',
          message: downstream ? 'downstream member' : 'unknown member',
          text: downstream
            ? `'${quote(key)}' is a downstream extension, not a member of ${where}${branchNote}`
            : `'${quote(key)}' is not a member of ${where}${branchNote}${didYouMean(key, names)}; members: ${listed.join(', ') || 'none'}`,
          ...(def && !downstream ? { def } : {}),
        });
      }
      continue;
    }
    // the path runs through something that is not an object: report the wrong kind where it starts
    if (r.value === undefined && path.length > 0 && !isWireObject(r.parent) && !Array.isArray(r.parent)) {
      const up = path.slice(0, -1);
      const ru = resolvePath(index, rootType, root, up);
      if (ru.type)
        push({
          severity: 'error',
          path: [...prefix, ...up],
          anchor: 'value',
          ...withWhere(explainValue(opts, ru.type, ru.value), memberWhere(index, ru)),
        });
      continue;
    }
    if (zi.code === 'invalid_union' && 'discriminator' in zi && zi.discriminator !== undefined) {
      const up = path.slice(0, -1);
      const ru = resolvePath(index, rootType, root, up);
      const unionName = unionAt(index, ru.type, ru.value, String(zi.discriminator));
      const union = unionName ? index.get(unionName) : undefined;
      const tagType = union?.meta === 'union' ? index.get(union.tagType) : undefined;
      const disc = String(zi.discriminator);
      if (r.value === undefined) {
        const member = union?.meta === 'union' ? union.members.find((m) => m.name === disc) : undefined;
        push(
          missingMember(
            full,
            `missing discriminator '${disc}'${member ? ` (${describeType(index, member.type)})` : ''} of union ${unionName ?? '?'}: it selects the branch`,
          ),
        );
      } else {
        const allowed = tagType?.meta === 'enum' ? listEnumValues(tagType) : '';
        const candidates = tagType?.meta === 'enum' ? tagType.values.map((v) => v.name) : [];
        push({
          severity: 'error',
          code: 'bad-discriminator',
          path: full,
          anchor: 'value',
          message: 'bad discriminator',
          text: `${describeValue(r.value)} does not select a branch of union ${unionName ?? '?'}: discriminator '${disc}' must be a value of enum ${tagType?.name ?? '?'}${typeof r.value === 'string' ? didYouMean(r.value, candidates) : ''}; allowed: ${allowed}`,
        });
      }
      continue;
    }
    if (zi.code === 'custom' && (zi.params as { qapi?: string } | undefined)?.qapi === 'no-alternative') {
      const alt = r.type ? index.get(r.type) : undefined;
      const kinds =
        alt?.meta === 'alternate'
          ? alt.alternatives.map((a) => `${a.name} (${describeType(index, a.type)})`).join(', ')
          : '';
      push({
        severity: 'error',
        code: 'no-alternative',
        path: full,
        anchor: 'value',
        message: 'no alternative',
        text: withWhere(
          {
            text: `${describeValue(r.value)} matches no alternative of ${r.type}: the JSON kind selects one of ${kinds}`,
          },
          memberWhere(index, r),
        ).text,
      });
      continue;
    }
    if (r.value === undefined && r.member) {
      push({
        ...missingMember(
          full,
          `missing required ${memberWhere(index, r)}, of type ${describeType(index, r.member.type)}`,
        ),
        def: r.member.definedIn,
      });
      continue;
    }
    if (!r.type) {
      push({
        severity: 'error',
        code: 'wrong-type',
        path: full,
        anchor: 'value',
        message: 'invalid value',
        text: zi.message,
      });
      continue;
    }
    const ex = explainValue(opts, r.type, r.value);
    push({ severity: 'error', path: full, anchor: 'value', ...withWhere(ex, memberWhere(index, r)) });
  }
  return out;
}

/** A required member absent: pointed at the object that lacks it. */
function missingMember(path: PathSeg[], text: string): RawIssue {
  return { severity: 'error', code: 'missing-member', path, anchor: 'parent', message: 'missing member', text };
}

function withWhere<T extends { text: string }>(ex: T, where: string): T {
  return where ? { ...ex, text: `${ex.text} (${where})` } : ex;
}

/** The union whose discriminator is `disc` for an object of type `type` (it may be a union nested in a branch). */
function unionAt(index: SchemaIndex, type: string | null, value: unknown, disc: string): string | null {
  let name = type;
  for (let guard = 0; name && guard < 16; guard++) {
    const e = index.get(name);
    if (e?.meta === 'alternate') {
      name = alternativeFor(index, e, value);
      continue;
    }
    if (e?.meta !== 'union') return null;
    if (e.discriminator === disc) return e.name;
    name = selectedBranch(e, value)?.type ?? null;
  }
  return null;
}
