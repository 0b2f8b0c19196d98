// The language differences between QEMU releases, as data: the ONE place where
// they live. Each row says how that release's own generator (its scripts/qapi)
// reads a tree: its pragmas, how its doc-comment reader works and which
// section tags it knows, the checks it added or dropped, and its wording.
// The parser (parser.ts, parser-doc*.ts), the checks (expr*.ts, schema/),
// the doc sections (doc.ts) and the test dump (dump.ts) read these rows;
// none of them tests a version number.
//
// Four rows are verified against the generator and conformance suite of that
// release (5.2.0, 7.2.0, 10.0.13, 10.2.2). Other versions are read with the row
// of the nearest verified release in the same era (releaseFor).

/** The releases whose generator the rows were ported from. */
export type QemuRelease = '5.2' | '7.2' | '10.0' | '10.2';

/** What a pragma sets (QAPISchemaPragma's fields). */
export type PragmaField =
  | 'docRequired'
  | 'commandNameExceptions'
  | 'commandReturnsExceptions'
  | 'documentationExceptions'
  | 'memberNameExceptions';

export interface ReleaseRules {
  release: QemuRelease;
  /** pragma names the release accepts, and what each sets */
  pragmas: Readonly<Record<string, PragmaField>>;
  /**
   * How doc comments are read. 'lines': the line-by-line state machine of
   * QEMU ≤ 8.2 (sections start at a tag or a symbol line, free-form blocks
   * split at '=' headings). 'blocks': the paragraph reader of QEMU ≥ 9.0.
   */
  docReader: 'lines' | 'blocks';
  /** section tags read as sections, spelled as in the source without ':' */
  docSectionTags: readonly string[];
  /** tags rejected with advice (QEMU 10 retired 'Note:' and 'Example:') */
  retiredDocTags: boolean;
  /** QEMU 10.0: '=' headings only first in a free-form block, never in definition docs */
  headingChecks: boolean;
  /** maximum doc line length including '# '; null: no limit (QEMU ≤ 10.0) */
  docLineLength: number | null;
  /** two spaces between sentences (QEMU ≥ 10.1) */
  docSentenceSpacing: boolean;
  /** QEMU ≥ 10.1 inserts a stub 'Returns' section for commands that return something */
  stubReturnsSection: boolean;
  /**
   * An undocumented member of a documented definition: 'stub' (QEMU ≤ 8.x
   * adds an empty description) or 'error' ("lacks documentation", unless the
   * pragma documentation-exceptions names the definition).
   */
  undocumentedMembers: 'stub' | 'error';
  /** doc blocks are checked right after their definition (≤ 8.x) or once all are connected */
  docCheckPerDefinition: boolean;
  /** 'if' conditions: C preprocessor strings or lists of them (≤ 6.1), or config-symbol expressions */
  conditions: 'c-strings' | 'expressions';
  /** unions without 'discriminator' (simple unions: implicit <Name>Kind enum, wrapper types) */
  simpleUnions: boolean;
  /**
   * How a definition's meta key is found: 'first' (≤ 6.1: the first present of enum, union,
   * alternate, struct, command, event, any other is an unknown key; none: "expression is missing
   * metatype") or 'exactly-one' ("expression must have exactly one key ...")
   */
  metaKey: 'first' | 'exactly-one';
  /** alternates may have array branches (QEMU 5.2: "'data' member 'x' cannot be an array") */
  alternateArrays: boolean;
  /** naming rules: 'legacy' (≤ 6.1: only "uses uppercase in name") or 'conventions' (CamelCase, lower, UPPER) */
  nameRules: 'legacy' | 'conventions';
  /** type checks of expr.py: one check_type with allow_array/allow_dict (≤ 8.x) or the split checks */
  typeChecks: 'check-type' | 'split';
  /** features the release treats as special, i.e. not allowed on types */
  specialFeatures: readonly string[];
  /** enum values may carry features */
  enumValueFeatures: boolean;
  /** 'conditional command arguments require boxed' and the 64-feature limit */
  newerSchemaChecks: boolean;
  /**
   * QEMU ≤ 6.1's expression grammar: a top-level value must start with '{'
   * (a parse error, "expected '{'"), and the grammar messages name 'null'
   */
  legacyGrammar: boolean;
  /** the error for a doc block opening with '@:' (no name) */
  emptySymbolMessage: string;
  /** the 'prefix' of the predefined enum QType (QEMU ≤ 8.x: 'QTYPE') */
  qtypePrefix: string | null;
  /** how a doc block names bogus feature descriptions: "documented member(s)" (5.2) or "documented feature(s)" */
  bogusFeatureWord: 'member' | 'feature';
  /** the test dump's format (tests/qapi-schema/test-qapi.py of the release) */
  dump: QemuRelease;
}

const MODERN_PRAGMAS = {
  'doc-required': 'docRequired',
  'command-name-exceptions': 'commandNameExceptions',
  'command-returns-exceptions': 'commandReturnsExceptions',
  'member-name-exceptions': 'memberNameExceptions',
} as const;

const RULES_10_2: ReleaseRules = Object.freeze({
  release: '10.2',
  pragmas: Object.freeze({ ...MODERN_PRAGMAS, 'documentation-exceptions': 'documentationExceptions' }),
  docReader: 'blocks',
  docSectionTags: Object.freeze(['Returns', 'Errors', 'Since', 'TODO']),
  retiredDocTags: true,
  headingChecks: false,
  docLineLength: 70,
  docSentenceSpacing: true,
  stubReturnsSection: true,
  undocumentedMembers: 'error',
  docCheckPerDefinition: false,
  conditions: 'expressions',
  simpleUnions: false,
  metaKey: 'exactly-one',
  alternateArrays: true,
  nameRules: 'conventions',
  typeChecks: 'split',
  specialFeatures: Object.freeze(['deprecated', 'unstable']),
  enumValueFeatures: true,
  newerSchemaChecks: true,
  legacyGrammar: false,
  emptySymbolMessage: "name required after '@'",
  qtypePrefix: null,
  bogusFeatureWord: 'feature',
  dump: '10.2',
});

const RULES_10_0: ReleaseRules = Object.freeze({
  ...RULES_10_2,
  release: '10.0',
  headingChecks: true,
  docLineLength: null,
  docSentenceSpacing: false,
  stubReturnsSection: false,
  dump: '10.0',
});

const RULES_7_2: ReleaseRules = Object.freeze({
  ...RULES_10_0,
  release: '7.2',
  pragmas: Object.freeze({ ...MODERN_PRAGMAS }),
  docReader: 'lines',
  docSectionTags: Object.freeze(['Returns', 'Since', 'Note', 'Notes', 'Example', 'Examples', 'TODO']),
  retiredDocTags: false,
  headingChecks: false,
  undocumentedMembers: 'stub',
  docCheckPerDefinition: true,
  typeChecks: 'check-type',
  newerSchemaChecks: false,
  qtypePrefix: 'QTYPE',
  dump: '7.2',
});

const RULES_5_2: ReleaseRules = Object.freeze({
  ...RULES_7_2,
  release: '5.2',
  pragmas: Object.freeze({
    'doc-required': 'docRequired',
    'returns-whitelist': 'commandReturnsExceptions',
    'name-case-whitelist': 'memberNameExceptions',
  } as const),
  conditions: 'c-strings',
  simpleUnions: true,
  metaKey: 'first',
  alternateArrays: false,
  nameRules: 'legacy',
  specialFeatures: Object.freeze(['deprecated']),
  enumValueFeatures: false,
  legacyGrammar: true,
  emptySymbolMessage: 'invalid name',
  bogusFeatureWord: 'member',
  dump: '5.2',
});

/** The verified rows, oldest first. */
export const RELEASES: Readonly<Record<QemuRelease, ReleaseRules>> = Object.freeze({
  '5.2': RULES_5_2,
  '7.2': RULES_7_2,
  '10.0': RULES_10_0,
  '10.2': RULES_10_2,
});

/**
 * The row for QEMU `major.minor`: 10.1 and later read as 10.2; 10.0 as 10.0;
 * 6.2 to 9.2 as 7.2 (expression conditions, renamed pragmas, line-wise doc
 * reader); older ones as 5.2.
 */
export function releaseFor(major: number, minor: number): QemuRelease {
  if (major > 10 || (major === 10 && minor >= 1)) return '10.2';
  if (major === 10) return '10.0';
  if (major > 6 || (major === 6 && minor >= 2)) return '7.2';
  return '5.2';
}
