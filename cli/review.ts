// `qapi-explorer review <file|-> [--base <root|label>]… [--format …]`: review
// a QAPI patch as a QAPI maintainer would (lib/review): which tree it is for,
// whether it applies, whether QEMU's generator takes it, what changes on the
// wire, and the rules reviewers enforce. Receives argv after 'review';
// guarantees exit 0 (fine), 1 (findings) or 2 (does not apply, or usage), and
// that nothing is ever written but the report.
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import path from 'node:path';
import type { CliIO } from './main';
import { readFileCapped } from '../lib/qapi/node';
import { formatReview, reviewPatch, type ReviewFormat, type ReviewTree } from '../lib/review/index';
import { CONFIG_FILE, configuredTrees, diskTree } from './review-trees';

export const REVIEW_USAGE = `Usage: qapi-explorer review [options] <file|->

Review a patch to QEMU's QAPI schema: a git format-patch mail, an mbox
holding a series, a plain diff, or a reply quoting the patch with '> '
('-' reads standard input).  Finds the tree it is for by the blob hashes of
its 'index' lines, applies it exactly (in memory), checks the patched tree
with that QEMU release's generator rules, lists what changes on the wire,
checks the examples of what it adds or changes, and applies the rules
reviewers enforce (Since: lines, names, references, deprecations).

Options:
  --base <root|label>   a known tree: a QEMU source tree (or a folder
                        holding qapi/), a root qapi-schema.json, or a label
                        of ${CONFIG_FILE}; may be given several
                        times (default: the configured releases)
  --format <f>          text (default), json, markdown, or mail (a reply
                        quoting the patch, findings under their lines)
  -h, --help            show this help

Exit status: 0 the QAPI schema is fine, 1 findings, 2 the patch does not
apply (or usage).
`;

const FORMATS: ReviewFormat[] = ['text', 'json', 'markdown', 'mail'];
/** A patch mail or a whole series: far below this; anything larger is not one. */
const MAX_PATCH_BYTES = 64 * 1024 * 1024;

function usageError(io: CliIO, message: string): number {
  io.stderr(`qapi-explorer review: ${message}\n\n${REVIEW_USAGE}`);
  return 2;
}

/**
 * A review parses and checks two trees once and exits: as for `check`
 * (bin/qapi-explorer.cjs), V8's optimising compiler would spend more than it
 * saves (the seed: 1.4 s CPU with it, 0.9 s without), and the young heap may
 * grow at once, since nearly all of it lives to the end.
 */
function tuneForOneShot(): void {
  v8.setFlagsFromString('--no-turbofan');
  v8.setFlagsFromString('--semi-space-growth-factor=16');
}

export async function run(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        base: { type: 'string', multiple: true },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usageError(io, (err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(REVIEW_USAGE);
    return 0;
  }
  const format = values.format as ReviewFormat;
  if (!FORMATS.includes(format)) return usageError(io, `--format takes ${FORMATS.join(', ')}, not '${format}'`);
  if (positionals.length !== 1)
    return usageError(io, positionals.length ? `unexpected argument '${positionals[1]}'` : 'missing the patch file');
  const trees = knownTrees(values.base ?? [], io);
  if (typeof trees === 'string') return usageError(io, trees);
  let input: string;
  try {
    input = await readInput(positionals[0]!, io);
  } catch (err) {
    io.stderr(`qapi-explorer review: cannot read ${positionals[0]}: ${(err as Error).message}\n`);
    return 2;
  }
  tuneForOneShot();
  const result = await reviewPatch(input, trees);
  io.stdout(formatReview(result, format));
  return result.verdict === 'fine' ? 0 : result.verdict === 'findings' ? 1 : 2;
}

function knownTrees(bases: string[], io: CliIO): ReviewTree[] | string {
  const configured = configuredTrees(io.cwd, process.env);
  const given = bases.length ? bases : [...configured.keys()];
  if (!given.length)
    return `no --base given and no release configured (${CONFIG_FILE}, QAPI_VERSIONS): name the tree the patch is for`;
  const trees: ReviewTree[] = [];
  for (const b of given) {
    const file = configured.get(b);
    const tree = file ? diskTree(file, io.cwd, b) : diskTree(b, io.cwd);
    if (typeof tree === 'string') return `--base ${b}: ${tree}`;
    trees.push(tree);
  }
  return trees;
}

async function readInput(file: string, io: CliIO): Promise<string> {
  if (file !== '-') return readFileCapped(path.resolve(io.cwd, file), MAX_PATCH_BYTES, 'a patch');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_PATCH_BYTES) throw new Error(`larger than ${MAX_PATCH_BYTES / 1024 / 1024} MiB, the cap on a patch`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
