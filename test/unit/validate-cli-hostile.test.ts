// `qapi-explorer validate` on hostile input: terminal control characters and
// bidi controls from the input are escaped in the text output; endless input
// without line breaks, or one never-closing message, stays within the caps
// (each reported once per cap, naming it); `| head -1` ends quietly; a
// missing schema and a missing `check` root both exit 2.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/validate';
import { run as runCheck } from '../../cli/check';
import { ROOT } from '../support/shared';
import { recordIO } from '../support/cli-io';

const schema = path.join(ROOT, 'content', 'qapi-schema.json');
const dir = mkdtempSync(path.join(tmpdir(), 'qapi-vin-'));

const fakeIO = recordIO;

describe('validate: text output on hostile input', () => {
  it('escapes ESC sequences and U+202E from event names and notes', async () => {
    const c = fakeIO([
      `{"event": "X\\u001b]0;owned\\u0007\\u001b[2J\u202eY", "timestamp": {"seconds": 1, "microseconds": 1}}\nprose \u001b[2J here\n-> {"execute": "a\u202eb"}\n`,
    ]);
    expect(await run(['--schema', schema, '-'], c.io)).toBe(1);
    const out = c.out.join('');
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(out).toContain('\\u001b]0;owned\\u0007\\u001b[2J\\u202eY');
    expect(out).toContain('prose \\u001b[2J here');
  });
});

describe('validate: bounded memory', () => {
  it('a line longer than the cap is reported once per line, naming the cap; later lines are still checked', async () => {
    async function* endless() {
      for (let i = 0; i < 50; i++) yield '['.repeat(10_000);
      yield '\n{"execute": "x"}\n';
    }
    const c = fakeIO(endless());
    expect(await run(['--schema', schema, '-'], c.io, { line: 100_000 })).toBe(1);
    const out = c.out.join('');
    expect(out.match(/the cap on one line/g)).toHaveLength(1);
    expect(out).toContain('100000 characters');
    expect(out).toMatch(/<stdin>:2:1: #\d+ command x: INVALID/);
  });

  it("`yes '['`: a message still open after the cap is reported, and the buffer does not grow", async () => {
    async function* yes() {
      for (let i = 0; i < 400; i++) yield '[\n'.repeat(5_000);
    }
    const c = fakeIO(yes());
    const before = process.memoryUsage().heapUsed;
    expect(await run(['--schema', schema, '--format', 'json', '-'], c.io, { message: 200_000 })).toBe(1);
    const records = c.out
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { issues: { code: string; text: string }[] });
    const capped = records.filter((r) => r.issues[0]!.code === 'too-large');
    // 1.6 M characters in, a cap of 200,000: one report per (at most) two caps' worth, and the unterminated rest
    expect(capped.length).toBeGreaterThanOrEqual(4);
    expect(records.length - capped.length).toBeLessThanOrEqual(1);
    expect(records[0]!.issues[0]!.text).toContain('200000 characters, the cap on one message');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('exit statuses', () => {
  it('a missing --schema and a missing check root both exit 2', async () => {
    const missing = path.join(dir, 'nope.json');
    expect(await run(['--schema', missing, '-'], fakeIO().io)).toBe(2);
    expect(await runCheck([missing], fakeIO().io)).toBe(2);
  });

  it('`validate … | head -1` ends quietly with status 0 when the reader goes away', async () => {
    const input = path.join(dir, 'many.jsonl');
    writeFileSync(input, '{"execute": "nope"}\n'.repeat(200_000));
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin', 'qapi-explorer.cjs'), 'validate', '--schema', schema, input],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  }, 60_000);
});
