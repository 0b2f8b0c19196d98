// The conventions every subcommand shares (cli/args.ts over util.parseArgs):
// a usage error is one line saying what was wrong, then where the help is
// (exit 2, never the whole help); '--' ends the options; '-' is an operand;
// 'help <command>' is '<command> --help'; --format is the one spelling of
// an output format (check's --json kept); every schema operand is a file or a
// folder holding a tree; a tree read with rules other than its own release's
// says so on stderr.
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as check } from '../../cli/check';
import { run as diff } from '../../cli/diff';
import { run as lintExamples } from '../../cli/lint-examples';
import { main } from '../../cli/main';
import { run as review } from '../../cli/review';
import { run as validate } from '../../cli/validate';
import { runCommand } from '../support/cli-io';
import { describeWithQemu, ROOT, sharedPath } from '../support/shared';

const content = path.join(ROOT, 'content');
const PAUSED = '{"event": "MACHINE_PAUSED", "timestamp": {"seconds": 1, "microseconds": 0}}';

/** content/ without its VERSION file: a tree whose release nothing says. */
function unversionedTree(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qapi-tree-'));
  for (const f of readdirSync(content)) if (f.endsWith('.json')) cpSync(path.join(content, f), path.join(dir, f));
  return dir;
}

describe('usage errors: what was wrong, then where the help is', () => {
  it.each([
    ['check', check, ['--nope', 'a.json'], "unknown option '--nope'"],
    ['check', check, ['a.json', 'b.json'], "unexpected argument 'b.json'"],
    ['check', check, ['a.json', '-'], "unexpected argument '-'"],
    ['check', check, [], 'missing the root schema file'],
    ['check', check, ['--quiet=yes', 'a.json'], '--quiet takes no value'],
    ['check', check, ['--format', 'xml', 'a.json'], "--format takes 'text' or 'json', not 'xml'"],
    ['check', check, ['--qemu-version', '10'], "--qemu-version needs a version such as 10.0 or 10.2.2, not '10'"],
    ['diff', diff, ['a.json', '-x', 'b.json'], "unknown option '-x'"],
    ['diff', diff, ['a.json', 'b.json', 'c.json'], "unexpected argument 'c.json'"],
    ['diff', diff, ['a.json'], 'missing the new schema'],
    ['diff', diff, ['--format', 'xml', 'a', 'b'], "--format takes 'text', 'json' or 'markdown', not 'xml'"],
    [
      'diff',
      diff,
      ['--qemu-version-old=ten', 'a', 'b'],
      "--qemu-version-old needs a version such as 10.0 or 10.2.2, not 'ten'",
    ],
    ['validate', validate, ['--schema', 's.json', '-', 'm.json'], "unexpected argument 'm.json'"],
    ['validate', validate, ['--schema', 's.json', '--nope', '-'], "unknown option '--nope'"],
    ['validate', validate, ['-'], 'missing --schema <root>'],
    ['validate', validate, ['--schema'], '--schema needs a value'],
    [
      'validate',
      validate,
      ['--schema', '--lenient', '-'],
      "--schema needs a value (if '--lenient' is one, write --schema=--lenient)",
    ],
    ['lint-examples', lintExamples, ['--deprecated=nope', 'x'], "--deprecated takes 'error' or 'warn', not 'nope'"],
    ['review', review, ['--base', 'content'], 'missing the patch file'],
    ['review', review, ['--format', 'xml', 'p'], "--format takes 'text', 'json', 'markdown' or 'mail', not 'xml'"],
  ] as const)('%s %j', async (name, command, args, message) => {
    const r = await runCommand(command, [...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`qapi-explorer ${name}: ${message}\nSee 'qapi-explorer ${name} --help'.\n`);
  });

  it.each([
    [[], 'missing the command (check, validate, lint-examples, diff, review, watch)'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['--frobnicate'], "unknown option '--frobnicate'"],
    [['help', 'frobnicate'], "unknown command 'frobnicate'"],
  ])('qapi-explorer %j', async (args, message) => {
    const r = await runCommand(main, args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`qapi-explorer: ${message}\nSee 'qapi-explorer --help'.\n`);
  });
});

describe('the conventions', () => {
  it("'help check' is 'check --help'; -h in a group of short options too", async () => {
    const viaHelp = await runCommand(main, ['help', 'check']);
    expect(viaHelp.status).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: qapi-explorer check/);
    expect((await runCommand(main, ['check', '-qh'])).stdout).toBe(viaHelp.stdout);
    expect((await runCommand(main, ['help'])).stdout).toMatch(/^Usage: qapi-explorer <command>/);
  });

  it("'--' ends the options: a file named like an option is an operand", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qapi-dashdash-'));
    cpSync(unversionedTree(), path.join(dir, '--json'), { recursive: true });
    const r = await runCommand(check, ['--qemu-version', '10.2', '--', '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${path.join(dir, '--json', 'qapi-schema.json')}: OK\n`);
  });

  it('--format json, and check --json as before, give the same JSON', async () => {
    const viaFormat = await runCommand(check, ['--format=json', 'content/qapi-schema.json']);
    const viaJson = await runCommand(check, ['--json', 'content/qapi-schema.json']);
    expect(viaFormat.status).toBe(0);
    expect(JSON.parse(viaFormat.stdout).entities).toBe(89);
    expect(viaJson.stdout).toBe(viaFormat.stdout);
  });
});

describe('every schema operand accepts a tree folder as diff does', () => {
  it('check, lint-examples and validate read content/ as content/qapi-schema.json', async () => {
    const c = await runCommand(check, ['content']);
    expect(c.stderr).toBe('');
    expect(c.stdout).toMatch(/^content\/qapi-schema\.json: OK$/m);
    const l = await runCommand(lintExamples, ['content']);
    expect(l.status).toBe(0);
    expect(l.stdout).toMatch(/^examples: \d+ valid, 0 invalid/m);
    const v = await runCommand(validate, ['--schema', 'content', '-'], { stdin: `${PAUSED}\n` });
    expect(v.stderr).toBe('');
    expect(v.stdout).toContain('messages: 1 valid, 0 invalid');
  });
});

describeWithQemu('10.2.2', 'a QEMU source tree folder as the operand', () => {
  it('check ../shared/qemu/10.2.2 reads its qapi/qapi-schema.json, by 10.2 rules, silently', async () => {
    const r = await runCommand(check, [sharedPath('qemu', '10.2.2')]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('entities: 1435 (');
  });
});

describe('which rules read a tree, said when they are not its own release', () => {
  const note = (command: string, tree: string, text: string) => `qapi-explorer ${command}: note: ${tree}: ${text}`;
  const NONE =
    "no QEMU version in a VERSION file or in the path: read with QEMU 10.2's rules, the newest verified release";

  it('a tree with no version anywhere: 10.2, and the note says so (and which option picks another)', async () => {
    const tree = unversionedTree();
    const c = await runCommand(check, [tree]);
    expect(c.status).toBe(0);
    expect(c.stderr).toBe(`${note('check', tree, NONE)} (--qemu-version X.Y picks another)\n`);
    expect((await runCommand(check, ['-q', tree])).stderr).toBe('');
    const d = await runCommand(diff, [tree, 'content']);
    expect(d.stderr).toBe(`${note('diff', tree, NONE)} (--qemu-version-old X.Y picks another)\n`);
    const v = await runCommand(validate, ['--schema', tree, '-'], { stdin: PAUSED });
    expect(v.stderr).toBe(`${note('validate', tree, NONE)}\n`);
    const root = path.join(tree, 'qapi-schema.json');
    const r = await runCommand(review, ['--base', root, 'missing.patch']);
    expect(r.stderr.startsWith(`${note('review', root, NONE)}\n`)).toBe(true);
  });

  it("a VERSION file says the release (content/'s: 10.2.0), no note", async () => {
    const tree = unversionedTree();
    writeFileSync(path.join(tree, 'VERSION'), '10.2.0\n');
    expect((await runCommand(check, [tree])).stderr).toBe('');
  });

  it('a version that is not a verified release: the nearest, said', async () => {
    const tree = unversionedTree();
    writeFileSync(path.join(tree, 'VERSION'), '10.2.50\n');
    const r = await runCommand(check, [tree]);
    expect(r.stderr).toContain(
      'QEMU 10.2.50 (from its VERSION file) is not one of the verified releases (5.2, 7.2, 10.0, 10.2): ' +
        "read with QEMU 10.2's rules, the nearest",
    );
    const given = await runCommand(check, ['--qemu-version', '9.2', tree]);
    // 7.2's doc reader rejects content/'s 10.2-style doc comments: the note explains the error below it
    expect(given.status).toBe(1);
    expect(given.stderr.split('\n')[0]).toBe(
      note(
        'check',
        tree,
        "QEMU 9.2.0 (as given) is not one of the verified releases (5.2, 7.2, 10.0, 10.2): read with QEMU 7.2's " +
          'rules, the nearest (--qemu-version X.Y picks another)',
      ),
    );
  });
});
