import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.js';
import { logger } from '../log.js';
import { limitError } from './errors.js';
import type { OperationShape } from './query-limits.js';

const log = logger('clients');

/** Per-client limits; a client is one remote address. */
export interface ClientLimits {
  /** GraphQL requests one client may have running at once. */
  concurrency: number;
  /** Requests that may wait for a slot; beyond that, 429. */
  queue: number;
  /** Mutations per client per minute (0: no limit). */
  writesPerMinute: number;
  /** Operations costing at least `expensiveCost`, per client per minute (0: no limit). */
  expensivePerMinute: number;
  expensiveCost: number;
  /** Use the first X-Forwarded-For address (only behind a proxy that sets it). */
  trustProxy: boolean;
}

export const DEFAULT_CLIENT_LIMITS: ClientLimits = {
  concurrency: 8,
  queue: 100,
  writesPerMinute: 60,
  expensivePerMinute: 60,
  expensiveCost: 10_000,
  trustProxy: false,
};

/** The client address of a request: the socket's peer (or X-Forwarded-For when trusted); "local" in process. */
export function clientAddress(request: Request, serverContext: unknown, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const req = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req;
  return req?.socket?.remoteAddress ?? 'local';
}

/** A sliding one-minute window of timestamps per key. */
class MinuteWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Records a hit and returns 0, or returns the seconds until one is allowed again. */
  take(key: string, now = Date.now()): number {
    if (this.perMinute <= 0) return 0;
    const recent = (this.hits.get(key) ?? []).filter((at) => now - at < 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    return 0;
  }

  /** Forgets keys with no recent hits, so the map does not grow with every address ever seen. */
  sweep(now = Date.now()): void {
    for (const [key, hits] of this.hits) if (!hits.some((at) => now - at < 60_000)) this.hits.delete(key);
  }
}

const rateLimited = (message: string, retryAfter: number): GraphQLError =>
  limitError(ErrorCode.RATE_LIMITED, message, 429, { 'Retry-After': String(retryAfter) });

/** Rate limits on mutations and expensive operations, per client; used by the execution limits. */
export function createRateLimiter(limits: ClientLimits): (shape: OperationShape, clientKey: string) => GraphQLError | undefined {
  const writes = new MinuteWindow(limits.writesPerMinute);
  const expensive = new MinuteWindow(limits.expensivePerMinute);
  setInterval(() => {
    writes.sweep();
    expensive.sweep();
  }, 60_000).unref();
  return (shape, key) => {
    if (shape.kind === 'mutation') {
      const wait = writes.take(key);
      if (wait) return rateLimited(`More than ${limits.writesPerMinute} writes a minute from this client; retry in ${wait} s.`, wait);
    } else if (shape.cost >= limits.expensiveCost) {
      const wait = expensive.take(key);
      if (wait) return rateLimited(`More than ${limits.expensivePerMinute} expensive queries a minute from this client; retry in ${wait} s.`, wait);
    }
    return undefined;
  };
}

const SLOT = Symbol('clientSlot');

/**
 * At most `concurrency` GraphQL requests per client run at once; up to `queue` more wait (for at most `maxWaitMs`),
 * anything beyond is refused with 429 and Retry-After. One client cannot take the whole Bolt pool.
 */
export function useClientConcurrency(limits: ClientLimits, graphqlEndpoint: string, maxWaitMs: number): Plugin {
  const clients = new Map<string, { running: number; waiting: (() => void)[] }>();
  const refuse = (fetchAPI: { Response: typeof Response }, message: string): Response =>
    new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.RATE_LIMITED } }] }), {
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '1' },
    });
  const release = (key: string): void => {
    const client = clients.get(key);
    if (!client) return;
    const next = client.waiting.shift();
    if (next) next();
    else if (--client.running === 0) clients.delete(key);
  };
  return {
    async onRequest({ request, serverContext, endResponse, fetchAPI, url }) {
      if (url.pathname !== graphqlEndpoint || request.method === 'OPTIONS') return;
      const key = clientAddress(request, serverContext, limits.trustProxy);
      let client = clients.get(key);
      if (!client) clients.set(key, (client = { running: 0, waiting: [] }));
      if (client.running < limits.concurrency) {
        client.running += 1;
      } else if (client.waiting.length >= limits.queue) {
        log.warn({ client: key, running: client.running }, 'client over its concurrency limit and queue; refused');
        endResponse(refuse(fetchAPI, `Too many concurrent requests from this client (limit ${limits.concurrency}).`));
        return;
      } else {
        const waiter = client;
        const admitted = await new Promise<boolean>((resolve) => {
          const wake = (): void => {
            clearTimeout(timer);
            resolve(true);
          };
          const timer = setTimeout(() => {
            const index = waiter.waiting.indexOf(wake);
            if (index >= 0) waiter.waiting.splice(index, 1);
            resolve(false);
          }, maxWaitMs);
          waiter.waiting.push(wake);
        });
        if (!admitted) {
          endResponse(refuse(fetchAPI, 'The server is busy with this client\'s other requests; retry shortly.'));
          return;
        }
      }
      (request as unknown as Record<symbol, string>)[SLOT] = key;
    },
    onResponse({ request }) {
      const key = (request as unknown as Record<symbol, string | undefined>)[SLOT];
      if (key !== undefined) {
        (request as unknown as Record<symbol, string | undefined>)[SLOT] = undefined;
        release(key);
      }
    },
  };
}
