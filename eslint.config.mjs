// ESLint (flat config): typescript-eslint's recommended rules, and the
// project's layering as import rules (README "Layout"):
//   lib/qapi      imports nothing else of ours
//   lib/validate  only lib/qapi
//   lib/diff      only lib/qapi
//   lib/review    lib/qapi, lib/validate and lib/diff
//   lib/qmp       nothing else of ours (the protocol, not the schema)
//   lib/site      lib/qapi, lib/validate and lib/diff, never components/ or app/
//   nothing under lib/ imports React, Next.js or node:*, except the files
//   whose job is disk access or Next's page metadata, listed in LIB_EDGE.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** lib/ files allowed to reach Node.js or Next.js, each for a stated reason. */
const LIB_EDGE = [
  'lib/qapi/node.ts', // reads a schema tree from disk
  'lib/site/source.ts', // reads the configured trees from disk at build time
  'lib/site/model-cache.ts', // caches parsed models on disk between build workers
  'lib/site/metadata.ts', // builds Next's Metadata for the pages (a type import)
];

const FRAMEWORKS = [
  {
    regex: '^(node:|react($|/)|react-dom($|/)|next($|/))',
    message:
      'lib/ is framework-free: React, Next.js and node:* only in app/, components/, cli/, scripts/ or the files in LIB_EDGE.',
  },
];

/** Imports that leave a folder: `up` is how many '../' lead out of it from a file `depth` folders below it. */
const leaving = (depth, allowed, message) => {
  const up = '\\.\\./'.repeat(depth + 1);
  const allow = allowed.length ? `(?!(${allowed.join('|')})(/|$))` : '';
  return [
    { regex: `^${up}${allow}`, message },
    { regex: `^@/(?!lib/(${[...allowed, 'SELF'].join('|')})(/|$))`, message },
  ];
};

/** One config block per depth below a lib folder (files directly in it, in its subfolders, …). */
function layer(folder, allowed, message) {
  const rule = (depth, frameworks) => ({
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(frameworks ? FRAMEWORKS : []),
          ...leaving(depth, allowed, message).map((p) => ({ ...p, regex: p.regex.replace('SELF', folder) })),
        ],
      },
    ],
  });
  const edge = LIB_EDGE.filter((f) => f.startsWith(`lib/${folder}/`) && f.split('/').length === 3);
  return [
    ...[0, 1, 2].map((depth) => ({
      files: [`lib/${folder}/${'*/'.repeat(depth)}*.{ts,tsx}`],
      ignores: LIB_EDGE,
      rules: rule(depth, true),
    })),
    ...(edge.length ? [{ files: edge, rules: rule(0, false) }] : []),
  ];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'out/',
      'out-*/',
      'dist/',
      '.cache/',
      '.tmp*/',
      'next-env.d.ts',
      'test/snapshots/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // code that runs in the browser
    files: ['components/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  ...layer('qapi', [], 'lib/qapi imports nothing else of ours.'),
  ...layer('validate', ['qapi'], 'lib/validate imports only lib/qapi.'),
  ...layer('diff', ['qapi'], 'lib/diff imports only lib/qapi.'),
  ...layer('review', ['qapi', 'validate', 'diff'], 'lib/review imports only lib/qapi, lib/validate and lib/diff.'),
  ...layer('qmp', [], 'lib/qmp imports nothing else of ours.'),
  ...layer(
    'site',
    ['qapi', 'validate', 'diff'],
    'lib/site imports only lib/qapi, lib/validate and lib/diff (never components/ or app/).',
  ),
  {
    // CommonJS scripts (bin/): require() is how they load
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // tests reach into plain .mjs scripts that have no type declarations
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
    },
  },
);
