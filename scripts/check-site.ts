// The first step of `npm run build`: load every schema the site is built
// from (QAPI_VERSIONS, QAPI_SCHEMA, qapi-explorer.config.json or content/),
// before Next.js starts. A schema error is printed once, as QEMU prints it
// (file:line:col: message), and the build stops with exit 1 instead of a
// Next.js stack per worker; a tree read by rules not its own release's is
// named with why, as the CLI does (cli/roots.ts). The models land in the
// build's model cache, so Next's workers do not parse them again.
import type { CliIO } from '../cli/main';
import { loadSchemaArg } from '../cli/roots';
import { releaseOfRoot } from '../lib/qapi/node';
import { getVersions, loadVersionModel } from '../lib/site/source';

const io: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  // never read here: not created
  get stdin() {
    return process.stdin;
  },
};

for (const version of getVersions()) {
  const schema = {
    arg: `${version.label} (${version.schema})`,
    file: version.rootFile,
    release: releaseOfRoot(version.rootFile),
  };
  if ('fault' in loadSchemaArg(io, 'build', schema, () => loadVersionModel(version))) process.exit(1);
}
