// `check` and `diff` on query-qmp-schema dumps, whose names, package and
// target are any JSON string: what a terminal would obey (ESC, BEL, NUL, the
// C1 controls, RLO) is printed as a \u escape, as `validate` prints it, so a
// newline in a name cannot forge a line of the report; and `diff --format
// markdown` puts every name in a code span that no backtick in the name closes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as check } from '../../cli/check';
import { run as diff } from '../../cli/diff';
import { codeSpan } from '@/lib/diff/format';
import { runCommand } from '../support/cli-io';
import { hostileDump } from '../support/hostile-names';

const dir = mkdtempSync(path.join(tmpdir(), 'qapi-escapes-'));
const file = (name: string, text: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** What a terminal acts on: C0 but tab and newline, DEL, C1, bidirectional controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ACTS_ON_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const HOSTILE_EVENTS = [
  'CLEAR\u001b[2J',
  'BELL\u0007',
  'RLO\u202eKCATTA',
  'NUL\u0000X',
  'FAKE\nx.json: OK',
  'C1\u009b31m',
];

/** A dump of QEMU 10.2.0 whose package and target are hostile too. */
function hostileReply(events: string[], minor = 2): string {
  const text = hostileDump(events, { major: 10, minor, micro: 0 }).replace(
    '"package": "hostile"',
    '"package": "v\\u001b]0;owned\\u0007"',
  );
  return `{"execute": "query-target", "id": "t"}\n\n{"return": {"arch": "x86\\u202e46"}, "id": "t"}\n\n${text}\n`;
}

describe('check on a dump with hostile names', () => {
  it('prints every name, the package and the target escaped, one line per line of its report', async () => {
    const root = file('caps.replies', hostileReply(HOSTILE_EVENTS));
    const r = await runCommand(check, [root]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(ACTS_ON_TERMINAL);
    expect(r.stdout).toContain(
      'introspection: query-qmp-schema of QEMU 10.2.0 (v\\u001b]0;owned\\u0007), target x86\\u202e46',
    );
    expect(r.stdout).toContain('CLEAR\\u001b[2J');
    expect(r.stdout).toContain('FAKE\\u000ax.json: OK');
    expect(r.stdout.split('\n').filter((l) => l.endsWith(': OK'))).toEqual([`${root}: OK`]);
  });

  it('an error naming a hostile name is escaped too', async () => {
    const twice = hostileReply(['EVIL\u001b[2J\nforged: OK', 'EVIL\u001b[2J\nforged: OK']);
    const r = await runCommand(check, [file('twice.replies', twice)]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(ACTS_ON_TERMINAL);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /bad query-qmp-schema reply at \.return\[\d+\]\.name: 'EVIL\\u001b\[2J\\u000aforged: OK' is defined twice/,
    );
  });

  it("a tree's stray control characters are escaped in QEMU's error text", async () => {
    const r = await runCommand(check, [file('stray.json', "{ 'event': 'X' }\n\u001b[2J\n")]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(ACTS_ON_TERMINAL);
    expect(r.stderr).toContain('\\u001b');
  });
});

describe('diff between dumps with hostile names', () => {
  const older = file('old.replies', hostileReply([], 1));
  const newer = file(
    'new.replies',
    hostileReply([...HOSTILE_EVENTS, 'TICK`](https://evil.example/) **x**`', '`EDGE`']),
  );

  it('text: each change on its own line, every name escaped', async () => {
    const r = await runCommand(diff, [older, newer]);
    expect(r.stdout).not.toMatch(ACTS_ON_TERMINAL);
    const added = r.stdout.split('\n').filter((l) => l.includes(' added '));
    expect(added).toHaveLength(HOSTILE_EVENTS.length + 2);
    expect(added).toContain('  event FAKE\\u000ax.json: OK added  (receive) [receive-add]');
  });

  it('markdown: every name in a code span its backticks cannot leave, and no raw line break', async () => {
    const r = await runCommand(diff, ['--format', 'markdown', older, newer]);
    expect(r.stdout).not.toMatch(ACTS_ON_TERMINAL);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('- event `` TICK`](https://evil.example/) **x**` `` added (receive; [receive-add])');
    expect(lines).toContain('- event `` `EDGE` `` added (receive; [receive-add])');
    expect(lines).toContain('- event `FAKE\\u000ax.json: OK` added (receive; [receive-add])');
    expect(lines.filter((l) => l.startsWith('- event '))).toHaveLength(HOSTILE_EVENTS.length + 2);
  });

  it('a code span holds any text (CommonMark: the longest run of backticks inside, plus one, fences it)', () => {
    expect(codeSpan('plain')).toBe('`plain`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('a``b`')).toBe('``` a``b` ```');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan(' padded ')).toBe('`  padded  `');
  });
});
