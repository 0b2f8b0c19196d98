/** @jsxImportSource @/lib/site/html */
// A module (one schema file) laid out as QEMU's manual lays it out: its title,
// the free-form text under it, then each subsection with its text and the
// definitions that follow it in the file (lib/site/module-outline.ts), each
// definition with its kind, Since and the first line of its doc.
import type { Entity } from '@/lib/qapi/model';
import { moduleEntryId, type SiteModule, type SiteSchema } from '@/lib/site/site-schema';
import type { FreeformPart, ModuleSection } from '@/lib/site/module-outline';
import { definitionHref } from '@/lib/site/site-links';
import { kindLabel, plainText, sinceOf } from '@/lib/site/format';
import { inPage, withBase } from '@/lib/site/href';
import { InlineNodes, RstBlocks, type DocContext } from './Rst';

// Within a section: events, then commands, then types, each in source order.
const KIND_ORDER: Record<string, number> = { event: 0, command: 1 };

function Definitions({ site, entities }: { site: SiteSchema; entities: Entity[] }) {
  if (entities.length === 0) return null;
  const sorted = [...entities].sort((a, b) => (KIND_ORDER[a.meta] ?? 2) - (KIND_ORDER[b.meta] ?? 2));
  return (
    <ul className="def-summaries">
      {sorted.map((e) => (
        <li key={e.name} id={moduleEntryId(e.name)}>
          <a href={withBase(definitionHref(site, e))}>
            <code>{e.name}</code>
          </a>
          <span className={`kind kind-${e.meta}`}>{kindLabel(e.meta)}</span>
          {sinceOf(e) && <span className="since-inline">{sinceOf(e)}</span>}
          {e.doc && <p className="snippet">{plainText(e.doc.body.text, 140)}</p>}
        </li>
      ))}
    </ul>
  );
}

function Text({ parts, ctx }: { parts: FreeformPart[]; ctx: DocContext }) {
  const shown = parts.filter((p) => p.blocks.length > 0);
  if (shown.length === 0) return null;
  return (
    <div className="freeform">
      {shown.map((p) => (
        <RstBlocks blocks={p.blocks} ctx={{ ...ctx, text: p.doc.body }} />
      ))}
    </div>
  );
}

function Section({ site, section, ctx }: { site: SiteSchema; section: ModuleSection; ctx: DocContext }) {
  const { heading } = section;
  return (
    <section aria-labelledby={heading?.id} className="module-section">
      {heading && (
        <h2 id={heading.id}>
          <InlineNodes nodes={heading.children} ctx={ctx} />
        </h2>
      )}
      <Text parts={section.text} ctx={ctx} />
      <Definitions site={site} entities={section.entities} />
    </section>
  );
}

export function ModulePage({ site, module: m }: { site: SiteSchema; module: SiteModule }) {
  const ctx: DocContext = { site, exampleSeq: { n: 0 } };
  const { sections } = m.outline;
  const titled = sections.filter((s) => s.heading);
  return (
    <article className="module-page">
      <p className="kicker">
        <span className="kind kind-module">Module</span>{' '}
        <code>
          {site.rootDir ? `${site.rootDir}/` : ''}
          {m.name}
        </code>
      </p>
      <h1>{m.title}</h1>
      {titled.length > 1 && (
        <nav aria-label="Sections of this module">
          <ul className="module-toc">
            {titled.map((s) => (
              <li>
                <a href={inPage(s.heading!.id)}>{s.heading!.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {sections.map((s) => (
        <Section site={site} section={s} ctx={ctx} />
      ))}
      {m.entities.length === 0 && m.module.freeformDocs.length === 0 && <p className="muted">This module is empty.</p>}
    </article>
  );
}
