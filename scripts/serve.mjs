#!/usr/bin/env node
// A tiny static file server for the exported site (out/), used by `npm start`
// and the browser tests. Serves DIR at http://127.0.0.1:PORT/BASE/, maps
// directories to index.html, answers 404 with the site's 404.html.
//   node scripts/serve.mjs [dir=out] [--port 3000] [--base /prefix]
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const full = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
  if (!full.startsWith(root)) return null;
  if (existsSync(full) && statSync(full).isDirectory()) {
    const index = path.join(full, 'index.html');
    return existsSync(index) ? index : null;
  }
  if (existsSync(full)) return full;
  if (existsSync(full + '.html')) return full + '.html';
  return null;
}

/** Start serving; resolves to { server, url }. port 0 picks a free port. */
export function serve(dir, { port = 3000, base = '', host = '127.0.0.1' } = {}) {
  const root = path.resolve(dir);
  const prefix = base.replace(/\/+$/, '');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let p = url.pathname;
    if (prefix) {
      if (p !== prefix && !p.startsWith(prefix + '/')) {
        res.writeHead(302, { location: prefix + '/' });
        res.end();
        return;
      }
      p = p.slice(prefix.length) || '/';
    }
    // trailingSlash: true — send /events/X to /events/X/ like static hosts do.
    const file = resolveFile(root, p);
    if (file && !p.endsWith('/') && file.endsWith(`${path.sep}index.html`)) {
      res.writeHead(308, { location: prefix + p + '/' + url.search });
      res.end();
      return;
    }
    if (!file) {
      const notFound = path.join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': file.includes(`${path.sep}_next${path.sep}static${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  const port = Number(opt('--port', process.env.PORT ?? '3000'));
  const base = opt('--base', process.env.BASE_PATH ?? '');
  const dir = args[0] ?? 'out';
  if (!existsSync(dir)) {
    console.error(`serve: ${dir} does not exist; run \`npm run build\` first`);
    process.exit(1);
  }
  const { url } = await serve(dir, { port, base });
  console.log(`Serving ${dir} at ${url}`);
}
