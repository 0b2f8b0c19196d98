// Hostile names and values in issue texts: receives a string from the input;
// returns it whole when short, else a bounded prefix with its length
// ("AAAA…, 100000 characters"), so no text echoes a megabyte of input.

export const QUOTE_MAX = 80;

/** `s` itself, or its first `max` characters and "…, N characters" (`length`: of the original, when `s` is a slice). */
export function quote(s: string, length = s.length, max = QUOTE_MAX): string {
  if (length <= max && s.length <= max) return s;
  return `${s.slice(0, max)}…, ${length} characters`;
}
