/** @jsxImportSource @/lib/site/html */
// The JSON envelope a message travels in (qmp-spec.rst "Asynchronous events",
// "Issuing Commands"), with the data part pointing at the members table. A
// command's reply shows the members of its return type (of the element type
// for arrays), each key linked to its row in the Returns table.
import { inPage } from '@/lib/site/href';
import type { Command, Event } from '@/lib/qapi/model';
import type { SiteSchema } from '@/lib/site/site-schema';
import { elementName } from '@/lib/site/site-schema';
import { memberAnchor, memberLayout } from '@/lib/site/member-layout';

import { TypeRef } from './TypeRef';

const K = ({ children }: { children: string }) => <span className="tk-key">&quot;{children}&quot;</span>;
const S = ({ children }: { children: string }) => <span className="tk-string">&quot;{children}&quot;</span>;
const P = ({ children }: { children: string }) => <span className="tk-punct">{children}</span>;
const C = ({ children }: { children: string }) => <span className="tk-comment">{children}</span>;

/** Members listed in the box before "… N more below". */
const REPLY_KEYS = 12;

export function EventEnvelope({ event, hasData }: { event: Event; hasData: boolean }) {
  return (
    <pre className="envelope shiki" aria-label="Event envelope">
      <code>
        <P>{'{ '}</P>
        <K>event</K>
        <P>: </P>
        <S>{event.name}</S>
        <P>,</P>
        {'\n'}
        {hasData && (
          <>
            {'  '}
            <K>data</K>
            <P>: </P>
            <C>{'{ … members below … }'}</C>
            <P>,</P>
            {'\n'}
          </>
        )}
        {'  '}
        <K>timestamp</K>
        <P>{': { '}</P>
        <K>seconds</K>
        <P>: </P>
        <C>int</C>
        <P>, </P>
        <K>microseconds</K>
        <P>: </P>
        <C>int</C>
        <P>{' } }'}</P>
      </code>
    </pre>
  );
}

/** The value of "return": an object's keys (one per line), an array of such objects, or the type's name. */
function ReplyValue({ site, name }: { site: SiteSchema; name: string }) {
  const t = site.index.get(name);
  const isArray = t?.meta === 'array';
  const elem = site.index.get(elementName(name, site.index));
  if (!elem || (elem.meta !== 'struct' && elem.meta !== 'union')) return <TypeRef site={site} name={name} />;
  const shape = memberLayout(elem, site.index);
  const fixed = shape.groups.filter((g) => g.origin.kind !== 'branch').flatMap((g) => g.members.map((m) => ({ g, m })));
  const hasBranches = shape.groups.some((g) => g.origin.kind === 'branch' && g.members.length > 0);
  const shown = fixed.slice(0, REPLY_KEYS);
  const pad = isArray ? '       ' : '     ';
  return (
    <>
      {isArray && <P>{'[ '}</P>}
      <P>{'{'}</P>
      {shown.map(({ g, m }, i) => (
        <>
          {'\n' + pad}
          <a className="reply-key" href={inPage(memberAnchor(g, m, 'r'))}>
            <K>{m.name}</K>
          </a>
          <P>: </P>
          <TypeRef site={site} name={m.type} />
          {i < shown.length - 1 || fixed.length > shown.length || hasBranches ? <P>,</P> : null}
          {m.optional && <C> (optional)</C>}
        </>
      ))}
      {fixed.length > shown.length && (
        <>
          {'\n' + pad}
          <C>{`… ${fixed.length - shown.length} more members below`}</C>
        </>
      )}
      {hasBranches && shape.discriminator && (
        <>
          {'\n' + pad}
          <C>{`… the members of the "${shape.discriminator}" branch`}</C>
        </>
      )}
      {fixed.length === 0 && !hasBranches && <C>{' (no members) '}</C>}
      {'\n' + pad.slice(2)}
      <P>{'}'}</P>
      {isArray && (
        <>
          <P>, </P>
          <C>…</C>
          <P>{' ]'}</P>
        </>
      )}
    </>
  );
}

export function CommandEnvelope({ site, command, hasArgs }: { site: SiteSchema; command: Command; hasArgs: boolean }) {
  return (
    <pre className="envelope shiki" aria-label="Command envelope">
      <code>
        <span className="tk-client">-&gt;</span> <P>{'{ '}</P>
        <K>execute</K>
        <P>: </P>
        <S>{command.name}</S>
        {hasArgs && (
          <>
            <P>,</P>
            {'\n   '}
            <K>arguments</K>
            <P>: </P>
            <C>{'{ … members below … }'}</C>
          </>
        )}
        <P>{' }'}</P>
        {'\n'}
        {command.successResponse ? (
          <>
            <span className="tk-server">&lt;-</span> <P>{'{ '}</P>
            <K>return</K>
            <P>: </P>
            {command.returns ? <ReplyValue site={site} name={command.returns} /> : <P>{'{}'}</P>}
            <P>{' }'}</P>
          </>
        ) : (
          <C>(no success response)</C>
        )}
      </code>
    </pre>
  );
}
