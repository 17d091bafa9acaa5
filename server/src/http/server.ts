import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import type { WriteToken } from '../config.js';
import type { Database } from '../db/driver.js';
import { EXPORT_PATH, createExportHandler } from '../export/route.js';
import { API_HEADERS, hostAllowed } from './request-guards.js';
import { createGraphQLServer, type SecurityOptions } from './yoga.js';

/** Folder of the built web page (`npm run build:web`). */
export const WEB_DIST = path.resolve(import.meta.dirname, '../../../dist/web');

const API_PATHS = new Set(['/graphql', '/healthz', '/readyz']);

/** Headers for the page: a strict CSP (no inline scripts, only our own origin) and no framing or sniffing. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Options of the HTTP server. */
export interface HttpServerOptions {
  db: Database;
  maxBodyBytes: number;
  webDist?: string;
  graphiql?: boolean;
  writeTokens?: readonly WriteToken[];
  security?: Partial<SecurityOptions>;
  /** Host names (no port) this server answers to; `*` for any. Default: the loopback names. */
  allowedHosts?: readonly string[];
  /** Liveness for /healthz (see YogaOptions.alive). */
  alive?: () => boolean;
}

/** The names a loopback-only server answers to. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** The HTTP server: GraphQL and health from Yoga, the web page as static files, 404 for the rest. */
export function createHttpServer(options: HttpServerOptions): Server {
  const yoga = createGraphQLServer(options);
  const exportGraph = createExportHandler(options.db);
  const webDist = options.webDist ?? WEB_DIST;
  const pageMissing = !existsSync(path.join(webDist, 'index.html'));
  // Vite writes .gz/.br copies at build time; sirv sends the one the browser accepts. Hashed assets
  // never change under their name, so they are cached for a year; index.html is revalidated every time.
  const serveStatic = sirv(webDist, {
    etag: true,
    dev: false,
    gzip: true,
    brotli: true,
    setHeaders: (res, pathname) => {
      setHeaders(res, PAGE_HEADERS);
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const allowedHosts = options.allowedHosts ?? LOOPBACK_HOSTS;

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = pathOf(req.url);
    if (pathname === undefined) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', ...API_HEADERS });
      res.end('Bad request target\n');
      return;
    }
    // A Host we do not serve is a DNS-rebinding attempt (or a misconfiguration): refuse it before anything else.
    if (!hostAllowed(req.headers.host, allowedHosts)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', ...API_HEADERS });
      res.end('Unknown host; set KGX_ALLOWED_HOSTS to serve it.\n');
      return;
    }
    if (API_PATHS.has(pathname)) {
      void yoga.handle(req, res);
      return;
    }
    if (pathname === EXPORT_PATH) {
      setHeaders(res, API_HEADERS);
      void exportGraph(req, res);
      return;
    }
    if (pageMissing && pathname === '/') {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The web page is not built; run `npm run build:web` (npm start does it for you).\n');
      return;
    }
    serveStatic(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...PAGE_HEADERS });
      res.end('Not found\n');
    });
  });
}

/** The path of a request target, or undefined when it is not a valid URL (Node's parser lets e.g. `//[` through). */
function pathOf(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

function setHeaders(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
