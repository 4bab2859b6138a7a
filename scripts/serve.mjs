// `npm start` serves the repo for the demo: a static server with no dependencies.
// The ES module bundle and .wasm need http:// (file:// blocks them), hence this.
// Local only (127.0.0.1); PORT picks the port, and a busy one moves to the next.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm', // instantiateStreaming refuses any other type
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const send = (res, status, text, headers = {}) => {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
};

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    return send(res, 400, 'bad request');
  }
  if (path === '/') return send(res, 302, 'see /demo/', { location: '/demo/' });

  // resolve() collapses any `..`; whatever lands outside the root is refused.
  let file = resolve(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    // Relative links in demo/index.html need the trailing slash.
    if (!path.endsWith('/')) return send(res, 301, 'moved', { location: `${path}/` });
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send(res, 404, `not found: ${path}`);

  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-cache', // a demo under edit: always revalidate
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

/** Listens on `port`, or the next free one of a few. */
function listen(port, triesLeft) {
  const server = createServer((req, res) =>
    handle(req, res).catch((error) => send(res, 500, String(error))),
  );
  server.once('error', (error) => {
    if (error.code === 'EADDRINUSE' && triesLeft > 0) return listen(port + 1, triesLeft - 1);
    console.error(`scaling-kit demo: cannot listen on 127.0.0.1:${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`scaling-kit demo: http://127.0.0.1:${port}/demo/`);
  });
}

listen(Number(process.env.PORT) || 8080, 9);
