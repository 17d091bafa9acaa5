import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.js';

/** Media types a POST to /graphql may carry. */
const ACCEPTED_POST_TYPES = new Set(['application/json', 'application/graphql-response+json']);

const jsonError = (fetchAPI: { Response: typeof Response }, status: number, code: string, message: string): Response =>
  new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), { status, headers: { 'content-type': 'application/json' } });

/**
 * POST bodies must be JSON: `application/x-www-form-urlencoded`, `multipart/form-data`, `text/plain` and
 * `application/graphql` are refused with 415 (a plain HTML form on another site can send the first three).
 */
export function useJsonOnlyPost(graphqlEndpoint: string): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'POST' || url.pathname !== graphqlEndpoint) return;
      const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!ACCEPTED_POST_TYPES.has(type)) {
        endResponse(jsonError(fetchAPI, 415, ErrorCode.BAD_REQUEST, 'POST bodies must be application/json.'));
      }
    },
    onRequestParse({ request, setRequestParser }) {
      // Yoga parses application/json itself; the GraphQL-over-HTTP media type carries the same JSON body.
      if (request.headers.get('content-type')?.toLowerCase().startsWith('application/graphql-response+json')) {
        setRequestParser(async (incoming) => (await incoming.json()) as any);
      }
    },
  };
}

/** The host name of a Host header, without port and brackets, lower-cased; undefined when unparsable. */
export function hostName(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  try {
    return new URL(`http://${header}`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return undefined;
  }
}

/** True when the Host header names one of `allowed` (`*` allows any): the defence against DNS rebinding. */
export function hostAllowed(header: string | null | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  const name = hostName(header);
  return name !== undefined && allowed.some((candidate) => candidate.replace(/^\[|\]$/g, '').toLowerCase() === name);
}

/**
 * CORS: answered only for origins in the allowlist, never echoed for others, never with credentials. With an empty
 * allowlist no CORS header is ever sent, so browsers keep other sites from reading the API.
 */
export function corsOptions(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins.map((origin) => origin.toLowerCase()));
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin.toLowerCase())) return false as const;
    return {
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'accept', 'authorization', 'x-graphql-yoga-csrf'],
      maxAge: 600,
    };
  };
}

/** Headers on every response: no sniffing, no framing, no referrer, and a CSP that allows nothing by default. */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The CSP for an HTML page whose only inline scripts and styles are exactly the ones in `html` (GraphiQL from our
 * own bundle): each allowed by its hash, nothing from other origins; its editor's workers come from blob: URLs it makes.
 */
export function cspForInlineHtml(html: string): string {
  const hashes = (tag: 'script' | 'style'): string =>
    [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))]
      .map((match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`)
      .join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes('script')}`,
    // The editor (Monaco) adds style elements at run time; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Puts API_HEADERS (and `Vary: Origin`) on every Yoga response; HTML responses (GraphiQL) get `htmlCsp(body)`. */
export function useSecurityHeaders(htmlCsp: (response: Response) => string | undefined): Plugin {
  return {
    onResponse({ response }) {
      for (const [name, value] of Object.entries(API_HEADERS)) response.headers.set(name, value);
      response.headers.append('vary', 'Origin');
      if (response.headers.get('content-type')?.startsWith('text/html')) {
        const csp = htmlCsp(response);
        if (csp) response.headers.set('content-security-policy', csp);
      }
    },
  };
}
