/** @jsxImportSource @/lib/site/html */
// One qmp-example (a `.. qmp-example::` block, or an old-style 'Example:'
// section's case): its title ("Example: <title>", as QEMU's
// manual), the QMP transcript highlighted at build time, a copy button, the
// validator's lint verdict and a link that opens it in the validator. The
// example and its verdict are the doc model's, joined by source position
// (lib/site/example-lint.ts); a directive the model does not know (text from
// outside the model) is shown as written, unchecked.
// Annotated examples are prose with `::` literal blocks, each highlighted as QMP.
import { literalBlocks } from '@/lib/qapi/example-messages';
import type { QmpExample as ModelExample } from '@/lib/qapi/model';
import type { QmpExampleNode } from '@/lib/site/rst/ast';
import { parseRst } from '@/lib/site/rst/blocks';
import { highlightCode } from '@/lib/site/highlight';
import { exampleAt, type ExampleBadge, type PlacedExample } from '@/lib/site/example-lint';
import { inPage, validatorPath, withBase } from '@/lib/site/href';
import type { Child } from '@/lib/site/html/jsx-runtime';
import type { DocContext } from './Rst';
import { RstBlocks } from './Rst';

const UNMATCHED: ExampleBadge = { status: 'unchecked', message: 'not linted' };

function bodyText(example: ModelExample): string {
  return example.lines
    .map((l) => l.text)
    .join('\n')
    .trimEnd();
}

/** What "Open in validator" carries: the messages as the example lint reads them (an annotated one's literal blocks). */
function transcriptOf(example: ModelExample): string {
  return literalBlocks(example).join('\n\n');
}

// A line of an old-style example section that starts prose rather than a message (as lib/qapi/doc-model.ts reads it).
const PROSE_RE = /^(?!->|<-|\.\.\.)[^\s{}[\]"]/;

/** An old-style section's annotated example: its paragraphs, prose as text and the rest as highlighted QMP. */
function SectionBody({ example, ctx }: { example: ModelExample; ctx: DocContext }): Child {
  // runs of prose paragraphs and of message paragraphs (blank lines between messages kept)
  const runs: { prose: boolean; lines: string[] }[] = [];
  let paragraphStart = true;
  for (const { text } of example.lines) {
    if (text === '') {
      paragraphStart = true;
      runs[runs.length - 1]?.lines.push('');
      continue;
    }
    const last = runs[runs.length - 1];
    const prose = paragraphStart ? PROSE_RE.test(text) : (last?.prose ?? false);
    if (!last || last.prose !== prose || (prose && paragraphStart)) runs.push({ prose, lines: [text] });
    else last.lines.push(text);
    paragraphStart = false;
  }
  return (
    <div className="annotated">
      {runs.map(({ prose, lines }) => {
        const text = lines.join('\n').trimEnd();
        return prose ? (
          <RstBlocks blocks={parseRst(text)} ctx={{ ...ctx, text: undefined }} />
        ) : (
          <div className="code-block" dangerouslySetInnerHTML={{ __html: highlightCode(text, 'qmp') }} />
        );
      })}
    </div>
  );
}

function Body({ example, ctx }: { example: ModelExample; ctx: DocContext }): Child {
  if (example.annotated && example.fromSection) return <SectionBody example={example} ctx={ctx} />;
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

/**
 * The figure of one example: the model's (`placed`, with its badge) or, when
 * the model has none at that position, the directive's text as written.
 */
interface FigureProps {
  placed: PlacedExample | null;
  source: string;
  ctx: DocContext;
}

export function ExampleFigure({ placed, source, ctx }: FigureProps) {
  const id = `example-${ctx.exampleSeq ? ++ctx.exampleSeq.n : 1}`;
  const badge = placed?.badge ?? UNMATCHED;
  const badgeText = badge.status === 'valid' ? 'valid' : badge.status === 'invalid' ? 'invalid' : 'not checked';
  const transcript = placed ? transcriptOf(placed.example) : source;
  const title = placed?.example.title;
  return (
    <figure className="qmp-example" id={id} data-source={placed?.source}>
      <figcaption>
        <a className="anchor" href={inPage(id)} aria-label="Link to this example">
          #
        </a>
        <span className="example-title">{title ? `Example: ${title}` : 'Example'}</span>
        <span className={`lint lint-${badge.status}`} title={badge.message}>
          {badgeText}
          {badge.status === 'invalid' && badge.message ? `: ${badge.message}` : ''}
        </span>
        <span className="example-actions">
          <a className="open-validator" href={withBase(validatorPath({ versionLabel: ctx.site.label, transcript }))}>
            Open in validator
          </a>
          <button type="button" className="copy-button" aria-label="Copy example" data-state="idle">
            Copy
          </button>
        </span>
      </figcaption>
      {placed ? (
        <Body example={placed.example} ctx={ctx} />
      ) : (
        <pre className="literal">
          <code>{source}</code>
        </pre>
      )}
    </figure>
  );
}

/** A `.. qmp-example::` directive met in doc text, found in the model by its source position. */
export function QmpExampleBlock({ node, ctx }: { node: QmpExampleNode; ctx: DocContext }) {
  return <ExampleFigure placed={exampleAt(ctx.site.model, ctx.text, node.at)} source={node.source} ctx={ctx} />;
}
