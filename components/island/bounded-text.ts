// Text from the input shown back to the user (issue texts, names, notes),
// cut to a bounded prefix. A hostile paste or share link can put a
// 100,000-character name into every issue that echoes it; laying such text
// out freezes the tab, so the page never shows more than a screenful of any
// one string, and says how long the whole was. Pure.

/** Longest issue text, name or note the page lays out. */
export const MAX_SHOWN = 400;

/** `text` when short; else its first `max` characters (never half a surrogate pair) and "…, N characters". */
export function boundText(text: string, max = MAX_SHOWN): string {
  if (text.length <= max) return text;
  let cut = max;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…, ${text.length.toLocaleString('en')} characters`;
}
