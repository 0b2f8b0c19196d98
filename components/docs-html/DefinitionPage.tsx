/** @jsxImportSource @/lib/site/html */
// The page of one definition (event, command, enum, struct, union,
// alternate): header with Since, feature badges, `if` and where it is defined;
// the intro; the wire shape; returns / errors; notes and examples in source
// order; features; and, for types, where they are used.
import type { Command, Entity, Event } from '@/lib/qapi/model';
import type { SiteSchema } from '@/lib/site/site-schema';
import { definedAt, hasPage, moduleEntryId, pageKind } from '@/lib/site/site-schema';
import { definitionHref, moduleHref } from '@/lib/site/site-links';
import { deprecationReplacement, kindLabel, sinceOf } from '@/lib/site/format';
import { inPage, withBase } from '@/lib/site/href';
import { dataType } from '@/lib/site/member-layout';
import { FeatureBadges, IfBadge, SinceBadge } from './Badges';
import { CodeLink } from './CodeLink';
import { History } from './History';
import { DocSections } from './DocSections';
import { CommandEnvelope, EventEnvelope } from './Envelope';
import { memberAnchors } from './member-anchors';
import { MemberTable, topExpander } from './MemberTable';
import { RstText, type DocContext } from './Rst';
import { ReturnsSection } from './Returns';
import { TypeRef } from './TypeRef';
import { Alternatives, EnumValues } from './ValueTables';
import { ValidateEventLink } from './ValidateEventLink';
import { IntrospectionNote } from './IntrospectionNote';

/** " Use X instead." when the deprecated feature's doc text names a replacement, X linked where it has a page or row. */
function Replacement({ site, e }: { site: SiteSchema; e: Entity }) {
  const name = deprecationReplacement(e.doc?.features.deprecated?.text);
  if (!name) return null;
  let href: string | undefined;
  if (name.startsWith('@')) {
    const data = dataType(e, site.index);
    const anchor = `m-${name.slice(1)}`;
    if (data && memberAnchors(data, { site }).has(anchor)) href = inPage(anchor);
  } else {
    const target = site.index.get(name);
    if (target && hasPage(target)) href = withBase(definitionHref(site, target));
  }
  const label = <code>{name.replace(/^@/, '')}</code>;
  return <> Use {href ? <a href={href}>{label}</a> : label} instead.</>;
}

function Header({ site, e }: { site: SiteSchema; e: Entity }) {
  const mod = site.moduleOf.get(e.name);
  const where = definedAt(site, e);
  const special = e.features.filter((f) => f.special);
  return (
    <header className="def-header">
      <p className="kicker">
        <span className={`kind kind-${e.meta}`}>{kindLabel(e.meta)}</span>
        {mod && (
          <>
            {' in '}
            <a href={withBase(moduleHref(site, mod))}>{mod.title}</a>
          </>
        )}
      </p>
      <h1 className="def-name">
        <code>{e.name}</code>
      </h1>
      <div className="def-badges">
        <SinceBadge since={sinceOf(e)} />
        <FeatureBadges features={e.features} />
        <IfBadge cond={e.if} />
      </div>
      {special.map((f) => (
        <p key={f.name} className={`pip pip-${f.name}`}>
          This {kindLabel(e.meta).toLowerCase()} is {f.name === 'deprecated' ? 'deprecated' : 'unstable (experimental)'}
          .{f.name === 'deprecated' && <Replacement site={site} e={e} />}
        </p>
      ))}
      {where && (
        <p className="defined-at">
          Defined at{' '}
          <CodeLink
            href={mod && withBase(moduleHref(site, mod)) + inPage(moduleEntryId(e.name))}
            title={mod && `${e.name} in the list of ${mod.title}`}
          >
            {where}
          </CodeLink>
        </p>
      )}
      {e.meta === 'event' && <ValidateEventLink site={site} name={e.name} />}
    </header>
  );
}

/** The members of an event's data or a command's arguments (`field`), or `none` when it has none. */
function DataMembers({
  data,
  ctx,
  field,
  none,
}: {
  data: Entity | undefined;
  ctx: DocContext;
  field: string;
  none: string;
}) {
  if (!data) return <p className="muted">{none}</p>;
  return (
    <>
      {!data.implicit && (
        <p className="data-type">
          <code>{field}</code> is a <TypeRef site={ctx.site} name={data.name} />:
        </p>
      )}
      <MemberTable obj={data} ctx={ctx} />
    </>
  );
}

function WireShapeSection({ site, e, ctx }: { site: SiteSchema; e: Entity; ctx: DocContext }) {
  const data = dataType(e, site.index);
  if (e.meta === 'event') {
    return (
      <section aria-labelledby="wire">
        <h2 id="wire">Wire shape</h2>
        <EventEnvelope event={e as Event} hasData={!!data} />
        <h3 id="members">Members</h3>
        <DataMembers data={data} ctx={ctx} field="data" none="This event carries no data." />
      </section>
    );
  }
  if (e.meta === 'command') {
    const c = e as Command;
    const flags = [
      c.allowOob && 'allow-oob',
      c.allowPreconfig && 'allow-preconfig',
      c.coroutine && 'coroutine',
      c.boxed && 'boxed',
      !c.gen && 'gen: false',
    ].filter(Boolean) as string[];
    return (
      <section aria-labelledby="wire">
        <h2 id="wire">Wire shape</h2>
        <CommandEnvelope site={site} command={c} hasArgs={!!data} />
        {flags.length > 0 && (
          <p className="flags">
            {flags.map((f) => (
              <span key={f} className="badge flag">
                {f}
              </span>
            ))}
          </p>
        )}
        <h3 id="arguments">Arguments</h3>
        <DataMembers data={data} ctx={ctx} field="arguments" none="No arguments." />
        <ReturnsSection command={c} ctx={ctx} />
        {e.doc?.errors && (
          <>
            <h3 id="errors">Errors</h3>
            <RstText text={e.doc.errors} ctx={ctx} />
          </>
        )}
      </section>
    );
  }
  switch (e.meta) {
    case 'struct':
    case 'union':
      return (
        <section aria-labelledby="wire">
          <h2 id="wire">Members</h2>
          {e.meta === 'union' && (
            <p className="data-type">
              A JSON object; the value of <code>{e.discriminator}</code> (a <TypeRef site={site} name={e.tagType} />)
              selects which branch members are present.
            </p>
          )}
          <MemberTable obj={e} ctx={ctx} />
          {e.meta === 'struct' && e.members.length === 0 && <p className="muted">An empty JSON object.</p>}
        </section>
      );
    case 'enum':
      return (
        <section aria-labelledby="wire">
          <h2 id="wire">Values</h2>
          <p className="data-type">A JSON string, one of:</p>
          <EnumValues type={e} ctx={ctx} />
        </section>
      );
    case 'alternate':
      return (
        <section aria-labelledby="wire">
          <h2 id="wire">Alternatives</h2>
          <p className="data-type">The JSON type of the value selects the alternative.</p>
          <Alternatives type={e} ctx={ctx} expand={topExpander(ctx, e.name)} />
        </section>
      );
    default:
      return null;
  }
}

function Features({ e, ctx }: { e: Entity; ctx: DocContext }) {
  const features = Object.entries(e.doc?.features ?? {});
  if (features.length === 0) return null;
  return (
    <section aria-labelledby="features">
      <h2 id="features">Features</h2>
      <dl className="features">
        {features.map(([name, text]) => (
          <div key={name} id={`f-${name}`}>
            <dt>
              <span className={`badge feature feature-${name}`}>{name}</span>
            </dt>
            <dd>
              <RstText text={text} ctx={ctx} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function UsedBy({ site, e }: { site: SiteSchema; e: Entity }) {
  if (pageKind(e) !== 'type') return null;
  const users = (site.usedBy.get(e.name) ?? []).map((n) => site.index.get(n)!).filter(Boolean);
  return (
    <section aria-labelledby="used-by">
      <h2 id="used-by">Used by</h2>
      {users.length === 0 ? (
        <p className="muted">Not referenced by any other definition.</p>
      ) : (
        <ul className="used-by">
          {users.map((u) => (
            <li key={u.name}>
              <span className={`kind kind-${u.meta}`}>{kindLabel(u.meta)}</span>{' '}
              <a href={withBase(definitionHref(site, u))}>
                <code>{u.name}</code>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DefinitionPage({ site, entity: e }: { site: SiteSchema; entity: Entity }) {
  const base: DocContext = { site, entity: e, exampleSeq: { n: 0 } };
  const ctx: DocContext = { ...base, memberAnchors: memberAnchors(dataType(e, site.index), base) };
  const doc = e.doc;
  return (
    <article className="definition" data-kind={e.meta}>
      <Header site={site} e={e} />
      <IntrospectionNote site={site} e={e} />
      <div className="intro">
        {doc?.body.text.trim() ? (
          <RstText text={doc.body} ctx={ctx} />
        ) : (
          site.model.origin?.kind !== 'introspection' && <p className="muted">No description.</p>
        )}
      </div>
      <WireShapeSection site={site} e={e} ctx={ctx} />
      <DocSections doc={doc} ctx={ctx} />
      <Features e={e} ctx={ctx} />
      <UsedBy site={site} e={e} />
      <History entity={e} />
    </article>
  );
}
