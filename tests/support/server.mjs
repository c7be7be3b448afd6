// A static file server for dist/ on 127.0.0.1, optionally under a sub-path, so that
// tests and the benchmark load the real release build as any static host would.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * Serves `root` at http://127.0.0.1:<free port><prefix>. `rewrite(path, body)` may
 * replace a file's bytes (used to serve a deliberately broken pack); `data` serves
 * `data/` from another folder (the synthetic benchmark bundle); `headers` are added to
 * every answer (a Content-Security-Policy, say); `gzip` compresses answers for clients
 * that accept it.
 * Returns { url, close, requests, precached }: every path asked for by the page, and
 * every path the service worker precached.
 */
export async function serve(root, { prefix = '/', rewrite, data, headers = {}, gzip = false } = {}) {
  // Compressed answers, as static hosts give them (`gzip`: Lighthouse's network
  // simulation counts the bytes on the wire), made once per file.
  const zipped = new Map();
  const base = resolve(root);
  const requests = [];
  const precached = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // The service worker's precaching is logged apart from what views fetch.
    (req.headers['x-urban-sdg-precache'] ? precached : requests).push(path);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('outside the sub-path');
      return;
    }
    let rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    if (rel === '' || rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
    const file = data && rel.startsWith('data/') ? join(resolve(data), rel.slice(5)) : join(base, rel);
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      let body = await readFile(file);
      if (rewrite) body = rewrite(rel, body) ?? body;
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && !type.startsWith('image/png')) {
        if (!zipped.has(file)) zipped.set(file, gzipSync(body, { level: 6 }));
        res.writeHead(200, { ...headers, 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        res.end(zipped.get(file));
        return;
      }
      res.writeHead(200, { ...headers, 'content-type': type });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    precached,
    // Connections a page still holds open (its tab not closed yet) would keep close()
    // waiting: they are ended once the server stops accepting new ones.
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}
