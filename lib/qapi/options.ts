// Parser options: the ONE place where differences between QEMU versions live.
// Receives a root schema path or a QEMU version string; guarantees options that
// make that version's tree load the way that version's own generator loads it.
// After 10.0, QEMU added two doc-comment lint rules to scripts/qapi/parser.py
// (_validate_doc_line_format): a 70-column line limit and two spaces between
// sentences. QEMU 10.0.13's tree breaks both (crypto.json:47 and :58), so
// versions up to 10.0 turn them off; everything else parses identically.

export interface QapiOptions {
  /** Maximum doc-comment line length including the leading '# '; null disables the check. */
  docLineLength: number | null;
  /** Require two spaces between sentences in doc comments (QEMU after 10.0). */
  docSentenceSpacing: boolean;
}

/** QEMU 10.2's behaviour: both lint rules on. */
export const DEFAULT_OPTIONS: Readonly<QapiOptions> = Object.freeze({
  docLineLength: 70,
  docSentenceSpacing: true,
});

/** QEMU up to 10.0: no doc-comment lint. */
export const LEGACY_OPTIONS: Readonly<QapiOptions> = Object.freeze({
  docLineLength: null,
  docSentenceSpacing: false,
});

export function resolveOptions(options?: Partial<QapiOptions>): QapiOptions {
  return { ...DEFAULT_OPTIONS, ...options };
}

/** Extract "major.minor" from a version string or a path such as ".../qemu/10.0.13/qapi/x.json". */
function findVersion(text: string): [number, number] | null {
  const m = /(?:^|[^0-9.])(\d{1,3})\.(\d{1,3})(?:\.\d+)?(?:[^0-9.]|$)/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * Options for a tree, chosen from a QEMU version ('10.0.13') or a root file path
 * that contains one. Unknown versions get QEMU 10.2's (strictest) behaviour.
 */
export function optionsForTree(rootFileOrVersion: string): QapiOptions {
  const version = findVersion(rootFileOrVersion);
  if (version) {
    const [major, minor] = version;
    if (major < 10 || (major === 10 && minor < 1)) return { ...LEGACY_OPTIONS };
  }
  return { ...DEFAULT_OPTIONS };
}
