// A small static file server for the lesson (localhost only): correct MIME types (application/wasm),
// no caching, optional Content-Security-Policy header, optional gzip (as a static host would).
// Used by `npm start`, the browser tests and scripts/transfer-budget.mjs.
// Usage: node scripts/serve.mjs [--root web] [--port 8080] [--csp] [--gzip]
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
};

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'";

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.map', '.svg', '.txt']);

export function startServer({ root = 'web', port = 0, host = '127.0.0.1', csp = null, headers = {}, gzip = false } = {}) {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let file = path.normalize(path.join(base, decodeURIComponent(url.pathname)));
      if (file !== base && !file.startsWith(base + path.sep)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      let body = await readFile(file);
      const h = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...headers };
      if (csp) h['Content-Security-Policy'] = csp;
      if (gzip && COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 9 });
        h['Content-Encoding'] = 'gzip';
        h.Vary = 'Accept-Encoding';
      }
      res.writeHead(200, h);
      res.end(body);
    } catch (err) {
      res.writeHead(err.code === 'ENOENT' || err.code === 'ENOTDIR' ? 404 : 500, { 'Content-Type': 'text/plain' });
      res.end(err.code === 'ENOENT' || err.code === 'ENOTDIR' ? 'Not found' : 'Server error');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ url: `http://localhost:${p}/`, port: p, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
  const root = opt('--root', 'web');
  let port = Number(opt('--port', process.env.PORT ?? 8080));
  const csp = args.includes('--csp') ? STRICT_CSP : null;
  const gzip = args.includes('--gzip');
  for (let tries = 0; ; tries++) {
    try {
      const s = await startServer({ root, port, csp, gzip });
      console.log(`The attention lesson is running at ${s.url}  (serving ${root}/; Ctrl+C stops it)`);
      break;
    } catch (err) {
      if (err.code !== 'EADDRINUSE' || tries > 20) throw err;
      port += 1;
    }
  }
}
