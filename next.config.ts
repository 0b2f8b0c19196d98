// Static export of the docs site. Settings from the environment:
//   BASE_PATH        serve under a sub-path (e.g. /qapi-explorer)
//   QAPI_SCHEMA      one QEMU tree's qapi/qapi-schema.json instead of content/
//   QAPI_VERSIONS    several trees: "label=path,label=path" (first is the default)
//   EXPORT_DIR       where the static export lands (default out/), anywhere;
//                    the e2e tests and the benchmark use their own so they
//                    never overwrite a developer's out/ (Next 16: a custom
//                    distDir names the export destination, build files stay
//                    in .next; one outside the project is staged inside and
//                    moved by scripts/postexport.mjs, see scripts/export-dir.mjs)
// or a qapi-explorer.config.json file (see lib/site/config.ts).
import type { NextConfig } from 'next';
import { availableParallelism } from 'node:os';
import { normaliseBasePath } from './lib/site/base-path.mjs';
import { exportPaths } from './scripts/export-dir.mjs';

const basePath = normaliseBasePath(process.env.BASE_PATH);

const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: true,
  basePath: basePath || undefined,
  images: { unoptimized: true },
  ...(process.env.EXPORT_DIR ? { distDir: exportPaths().distDir } : {}),
  reactStrictMode: true,
  // Highlighting runs at build time only, in Node: load shiki from node_modules
  // instead of bundling its grammars and engine into the server build.
  serverExternalPackages: ['shiki', '@shikijs/core', '@shikijs/engine-javascript', '@shikijs/langs', '@shikijs/themes'],
  // Static generation is the bulk of the build (one page per definition): use
  // every core, not Next's default of cores - 1.
  experimental: { cpus: Math.max(1, availableParallelism()) },
  poweredByHeader: false,
  // Type checking is `npm run typecheck`; doing it again here would double the build time.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
