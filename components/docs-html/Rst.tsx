/** @jsxImportSource @/lib/site/html */
// Renders parsed rST (lib/site/rst) to HTML strings with the string JSX
// runtime (lib/site/html). Every string is schema text and is escaped; the
// only hrefs are site paths we built and URLs that passed safeUrl().
// qmp-example blocks are delegated to QmpExampleBlock, which finds the example in
// the doc model by source position (the rendered text, ctx.text, and the
// directive's line in it).
import type { Child } from '@/lib/site/html/jsx-runtime';
import type { DocText, Entity } from '@/lib/qapi/model';
import type { Block, Inline } from '@/lib/site/rst/ast';
import { parseRst } from '@/lib/site/rst/blocks';

import { inPage, withBase } from '@/lib/site/href';
import { xrefHref } from '@/lib/site/site-links';
import type { SiteSchema } from '@/lib/site/site-schema';
import { highlightCode } from '@/lib/site/highlight';
import { CodeLink } from './CodeLink';
import { QmpExampleBlock } from './QmpExample';

export interface DocContext {
  site: SiteSchema;
  /** the definition whose page is rendered */
  entity?: Entity;
  /** anchor ids of members on this page: @name links to them */
  memberAnchors?: Set<string>;
  /** the model's doc text being rendered (set by RstText): examples are found by their position in it */
  text?: DocText;
  /** numbers the qmp-examples of a page, for their anchor ids */
  exampleSeq?: { n: number };
}

export function InlineNodes({ nodes, ctx }: { nodes: Inline[]; ctx: DocContext }): Child {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return n.text;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'em':
        return (
          <em key={i}>
            <InlineNodes nodes={n.children} ctx={ctx} />
          </em>
        );
      case 'strong':
        return (
          <strong key={i}>
            <InlineNodes nodes={n.children} ctx={ctx} />
          </strong>
        );
      case 'member': {
        const anchor = `m-${n.name}`;
        return (
          <CodeLink key={i} href={ctx.memberAnchors?.has(anchor) ? inPage(anchor) : undefined} className="member-ref">
            {n.name}
          </CodeLink>
        );
      }
      case 'xref': {
        const href = xrefHref(ctx.site, n.role, n.target);
        return (
          <CodeLink key={i} href={href ? withBase(href) : undefined} className="xref">
            {n.text}
          </CodeLink>
        );
      }
      case 'link':
        return (
          <a key={i} href={n.url} rel="noopener noreferrer">
            {n.text}
          </a>
        );
    }
  });
}

export function RstBlocks({ blocks, ctx }: { blocks: Block[]; ctx: DocContext }): Child {
  return blocks.map((b, i) => <RstBlock key={i} block={b} ctx={ctx} />);
}

/** A bulleted list, or a numbered one from its first number. */
function List({ list, ctx }: { list: Extract<Block, { t: 'bullets' | 'enum' }>; ctx: DocContext }): Child {
  const items = list.items.map((item, i) => (
    <li key={i}>
      <RstBlocks blocks={item} ctx={ctx} />
    </li>
  ));
  return list.t === 'bullets' ? <ul>{items}</ul> : <ol start={list.start === 1 ? undefined : list.start}>{items}</ol>;
}

const ADMONITION_TITLE: Record<string, string> = {
  note: 'Note',
  caution: 'Caution',
  warning: 'Warning',
  important: 'Important',
  tip: 'Tip',
  hint: 'Hint',
  danger: 'Danger',
  attention: 'Attention',
  error: 'Error',
  seealso: 'See also',
};

function RstBlock({ block: b, ctx }: { block: Block; ctx: DocContext }): Child {
  switch (b.t) {
    case 'para':
      return (
        <p>
          <InlineNodes nodes={b.children} ctx={ctx} />
        </p>
      );
    case 'heading': {
      const H = `h${Math.min(b.level + 1, 6)}` as 'h3';
      return (
        <H className="doc-heading">
          <InlineNodes nodes={b.children} ctx={ctx} />
        </H>
      );
    }
    case 'literal':
      return b.lang === 'json' || b.lang === 'qmp' ? (
        <div className="code-block" dangerouslySetInnerHTML={{ __html: highlightCode(b.text, b.lang) }} />
      ) : (
        <pre className="literal">
          <code>{b.text}</code>
        </pre>
      );
    case 'bullets':
    case 'enum':
      return <List list={b} ctx={ctx} />;
    case 'quote':
      return (
        <blockquote>
          <RstBlocks blocks={b.blocks} ctx={ctx} />
        </blockquote>
      );
    case 'admonition':
      return (
        <aside className={`admonition admonition-${b.kind}`}>
          <p className="admonition-title">
            {b.title ? <InlineNodes nodes={b.title} ctx={ctx} /> : (ADMONITION_TITLE[b.kind] ?? b.kind)}
          </p>
          <RstBlocks blocks={b.blocks} ctx={ctx} />
        </aside>
      );
    case 'table':
      return (
        <div className="table-wrap">
          <table className="doc-table">
            {b.header.length > 0 && (
              <thead>
                <tr>
                  {b.header.map((c, i) => (
                    <th key={i}>
                      <InlineNodes nodes={c} ctx={ctx} />
                    </th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {b.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((c, j) => (
                    <td key={j}>
                      <InlineNodes nodes={c} ctx={ctx} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'deflist':
      return (
        <dl className="doc-deflist">
          {b.items.map((item, i) => [
            <dt key={`t${i}`}>
              <InlineNodes nodes={item.term} ctx={ctx} />
            </dt>,
            <dd key={`d${i}`}>
              <RstBlocks blocks={item.blocks} ctx={ctx} />
            </dd>,
          ])}
        </dl>
      );
    case 'qmp-example':
      return <QmpExampleBlock node={b} ctx={ctx} />;
  }
}

/** Doc text (raw rST with its first source line) as blocks. */
export function RstText({ text, ctx }: { text: DocText | undefined; ctx: DocContext }): Child {
  if (!text?.text.trim()) return null;
  return <RstBlocks blocks={parseRst(text.text)} ctx={{ ...ctx, text }} />;
}

/** A short description rendered without a wrapping <p> when it is a single paragraph. */
export function RstTextCompact({ text, ctx }: { text: DocText | undefined; ctx: DocContext }): Child {
  if (!text?.text.trim()) return null;
  const blocks = parseRst(text.text);
  const inner = { ...ctx, text };
  if (blocks.length === 1 && blocks[0]!.t === 'para') return <InlineNodes nodes={blocks[0]!.children} ctx={inner} />;
  return <RstBlocks blocks={blocks} ctx={inner} />;
}
