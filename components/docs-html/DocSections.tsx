/** @jsxImportSource @/lib/site/html */
// The sections of a definition's doc comment that follow its intro and are
// not shown elsewhere on the page, in source order, as the release's own
// manual shows them: further text, old-style 'Note:' / 'Notes:' sections
// (releases before QEMU 10) as notes titled by their tag, and old-style
// 'Example:' / 'Examples:' sections as qmp-examples (each case of the
// section its own highlighted, linted example). Members, features, Returns,
// Errors and Since have their own places on the page; TODO sections are
// hidden, as QEMU's manual hides them. One heading says what they are.
import type { Doc, DocSection, QmpExample } from '@/lib/qapi/model';
import { placeExample } from '@/lib/site/example-lint';
import type { Child } from '@/lib/site/html/jsx-runtime';
import { ExampleFigure } from './QmpExample';
import { RstText, type DocContext } from './Rst';

/** The examples the model read from the section at `index` (those between its line and the next section's). */
function sectionExamples(doc: Doc, index: number): QmpExample[] {
  const from = doc.sections[index]!.line;
  // stub sections for undocumented members are appended with the doc's first line: not "next"
  const to = Math.min(
    ...doc.sections
      .slice(index + 1)
      .map((s) => s.line)
      .filter((l) => l > from),
    Infinity,
  );
  return doc.examples.filter((x) => x.fromSection && x.line >= from && x.line < to);
}

interface SectionProps {
  doc: Doc;
  section: DocSection;
  index: number;
  ctx: DocContext;
}

function Section({ doc, section, index, ctx }: SectionProps): Child {
  switch (section.kind) {
    case 'plain':
      return <RstText text={section} ctx={ctx} />;
    case 'note':
      return (
        <aside className="admonition admonition-note">
          <p className="admonition-title">{section.tag ?? 'Note'}</p>
          <RstText text={section} ctx={ctx} />
        </aside>
      );
    case 'example':
      return sectionExamples(doc, index).map((x) => (
        <ExampleFigure
          placed={placeExample(ctx.site.model, doc.loc.file, x)}
          source={x.lines.map((l) => l.text).join('\n')}
          ctx={ctx}
        />
      ));
    default:
      return null;
  }
}

const SHOWN_HERE = new Set<DocSection['kind']>(['plain', 'note', 'example']);

export function DocSections({ doc, ctx }: { doc: Doc | null; ctx: DocContext }): Child {
  if (!doc) return null;
  const shown = doc.sections
    .map((section, index) => ({ section, index }))
    .filter(({ section, index }) => index > 0 && SHOWN_HERE.has(section.kind) && section.text.trim());
  if (shown.length === 0) return null;
  const examples = doc.examples.length;
  const isExamples = (s: DocSection) =>
    s.kind === 'example' ||
    (s.kind === 'plain' && /^\.\. qmp-example::/m.test(s.text) && !/^(?!\.\. |\s|$)/m.test(s.text));
  const onlyExamples = shown.every(({ section }) => isExamples(section));
  const exampleWord = examples > 1 ? 'Examples' : 'Example';
  const title = examples === 0 ? 'Notes' : onlyExamples ? exampleWord : `Notes and ${exampleWord.toLowerCase()}`;
  const id = examples === 0 ? 'notes' : 'examples';
  return (
    <section className="notes" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {shown.map(({ section, index }) => (
        <Section doc={doc} section={section} index={index} ctx={ctx} />
      ))}
    </section>
  );
}
