/** @jsxImportSource @/lib/site/html */
// Enum values and alternate alternatives: the two "pick one" shapes.
import { inPage } from '@/lib/site/href';
import type { AlternateType, EnumType } from '@/lib/qapi/model';
import type { Child } from '@/lib/site/html/jsx-runtime';
import { isMaskedType } from '@/lib/site/masked-types';
import { IfBadge, RowBadges } from './Badges';
import { CodeLink } from './CodeLink';
import type { DocContext } from './Rst';
import { Description, DocTable } from './TableParts';
import { TypeRef } from './TypeRef';
import { BuildMarkBadge, buildMarkOf } from './BuildMark';

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
    <DocTable className="members values" columns={nested ? undefined : ['Value', 'Description']}>
      <tbody>
        {type.values.map((v) => {
          const mark = buildMarkOf(ctx, type.name, 'value', v.name);
          return (
            <tr key={v.name} id={nested ? undefined : `v-${v.name}`}>
              <td className="member-name">
                {nested ? (
                  <CodeLink href={valueHref?.(v.name)} className="branch-link" title="Go to this branch">
                    &quot;{v.name}&quot;
                  </CodeLink>
                ) : (
                  <CodeLink href={inPage(`v-${v.name}`)} className="anchor-link">
                    &quot;{v.name}&quot;
                  </CodeLink>
                )}
                <BuildMarkBadge site={ctx.site} mark={mark} />
              </td>
              <td className="member-desc">
                <Description text={v.description} ctx={ctx} mark={mark} />
                <RowBadges features={v.features} cond={v.if} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </DocTable>
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
    <DocTable className="members alternatives" columns={nested ? undefined : ['Alternative', 'Type', 'Description']}>
      <tbody>
        {type.alternatives.map((a) => {
          const t = ctx.site.index.get(a.type);
          const mark = buildMarkOf(ctx, type.name, 'alternative', a.name);
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
                {isMaskedType(ctx.site, a.name) ? null : (
                  <CodeLink href={nested ? undefined : inPage(`m-${a.name}`)} className="anchor-link">
                    {a.name}
                  </CodeLink>
                )}
                <span className="req">{hint}</span>
                <BuildMarkBadge site={ctx.site} mark={mark} />
              </td>
              <td className="member-type">
                <TypeRef site={ctx.site} name={a.type} breakable />
              </td>
              <td className="member-desc">
                <Description text={a.description} ctx={ctx} mark={mark} />
                <IfBadge cond={a.if} />
                {expand?.(a.type)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DocTable>
  );
}
