#!/usr/bin/env node
// A tiny static file server for the exported site (out/), used by `npm start`
// and the browser tests. Serves DIR at http://127.0.0.1:PORT/BASE/, maps
// directories to index.html, answers 404 with the site's 404.html. Survives
// any request and any file error (bad request targets get 400, other methods
// 405); sends nosniff, no-referrer and each page's Content-Security-Policy.
//   node scripts/serve.mjs [dir=$EXPORT_DIR or out] [--port $PORT or 3000] [--base /prefix] [--check-port]
// (--help says more; an export's base path is read from the export itself).
import { createServer } from 'node:http';
import { createReadStream, existsSync, fstatSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pagePolicy } from './postexport-csp.mjs';
import { normaliseBasePath } from '../lib/site/base-path.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

function resolveFile(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const full = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  const stat = statOrNull(full);
  if (stat?.isDirectory()) {
    const index = path.join(full, 'index.html');
    return statOrNull(index)?.isFile() ? index : null;
  }
  if (stat?.isFile()) return full;
  if (statOrNull(full + '.html')?.isFile()) return full + '.html';
  return null;
}

function statOrNull(file) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** Sent with every answer; HTML pages also get their own CSP (scripts/postexport-csp.mjs). */
const HARDENING = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

function plain(res, status, text, extra = {}) {
  res.writeHead(status, { ...HARDENING, 'content-type': TYPES['.txt'], ...extra });
  res.end(text);
}

/** The page's policy as a header (the same as its meta tag) plus what only a header can say. */
async function htmlHeaders(file) {
  const html = await readFile(file, 'utf8');
  return { body: html, csp: `${pagePolicy(html)}; frame-ancestors 'none'` };
}

/** Answers one request; any failure becomes a 4xx/5xx answer, never an exception. */
async function answer(root, prefix, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    return;
  }
  let url;
  try {
    // a request target that is no URL at all (http://[, //a:99999/x) is the client's error
    // origin-form ('/...', even '//x') is a path; absolute-form ('http://host/...') a URL
    const target = req.url ?? '/';
    url = new URL(target.startsWith('/') ? `http://localhost${target}` : target);
  } catch {
    plain(res, 400, 'Bad request');
    return;
  }
  // one form of each path: no empty or '.' segments, so a redirect can never start with '//'
  let p = path.posix.normalize(url.pathname).replace(/\/{2,}/g, '/');
  if (prefix) {
    if (p !== prefix && !p.startsWith(prefix + '/')) {
      res.writeHead(302, { ...HARDENING, location: prefix + '/' });
      res.end();
      return;
    }
    p = p.slice(prefix.length) || '/';
  }
  // trailingSlash: true — send /events/X to /events/X/ like static hosts do.
  const file = resolveFile(root, p);
  if (file && !p.endsWith('/') && file.endsWith(`${path.sep}index.html`)) {
    res.writeHead(308, { ...HARDENING, location: prefix + p + '/' + url.search });
    res.end();
    return;
  }
  const status = file ? 200 : 404;
  const target = file ?? path.join(root, '404.html');
  const type = file ? (TYPES[path.extname(file)] ?? 'application/octet-stream') : TYPES['.html'];
  if (!file && !statOrNull(target)?.isFile()) {
    plain(res, 404, 'Not found');
    return;
  }
  const headers = {
    ...HARDENING,
    'content-type': type,
    'cache-control': target.includes(`${path.sep}_next${path.sep}static${path.sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  };
  if (type === TYPES['.html']) {
    const { body, csp } = await htmlHeaders(target);
    res.writeHead(status, { ...headers, 'content-security-policy': csp, 'content-length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const stream = createReadStream(target);
  // the file may vanish or fail mid-read (out/ rebuilt while serving): answer 500 or cut the answer short
  stream.on('error', () => {
    if (!res.headersSent) plain(res, 500, 'Could not read the file');
    else res.destroy();
  });
  stream.once('open', (fd) => {
    res.writeHead(status, { ...headers, 'content-length': fstatSync(fd).size });
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
    } else stream.pipe(res);
  });
}

/** Start serving; resolves to { server, url }. port 0 picks a free port. */
export function serve(dir, { port = 3000, base = '', host = '127.0.0.1' } = {}) {
  const root = path.resolve(dir);
  const prefix = normaliseBasePath(base);
  const server = createServer((req, res) => {
    answer(root, prefix, req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      const actual = typeof addr === 'object' && addr ? addr.port : port;
      resolve({ server, url: `http://${host}:${actual}${prefix}/` });
    });
  });
}

const USAGE = `Usage: node scripts/serve.mjs [options] [dir]

Serve a static export (dir: $EXPORT_DIR, else out/) at http://127.0.0.1:PORT/.
An export built with BASE_PATH is served under that path: the export says
which (its pages name their own script under it), so BASE_PATH need not be
set again here.

Options:
  --port <n>     the port (default: $PORT, else 3000)
  --base <path>  serve under this path instead of the export's own
  --check-port   only check that the port is free (npm start does, before
                 building), then exit
  -h, --help     show this help
`;

/** The base path an export was built with: its doc pages load their script from <base>/_site/; null when no page says. */
export function exportBasePath(dir) {
  try {
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const m = /<script src="([^"]*)\/_site\/site-[0-9a-f]+\.js"/.exec(html);
    return m ? normaliseBasePath(m[1]) : null;
  } catch {
    return null;
  }
}

/** Whether `port` can be listened on: false when another process holds it. */
export function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err) => (err.code === 'EADDRINUSE' ? resolve(false) : reject(err)));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

function portInUse(port) {
  const other = port < 65535 ? port + 1 : port - 1;
  return (
    `serve: port ${port} is in use (another server is running there). Pick another with PORT, ` +
    `e.g. PORT=${other} npm start, or node scripts/serve.mjs --port ${other}`
  );
}

async function main(argv) {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        base: { type: 'string' },
        'check-port': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    console.error(`serve: ${err.message}\nSee 'node scripts/serve.mjs --help'.`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const portText = values.port ?? process.env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    console.error(`serve: the port must be a number from 0 to 65535, not '${portText}'`);
    return 2;
  }
  if (positionals.length > 1) {
    console.error(`serve: unexpected argument '${positionals[1]}'\nSee 'node scripts/serve.mjs --help'.`);
    return 2;
  }
  if (!(await portIsFree(port))) {
    console.error(portInUse(port));
    return 1;
  }
  if (values['check-port']) return 0;
  const dir = positionals[0] ?? process.env.EXPORT_DIR ?? 'out';
  if (!existsSync(dir)) {
    console.error(`serve: ${dir} does not exist; run \`npm run build\` first`);
    return 1;
  }
  const own = exportBasePath(dir);
  const asked = normaliseBasePath(process.env.BASE_PATH);
  if (own !== null && values.base === undefined && asked && asked !== own) {
    console.error(`serve: ${dir} was built with BASE_PATH=${own || '(none)'}, not ${asked}: serving it as built`);
  }
  const base = values.base ?? own ?? asked;
  const { url } = await serve(dir, { port, base });
  console.log(`Serving ${dir} at ${url}`);
  return null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const status = await main(process.argv.slice(2)).catch((err) => {
    // listening can still fail (the port taken in the meantime): say so, without a stack
    console.error(err?.code === 'EADDRINUSE' ? portInUse(err.port) : `serve: ${err?.message ?? err}`);
    return 1;
  });
  if (status !== null) process.exit(status);
}
