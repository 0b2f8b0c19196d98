// A module page's outline, as QEMU's manual lays a module out: its title, the
// free-form text under it, then its subsections in source order, each with
// its text and the definitions that follow it in the file. Receives a module
// of the model (its title, its definitions grouped under subsections and the
// headings of its free-form blocks: lib/qapi/to-model.ts) and its definitions
// that have pages; guarantees every such definition in exactly one section
// (those before any subsection in the first, untitled one), every free-form
// block's text in source order under the heading it follows, and no heading
// line (nor its reST adornment) left in that text.
import type { Doc, DocHeading, Entity, Module } from '../qapi/model';
import type { Block, Inline } from './rst/ast';
import { parseRst } from './rst/blocks';
import { parseInline } from './rst/inline';

/**
 * Part of a free-form doc block: `blocks` parse the block's text with every
 * line outside the part blanked, so a block's line index is still its index
 * in `doc.body` (example lookups go by source position).
 */
export interface FreeformPart {
  doc: Doc;
  blocks: Block[];
}

export interface ModuleSection {
  /** null for the part before the first subsection */
  heading: { title: string; children: Inline[]; id: string; line: number } | null;
  text: FreeformPart[];
  entities: Entity[];
}

export interface ModuleOutline {
  /** the module's title ('= Title', else a heading that opens the module), else its file name without .json */
  title: string;
  sections: ModuleSection[];
}

const ADORNMENT_RE = /^([=\-~^*#+"'`:._!])\1{2,}\s*$/;

function slugId(title: string, taken: Set<string>): string {
  const base =
    's-' +
    (title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * The heading that titles the module page: its '= Title', or else (10.2's
 * acpi-hest opens with '== GHESv2 …') the first heading when no definition
 * comes before it.
 */
function titleHeading(m: Module): DocHeading | undefined {
  if (m.title) return m.title;
  const first = m.freeformDocs.flatMap((d) => d.headings ?? [])[0];
  if (!first) return undefined;
  const firstGroup = m.groups[0];
  const before = firstGroup && firstGroup.heading === null && firstGroup.entities.length > 0;
  return before ? undefined : first;
}

/** The text lines of a free-form block split at its headings: [heading line or null, text with the rest blanked]. */
function splitAtHeadings(doc: Doc): { at: number | null; text: string }[] {
  const lines = doc.body.text.split('\n');
  const starts = (doc.headings ?? []).map((h) => h.line - doc.body.line).filter((k) => k >= 0 && k < lines.length);
  const drop = new Set<number>();
  for (const k of starts) {
    drop.add(k);
    if (ADORNMENT_RE.test(lines[k + 1] ?? '')) drop.add(k + 1);
    if (ADORNMENT_RE.test(lines[k - 1] ?? '')) drop.add(k - 1);
  }
  const cuts = [0, ...starts, lines.length];
  const parts: { at: number | null; text: string }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    if (i > 0 || from < to || starts.length === 0) {
      const text = lines.map((l, k) => (k >= from && k < to && !drop.has(k) ? l : '')).join('\n');
      parts.push({ at: i === 0 ? null : from + doc.body.line, text });
    }
  }
  return parts;
}

export function moduleOutline(m: Module, entities: Entity[]): ModuleOutline {
  const title = titleHeading(m);
  const taken = new Set<string>();
  const byName = new Map(entities.map((e) => [e.name, e]));
  const sections: ModuleSection[] = [{ heading: null, text: [], entities: [] }];
  const sectionAt = new Map<number, ModuleSection>();
  // Subsection headings by source line (the model may come from a JSON cache: no shared object identity).
  const docs = [...m.freeformDocs].sort((a, b) => a.loc.line - b.loc.line);
  for (const doc of docs) {
    for (const part of splitAtHeadings(doc)) {
      const heading = part.at === null ? undefined : doc.headings?.find((h) => h.line === part.at);
      if (heading && heading.line !== title?.line) {
        const section: ModuleSection = {
          heading: {
            title: heading.text,
            children: parseInline(heading.text),
            id: slugId(heading.text, taken),
            line: heading.line,
          },
          text: [],
          entities: [],
        };
        sections.push(section);
        sectionAt.set(heading.line, section);
      }
      const blocks = parseRst(part.text);
      if (blocks.length) sections[sections.length - 1]!.text.push({ doc, blocks });
    }
  }
  const placed = new Set<string>();
  for (const group of m.groups ?? []) {
    const section = (group.heading && sectionAt.get(group.heading.line)) || sections[0]!;
    for (const name of group.entities) {
      const e = byName.get(name);
      if (e) section.entities.push(e);
      placed.add(name);
    }
  }
  // a model without groups (an introspection: no doc text, no headings) lists its definitions untitled
  sections[0]!.entities.push(...entities.filter((e) => !placed.has(e.name)));
  return {
    title: title?.text ?? m.name.replace(/\.json$/, ''),
    sections: sections.filter((s, i) => i > 0 || s.entities.length > 0 || s.text.length > 0),
  };
}
