/** @jsxImportSource @/lib/site/html */
// One `.. qmp-example::` block: its title ("Example: <title>", as QEMU's
// manual), the QMP transcript highlighted at build time, a copy button, the
// validator's lint verdict and a link that opens it in the validator. The
// example and its verdict are the doc model's, joined by source position
// (lib/site/example-lint.ts); a directive the model does not know (text from
// outside the model) is shown as written, unchecked.
// Annotated examples are prose with `::` literal blocks, each highlighted as QMP.
import type { QmpExample as ModelExample } from '@/lib/qapi/model';
import type { QmpExampleNode } from '@/lib/site/rst/ast';
import { parseRst } from '@/lib/site/rst/blocks';
import { highlightCode } from '@/lib/site/highlight';
import { exampleAt, type ExampleBadge } from '@/lib/site/example-lint';
import { validatorPath, withBase } from '@/lib/site/href';
import type { Child } from '@/lib/site/html/jsx-runtime';
import type { DocContext } from './Rst';
import { RstBlocks } from './Rst';

const UNMATCHED: ExampleBadge = { status: 'unchecked', message: 'not linted' };

function bodyText(example: ModelExample): string {
  return example.lines.map((l) => l.text).join('\n');
}

function transcriptOf(example: ModelExample): string {
  if (!example.annotated) return bodyText(example);
  return parseRst(bodyText(example))
    .filter((b) => b.t === 'literal')
    .map((b) => (b as { text: string }).text)
    .join('\n\n');
}

function Body({ example, ctx }: { example: ModelExample; ctx: DocContext }): Child {
  if (!example.annotated) {
    return <div className="code-block" dangerouslySetInnerHTML={{ __html: highlightCode(bodyText(example), 'qmp') }} />;
  }
  // The body's own lines are not the surrounding text's: no example lookups inside it.
  const blocks = parseRst(bodyText(example)).map((b) => (b.t === 'literal' ? { ...b, lang: 'qmp' } : b));
  return (
    <div className="annotated">
      <RstBlocks blocks={blocks} ctx={{ ...ctx, text: undefined }} />
    </div>
  );
}

export function QmpExample({ node, ctx }: { node: QmpExampleNode; ctx: DocContext }) {
  const placed = exampleAt(ctx.site.model, ctx.text, node.at);
  const id = `example-${ctx.exampleSeq ? ++ctx.exampleSeq.n : 1}`;
  const badge = placed?.badge ?? UNMATCHED;
  const badgeText = badge.status === 'valid' ? 'valid' : badge.status === 'invalid' ? 'invalid' : 'not checked';
  const transcript = placed ? transcriptOf(placed.example) : node.source;
  const title = placed?.example.title;
  return (
    <figure className="qmp-example" id={id} data-source={placed?.source}>
      <figcaption>
        <a className="anchor" href={`#${id}`} aria-label="Link to this example">#</a>
        <span className="example-title">{title ? `Example: ${title}` : 'Example'}</span>
        <span className={`lint lint-${badge.status}`} title={badge.message}>
          {badgeText}
          {badge.status === 'invalid' && badge.message ? `: ${badge.message}` : ''}
        </span>
        <span className="example-actions">
          <a className="open-validator" href={withBase(validatorPath({ versionLabel: ctx.site.label, transcript }))}>Open in validator</a>
          <button type="button" className="copy-button" aria-label="Copy example" data-state="idle">Copy</button>
        </span>
      </figcaption>
      {placed ? (
        <Body example={placed.example} ctx={ctx} />
      ) : (
        <pre className="literal"><code>{node.source}</code></pre>
      )}
    </figure>
  );
}
