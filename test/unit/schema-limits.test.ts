// Hostile schema roots: bounded reads (a root or an include naming /dev/zero
// or a huge file ends in an error naming the cap, without reading it all) and
// includes of files that are not QAPI schema (their content is never echoed;
// the error says where the include points).
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemaRootFromDisk, MAX_INCLUDE_BYTES, MAX_SCHEMA_FILE_BYTES } from '../../lib/qapi/node';
import { run as check } from '../../cli/check';
import { runCommand } from '../support/cli-io';

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

/** Bytes this process has read so far (Linux's /proc/self/io 'rchar'), null where the kernel does not say. */
function bytesRead(): number | null {
  try {
    return Number(/^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))![1]);
  } catch {
    return null;
  }
}

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

  it.runIf(existsSync('/dev/zero'))(
    'a schema including /dev/zero ends with an error at the include, naming the cap',
    () => {
      const root = file('zero.json', "# a schema\n{ 'include': '/dev/zero' }\n");
      expect(errorOf(root)).toBe(
        `${root}:2: can't read include file '/dev/zero': larger than 8 MiB, the cap on an included schema file`,
      );
    },
  );

  it('a huge file is refused from its size, without reading it', () => {
    const huge = path.join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_SCHEMA_FILE_BYTES + 1); // sparse: costs no disk
    const before = bytesRead();
    expect(errorOf(huge)).toBe(`can't read schema file '${huge}': larger than 32 MiB, the cap on a schema file`);
    const root = file('includes-huge.json', "{ 'include': 'huge.json' }\n");
    expect(errorOf(root)).toBe(
      `${root}:1: can't read include file '${huge}': larger than 8 MiB, the cap on an included schema file`,
    );
    // the process read a few small files, not 32 MiB (where the kernel counts it: Linux)
    if (before !== null) expect(bytesRead()! - before).toBeLessThan(1024 * 1024);
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
