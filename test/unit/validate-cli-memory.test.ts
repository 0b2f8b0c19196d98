// `qapi-explorer validate` on endless input, measured as the issue did: the
// peak resident memory of the child process (its own maxRSS, reported at exit),
// above that of the same command on a one-line input. The bound is on memory,
// a small multiple of the 64 MiB caps (one message, one line), never on time.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/shared';

const schema = path.join(ROOT, 'content', 'qapi-schema.json');
const CAP = 64 * 1024 * 1024;
const REPORT_MAX_RSS =
  "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n'))";

/** Runs `validate -` on `bytes` of `piece` repeated into stdin: its status, output and peak RSS in bytes. */
async function validateStdin(
  piece: string,
  bytes: number,
): Promise<{ status: number | null; out: string; rss: number }> {
  const child = spawn(
    process.execPath,
    ['--import', REPORT_MAX_RSS, path.join(ROOT, 'bin', 'qapi-explorer.cjs'), 'validate', '--schema', schema, '-'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const chunk = Buffer.from(piece.repeat(Math.ceil((1 << 20) / piece.length)));
  for (let sent = 0; sent < bytes; sent += chunk.length)
    if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  child.stdin.end();
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const rss = Number(/maxrss (\d+)/.exec(err)?.[1]) * 1024;
  return { status, out, rss };
}

describe('validate: peak memory on endless input (issue 24 item 8)', () => {
  it("`yes '['` and NUL bytes (/dev/zero) stay within a few caps of a one-line input", async () => {
    const base = await validateStdin('{"execute": "x"}\n', 17);
    expect(base.rss).toBeGreaterThan(0);
    // `yes '['`: 80 MB of `[` lines, one message still open past the 64 MiB cap
    const brackets = await validateStdin('[\n', 80_000_000);
    expect(brackets.status).toBe(1);
    expect(brackets.out).toContain('the cap on one message');
    expect(brackets.rss - base.rss).toBeLessThan(5 * CAP);
    // /dev/zero: 300 MB without a line break, cut at the 64 MiB cap on one line
    const zeros = await validateStdin('\0'.repeat(4096), 300_000_000);
    expect(zeros.status).toBe(1);
    expect(zeros.out).toContain('the cap on one line');
    expect(zeros.rss - base.rss).toBeLessThan(3 * CAP);
  }, 300_000);
});
