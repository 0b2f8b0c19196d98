// Some tests drive Debian programs: the browser tests Chromium, the tests of
// `watch` a real QEMU. Before `npm test`, make sure they are there: install
// the Debian packages that are missing when we can (root with apt-get),
// otherwise say how; the tests that need a missing program are skipped, each
// suite saying so in one line.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Each program the tests run, where they look for it (the variable that names another), and its package. */
const PROGRAMS = [
  {
    path: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    variable: 'CHROMIUM_PATH',
    pkg: 'chromium',
    tests: 'browser tests',
  },
  {
    path: process.env.QEMU_SYSTEM || '/usr/bin/qemu-system-x86_64',
    variable: 'QEMU_SYSTEM',
    pkg: 'qemu-system-x86',
    tests: "tests of 'watch' on a running QEMU",
  },
];

const missing = () => PROGRAMS.filter((p) => !existsSync(p.path));

if (missing().length) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    const packages = missing().map((p) => p.pkg);
    console.log(`[ensure-debian-packages] installing Debian's ${packages.join(', ')}…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status === 0)
      spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  }
  for (const p of missing())
    console.warn(
      `[ensure-debian-packages] ${p.path} is not installed: the ${p.tests} will be skipped.\n` +
        `  Install it with:  sudo apt-get install ${p.pkg}   (or set ${p.variable})`,
    );
}
