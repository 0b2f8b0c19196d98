// How the subcommands tell a word they do not take: an unknown option or an
// operand too many, with '-' (standard input) an operand, exit status 2.
import { describe, expect, it } from 'vitest';
import { run as check } from '../../cli/check';
import { run as diff } from '../../cli/diff';
import { run as validate } from '../../cli/validate';
import { runCommand } from '../support/cli-io';

describe('misplaced arguments', () => {
  it.each([
    ['check', check, ['--nope', 'a.json'], "unknown option '--nope'"],
    ['check', check, ['a.json', 'b.json'], "unexpected argument 'b.json'"],
    ['check', check, ['a.json', '-'], "unexpected argument '-'"],
    ['diff', diff, ['a.json', '-x', 'b.json'], "unknown option '-x'"],
    ['diff', diff, ['a.json', 'b.json', 'c.json'], "unexpected argument 'c.json'"],
    ['validate', validate, ['--schema', 's.json', '-', 'm.json'], "unexpected argument 'm.json'"],
    ['validate', validate, ['--schema', 's.json', '--nope', '-'], "unknown option '--nope'"],
  ] as const)('%s %j', async (name, command, args, message) => {
    const r = await runCommand(command, [...args]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`qapi-explorer ${name}: ${message}`);
  });

  it.each([
    ['check', check, ['--qemu-version', '10'], '--qemu-version needs a version such as 10.0 or 10.2.2'],
    ['diff', diff, ['--qemu-version-old=ten', 'a', 'b'], '--qemu-version-old needs a version such as 10.0 or 10.2.2'],
  ] as const)('%s %j: a version is major.minor[.micro]', async (name, command, args, message) => {
    const r = await runCommand(command, [...args]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`qapi-explorer ${name}: ${message}`);
  });
});
