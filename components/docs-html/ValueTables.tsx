/** @jsxImportSource @/lib/site/html */
// Enum values and alternate alternatives: the two "pick one" shapes.
import type { AlternateType, EnumType } from '@/lib/qapi/model';
import type { Child } from '@/lib/site/html/jsx-runtime';
import { isMaskedType } from '@/lib/site/masked-types';
import { FeatureBadges, IfBadge } from './Badges';
import { RstTextCompact, type DocContext } from './Rst';
import { TypeRef } from './TypeRef';
import { Undocumented } from './Undocumented';

/** valueHref: where a value links to in a nested table (a union's discriminator values: their branch anchors). */
export function EnumValues({
  type,
  ctx,
  nested = false,
  valueHref,
}: {
  type: EnumType;
  ctx: DocContext;
  nested?: boolean;
  valueHref?: (value: string) => string | undefined;
}) {
  return (
    <div className="table-wrap">
      <table className="members values">
        {!nested && (
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
        )}
        <tbody>
          {type.values.map((v) => (
            <tr key={v.name} id={nested ? undefined : `v-${v.name}`}>
              <td className="member-name">
                {nested ? (
                  valueHref?.(v.name) ? (
                    <a className="branch-link" href={valueHref(v.name)} title="Go to this branch">
                      <code>&quot;{v.name}&quot;</code>
                    </a>
                  ) : (
                    <code>&quot;{v.name}&quot;</code>
                  )
                ) : (
                  <a className="anchor-link" href={`#v-${v.name}`}>
                    <code>&quot;{v.name}&quot;</code>
                  </a>
                )}
              </td>
              <td className="member-desc">
                {v.description ? <RstTextCompact text={v.description} ctx={ctx} /> : <Undocumented site={ctx.site} />}
                {(v.features.length > 0 || v.if) && (
                  <div className="member-badges">
                    <FeatureBadges features={v.features} />
                    <IfBadge cond={v.if} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const KIND_HINT: Record<string, string> = {
  string: 'a JSON string',
  number: 'a JSON number',
  int: 'a JSON integer',
  boolean: 'true or false',
  null: 'null',
  value: 'any JSON value',
};

/** expand: the expander of an alternative's type (MemberTable's), so structured alternatives open in place too. */
export function Alternatives({
  type,
  ctx,
  nested = false,
  expand,
}: {
  type: AlternateType;
  ctx: DocContext;
  nested?: boolean;
  expand?: (typeName: string) => Child;
}) {
  return (
    <div className="table-wrap">
      <table className="members alternatives">
        {!nested && (
          <thead>
            <tr>
              <th scope="col">Alternative</th>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
        )}
        <tbody>
          {type.alternatives.map((a) => {
            const t = ctx.site.index.get(a.type);
            const hint =
              t?.meta === 'builtin'
                ? KIND_HINT[t.jsonType]
                : t?.meta === 'enum'
                  ? 'a JSON string'
                  : t?.meta === 'array'
                    ? 'a JSON array'
                    : 'a JSON object';
            return (
              <tr key={a.name} id={nested ? undefined : `m-${a.name}`}>
                <td className="member-name">
                  {isMaskedType(ctx.site, a.name) ? null : nested ? (
                    <code>{a.name}</code>
                  ) : (
                    <a className="anchor-link" href={`#m-${a.name}`}>
                      <code>{a.name}</code>
                    </a>
                  )}
                  <span className="req">{hint}</span>
                </td>
                <td className="member-type">
                  <TypeRef site={ctx.site} name={a.type} />
                </td>
                <td className="member-desc">
                  {a.description ? <RstTextCompact text={a.description} ctx={ctx} /> : <Undocumented site={ctx.site} />}
                  <IfBadge cond={a.if} />
                  {expand?.(a.type)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
