// One RFC 5322 message (a `git format-patch` mail, a message of an mbox):
// MIME decoding by postal-mime (runs in browsers and workers as in Node);
// what is ours is where each decoded line stands in the input, so findings
// point at the lines the user pasted. Receives the message's text (LF line
// ends) and the input line it starts at; guarantees its subject, sender,
// date, transfer encoding, the decoded body lines (patch attachments after
// the text), and a note for every attachment that is not a patch.
import PostalMime, { type Email } from 'postal-mime';
import type { SourceLine } from './lines';
import { numberedLines } from './lines';

export interface MailMessage {
  subject?: string;
  from?: string;
  date?: string;
  encoding: string;
  body: SourceLine[];
  notes: string[];
}

const PATCH_TYPES = /^(text\/x-(patch|diff)|text\/x-diff|application\/(x-)?(patch|diff))$/i;
const PATCH_NAME = /\.(patch|diff)$/i;

export async function readMail(raw: string, firstLine: number): Promise<MailMessage> {
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  const header = (key: string) => email.headers.find((h) => h.key === key)?.value;
  const encoding = (header('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  const multipart = /^\s*multipart\//i.test(header('content-type') ?? '');
  const text = email.text ?? '';
  const body = locate(raw, firstLine, text, multipart ? 'search' : encoding);
  const notes: string[] = [];
  for (const a of email.attachments) {
    const name = a.filename ?? '(unnamed)';
    if (PATCH_TYPES.test(a.mimeType) || PATCH_NAME.test(a.filename ?? '')) {
      const content = typeof a.content === 'string' ? a.content : new TextDecoder().decode(a.content);
      body.push(...numberedLines(content).map((l) => ({ text: l.text, line: null })));
    } else {
      notes.push(`attachment '${name}' (${a.mimeType}) skipped: not a patch`);
    }
  }
  return { subject: email.subject, from: sender(email), date: email.date, encoding, body, notes };
}

function sender(email: Email): string | undefined {
  const from = email.from;
  if (!from) return undefined;
  if (!from.address) return from.name || undefined;
  return from.name ? `${from.name} <${from.address}>` : from.address;
}

/**
 * The decoded body's lines, each with its input line. 7bit and 8bit bodies
 * are the raw lines; quoted-printable ones shift by one line per soft line
 * break; base64 keeps no lines. Multipart bodies are found by their text. A
 * body that does not match what the mapping expects loses its lines (the
 * review then counts in the decoded text) rather than pointing at wrong ones.
 */
function locate(raw: string, firstLine: number, text: string, how: string): SourceLine[] {
  const decoded = numberedLines(text).map((l) => l.text);
  const lost = () => decoded.map((t) => ({ text: t, line: null }));
  const headerEnd = raw.search(/\n\n|^\n/);
  if (headerEnd < 0) return lost();
  const bodyStart = raw[headerEnd] === '\n' && headerEnd === 0 ? 1 : headerEnd + 2;
  const rawBody = raw.slice(bodyStart);
  const bodyLine = firstLine + countNewlines(raw, bodyStart);
  const rawLines = rawBody.split('\n');
  if (how === 'base64') return lost();
  if (how === 'quoted-printable') {
    const out: SourceLine[] = [];
    let r = 0;
    for (const t of decoded) {
      if (r >= rawLines.length) return lost();
      out.push({ text: t, line: bodyLine + r });
      while (r < rawLines.length && /=[ \t]*$/.test(rawLines[r]!)) r++;
      r++;
    }
    return out;
  }
  // plain bodies (and multipart ones, found where their first line is)
  let offset = 0;
  if (how === 'search') {
    const first = decoded.find((t) => t.trim() !== '');
    if (first === undefined) return lost();
    const at = rawLines.indexOf(first);
    if (at < 0) return lost();
    offset = at - decoded.indexOf(first);
  }
  if (offset < 0 || decoded.some((t, i) => rawLines[offset + i] !== t)) return lost();
  return decoded.map((t, i) => ({ text: t, line: bodyLine + offset + i }));
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
