// Browser tests drive Debian's Chromium. Before `npm test`, make sure it is there:
// install Debian's `chromium` package when we can (root with apt-get), otherwise say how.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.log(`[ensure-chromium] ${CHROMIUM} not found: installing Debian's chromium package…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }).status === 0;
  if (install && existsSync(CHROMIUM)) process.exit(0);
}
console.warn(
  `[ensure-chromium] Chromium is not installed at ${CHROMIUM}; browser tests will be skipped.\n` +
    `  Install it with:  sudo apt-get install chromium   (or set CHROMIUM_PATH)`,
);
