// The rST document tree the docs site renders. Plain data, no HTML: every
// string here is schema text and is escaped by whoever renders it
// (components/docs-html, lib/site/html).

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'code'; text: string }
  | { t: 'em'; children: Inline[] }
  | { t: 'strong'; children: Inline[] }
  /** a cross-reference to a schema definition (`Name`, :qapi:role:`Name`) */
  | { t: 'xref'; role: string; target: string; text: string }
  /** an external hyperlink; url is already known to be http(s) or mailto */
  | { t: 'link'; url: string; text: string }
  /** `@member`: QEMU renders it as a literal, we keep the name for in-page anchors */
  | { t: 'member'; name: string };

/**
 * Where a `.. qmp-example::` directive is. The example itself (title,
 * annotated, body lines with source lines) is the doc model's (Doc.examples),
 * found by source line: the text's first source line + `at`.
 */
export interface QmpExampleNode {
  t: 'qmp-example';
  /** 0-based index of the directive's line in the text given to parseRst */
  at: number;
  /** the directive's content as written (options and body), shown as is when no doc model example matches */
  source: string;
}

export type Block =
  | { t: 'para'; children: Inline[] }
  /** level: 1 a chapter (a module's title), 2 its subsections, 3+ below */
  | { t: 'heading'; level: number; children: Inline[] }
  | { t: 'literal'; text: string; lang?: string }
  | { t: 'bullets'; items: Block[][] }
  | { t: 'enum'; start: number; items: Block[][] }
  | { t: 'quote'; blocks: Block[] }
  /** note / caution / warning / admonition (with its own title) */
  | { t: 'admonition'; kind: string; title?: Inline[]; blocks: Block[] }
  | { t: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { t: 'deflist'; items: { term: Inline[]; blocks: Block[] }[] }
  | QmpExampleNode;
