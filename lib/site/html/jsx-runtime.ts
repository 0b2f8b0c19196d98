// A JSX runtime that renders straight to HTML strings, for the doc content.
// Why: a definition page is thousands of elements known entirely at build
// time; as React elements Next would render them to RSC, serialise them and
// render them again to HTML, for each of ~1000 pages (most of the build's
// CPU, measured). Components written with this runtime (`@jsxImportSource
// @/lib/site/html` at the top of the file) return an Html value instead,
// which the React shell embeds once (components/site/views.tsx). The files
// that use it live in components/docs-html/, and only there.
// Guarantees: every string child and attribute value is escaped exactly as
// React escapes it (& < > " '); only Html values and dangerouslySetInnerHTML
// pass through unescaped.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = Html | string | number | boolean | null | undefined | Child[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'col', 'source']);
const ATTR_NAMES: Record<string, string> = {
  className: 'class',
  htmlFor: 'for',
  colSpan: 'colspan',
  rowSpan: 'rowspan',
  tabIndex: 'tabindex',
  spellCheck: 'spellcheck',
  autoComplete: 'autocomplete',
  strokeWidth: 'stroke-width',
  strokeLinecap: 'stroke-linecap',
  strokeLinejoin: 'stroke-linejoin',
  viewBox: 'viewBox',
  popoverTarget: 'popovertarget',
};

/** Attributes whose value is the text "true"/"false" rather than present/absent. */
const ENUMERATED = /^(aria-|data-)|^(spellcheck|draggable|contenteditable)$/;

function renderChild(child: Child, out: string[]): void {
  if (child === null || child === undefined || typeof child === 'boolean') return;
  if (child instanceof Html) out.push(child.value);
  else if (Array.isArray(child)) for (const c of child) renderChild(c, out);
  else out.push(escapeHtml(String(child)));
}

type Props = Record<string, unknown> & { children?: Child; dangerouslySetInnerHTML?: { __html: string } };
type Component = (props: never) => Child;

export function jsx(type: string | Component, props: Props): Html {
  if (typeof type === 'function') {
    const out: string[] = [];
    renderChild((type as (p: Props) => Child)(props), out);
    return new Html(out.join(''));
  }
  const out: string[] = ['<', type];
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || name === 'key' || name === 'dangerouslySetInnerHTML') continue;
    if (value === null || value === undefined) continue;
    const attr = ATTR_NAMES[name] ?? name;
    if (typeof value === 'boolean' && !ENUMERATED.test(attr)) {
      if (value) out.push(' ', attr);
      continue;
    }
    out.push(' ', attr, '="', escapeHtml(String(value)), '"');
  }
  out.push('>');
  if (VOID.has(type)) return new Html(out.join(''));
  if (props.dangerouslySetInnerHTML) out.push(props.dangerouslySetInnerHTML.__html);
  else renderChild(props.children, out);
  out.push('</', type, '>');
  return new Html(out.join(''));
}

export const jsxs = jsx;
export const jsxDEV = jsx;

export function Fragment(props: { children?: Child }): Html {
  const out: string[] = [];
  renderChild(props.children, out);
  return new Html(out.join(''));
}

/** Render any child value (e.g. a component's return value) to an Html string. */
export function toHtml(child: Child): Html {
  const out: string[] = [];
  renderChild(child, out);
  return new Html(out.join(''));
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace JSX {
  export type Element = Html;
  export type ElementType = string | ((props: never) => Child);
  export interface ElementChildrenAttribute {
    children: unknown;
  }
  export interface IntrinsicAttributes {
    key?: string | number;
  }
  export interface IntrinsicElements {
    [tag: string]: Record<string, unknown>;
  }
}
