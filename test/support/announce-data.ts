// Vitest global setup: one line, once per run, saying which suites on QEMU's
// real data are skipped because neither QEMU_SRC nor ../shared has the data.
import { hasShared, QEMU_SRC, QEMU_SRC_RELEASE, skipLine } from './shared';

export default function announceData(): void {
  // each test project runs the global setup; the line is said once per run
  if (hasShared || process.env.QAPI_EXPLORER_DATA_ANNOUNCED) return;
  process.env.QAPI_EXPLORER_DATA_ANNOUNCED = '1';
  if (QEMU_SRC && !QEMU_SRC_RELEASE) {
    console.log(`[qemu data] QEMU_SRC=${QEMU_SRC} has no VERSION file: all suites on QEMU's data are skipped.`);
  } else if (QEMU_SRC_RELEASE) {
    console.log(
      `[qemu data] QEMU_SRC is QEMU ${QEMU_SRC_RELEASE}: suites on other releases, the patched seed tree and ` +
        `libvirt's traffic are skipped (they need ../shared/).`,
    );
  } else {
    console.log(
      skipLine(
        "the suites on QEMU's real data, and the browser tests that need QEMU's tree (they run on content/ instead)",
        [],
        true,
      ),
    );
  }
}
