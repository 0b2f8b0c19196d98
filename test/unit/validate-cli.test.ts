// `qapi-explorer validate`: exit codes, the text and --format json outputs,
// options, stdin, and a streamed multi-megabyte log.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { run } from '../../cli/validate';
import { describeWithQemu, qemuTree } from '../support/shared';
import { recordIO } from '../support/cli-io';

const root = qemuTree('10.2.2');
const dir = mkdtempSync(path.join(tmpdir(), 'qapi-validate-'));

const STOP = '{"event": "STOP", "timestamp": {"seconds": 1267041653, "microseconds": 9518}}';
const RTC =
  '{"event": "RTC_CHANGE", "data": {"offset": 78}, "timestamp": {"seconds": 1267020223, "microseconds": 435656}}';
const DEPRECATED_CMD = '{"execute": "query-migrationthreads"}';

const fakeIO = (stdin = '') => recordIO([stdin]);

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

describeWithQemu('10.2.2', 'qapi-explorer validate', () => {
  it('exit 0 when every message is valid; one verdict per message', async () => {
    const c = fakeIO();
    expect(await run(['--schema', root, file('ok.jsonl', `${STOP}\n${STOP}\n`)], c.io)).toBe(0);
    const lines = c.out.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/ok\.jsonl:1:1: #1 event STOP: valid$/);
    expect(lines[2]).toBe('messages: 2 valid, 0 invalid');
  });

  it('exit 1 with an invalid message; --format json prints one object per message in input order', async () => {
    const c = fakeIO();
    expect(await run(['--schema', root, '--format', 'json', file('bad.jsonl', `${STOP}\n${RTC}\n`)], c.io)).toBe(1);
    const records = c.out
      .join('')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toEqual([
      { index: 0, line: 1, kind: 'event', name: 'STOP', valid: true, issues: [] },
      {
        index: 1,
        line: 2,
        kind: 'event',
        name: 'RTC_CHANGE',
        valid: false,
        issues: [
          {
            severity: 'error',
            code: 'missing-member',
            path: '/data/qom-path',
            line: 2,
            col: 33,
            text: expect.stringContaining("'qom-path'"),
          },
        ],
      },
    ]);
  });

  it("reads standard input for '-'", async () => {
    const c = fakeIO(`-> ${DEPRECATED_CMD}\n`);
    expect(await run(['--schema=' + root, '-'], c.io)).toBe(0);
    expect(c.out.join('')).toContain('<stdin>:1:4: #1 command query-migrationthreads: valid');
  });

  it('--deprecated=error and --lenient change verdicts', async () => {
    const dep = file('dep.json', DEPRECATED_CMD);
    const extra = file('extra.json', '{"event": "STOP", "timestamp": {"seconds": 1, "microseconds": 1}, "data": {}}');
    expect(await run(['--schema', root, dep], fakeIO().io)).toBe(0);
    const strict = fakeIO();
    expect(await run(['--schema', root, '--deprecated=error', dep], strict.io)).toBe(1);
    expect(strict.out.join('')).toContain('[deprecated]');
    expect(await run(['--schema', root, extra], fakeIO().io)).toBe(1);
    expect(await run(['--schema', root, '--lenient', extra], fakeIO().io)).toBe(0);
  });

  it('exit 2 on usage errors and schema errors', async () => {
    expect(await run([], fakeIO().io)).toBe(2);
    expect(await run(['--schema', root], fakeIO().io)).toBe(2);
    expect(await run(['--schema', root, '--format', 'xml', 'x'], fakeIO().io)).toBe(2);
    const broken = fakeIO();
    expect(
      await run(
        ['--schema', file('broken.json', "{ 'event': 'X', 'data': { 'a': 'Nope' } }\n"), file('m.json', STOP)],
        broken.io,
      ),
    ).toBe(2);
    expect(broken.err.join('')).toContain('broken.json');
    expect(await run(['--schema', root, path.join(dir, 'missing.jsonl')], fakeIO().io)).toBe(2);
  });

  it('streams a multi-megabyte log message by message', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++)
      lines.push(`{"event": "STOP", "timestamp": {"seconds": ${i}, "microseconds": ${i % 1000}}}`);
    lines[12_345] = RTC;
    const big = file('big.jsonl', lines.join('\n') + '\n');
    const c = fakeIO();
    expect(await run(['--schema', root, '--format', 'json', big], c.io)).toBe(1);
    const records = c.out
      .join('')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { index: number; line: number; valid: boolean });
    expect(records).toHaveLength(40_000);
    expect(records.filter((r) => !r.valid).map((r) => r.line)).toEqual([12_346]);
    expect(records.every((r, i) => r.index === i && r.line === i + 1)).toBe(true);
  });
});
