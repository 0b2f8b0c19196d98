// Inline reStructuredText markup -> Inline[] (see ast.ts).
// Receives one paragraph's text; guarantees every character of it ends up in a
// text/code node or a recognised construct (nothing is dropped, nothing becomes
// markup). Implements the inline subset QEMU's schema docs use (QAPI-NOTES §4
// "rST actually used"): ``literal``, *em*, **strong**, `Name` (default role
// `any`, docs/conf.py), :role:`target`, `text <url>`_, bare URLs, @member
// (qapidoc.py rewrites it to ``member``) and backslash escapes.
import type { Inline } from './ast';

/** Only these URL schemes become links; anything else (javascript:, data:) stays text. */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  return /^(https?:\/\/|mailto:)[^\s<>"'`]+$/i.test(trimmed) ? trimmed : null;
}

const TOKEN =
  /\\(.)|``([\s\S]+?)``|:([a-z][\w:+-]*):`([^`]+)`|`([^`]+)`(__?)?|\*\*([\s\S]+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|@([A-Za-z_][\w-]*)|\b(https?:\/\/[^\s<>"'`]+)/g;

/** rST start-string rule, simplified: markup must not be glued to a preceding word. */
function startsMarkup(text: string, index: number): boolean {
  if (index === 0) return true;
  return /[\s'"([{<\-/:]/.test(text[index - 1]!);
}

function pushText(out: Inline[], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.t === 'text') last.text += text;
  else out.push({ t: 'text', text });
}

/** Split "text <target>" into its parts; plain "target" has no separate text. */
function splitTarget(body: string): { text: string | null; target: string } {
  const m = /^([\s\S]*?)\s*<([^<>]+)>$/.exec(body);
  if (m && m[1]) return { text: m[1], target: m[2]! };
  return { text: null, target: body };
}

/** `~a.b.C` shows only `C`; array `[T]` and optional `T?` markers are not part of the name. */
function xrefNode(role: string, body: string): Inline {
  const { text, target } = splitTarget(body.trim());
  let name = target.replace(/^~/, '');
  const shown = text ?? (target.startsWith('~') ? name.split('.').pop()! : name);
  name = name.replace(/^\[(.*)\]$/, '$1').replace(/\?$/, '');
  // Drop a namespace ('QMP:') and module prefix ('block-core.'): names are unique per schema.
  name = name.replace(/^[A-Za-z]+:/, '');
  const dot = name.lastIndexOf('.');
  if (dot >= 0) name = name.slice(dot + 1);
  return { t: 'xref', role, target: name, text: shown };
}

function trimUrl(url: string): { url: string; rest: string } {
  const m = /[.,;:!?)\]]+$/.exec(url);
  if (!m) return { url, rest: '' };
  return { url: url.slice(0, m.index), rest: m[0] };
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let pos = 0;
  // A fresh regex per call: nested calls (em inside strong) must not share lastIndex.
  const token = new RegExp(TOKEN.source, 'g');
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const start = m.index;
    const [whole, escaped, literal, role, roleBody, quoted, underscore, strong, em, member, url] = m;
    let node: Inline | null = null;
    let rest = '';
    if (escaped !== undefined) {
      node = { t: 'text', text: escaped };
    } else if (literal !== undefined) {
      node = { t: 'code', text: literal };
    } else if (role !== undefined && startsMarkup(text, start)) {
      node = roleNode(role, roleBody!);
    } else if (quoted !== undefined && startsMarkup(text, start)) {
      if (underscore) {
        const { text: label, target } = splitTarget(quoted);
        const href = safeUrl(target);
        node = href ? { t: 'link', url: href, text: label ?? target } : { t: 'text', text: label ?? target };
      } else {
        node = xrefNode('any', quoted);
      }
    } else if (strong !== undefined && startsMarkup(text, start)) {
      node = { t: 'strong', children: parseInline(strong) };
    } else if (em !== undefined && startsMarkup(text, start)) {
      node = { t: 'em', children: parseInline(em) };
    } else if (member !== undefined && (start === 0 || !/[\w@]/.test(text[start - 1]!))) {
      node = { t: 'member', name: member };
    } else if (url !== undefined) {
      const trimmed = trimUrl(url);
      const href = safeUrl(trimmed.url);
      if (href) {
        node = { t: 'link', url: href, text: trimmed.url };
        rest = trimmed.rest;
      }
    }
    if (!node) {
      // Not markup here: emit the first character as text and rescan after it.
      pushText(out, text.slice(pos, start + 1));
      pos = start + 1;
      token.lastIndex = pos;
      continue;
    }
    pushText(out, text.slice(pos, start));
    if (node.t === 'text') pushText(out, node.text);
    else out.push(node);
    pushText(out, rest);
    pos = start + whole.length;
  }
  pushText(out, text.slice(pos));
  return out;
}

function roleNode(role: string, body: string): Inline {
  if (role.startsWith('qapi:') || role === 'any') return xrefNode(role.replace(/^qapi:/, ''), body);
  if (role === 'doc' || role === 'ref') {
    const { text, target } = splitTarget(body);
    return { t: 'em', children: [{ t: 'text', text: text ?? target }] };
  }
  if (role === 'strong') return { t: 'strong', children: [{ t: 'text', text: body }] };
  if (role === 'emphasis') return { t: 'em', children: [{ t: 'text', text: body }] };
  return { t: 'code', text: body };
}

/** The plain text of inline nodes (for titles, search snippets). */
export function inlineText(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case 'text':
        case 'code':
          return n.text;
        case 'em':
        case 'strong':
          return inlineText(n.children);
        case 'xref':
        case 'link':
          return n.text;
        case 'member':
          return n.name;
      }
    })
    .join('');
}
