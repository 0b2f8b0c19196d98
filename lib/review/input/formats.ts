// What a pasted patch can be, as one table (composition, not a chain of
// readers): an mbox holding a series, one mail (`git format-patch`), a reply
// quoting the patch with '> ', a bare diff. The first row whose test accepts
// the text reads it into messages: each a body of lines that keep their
// input line numbers. Whatever the container, a body that quotes a diff is
// unquoted (a mail replying to a patch is a quoted reply in a mail).
import type { InputFormatId, MessageInfo } from '../types';
import { normaliseNewlines, numberedLines, type SourceLine } from './lines';
import { readMail } from './mail';
import { quotedPatch } from './quote';

export interface ReadMessage {
  info: MessageInfo;
  body: SourceLine[];
}

export interface ReadInput {
  format: InputFormatId;
  messages: ReadMessage[];
  notes: string[];
}

interface InputFormat {
  id: InputFormatId;
  test(text: string): boolean;
  read(text: string): Promise<{ messages: ReadMessage[]; notes: string[] }>;
}

/** An mbox 'From ' line: `From <sha> Mon Sep 17 00:00:00 2001` (git), `From user Thu Jan  1 00:00:00 2024`. */
const FROM_LINE = /^From \S+ +.*\b\d{1,2}:\d{2}(?::\d{2})?\b.*\b\d{4}[ \t]*$/;
/** The header fields a mail has and a prose text does not start with. */
const MAIL_HEADER = /^(from|subject|date|message-id|to|cc|mime-version|content-type|in-reply-to|references):/im;
const HEADER_LINE = /^[!-9;-~]+:/;

export const INPUT_FORMATS: readonly InputFormat[] = [
  {
    id: 'mbox',
    test: (text) => mboxStarts(text).length > 1,
    read: async (text) => {
      const starts = mboxStarts(text);
      const lines = text.split('\n');
      const parts = starts.map((s, i) => ({ first: s + 1, text: lines.slice(s, starts[i + 1]).join('\n') }));
      return readMails(parts);
    },
  },
  {
    id: 'mail',
    test: looksLikeMail,
    read: (text) => readMails([{ first: 1, text }]),
  },
  {
    id: 'quoted-reply',
    test: (text) => quotedPatch(numberedLines(text)) !== null,
    read: async (text) => ({ messages: [plainMessage(numberedLines(text))], notes: [] }),
  },
  {
    id: 'diff',
    test: () => true,
    read: async (text) => ({ messages: [plainMessage(numberedLines(text))], notes: [] }),
  },
];

export async function readInput(input: string): Promise<ReadInput> {
  const text = normaliseNewlines(input);
  const format = INPUT_FORMATS.find((f) => f.test(text))!;
  const { messages, notes } = await format.read(text);
  return { format: format.id, messages: inSeriesOrder(messages), notes };
}

/** 0-based lines of the mbox 'From ' lines that start messages (the first line, or one after a blank line). */
function mboxStarts(text: string): number[] {
  if (!text.startsWith('From ')) return [];
  const starts: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if ((i === 0 || lines[i - 1] === '') && FROM_LINE.test(lines[i]!)) starts.push(i);
  }
  return starts;
}

function looksLikeMail(text: string): boolean {
  const lines = text.split('\n', 200);
  let i = FROM_LINE.test(lines[0] ?? '') ? 1 : 0;
  if (!HEADER_LINE.test(lines[i] ?? '')) return false;
  let headers = '';
  for (; i < lines.length && lines[i] !== ''; i++) {
    if (!HEADER_LINE.test(lines[i]!) && !/^[ \t]/.test(lines[i]!)) return false;
    headers += `${lines[i]}\n`;
  }
  return MAIL_HEADER.test(headers);
}

async function readMails(parts: { first: number; text: string }[]): Promise<{
  messages: ReadMessage[];
  notes: string[];
}> {
  const messages: ReadMessage[] = [];
  const notes: string[] = [];
  for (const part of parts) {
    // mboxrd quotes body lines starting 'From ' as '>From ': undone, as git mailsplit does
    const text = part.text.replace(/^>(>*From )/gm, '$1');
    const mail = await readMail(text, part.first);
    const quoted = quotedPatch(mail.body);
    messages.push({
      info: {
        subject: mail.subject,
        from: mail.from,
        date: mail.date,
        encoding: mail.encoding,
        quoted: quoted !== null,
        ...partOf(mail.subject),
      },
      body: quoted ?? mail.body,
    });
    notes.push(...mail.notes);
  }
  return { messages, notes };
}

function plainMessage(lines: SourceLine[]): ReadMessage {
  const quoted = quotedPatch(lines);
  return { info: { quoted: quoted !== null }, body: quoted ?? lines };
}

const PART = /\[[^\]]*?\b(\d+)\/(\d+)\]/;

function partOf(subject: string | undefined): { part?: string } {
  const m = subject ? PART.exec(subject) : null;
  return m ? { part: `${m[1]}/${m[2]}` } : {};
}

/** A series in the order of its [PATCH n/m] numbers (an mbox may hold them in any order); others keep theirs. */
function inSeriesOrder(messages: ReadMessage[]): ReadMessage[] {
  const n = (m: ReadMessage) => (m.info.part ? Number(m.info.part.split('/')[0]) : Infinity);
  return messages
    .map((m, i) => ({ m, i }))
    .sort((a, b) => n(a.m) - n(b.m) || a.i - b.i)
    .map(({ m }) => m);
}
