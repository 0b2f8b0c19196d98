/** @jsxImportSource @/lib/site/html */
// The JSON envelope a message travels in (qmp-spec.rst "Asynchronous events",
// "Issuing Commands"), with the data part pointing at the members table.
import type { Command, Event } from '@/lib/qapi/model';
import type { SiteSchema } from '@/lib/site/site-schema';
import { TypeRef } from './TypeRef';

const K = ({ children }: { children: string }) => <span className="tk-key">&quot;{children}&quot;</span>;
const S = ({ children }: { children: string }) => <span className="tk-string">&quot;{children}&quot;</span>;
const P = ({ children }: { children: string }) => <span className="tk-punct">{children}</span>;
const C = ({ children }: { children: string }) => <span className="tk-comment">{children}</span>;

export function EventEnvelope({ event, hasData }: { event: Event; hasData: boolean }) {
  return (
    <pre className="envelope shiki" aria-label="Event envelope">
      <code>
        <P>{'{ '}</P><K>event</K><P>: </P><S>{event.name}</S><P>,</P>{'\n'}
        {hasData && (
          <>
            {'  '}<K>data</K><P>: </P><C>{'{ … members below … }'}</C><P>,</P>{'\n'}
          </>
        )}
        {'  '}<K>timestamp</K><P>{': { '}</P><K>seconds</K><P>: </P><C>int</C><P>, </P><K>microseconds</K><P>: </P><C>int</C><P>{' } }'}</P>
      </code>
    </pre>
  );
}

export function CommandEnvelope({ site, command, hasArgs }: { site: SiteSchema; command: Command; hasArgs: boolean }) {
  return (
    <pre className="envelope shiki" aria-label="Command envelope">
      <code>
        <span className="tk-client">-&gt;</span> <P>{'{ '}</P><K>execute</K><P>: </P><S>{command.name}</S>
        {hasArgs && (
          <>
            <P>,</P>{'\n   '}<K>arguments</K><P>: </P><C>{'{ … members below … }'}</C>
          </>
        )}
        <P>{' }'}</P>{'\n'}
        {command.successResponse ? (
          <>
            <span className="tk-server">&lt;-</span> <P>{'{ '}</P><K>return</K><P>: </P>
            {command.returns ? <TypeRef site={site} name={command.returns} /> : <P>{'{}'}</P>}
            <P>{' }'}</P>
          </>
        ) : (
          <C>(no success response)</C>
        )}
      </code>
    </pre>
  );
}
