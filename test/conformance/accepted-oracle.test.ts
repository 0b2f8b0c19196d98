// "Accepted by" held to QEMU's own word. Every message of libvirt's six dumps
// (real traffic of QEMU 6.2 to 10.0 builds) is judged twice: by our validator
// on a release's tree, and by test/support/wire-oracle.ts (no code of ours in
// lib/) on QEMU's own introspection of that release. Always, with ../shared:
// the 7.2.0 tree against the real 7.2.22 build, the 10.0.13 tree against the
// real 10.0.0 builds (x86_64, s390x); they differ only where the tree has an
// `if` the build resolved (a command, member or value of other targets). With
// QEMU_SRC a QEMU source checkout: its own generator's introspection of its
// tree (qapi-gen.py's qapi-introspect.c, written to a temporary folder, never
// kept), which must agree on every message.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRootModelFromDisk } from '../../lib/qapi/node';
import { optionsForTree } from '../../lib/qapi/options';
import { buildIndex, type SchemaIndex } from '../../lib/qapi/model';
import { createValidator, type MessageResult } from '../../lib/validate/index';
import { resolvePath } from '../../lib/validate/explain';
import { dumpMessages, readQlit, schemaOfMessages, WireOracle, type Rejected } from '../support/wire-oracle';
import { describeWithQemu, hasShared, QEMU_SRC, QEMU_SRC_RELEASE, qemuTree, sharedPath } from '../support/shared';

const DUMPS = hasShared ? sharedPath('libvirt-11.3.0', 'qemucapabilitiesdata') : '';
const dumpFiles = () => readdirSync(DUMPS).filter((f) => f.endsWith('.replies'));

interface Disagreement {
  file: string;
  message: MessageResult;
  value: unknown;
  oracle: Rejected | null;
}

/** Our verdict and the oracle's on every message of every dump; the messages where they differ. */
function compare(
  release: string,
  oracle: WireOracle,
): { messages: number; rejected: number; differ: Disagreement[]; index: SchemaIndex } {
  const tree = qemuTree(release);
  const model = loadRootModelFromDisk(tree, optionsForTree(tree));
  const validator = createValidator(model);
  const differ: Disagreement[] = [];
  let messages = 0;
  let rejected = 0;
  for (const file of dumpFiles()) {
    const text = readFileSync(path.join(DUMPS, file), 'utf8');
    const values = dumpMessages(text);
    const verdicts = oracle.judge(values.map((v) => v.value));
    const ours = new Map(validator.validateText(text).messages.map((m) => [m.start, m]));
    values.forEach((v, i) => {
      messages++;
      if (verdicts[i]) rejected++;
      const message = ours.get(v.start)!;
      expect(message, `${file}: a message at offset ${v.start}`).toBeDefined();
      if (message.valid !== (verdicts[i] === null))
        differ.push({ file, message, value: v.value, oracle: verdicts[i]! });
    });
  }
  return { messages, rejected, differ, index: buildIndex(model) };
}

/** The tree has an `if` on what the build lacks: the command or event, or the member or enum value at the path. */
function configurationOnly(index: SchemaIndex, d: Disagreement): boolean {
  if (!d.message.valid || !d.oracle) return false; // a build never accepts what its tree rejects
  if (d.oracle.lacking !== undefined) return index.get(d.oracle.lacking)?.if !== undefined;
  const at = /^\/(arguments|return|data)((?:\/[^/:]+)*): (.*)$/.exec(d.oracle.why);
  const entity = d.message.name ? index.get(d.message.name) : undefined;
  if (!at || !entity) return false;
  const root = entity.meta === 'command' ? (at[1] === 'return' ? entity.returns : entity.argType) : null;
  const rootType = entity.meta === 'event' ? entity.argType : root;
  if (!rootType) return false;
  const segs = at[2]!.split('/').slice(1);
  const r = resolvePath(index, rootType, (d.value as Record<string, unknown>)[at[1]!], segs);
  if (r.member?.if !== undefined) return true;
  const e = r.type ? index.get(r.type) : undefined;
  return e?.meta === 'enum' && e.values.some((v) => v.name === r.value && v.if !== undefined);
}

const brief = (d: Disagreement) =>
  `${d.file} ${d.message.kind} ${d.message.name}: ours ${d.message.valid ? 'accepted' : 'rejected'}, QEMU's ${d.oracle?.why ?? 'accepted'}`;

describeWithQemu(['7.2.0', '10.0.13'], "accepted by vs real builds' introspection", () => {
  it.runIf(hasShared)('7.2.0 tree = the 7.2.22 x86_64 build on every libvirt message, configuration aside', () => {
    const build = readFileSync(sharedPath('qemu-builds', 'qemu-7.2.22-x86_64.qmp'), 'utf8');
    const oracle = new WireOracle(
      schemaOfMessages(
        build
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l)),
      ),
    );
    const { messages, differ, index } = compare('7.2.0', oracle);
    console.log(`[accepted oracle] 7.2.0 tree vs 7.2.22 build: ${messages - differ.length}/${messages} agree`);
    expect(differ.filter((d) => !configurationOnly(index, d)).map(brief)).toEqual([]);
    // only the aarch64 dump's query-gic-capabilities (TARGET_ARM) and its reply
    expect(differ.map((d) => `${d.message.kind} ${d.message.name}`)).toEqual([
      'command query-gic-capabilities',
      'return query-gic-capabilities',
    ]);
    expect(messages).toBe(640);
  });

  for (const target of ['x86_64', 's390x'])
    it.runIf(hasShared)(
      `10.0.13 tree = the 10.0.0 ${target} build on every libvirt message, configuration aside`,
      () => {
        const dump = readFileSync(path.join(DUMPS, `caps_10.0.0_${target}.replies`), 'utf8');
        const oracle = new WireOracle(schemaOfMessages(dumpMessages(dump).map((m) => m.value)));
        const { messages, differ, index } = compare('10.0.13', oracle);
        console.log(
          `[accepted oracle] 10.0.13 tree vs 10.0.0 ${target}: ${messages - differ.length}/${messages} agree`,
        );
        expect(differ.filter((d) => !configurationOnly(index, d)).map(brief)).toEqual([]);
        // its own traffic is all accepted by its own introspection
        expect(oracle.judge(dumpMessages(dump).map((m) => m.value)).filter(Boolean)).toEqual([]);
      },
    );
});

describeWithQemu('5.2.0', '5.2.0 and the replies to a command it lacks', () => {
  it.runIf(hasShared)(
    "rejects libvirt's replies to query-sgx-capabilities (added in 6.2); takes CommandNotFound",
    () => {
      const v = createValidator(loadRootModelFromDisk(qemuTree('5.2.0'), optionsForTree(qemuTree('5.2.0'))));
      for (const file of dumpFiles()) {
        const text = readFileSync(path.join(DUMPS, file), 'utf8');
        const sgx = v.validateText(text).messages.filter((m) => m.name === 'query-sgx-capabilities');
        if (!sgx.length) continue;
        expect(
          sgx.map((m) => `${m.kind} ${m.valid}`),
          file,
        ).toEqual(['command false', 'error false']);
        expect(sgx[1]!.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['unknown-command /error/class']);
      }
      const ask = '{"execute": "query-sgx-capabilities", "id": "s"}\n';
      const reply = (r: string) => v.validateText(ask + r).messages[1]!;
      expect(
        reply('{"return": {"sgx": false, "sgx1": false, "sgx2": false, "flc": false}, "id": "s"}').issues[0]!.code,
      ).toBe('unknown-command');
      expect(reply('{"error": {"class": "CommandNotFound", "desc": "no"}, "id": "s"}').valid).toBe(true);
    },
  );
});

// QEMU's own generator, when QEMU_SRC is a source checkout (e.g. /work/qemu-src/5.2.0): run it, never keep its output
const generator = QEMU_SRC ? path.join(QEMU_SRC, 'scripts', 'qapi-gen.py') : '';
if (!generator || !existsSync(generator) || !hasShared)
  describe.skip("accepted by vs QEMU's own generator", () => {
    it('needs QEMU_SRC set to a QEMU source checkout (scripts/qapi-gen.py) and ../shared/ (libvirt dumps)', () => {});
  });
else
  describe(`accepted by vs QEMU ${QEMU_SRC_RELEASE}'s own generator`, () => {
    let oracle: WireOracle;
    beforeAll(() => {
      const out = mkdtempSync(path.join(tmpdir(), 'qapi-gen-'));
      try {
        execFileSync('python3', [generator, '-o', out, path.join(QEMU_SRC, 'qapi', 'qapi-schema.json')], {
          cwd: QEMU_SRC,
          stdio: 'pipe',
        });
        oracle = new WireOracle(readQlit(readFileSync(path.join(out, 'qapi-introspect.c'), 'utf8')));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
    it('agrees on every message of the six libvirt dumps', () => {
      const { messages, rejected, differ } = compare(QEMU_SRC_RELEASE, oracle);
      console.log(
        `[accepted oracle] ${QEMU_SRC_RELEASE} tree vs its generator: ${messages - differ.length}/${messages} agree, ` +
          `${rejected} of them rejected by both`,
      );
      expect(differ.map(brief)).toEqual([]);
    });
  });
