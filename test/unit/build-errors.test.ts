// `npm run build` on a schema with an error, as a newcomer meets it: QEMU's
// own text at its file:line, once, and exit 1, before Next.js starts (no
// stack from each of its workers); a tree read by rules not its own says so.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithQemu, ROOT, sharedPath } from '../support/shared';

function build(schema: string) {
  const env = {
    ...process.env,
    QAPI_SCHEMA: schema,
    QAPI_VERSIONS: '',
    QAPI_MODEL_CACHE: '0',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // a regression would go on into `next build`: the timeout ends it
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describeWithQemu('10.2.2', 'npm run build on a broken schema', () => {
  const suite = sharedPath('qemu', '10.2.2', 'tests', 'qapi-schema');

  it.each(['bad-type-int', 'include-nested-err', 'doc-bad-indent', 'union-base-empty'])(
    '%s: exactly what QEMU prints, once, exit 1, Next.js never started',
    (name) => {
      const r = build(path.join(suite, `${name}.json`));
      expect(r.status).toBe(1);
      expect(r.stderr.replaceAll(`${suite}/`, '')).toBe(readFileSync(path.join(suite, `${name}.err`), 'utf8'));
      expect(r.stdout).not.toMatch(/Next\.js|Creating an optimized/);
    },
  );
});

describe('npm run build on a tree that names no release', () => {
  it("says which rules read it, then QEMU 10.2's error", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qapi-build-'));
    writeFileSync(path.join(dir, 'qapi-schema.json'), "{ 'command': 'a', 'data': { 'b': 'Nope' } }\n");
    const r = build(dir);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      expect.stringMatching(
        /^qapi-explorer build: note: .*: no QEMU version in a VERSION file or in the path: read with QEMU 10\.2's rules/,
      ),
      `${dir}/qapi-schema.json: In command 'a':`,
      `${dir}/qapi-schema.json:1: parameter 'b' uses unknown type 'Nope'`,
      '',
    ]);
  });
});
