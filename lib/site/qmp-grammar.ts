// A TextMate grammar for QMP transcripts as written in `.. qmp-example::`
// blocks: `-> ` client and `<- ` server markers, JSON messages that may span
// lines, and `...` / `... text ...` elisions (QEMU docs/sphinx/qmp_lexer.py,
// QAPI-NOTES §6). JSON is tokenised flat (no nesting states) on purpose:
// elided or truncated messages must not derail the rest of the block.
import type { LanguageRegistration } from 'shiki/core';

export const qmpGrammar: LanguageRegistration = {
  name: 'qmp',
  scopeName: 'source.qmp',
  repository: {},
  patterns: [
    { match: '(->)(?= |$)', name: 'keyword.operator.client.qmp' },
    { match: '(<-)(?= |$)', name: 'keyword.operator.server.qmp' },
    { match: '\\.\\.\\.(?: [^\\n]*? \\.\\.\\.)?', name: 'comment.block.elision.qmp' },
    { match: '"(?:[^"\\\\]|\\\\.)*"(?=\\s*:)', name: 'support.type.property-name.qmp' },
    { match: '"(?:[^"\\\\]|\\\\.)*"?', name: 'string.quoted.double.qmp' },
    { match: '-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?', name: 'constant.numeric.qmp' },
    { match: '\\b(?:true|false|null)\\b', name: 'constant.language.qmp' },
    { match: '[{}\\[\\],:]', name: 'punctuation.qmp' },
  ],
};

/**
 * One theme whose colours are CSS variables: light and dark palettes live in
 * the stylesheet, so the HTML carries one colour per token and switching the
 * theme needs no re-render.
 */
export const cssVarTheme = {
  name: 'qapi-css-vars',
  type: 'light' as const,
  colors: { 'editor.foreground': 'var(--code-fg)', 'editor.background': 'var(--code-bg)' },
  tokenColors: [
    { scope: ['keyword.operator.client.qmp'], settings: { foreground: 'var(--tok-client)' } },
    { scope: ['keyword.operator.server.qmp'], settings: { foreground: 'var(--tok-server)' } },
    {
      scope: ['comment', 'comment.block.elision.qmp'],
      settings: { foreground: 'var(--tok-comment)', fontStyle: 'italic' },
    },
    { scope: ['support.type.property-name'], settings: { foreground: 'var(--tok-key)' } },
    { scope: ['string'], settings: { foreground: 'var(--tok-string)' } },
    { scope: ['constant.numeric'], settings: { foreground: 'var(--tok-number)' } },
    { scope: ['constant.language'], settings: { foreground: 'var(--tok-constant)' } },
    { scope: ['punctuation'], settings: { foreground: 'var(--tok-punct)' } },
  ],
};
