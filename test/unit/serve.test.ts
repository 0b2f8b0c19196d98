// scripts/serve.mjs over raw HTTP: it survives any request target and any
// file error, answers only GET and HEAD, never redirects to a protocol-relative
// URL, and sends nosniff, no-referrer and each page's own CSP as headers. As a
// command: --help, a busy port said plainly, an export's own base path.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import { serve } from '../../scripts/serve.mjs';
// @ts-expect-error -- plain ESM script without type declarations
import { pagePolicy, withCspMeta } from '../../scripts/postexport-csp.mjs';

const PAGE = withCspMeta(
  '<!DOCTYPE html><html><head><meta charSet="utf-8"/><script id="theme-script">document.documentElement.dataset.theme="light"</script>' +
    '</head><body><div style="width:5ch">page</div></body></html>',
) as string;

let dir: string;
let server: Server;
let port: number;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  raw: string;
}

/** Sends the bytes as they are (no client-side URL checks) and reads the whole answer. */
function raw(request: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => (data += c));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n'), raw: data });
    });
    socket.write(request);
  });
}

const get = (target: string, method = 'GET') =>
  raw(`${method} ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'serve-test-'));
  mkdirSync(path.join(dir, 'validate'));
  writeFileSync(path.join(dir, 'index.html'), PAGE);
  writeFileSync(path.join(dir, 'validate', 'index.html'), PAGE);
  writeFileSync(path.join(dir, '404.html'), PAGE.replace('page', 'not found'));
  writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
  symlinkSync(path.join(dir, 'gone.js'), path.join(dir, 'dangling.js'));
  if (process.platform === 'linux') symlinkSync('/proc/self/mem', path.join(dir, 'unreadable.js'));
  ({ server } = await serve(dir, { port: 0 }));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scripts/serve.mjs', () => {
  it.each(['http://[', '//[', 'http://%/', '//a:99999/x', 'http://a:99999/', '/%', '/%00', '/\0'])(
    'answers the request target %j with 4xx and keeps serving',
    async (target) => {
      const r = await get(target);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect((await get('/')).status).toBe(200);
    },
  );

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE'])(
    'answers %s with 405 and Allow: GET, HEAD',
    async (method) => {
      const r = await get('/', method);
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
    },
  );

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await get('/', 'HEAD');
    const full = await get('/');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-security-policy']).toBe(full.headers['content-security-policy']);
    expect(full.body).toBe(PAGE);
  });

  it.each([
    ['/.//validate', '/validate/'],
    ['//validate', '/validate/'],
    ['/./validate', '/validate/'],
    ['///validate?x=1', '/validate/?x=1'],
    ['/a/../validate', '/validate/'],
  ])('redirects %j to the site path %j, never to //host', async (target, location) => {
    const r = await get(target);
    expect(r.status).toBe(308);
    expect(r.headers.location).toBe(location);
  });

  it('sends nosniff and no-referrer on pages, files, 404s and errors', async () => {
    for (const target of ['/', '/app.js', '/nope', 'http://[']) {
      const r = await get(target);
      expect(r.headers['x-content-type-options'], target).toBe('nosniff');
      expect(r.headers['referrer-policy'], target).toBe('no-referrer');
    }
  });

  it("sends a page's own policy (its meta tag's) as the header, plus frame-ancestors", async () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(PAGE)![1];
    expect(meta).toBe(pagePolicy(PAGE));
    for (const target of ['/', '/validate/', '/nope']) {
      expect((await get(target)).headers['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);
    }
    expect((await get('/nope')).status).toBe(404);
  });

  it('answers 404 for a dangling link and survives a file that fails while it is read', async () => {
    expect((await get('/dangling.js')).status).toBe(404);
    if (process.platform === 'linux') {
      const r = await get('/unreadable.js'); // opens, then every read fails (EIO)
      expect(r.body).toBe('');
    }
    expect((await get('/app.js')).body).toBe('console.log(1)');
  });
});

describe('scripts/serve.mjs under a base path', () => {
  it.each(['docs', '/docs/', 'docs//'])(
    'serves the export under /docs/ for --base %j, as the build does',
    async (base) => {
      const { server: based } = await serve(dir, { port: 0, base });
      try {
        const basedPort = (based.address() as net.AddressInfo).port;
        const r = await fetch(`http://127.0.0.1:${basedPort}/docs/validate/`, { redirect: 'manual' });
        expect(r.status).toBe(200);
        expect(await r.text()).toContain('page');
      } finally {
        based.close();
      }
    },
  );
});

describe('scripts/serve.mjs as a command', () => {
  const script = path.join(process.cwd(), 'scripts', 'serve.mjs');
  /** Runs the script to its end; a server, once it says it serves, is stopped. */
  function start(
    args: string[],
    env: Record<string, string> = {},
  ): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [script, ...args], {
        env: { ...process.env, PORT: '', BASE_PATH: '', ...env },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => {
        out += String(d);
        if (/^Serving .*\n/.test(out)) child.kill();
      });
      child.stderr.on('data', (d: Buffer) => (err += String(d)));
      child.on('close', (code) => resolve({ code, out, err }));
    });
  }

  it('--help prints its usage (it is not a folder to serve)', async () => {
    const r = await start(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: node scripts\/serve\.mjs \[options\] \[dir\]/);
    expect(r.out).toContain('--check-port');
  });

  it('a port in use: says how to pick another with PORT, exit 1, no stack (npm start checks it before building)', async () => {
    for (const args of [['--check-port'], [dir]]) {
      const r = await start(args, { PORT: String(port) });
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        `serve: port ${port} is in use (another server is running there). Pick another with PORT, ` +
          `e.g. PORT=${port + 1} npm start, or node scripts/serve.mjs --port ${port + 1}\n`,
      );
    }
  });

  it('serves an export built with BASE_PATH under that path, read from the export itself', async () => {
    const based = mkdtempSync(path.join(tmpdir(), 'serve-based-'));
    writeFileSync(
      path.join(based, 'index.html'),
      PAGE.replace('</head>', '<script src="/docs/_site/site-0123456789ab.js" defer></script></head>'),
    );
    const r = await start([based, '--port', '0']);
    expect(r.out).toMatch(/^Serving .* at http:\/\/127\.0\.0\.1:\d+\/docs\/\n/);
    const other = await start([based, '--port', '0'], { BASE_PATH: '/elsewhere' });
    expect(other.err).toContain('was built with BASE_PATH=/docs, not /elsewhere: serving it as built');
    expect(other.out).toMatch(/\/docs\/\n/);
  });
});
