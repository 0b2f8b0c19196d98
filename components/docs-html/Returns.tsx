/** @jsxImportSource @/lib/site/html */
// A command's reply: what "return" holds, expanded like the arguments. An
// object type gets its member table (anchors r-<member>, branches rb-<value>,
// nested types expandable); an array gets its element type's; enums and
// alternates their values; builtins their JSON type. Then the doc's Returns
// text.
import type { Command } from '@/lib/qapi/model';
import { elementName } from '@/lib/site/site-schema';
import { MemberTable, topExpander } from './MemberTable';
import { RstText, type DocContext } from './Rst';
import { TypeRef } from './TypeRef';
import { articleFor } from '@/lib/site/masked-types';
import { Alternatives, EnumValues } from './ValueTables';

function ReturnTable({ name, ctx }: { name: string; ctx: DocContext }) {
  const t = ctx.site.index.get(name);
  switch (t?.meta) {
    case 'struct':
    case 'union':
      return <MemberTable obj={t} ctx={ctx} ns="r" />;
    case 'enum':
      return <EnumValues type={t} ctx={ctx} nested />;
    case 'alternate':
      return <Alternatives type={t} ctx={ctx} nested expand={topExpander(ctx, t.name)} />;
    default:
      return null;
  }
}

export function ReturnsSection({ command: c, ctx }: { command: Command; ctx: DocContext }) {
  // @member references in reply descriptions name reply members, not arguments
  const replyCtx: DocContext = { ...ctx, memberAnchors: undefined };
  const site = ctx.site;
  return (
    <section aria-labelledby="returns" className="returns">
      <h3 id="returns">Returns</h3>
      {!c.returns ? (
        <p className="muted">
          An empty object (<code>{'{}'}</code>) on success.
        </p>
      ) : (
        <>
          <p className="data-type">
            {site.index.get(c.returns)?.meta === 'array' ? (
              <>
                <code>return</code> is a JSON array; each element is{' '}
                {articleFor(site, elementName(c.returns, site.index))}{' '}
                <TypeRef site={site} name={elementName(c.returns, site.index)} />:
              </>
            ) : (
              <>
                <code>return</code> is {articleFor(site, c.returns)} <TypeRef site={site} name={c.returns} />
                {site.index.get(c.returns)?.meta === 'builtin' ? '.' : ':'}
              </>
            )}
          </p>
          <ReturnTable name={elementName(c.returns, site.index)} ctx={replyCtx} />
        </>
      )}
      <RstText text={c.doc?.returns} ctx={replyCtx} />
    </section>
  );
}
