// A module page's outline, as QEMU's manual lays a module out: its title, the
// free-form text under it, then its subsections in source order, each with
// its text and the definitions that follow it in the file. Receives a module
// of the model and its definitions that have pages; guarantees every
// definition in exactly one section (those before any subsection in the
// first, untitled one) and every free-form block in source order. Headings
// are read from the free-form doc blocks: QAPI's `= Title` / `== Sub` markup
// (QEMU up to 10.0) and rST section headings (10.1 on), lib/site/rst/blocks.ts.
import type { Doc, Entity, Module } from '../qapi/model';
import type { Block, Inline } from './rst/ast';
import { parseRst } from './rst/blocks';
import { inlineText } from './rst/inline';

/** Free-form blocks of one doc comment, with the doc text they came from (for example lookups). */
export interface FreeformPart {
  doc: Doc;
  blocks: Block[];
}

export interface ModuleSection {
  /** null for the part before the first subsection */
  heading: { title: string; children: Inline[]; id: string } | null;
  text: FreeformPart[];
  entities: Entity[];
}

export interface ModuleOutline {
  /** the module's first heading, else its file name without .json */
  title: string;
  sections: ModuleSection[];
}

function slugId(title: string, taken: Set<string>): string {
  const base = 's-' + (title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'section');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

export function moduleOutline(m: Module, entities: Entity[]): ModuleOutline {
  let title: string | null = null;
  const taken = new Set<string>();
  const sections: ModuleSection[] = [{ heading: null, text: [], entities: [] }];
  // Definitions and free-form blocks interleave by source line (a block never contains a definition).
  const byLine = [...entities].sort((a, b) => (a.loc?.line ?? 0) - (b.loc?.line ?? 0));
  let next = 0;
  const takeEntitiesBefore = (line: number) => {
    while (next < byLine.length && (byLine[next]!.loc?.line ?? 0) < line) sections[sections.length - 1]!.entities.push(byLine[next++]!);
  };
  const docs = [...m.freeformDocs].sort((a, b) => a.loc.line - b.loc.line);
  for (const doc of docs) {
    takeEntitiesBefore(doc.loc.line);
    let part: FreeformPart = { doc, blocks: [] };
    sections[sections.length - 1]!.text.push(part);
    for (const block of parseRst(doc.body.text)) {
      if (block.t !== 'heading') {
        part.blocks.push(block);
        continue;
      }
      const text = inlineText(block.children);
      if (title === null) {
        // The module's title is its page's <h1>, not a section.
        title = text;
        continue;
      }
      part = { doc, blocks: [] };
      sections.push({ heading: { title: text, children: block.children, id: slugId(text, taken) }, text: [part], entities: [] });
    }
  }
  takeEntitiesBefore(Infinity);
  return {
    title: title ?? m.name.replace(/\.json$/, ''),
    sections: sections.filter((s, i) => i > 0 || s.entities.length > 0 || s.text.some((p) => p.blocks.length > 0)),
  };
}
