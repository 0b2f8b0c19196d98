// Patches made by git itself, for the review's tests: a temporary git
// repository holding a real QEMU tree's qapi/ (../shared, never copied into
// the project), where a test writes changed files and takes `git diff` or a
// `git format-patch` mail of them, with real blob hashes. Also the mail
// encodings git send-email would use (quoted-printable, base64), and the
// known trees as the CLI finds them on disk.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diskTree } from '../../cli/review-trees';
import type { ReviewTree } from '../../lib/review/index';
import { sharedPath } from './shared';

export const hasGit = !spawnSync('git', ['--version']).error;

export function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

export class PatchRepo {
  readonly dir: string;

  /** A repository whose one commit is `release`'s qapi/ (plus any extra files). */
  constructor(release: string, extra: Record<string, string> = {}) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'qx-review-'));
    cpSync(sharedPath('qemu', release, 'qapi'), path.join(this.dir, 'qapi'), { recursive: true });
    for (const [file, text] of Object.entries(extra)) this.write(file, text);
    git(this.dir, 'init', '-q');
    git(this.dir, 'add', '-A');
    git(this.dir, 'commit', '-qm', `QEMU ${release}`);
  }

  read(file: string): string {
    return readFileSync(path.join(this.dir, file), 'utf8');
  }

  write(file: string, text: string): void {
    mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    writeFileSync(path.join(this.dir, file), text);
  }

  /** `git diff` of the files written since the commit, then the work tree reset. */
  diff(files: Record<string, string>): string {
    for (const [file, text] of Object.entries(files)) this.write(file, text);
    const out = git(this.dir, 'diff');
    git(this.dir, 'checkout', '-q', '--', '.');
    return out;
  }

  /** `git diff` from this tree's qapi/ to another release's (renames found as git finds them), then the work tree reset. */
  diffTo(release: string): string {
    rmSync(path.join(this.dir, 'qapi'), { recursive: true, force: true });
    cpSync(sharedPath('qemu', release, 'qapi'), path.join(this.dir, 'qapi'), { recursive: true });
    git(this.dir, 'add', '-A');
    const out = git(this.dir, 'diff', '--cached', '-M');
    git(this.dir, 'reset', '-q', '--hard');
    return out;
  }

  /** One `git format-patch` mail per commit made of `changes` (in order), as an mbox or as separate mails. */
  formatPatch(changes: { subject: string; files: Record<string, string> }[]): string[] {
    for (const c of changes) {
      for (const [file, text] of Object.entries(c.files)) this.write(file, text);
      git(this.dir, 'add', '-A');
      git(this.dir, 'commit', '-qm', c.subject);
    }
    const mails = git(this.dir, 'format-patch', '--stdout', `-${changes.length}`);
    git(this.dir, 'reset', '-q', '--hard', `HEAD~${changes.length}`);
    return mails.split(/(?=^From [0-9a-f]{40} )/m);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The mail with its body in another transfer encoding, as a mail client or git send-email sends it. */
export function encodeBody(mail: string, encoding: 'quoted-printable' | 'base64'): string {
  const split = mail.indexOf('\n\n');
  const headers = mail.slice(0, split).replace(/^Content-Transfer-Encoding: .*$/m, '');
  const body = Buffer.from(mail.slice(split + 2), 'utf8');
  const encoded = encoding === 'base64' ? base64Lines(body) : quotedPrintable(body);
  return `${headers.replace(/\n+$/, '')}\nContent-Transfer-Encoding: ${encoding}\n\n${encoded}`;
}

function base64Lines(body: Buffer): string {
  return `${body.toString('base64').replace(/.{76}/g, '$&\n')}\n`;
}

/** RFC 2045 quoted-printable: '=' and non-ASCII bytes as =XX, trailing blanks encoded, soft breaks at 76 columns. */
function quotedPrintable(body: Buffer): string {
  const lines: string[] = [];
  for (const line of body.toString('latin1').split('\n')) {
    let encoded = '';
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      const last = i === line.length - 1;
      const plain = (c >= 33 && c <= 126 && c !== 61) || ((c === 32 || c === 9) && !last);
      encoded += plain ? line[i] : `=${c.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    while (encoded.length > 76) {
      let cut = 75;
      while (encoded[cut - 1] === '=' || encoded[cut - 2] === '=') cut--;
      lines.push(`${encoded.slice(0, cut)}=`);
      encoded = encoded.slice(cut);
    }
    lines.push(encoded);
  }
  return lines.join('\n');
}

/** A release's tree of ../shared as the CLI reads it. */
export function sharedTree(release: string): ReviewTree {
  const tree = diskTree(sharedPath('qemu', release), '/');
  if (typeof tree === 'string') throw new Error(tree);
  return tree;
}
