/** @jsxImportSource @/lib/site/html */
// The QMP envelope: what an event, a command, a reply, an error and the
// greeting look like on the wire (lib/site/protocol.ts), for readers who
// search the protocol's own words (`timestamp`, `execute`, `return`).
import { PROTOCOL_SECTIONS } from '@/lib/site/protocol';
import { highlightCode } from '@/lib/site/highlight';
import type { Child } from '@/lib/site/html/jsx-runtime';

/** Plain text with `code` spans. */
function Prose({ text }: { text: string }): Child {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code>{part}</code> : part));
}

export function ProtocolPage() {
  return (
    <article className="protocol-page">
      <h1>The QMP envelope</h1>
      <p className="lede">
        Every QMP message is one JSON object (the server ends each of its own with CR LF). Its top-level key says what
        it is: <code>QMP</code> (the greeting), <code>execute</code> (a command), <code>return</code> or{' '}
        <code>error</code> (the reply), <code>event</code>. The other pages of this site describe what goes inside; this
        page describes the envelope. Member order does not matter.
      </p>
      <nav aria-label="On this page">
        <ul className="protocol-toc">
          {PROTOCOL_SECTIONS.map((s) => (
            <li>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {PROTOCOL_SECTIONS.map((s) => (
        <section id={s.id} aria-labelledby={`${s.id}-title`}>
          <h2 id={`${s.id}-title`}>{s.title}</h2>
          <p className="protocol-keys">
            {s.keys.map((k) => (
              <code>{k}</code>
            ))}
          </p>
          {s.text.map((t) => (
            <p>
              <Prose text={t} />
            </p>
          ))}
          <div className="code-block" dangerouslySetInnerHTML={{ __html: highlightCode(s.example, 'qmp') }} />
        </section>
      ))}
    </article>
  );
}
