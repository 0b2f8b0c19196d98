// A text as lines that remember where they came from: every stage of reading
// a patch mail (MIME decoding, unquoting a reply) keeps each line's number in
// the input as given, so a finding can point at the line the user sees.

export interface SourceLine {
  text: string;
  /** 1-based line of the input as given; null when decoding lost it (base64) */
  line: number | null;
}

/** Mail transport's CRLF (and a lone CR) as LF: git am does the same before it applies anything. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** The lines of `text`, numbered from `first`; a final newline ends the last line, it does not start another. */
export function numberedLines(text: string, first = 1): SourceLine[] {
  const parts = text.split('\n');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ text: t, line: first + i }));
}
