// Build-time syntax highlighting for qmp-examples and code blocks.
// Receives code text and a language name; guarantees escaped HTML (shiki
// escapes every token) coloured through CSS variables, or a plain escaped
// <pre> for languages we do not load. One synchronous highlighter per process
// (shiki/core + the JavaScript regex engine: no WASM, no async per page).
import { createHighlighterCoreSync, type HighlighterCore, type ShikiTransformer } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import json from 'shiki/langs/json.mjs';
import { cssVarTheme, qmpGrammar } from './qmp-grammar';

let highlighter: HighlighterCore | null = null;

function getHighlighter(): HighlighterCore {
  highlighter ??= createHighlighterCoreSync({
    themes: [cssVarTheme],
    langs: [json, qmpGrammar],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** Marks each line with the direction of the message it belongs to, for the gutter. */
export const qmpDirectionTransformer: ShikiTransformer = {
  name: 'qmp-direction',
  code(node) {
    let direction: string | null = null;
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const text = lineText(child);
      if (/^\s*->/.test(text)) direction = 'client';
      else if (/^\s*<-/.test(text)) direction = 'server';
      else if (/^\s*$/.test(text) || /^\s*\.\.\./.test(text)) direction = null;
      if (direction) this.addClassToHast(child, `qmp-${direction}`);
    }
  },
  pre(node) {
    // The theme's inline background would fight the stylesheet's.
    delete node.properties.style;
  },
};

/** `style="color:var(--tok-key)"` -> `class="tk-key"`: a third of the bytes, same colours. */
export const tokenClassTransformer: ShikiTransformer = {
  name: 'token-classes',
  span(node) {
    const style = node.properties.style;
    const m = typeof style === 'string' ? /^color:var\(--tok-([\w-]+)\)(?:;font-style:italic)?$/.exec(style) : null;
    if (!m) return;
    delete node.properties.style;
    this.addClassToHast(node, `tk-${m[1]}`);
  },
};

const noBackground: ShikiTransformer = {
  name: 'no-background',
  pre(node) {
    delete node.properties.style;
  },
};

function lineText(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map((c) => lineText(c as typeof node)).join('');
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function highlightCode(code: string, lang: string): string {
  const known = lang === 'qmp' || lang === 'json';
  if (!known) return `<pre class="shiki"><code>${escapeHtml(code)}</code></pre>`;
  return getHighlighter().codeToHtml(code, {
    lang,
    theme: cssVarTheme.name,
    transformers:
      lang === 'qmp' ? [qmpDirectionTransformer, tokenClassTransformer] : [noBackground, tokenClassTransformer],
  });
}
