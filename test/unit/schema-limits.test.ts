// Hostile schema roots: bounded reads (a root or an include naming /dev/zero
// or a huge file ends in an error naming the cap, without reading it all) and
// includes of files that are not QAPI schema (their content is never echoed;
// the error says where the include points).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemaRootFromDisk, MAX_INCLUDE_BYTES, MAX_SCHEMA_FILE_BYTES } from '../../lib/qapi/node';
import { MAX_TREE_CHARS, MAX_TREE_STRINGS } from '../../lib/qapi/parser';
import { run as check } from '../../cli/check';
import { runCommand } from '../support/cli-io';
import { ROOT } from '../support/shared';

const dir = mkdtempSync(path.join(tmpdir(), 'qapi-limits-'));
const file = (name: string, text: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

function errorOf(root: string): string {
  try {
    loadSchemaRootFromDisk(root);
  } catch (err) {
    return String(err);
  }
  throw new Error('no error');
}

const runCheck = (root: string) => runCommand(check, [root], { cwd: dir });
const BIN = path.join(ROOT, 'bin', 'qapi-explorer.cjs');

describe('capped reads', () => {
  it('the caps are what the messages say', () => {
    expect([MAX_SCHEMA_FILE_BYTES, MAX_INCLUDE_BYTES]).toEqual([32 * 1024 * 1024, 8 * 1024 * 1024]);
  });

  it.runIf(existsSync('/dev/zero'))('check /dev/zero ends with an error naming the cap', async () => {
    const r = await runCheck('/dev/zero');
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr: "can't read schema file '/dev/zero': larger than 32 MiB, the cap on a schema file\n",
    });
  });

  it.runIf(existsSync('/dev/zero'))('a schema including /dev/zero: an error at the include, not a read', () => {
    const root = file('zero.json', "# a schema\n{ 'include': '/dev/zero' }\n");
    expect(errorOf(root)).toBe(
      `${root}:2:1: can't read include file '/dev/zero': not a regular file (a FIFO or a device may block or never end)`,
    );
  });

  it.runIf(process.platform !== 'win32')(
    'a schema including a FIFO nobody writes: an error at file:line:col, no wait',
    () => {
      const fifo = path.join(dir, 'fifo.json');
      execFileSync('mkfifo', [fifo]);
      const root = file('fifo-root.json', "{ 'event': 'A' }\n  { 'include': 'fifo.json' }\n");
      // in a child: opening a FIFO blocks the whole thread, and a test that hangs would never report
      const r = spawnSync(process.execPath, [BIN, 'check', root], { encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).toBe(
        `${root}:2:3: can't read include file '${fifo}': not a regular file (a FIFO or a device may block or never end)\n`,
      );
      expect(r.status).toBe(1);
    },
  );

  it('a huge file is refused from its size, without reading it', () => {
    const huge = path.join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_SCHEMA_FILE_BYTES + 1); // sparse: costs no disk
    const started = performance.now();
    expect(errorOf(huge)).toBe(`can't read schema file '${huge}': larger than 32 MiB, the cap on a schema file`);
    const root = file('includes-huge.json', "{ 'include': 'huge.json' }\n");
    expect(errorOf(root)).toBe(
      `${root}:1: can't read include file '${huge}': larger than 8 MiB, the cap on an included schema file`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a file within the caps still loads', () => {
    const root = file('ok.json', "{ 'include': 'ok-sub.json' }\n");
    file('ok-sub.json', "{ 'event': 'PING' }\n");
    const loaded = loadSchemaRootFromDisk(root);
    expect(loaded.kind).toBe('tree');
  });
});

describe('an include naming a file that is not QAPI schema', () => {
  it.each([
    ['environment-style lines', 'API_TOKEN=hunter2-secret\nPATH=/usr/bin\n'],
    ['a comment, then secrets', '# deploy keys\nAPI_TOKEN=hunter2-secret\n'],
    ['JSON', '{"hunter2-secret": "value"}\n'],
    ['an array of secrets', '[hunter2-secret]\n'],
    ['binary', '\u0000\u0001hunter2-secret\u0000'],
  ])('%s: the error says where the include points, not what the file holds', (_, content) => {
    const target = file('secrets.env', content);
    const root = file('leaky.json', "{ 'include': 'secrets.env' }\n");
    const message = errorOf(root);
    expect(message).toBe(`${root}:1: include file '${target}' is not QAPI schema text (its content is not shown)`);
    expect(message).not.toContain('hunter2');
  });

  it.runIf(existsSync('/proc/self/environ'))('/proc/self/environ', () => {
    const root = file('environ.json', "{ 'include': '/proc/self/environ' }\n");
    const message = errorOf(root);
    expect(message).toBe(
      `${root}:1: include file '/proc/self/environ' is not QAPI schema text (its content is not shown)`,
    );
    expect(message).not.toContain('=');
  });

  it('a real schema error inside an included schema is still reported as QEMU reports it', () => {
    const root = file('nested.json', "{ 'include': 'broken.json' }\n");
    file('broken.json', "{ 'event': 'X' }\n{ 'event' 'Y' }\n");
    expect(errorOf(root)).toBe(`In file included from ${root}:1:\n${dir}/broken.json:2:11: expected ':'`);
  });
});

describe('exit status of check', () => {
  it('2 for a root that cannot be read, 1 for a root read whole that holds no schema', async () => {
    expect((await runCheck(path.join(dir, 'no-such-file.json'))).status).toBe(2);
    const versionOnly = file('version-only.json', '{"return": {"qemu": {"major": 10, "minor": 2, "micro": 0}}}\n');
    const r = await runCheck(versionOnly);
    expect(r.stderr).toMatch(/query-qmp-schema/);
    expect(r.status).toBe(1);
  });
});

describe('a whole tree: its text and its strings capped, and so the memory of a diff', () => {
  /** A module of documented structs, QEMU-like (8 members, each described), of about `bytes` characters. */
  function documented(prefix: string, bytes: number): string {
    const out: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      const name = `${prefix}Num${i}`;
      const members = Array.from({ length: 8 }, (_, j) => j);
      const text =
        `##\n# @${name}:\n#\n# A generated struct, number ${i}.\n#\n` +
        members
          .map(
            (j) =>
              `# @member-${j}: the member number ${j} of this struct,\n#     described as QEMU describes its own\n#\n`,
          )
          .join('') +
        `# Since: 10.2\n##\n{ 'struct': '${name}', 'data': { ${members.map((j) => `'member-${j}': 'int'`).join(', ')} } }\n\n`;
      out.push(text);
      size += text.length;
    }
    return out.join('');
  }

  /** A tree of modules of about these sizes, under `name/`. */
  function tree(name: string, sizes: number[]): string {
    const includes = sizes.map((bytes, k) => {
      file(`${name}-mod${k}.json`, documented(`${name[0]!.toUpperCase()}${name.slice(1)}Mod${k}`, bytes));
      return `{ 'include': '${name}-mod${k}.json' }\n`;
    });
    return file(`${name}.json`, includes.join(''));
  }

  const MiB = 1024 * 1024;

  it('includes that take the tree past 8 MiB: an error at the include that does, naming the cap', () => {
    const root = tree('over', [5 * MiB, 5 * MiB]);
    expect(errorOf(root)).toBe(
      `${root}:2: include file '${dir}/over-mod1.json' makes the tree larger than 8 MiB, the cap on a whole schema tree`,
    );
    expect(MAX_TREE_CHARS).toBe(8 * MiB);
  });

  it('a root alone past it, and a tree of more than 200,000 strings, end in an error naming the cap', () => {
    const big = file('big-root.json', documented('BigRoot', 9 * MiB));
    expect(errorOf(big)).toBe(`schema file '${big}' is larger than 8 MiB, the cap on a whole schema tree`);
    const strings = file(
      'strings.json',
      Array.from({ length: 7000 }, (_, i) => `{ 'enum': 'Many${i}', 'data': [ ${"'v', ".repeat(29)}'w' ] }\n`).join(''),
    );
    // 33 strings a line: the 200,001st is on line 6061
    expect(errorOf(strings)).toBe(
      `${strings}:6061: more than ${MAX_TREE_STRINGS} strings, the cap on a whole schema tree`,
    );
  });

  it('diff, in a child process: two 29 MB trees refused, two trees at the caps compared, peak RSS under 24 times the caps', () => {
    // the child reports its own peak resident set (getrusage) as it exits
    const preload = file(
      'peak-rss.cjs',
      "process.on('exit', () => process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\\n`));\n",
    );
    const peak = (a: string, b: string) => {
      const r = spawnSync(process.execPath, ['--require', preload, BIN, 'diff', a, b], { encoding: 'utf8' });
      const kb = Number(/peak-rss-kb (\d+)/.exec(r.stderr)?.[1]);
      return { status: r.status, stderr: r.stderr, bytes: kb * 1024 };
    };
    const bound = 24 * 2 * MAX_TREE_CHARS;

    const huge = tree('huge', [7.3 * MiB, 7.3 * MiB, 7.3 * MiB, 7.3 * MiB]);
    const refused = peak(huge, huge);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('makes the tree larger than 8 MiB, the cap on a whole schema tree');
    expect(refused.bytes).toBeLessThan(bound);

    // QEMU's docs are the costliest text per byte: 8 MiB of them, under the cap on strings too
    const atCaps = tree('caps', [4 * MiB, 3.9 * MiB]);
    const compared = peak(atCaps, atCaps);
    expect(compared.stderr).not.toContain('cap');
    expect(compared.status).toBe(0);
    expect(compared.bytes).toBeLessThan(bound);
  });
});
