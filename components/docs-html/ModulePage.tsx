/** @jsxImportSource @/lib/site/html */
// A module (one schema file): its free-form docs (title, intro) and its
// definitions by kind, each with Since and the first line of its doc.
import type { Entity } from '@/lib/qapi/model';
import { moduleEntryId, type SiteModule, type SiteSchema } from '@/lib/site/site-schema';
import { definitionHref } from '@/lib/site/site-links';
import { plainText, sinceOf } from '@/lib/site/format';
import { withBase } from '@/lib/site/href';
import { RstBlocks, type DocContext } from './Rst';
import { parseRst } from '@/lib/site/rst/blocks';
import { inlineText } from '@/lib/site/rst/inline';

const GROUPS: { title: string; id: string; metas: Entity['meta'][] }[] = [
  { title: 'Events', id: 'events', metas: ['event'] },
  { title: 'Commands', id: 'commands', metas: ['command'] },
  { title: 'Types', id: 'types', metas: ['struct', 'union', 'alternate', 'enum'] },
];

export function ModulePage({ site, module: m }: { site: SiteSchema; module: SiteModule }) {
  const ctx: DocContext = { site, exampleSeq: { n: 0 } };
  return (
    <article className="module-page">
      <p className="kicker"><span className="kind kind-module">Module</span> <code>{site.rootDir}/{m.name}</code></p>
      <h1>{m.title}</h1>
      {m.module.freeformDocs.length > 0 && (
        <div className="freeform">
          {m.module.freeformDocs.map((d, i) => {
            // The module title is the page's <h1>; do not repeat it as the first heading.
            let blocks = parseRst(d.body.text);
            const first = blocks[0];
            if (i === 0 && first?.t === 'heading' && inlineText(first.children) === m.title) blocks = blocks.slice(1);
            return <RstBlocks key={i} blocks={blocks} ctx={{ ...ctx, text: d.body }} />;
          })}
        </div>
      )}
      {GROUPS.map((g) => {
        const list = m.entities.filter((e) => g.metas.includes(e.meta));
        if (list.length === 0) return null;
        return (
          <section key={g.id} aria-labelledby={g.id}>
            <h2 id={g.id}>{g.title} <span className="count">{list.length}</span></h2>
            <ul className="def-summaries">
              {list.map((e) => (
                <li key={e.name} id={moduleEntryId(e.name)}>
                  <a href={withBase(definitionHref(site, e))}><code>{e.name}</code></a>
                  {g.id === 'types' && <span className={`kind kind-${e.meta}`}>{e.meta}</span>}
                  {sinceOf(e) && <span className="since-inline">{sinceOf(e)}</span>}
                  {e.doc && <p className="snippet">{plainText(e.doc.body.text, 140)}</p>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </article>
  );
}
