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

// One token per position, tried in this order (as one regex alternation would):
//   \\x  ``literal``  :role:`body`  `quoted`(_ or __)  **strong**  *em*  @member  http(s)://url
// written as a scanner because a regex is quadratic here: each candidate start
// scans ahead for its closing delimiter, so a paragraph of unclosed openers
// (`:a:a:a…`, ```` `` `` ````…) costs length² steps. Every look-ahead below is
// memoised (Lookahead), which keeps a paragraph linear in its length.
interface Token {
  start: number;
  end: number;
  escaped?: string;
  literal?: string;
  role?: string;
  roleBody?: string;
  quoted?: string;
  underscore?: string;
  strong?: string;
  em?: string;
  member?: string;
  url?: string;
}

const ROLE_CHAR = /[\w:+-]/;
const MEMBER_CHAR = /[\w-]/;
const URL_CHAR = /[^\s<>"'`]/;
const WORD_CHAR = /\w/;
const LINE_END = /[\n\r\u2028\u2029]/;

/**
 * Look-ahead over one text for a scan that only moves forward: the next
 * occurrence of a delimiter, the end of a run of characters of a class. A
 * result is reused for every later start it still answers, so each character
 * is examined a bounded number of times per delimiter or class.
 */
class Lookahead {
  private next = new Map<string, { from: number; at: number }>();
  private runs = new Map<RegExp, { from: number; end: number }>();

  constructor(private readonly text: string) {}

  /** text.indexOf(needle, from), memoised. */
  indexOf(needle: string, from: number): number {
    const m = this.next.get(needle);
    if (m && from >= m.from && (m.at === -1 || from <= m.at)) return m.at;
    const at = this.text.indexOf(needle, from);
    this.next.set(needle, { from, at });
    return at;
  }

  /** The end of the run of `cls` characters starting at `from` (from itself when none). */
  runEnd(cls: RegExp, from: number): number {
    const m = this.runs.get(cls);
    if (m && from >= m.from && from <= m.end) return m.end;
    let end = from;
    while (end < this.text.length && cls.test(this.text[end]!)) end++;
    this.runs.set(cls, { from, end });
    return end;
  }
}

function tokenAt(text: string, i: number, look: Lookahead): Token | null {
  const c = text[i];
  const next = text[i + 1];
  switch (c) {
    case '\\':
      return next !== undefined && !LINE_END.test(next) ? { start: i, end: i + 2, escaped: next } : null;
    case '`': {
      if (next === '`') {
        const close = look.indexOf('``', i + 3);
        return close < 0 ? null : { start: i, end: close + 2, literal: text.slice(i + 2, close) };
      }
      const close = look.indexOf('`', i + 1);
      if (close <= i + 1) return null;
      const underscore = text[close + 1] === '_' ? (text[close + 2] === '_' ? '__' : '_') : undefined;
      return { start: i, end: close + 1 + (underscore?.length ?? 0), quoted: text.slice(i + 1, close), underscore };
    }
    case ':': {
      // :name:`body` -- the name's run of [\w:+-] must end in ':' right before the backquote.
      if (next === undefined || !/[a-z]/.test(next)) return null;
      const runEnd = look.runEnd(ROLE_CHAR, i + 1);
      if (runEnd - 1 < i + 2 || text[runEnd - 1] !== ':' || text[runEnd] !== '`') return null;
      const close = look.indexOf('`', runEnd + 1);
      if (close <= runEnd + 1) return null;
      return { start: i, end: close + 1, role: text.slice(i + 1, runEnd - 1), roleBody: text.slice(runEnd + 1, close) };
    }
    case '*': {
      if (next === '*') {
        const close = look.indexOf('**', i + 3);
        return close < 0 ? null : { start: i, end: close + 2, strong: text.slice(i + 2, close) };
      }
      if (next === undefined || /\s/.test(next)) return null;
      const close = look.indexOf('*', i + 1);
      if (close < 0 || /\s/.test(text[close - 1]!)) return null;
      return { start: i, end: close + 1, em: text.slice(i + 1, close) };
    }
    case '@': {
      if (next === undefined || !/[A-Za-z_]/.test(next)) return null;
      const end = look.runEnd(MEMBER_CHAR, i + 1);
      return { start: i, end, member: text.slice(i + 1, end) };
    }
    case 'h': {
      if (i > 0 && WORD_CHAR.test(text[i - 1]!)) return null;
      const scheme = text.startsWith('https://', i) ? 8 : text.startsWith('http://', i) ? 7 : 0;
      if (!scheme) return null;
      const end = look.runEnd(URL_CHAR, i + scheme);
      return end > i + scheme ? { start: i, end, url: text.slice(i, end) } : null;
    }
    default:
      return null;
  }
}

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
  const look = new Lookahead(text);
  let pos = 0;
  for (let i = pos; i < text.length;) {
    const tok = tokenAt(text, i, look);
    if (!tok) {
      i++;
      continue;
    }
    const { start } = tok;
    let node: Inline | null = null;
    let rest = '';
    if (tok.escaped !== undefined) {
      node = { t: 'text', text: tok.escaped };
    } else if (tok.literal !== undefined) {
      node = { t: 'code', text: tok.literal };
    } else if (tok.role !== undefined && startsMarkup(text, start)) {
      node = roleNode(tok.role, tok.roleBody!);
    } else if (tok.quoted !== undefined && startsMarkup(text, start)) {
      if (tok.underscore) {
        const { text: label, target } = splitTarget(tok.quoted);
        const href = safeUrl(target);
        node = href ? { t: 'link', url: href, text: label ?? target } : { t: 'text', text: label ?? target };
      } else {
        node = xrefNode('any', tok.quoted);
      }
    } else if (tok.strong !== undefined && startsMarkup(text, start)) {
      node = { t: 'strong', children: parseInline(tok.strong) };
    } else if (tok.em !== undefined && startsMarkup(text, start)) {
      node = { t: 'em', children: parseInline(tok.em) };
    } else if (tok.member !== undefined && (start === 0 || !/[\w@]/.test(text[start - 1]!))) {
      node = { t: 'member', name: tok.member };
    } else if (tok.url !== undefined) {
      const trimmed = trimUrl(tok.url);
      const href = safeUrl(trimmed.url);
      if (href) {
        node = { t: 'link', url: href, text: trimmed.url };
        rest = trimmed.rest;
      }
    }
    if (!node) {
      // Not markup here: the character stays text; look again from the next one.
      i = start + 1;
      continue;
    }
    pushText(out, text.slice(pos, start));
    if (node.t === 'text') pushText(out, node.text);
    else out.push(node);
    pushText(out, rest);
    pos = i = tok.end;
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
