/** @jsxImportSource @/lib/site/html */
// One `.. qmp-example::` block: its title ("Example: <title>", as QEMU's
// manual), the QMP transcript highlighted at build time, a copy button, the
// validator's lint verdict and a link that opens it in the validator.
// Annotated examples are prose with `::` literal blocks, each highlighted as QMP.
import type { QmpExampleNode } from '@/lib/site/rst/ast';
import { highlightCode } from '@/lib/site/highlight';
import { lintExample } from '@/lib/site/example-lint';
import { validatorHref } from '@/lib/site/validator-link';
import { withBase } from '@/lib/site/href';
import type { DocContext } from './Rst';
import { RstBlocks } from './Rst';

function transcriptOf(example: QmpExampleNode): string {
  if (!example.annotated || !example.blocks) return example.body;
  return example.blocks
    .filter((b) => b.t === 'literal')
    .map((b) => (b as { text: string }).text)
    .join('\n\n');
}

export function QmpExample({ example, ctx }: { example: QmpExampleNode; ctx: DocContext }) {
  const seq = ctx.exampleSeq ? ++ctx.exampleSeq.n : 1;
  const id = `example-${seq}`;
  const transcript = transcriptOf(example);
  const verdict = lintExample(ctx.site.model, ctx.entity, seq - 1);
  const badgeText = verdict.status === 'valid' ? 'valid' : verdict.status === 'invalid' ? 'invalid' : 'not checked';
  return (
    <figure className="qmp-example" id={id}>
      <figcaption>
        <a className="anchor" href={`#${id}`} aria-label="Link to this example">#</a>
        <span className="example-title">{example.title ? `Example: ${example.title}` : 'Example'}</span>
        <span className={`lint lint-${verdict.status}`} title={verdict.message}>
          {badgeText}
          {verdict.status === 'invalid' && verdict.message ? `: ${verdict.message}` : ''}
        </span>
        <span className="example-actions">
          <a className="open-validator" href={withBase(validatorHref(ctx.site.label, transcript))}>Open in validator</a>
          <button type="button" className="copy-button" aria-label="Copy example" data-state="idle">Copy</button>
        </span>
      </figcaption>
      {example.annotated && example.blocks ? (
        <div className="annotated">
          <RstBlocks blocks={example.blocks.map((b) => (b.t === 'literal' ? { ...b, lang: 'qmp' } : b))} ctx={ctx} />
        </div>
      ) : (
        <div className="code-block" dangerouslySetInnerHTML={{ __html: highlightCode(example.body, 'qmp') }} />
      )}
    </figure>
  );
}
