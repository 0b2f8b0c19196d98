// Inputs for the /review page's tests (Node and Chromium alike): the seed
// reply as posted (../shared/seed, never copied) and mutations of its quoted
// patch, each with the hunk header kept true, plus hostile patches made from
// QEMU 10.2.2's real qapi/vfio.json and its real blob hash.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sharedPath } from './shared';

export const seedReply = (): string => readFileSync(sharedPath('seed', 'vfio-migration-prepare-reply.txt'), 'utf8');

const HUNK = '> @@ -66,3 +66,36 @@';

/** The reply with whole quoted lines removed (the hunk header says so) or replaced. */
function editQuoted(reply: string, edit: (lines: string[]) => string[]): string {
  const lines = reply.split('\n');
  const at = lines.indexOf(HUNK);
  if (at < 0) throw new Error('the seed reply has no hunk header');
  const out = edit(lines);
  const removed = lines.length - out.length;
  return out.map((l) => (l === HUNK ? `> @@ -66,3 +66,${36 - removed} @@` : l)).join('\n');
}

/** The seed with a member's doc paragraph (and the blank doc line after it) left out. */
export function withUndocumentedMember(reply: string, member: string): string {
  return editQuoted(reply, (lines) => {
    const at = lines.findIndex((l) => l.startsWith(`> +# @${member}:`));
    if (at < 0 || lines[at + 1] !== '> +#') throw new Error(`no doc of ${member} in the seed`);
    return [...lines.slice(0, at), ...lines.slice(at + 2)];
  });
}

/** The seed with its quoted line `from` (whole, after '> +') replaced by `to`. */
export function withLine(reply: string, from: string, to: string): string {
  return editQuoted(reply, (lines) => {
    const at = lines.findIndex((l) => l === `> +${from}` || l === `>  ${from}`);
    if (at < 0) throw new Error(`no quoted line ${JSON.stringify(from)} in the seed`);
    return lines.map((l, i) => (i === at ? l.slice(0, 3) + to : l));
  });
}

/** The 1-based line of the reply that is `line`, whole. */
export function replyLine(reply: string, line: string): number {
  const i = reply.split('\n').indexOf(line);
  if (i < 0) throw new Error(`no line ${JSON.stringify(line)} in the reply`);
  return i + 1;
}

const VFIO = () => readFileSync(sharedPath('qemu', '10.2.2', 'qapi', 'vfio.json'), 'utf8');
const blob = (text: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text)
    .digest('hex')
    .slice(0, 10);

/**
 * A git diff of 10.2.2's qapi/vfio.json with `n` hunks, each appending one blank
 * line at the end of the file (each hunk's one context line is the file's last):
 * it applies, and QEMU takes the file.
 */
export function appendingHunks(n: number): string {
  const text = VFIO();
  const lines = text.replace(/\n$/, '').split('\n');
  const out = [
    'diff --git a/qapi/vfio.json b/qapi/vfio.json',
    `index ${blob(text)}..${blob(text + '\n'.repeat(n))} 100644`,
    '--- a/qapi/vfio.json',
    '+++ b/qapi/vfio.json',
  ];
  for (let k = 0; k < n; k++) {
    const at = lines.length + k;
    out.push(`@@ -${at},1 +${at},2 @@`, ` ${k === 0 ? lines.at(-1) : ''}`, '+');
  }
  return `${out.join('\n')}\n`;
}

/** The same with hunks whose context the file does not have: hunk #1 does not apply. */
export function strayHunks(n: number): string {
  const text = VFIO();
  const out = [
    'diff --git a/qapi/vfio.json b/qapi/vfio.json',
    `index ${blob(text)}..0123456789 100644`,
    '--- a/qapi/vfio.json',
    '+++ b/qapi/vfio.json',
  ];
  for (let k = 0; k < n; k++) out.push(`@@ -${10 + 7 * k},3 +${10 + 8 * k},4 @@`, ' a', ' b', '+c', ' d');
  return `${out.join('\n')}\n`;
}

/** A diff whose path climbs out of the tree. */
export const CLIMBING = [
  'diff --git a/qapi/../../etc/passwd b/qapi/../../etc/passwd',
  'index 1111111111..2222222222 100644',
  '--- a/qapi/../../etc/passwd',
  '+++ b/qapi/../../etc/passwd',
  '@@ -1,1 +1,2 @@',
  ' root:x:0:0:root:/root:/bin/sh',
  '+x:x:0:0::/:/bin/sh',
  '',
].join('\n');

/** The seed's bare patch as a MIME mail with a binary attachment of `size` bytes (base64). */
export function mailWithBinaryAttachment(size: number): string {
  const patch = readFileSync(sharedPath('seed', 'vfio-migration-prepare.patch'), 'utf8');
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 2654435761) >>> 24;
  const b64 = bytes.toString('base64').replace(/.{76}/g, '$&\n');
  return [
    'From: Avihai Horon <avihaih@example.com>',
    'Subject: [PATCH] vfio/migration: Add VFIO migration pre-copy prepare event',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b0undary"',
    '',
    '--b0undary',
    'Content-Type: text/plain; charset=utf-8',
    '',
    patch,
    '--b0undary',
    'Content-Type: application/octet-stream; name="firmware.bin"',
    'Content-Disposition: attachment; filename="firmware.bin"',
    'Content-Transfer-Encoding: base64',
    '',
    b64,
    '--b0undary--',
    '',
  ].join('\n');
}
