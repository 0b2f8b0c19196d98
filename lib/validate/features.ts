// Special features in a message: receives a value already checked against a
// type; returns a warning (or, with deprecated: 'error', an error) for every
// deprecated or unstable member and enum value it uses (qapi-code-gen
// "Features"; QEMU's -compat policy). Types that cannot reach a special
// feature are skipped without walking the value.
import type { Entity, Feature, SchemaIndex } from '../qapi/model';
import { alternativeFor, childTypes, objectMembers } from './walk';
import { describeOwner } from './describe';
import { isMasked, placeOf } from './places';
import type { PathSeg, RawIssue } from './explain';
import type { Direction } from './ranges';
import { isWireObject, own } from './wire';

export interface FeatureOptions {
  index: SchemaIndex;
  direction: Direction;
  deprecatedIsError: boolean;
}

const reachCache = new WeakMap<SchemaIndex, Map<string, boolean>>();

const special = (fs: Feature[]): boolean => fs.some((f) => f.special);

/** Whether a type itself (not what it contains) has a deprecated or unstable member or enum value. */
function ownSpecial(e: Entity | undefined): boolean {
  if (e?.meta === 'enum') return e.values.some((v) => special(v.features));
  return (e?.meta === 'struct' || e?.meta === 'union') && e.members.some((m) => special(m.features));
}

/**
 * Can a value of this type contain a deprecated or unstable member or enum value? Depth first with a stack of
 * its own (a chain of types is as deep as the schema makes it); a type met again on its own path counts as no.
 */
export function reachesSpecial(index: SchemaIndex, name: string): boolean {
  let memo = reachCache.get(index);
  if (!memo) reachCache.set(index, (memo = new Map()));
  const known = memo.get(name);
  if (known !== undefined) return known;
  const visit = (n: string) => {
    const e = index.get(n);
    memo.set(n, false);
    return { name: n, children: e && e.meta !== 'enum' ? childTypes(e) : [], at: 0, result: ownSpecial(e) };
  };
  const stack = [visit(name)];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.result || top.at === top.children.length) {
      memo.set(top.name, top.result);
      stack.pop();
      if (top.result && stack.length) stack[stack.length - 1]!.result = true;
      continue;
    }
    const child = top.children[top.at++]!;
    const k = memo.get(child);
    if (k === undefined) stack.push(visit(child));
    else if (k) top.result = true;
  }
  return memo.get(name)!;
}

export function specialFeatureIssue(
  opts: FeatureOptions,
  features: Feature[],
  what: string,
  path: PathSeg[],
  anchor: RawIssue['anchor'],
): RawIssue[] {
  const out: RawIssue[] = [];
  for (const f of features) {
    if (!f.special) continue;
    const deprecated = f.name === 'deprecated';
    const policy = deprecated
      ? opts.direction === 'input'
        ? 'QEMU rejects it under -compat deprecated-input=reject'
        : 'QEMU omits it under -compat deprecated-output=hide'
      : opts.direction === 'input'
        ? 'QEMU rejects it under -compat unstable-input=reject'
        : 'QEMU omits it under -compat unstable-output=hide';
    out.push({
      severity: deprecated && opts.deprecatedIsError ? 'error' : 'warning',
      code: deprecated ? 'deprecated' : 'unstable',
      path,
      anchor,
      message: deprecated ? 'deprecated' : 'unstable',
      text: `${what} is ${f.name}: ${policy}`,
    });
  }
  return out;
}

/** Deprecated/unstable things used inside `value` of type `type`. */
export function featureIssues(opts: FeatureOptions, type: string, value: unknown, path: PathSeg[]): RawIssue[] {
  const out: RawIssue[] = [];
  walk(opts, type, value, path, out, 0);
  return out;
}

function walk(
  opts: FeatureOptions,
  type: string,
  value: unknown,
  path: PathSeg[],
  out: RawIssue[],
  depth: number,
): void {
  const { index } = opts;
  if (depth > 200 || !reachesSpecial(index, type)) return;
  const e = index.get(type);
  if (!e) return;
  if (e.meta === 'enum') {
    const v = typeof value === 'string' ? e.values.find((x) => x.name === value) : undefined;
    const of = isMasked(e) ? (placeOf(index, e.name) ?? 'its enum') : `enum ${e.name}`;
    if (v) out.push(...specialFeatureIssue(opts, v.features, `value '${v.name}' of ${of}`, path, 'value'));
  } else if (e.meta === 'array') {
    if (Array.isArray(value)) value.forEach((item, i) => walk(opts, e.elementType, item, [...path, i], out, depth + 1));
  } else if (e.meta === 'alternate') {
    const alt = alternativeFor(index, e, value);
    if (alt) walk(opts, alt, value, path, out, depth + 1);
  } else if ((e.meta === 'struct' || e.meta === 'union') && isWireObject(value)) {
    const om = objectMembers(index, type, value);
    for (const m of om?.members ?? []) {
      if (!Object.hasOwn(value, m.name)) continue;
      const where = `member '${m.name}' of ${describeOwner(index, m.definedIn)}`;
      out.push(...specialFeatureIssue(opts, m.features, where, [...path, m.name], 'key'));
      walk(opts, m.type, own(value, m.name), [...path, m.name], out, depth + 1);
    }
  }
}
