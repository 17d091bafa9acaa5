import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError, getOperationAST } from 'graphql';
import { createYoga, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { createLoaders, type GraphQLContext } from '../context.js';
import type { WriteToken } from '../config.js';
import type { Database } from '../db/driver.js';
import { createTokenCheck } from './auth.js';
import { ErrorCode, isDatabaseUnavailable } from '../errors.js';
import { logger } from '../log.js';
import { clientAddress, createRateLimiter, DEFAULT_CLIENT_LIMITS, useClientConcurrency, type ClientLimits } from './clients.js';
import { createMaskError, limitError } from './errors.js';
import { useRequestSizeLimit } from './limits.js';
import { OutageTracker } from './outage.js';
import { DEFAULT_QUERY_LIMITS, useExecutionLimits, useQueryShapeLimits, type QueryLimits } from './query-limits.js';
import { requestDatabase, type RequestDatabase } from './request-db.js';
import { corsOptions, cspForInlineHtml, useJsonOnlyPost, useSecurityHeaders } from './request-guards.js';
import { buildSchema } from './schema.js';

/** The limits of issue 10 in one place; `securityFromConfig` (http/options.ts) fills them from the environment. */
export interface SecurityOptions {
  /** Masked errors, no suggestions; introspection and GraphiQL off unless turned on. */
  production: boolean;
  introspection: boolean;
  allowedOrigins: readonly string[];
  requestTimeoutMs: number;
  maxSessionsPerRequest: number;
  query: QueryLimits;
  clients: ClientLimits;
}

export const DEFAULT_SECURITY: SecurityOptions = {
  production: false,
  introspection: true,
  allowedOrigins: [],
  requestTimeoutMs: 10_000,
  maxSessionsPerRequest: 4,
  query: DEFAULT_QUERY_LIMITS,
  clients: DEFAULT_CLIENT_LIMITS,
};

/** Options of the GraphQL endpoint. */
export interface YogaOptions {
  db: Database;
  maxBodyBytes: number;
  /** Serve GraphiQL (from our own bundle, no CDN) on GET /graphql for people exploring the API. */
  graphiql?: boolean;
  /** Tokens that may write; none means a read-only server. */
  writeTokens?: readonly WriteToken[];
  /** Limits; anything left out keeps its default. */
  security?: Partial<SecurityOptions>;
  /** Liveness for /healthz: false when the process cannot recover by itself (e.g. its database cannot be restarted). */
  alive?: () => boolean;
}

/** The context resolvers get: the domain context plus the request's deadline and client. */
type RequestContext = GraphQLContext & { deadline: number; client: string; requestDb: RequestDatabase };

const yogaLog = logger('yoga');

/** Yoga's logger, on pino; an unavailable database is logged once per outage by the tracker, not per request here. */
const yogaLogger = {
  debug: (...args: unknown[]) => yogaLog.debug({ args }, 'yoga'),
  info: (...args: unknown[]) => yogaLog.info({ args }, 'yoga'),
  warn: (...args: unknown[]) => yogaLog.warn({ args }, 'yoga'),
  error: (...args: unknown[]) => {
    const error = args.find((arg) => arg instanceof Error) as (Error & { originalError?: unknown }) | undefined;
    if (error && isDatabaseUnavailable(error instanceof GraphQLError ? error.originalError : error)) return;
    yogaLog.error({ err: error, args: error ? undefined : args }, error?.message ?? 'yoga error');
  },
};

/** Every request gets a deadline: past it, the response is a TIMEOUT error (503) even if a resolver still runs. */
function useDeadline(timeoutMs: number): Plugin<RequestContext> {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args: any) => {
        const left = (args.contextValue as RequestContext).deadline - Date.now();
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise((resolve) => {
          timer = setTimeout(
            () => resolve({ errors: [limitError(ErrorCode.TIMEOUT, `The request did not finish within ${timeoutMs} ms.`, 503, { 'Retry-After': '1' })] }),
            Math.max(0, left),
          );
        });
        try {
          return await Promise.race([executeFn(args), expired]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

/**
 * Names the request's transactions after the GraphQL operation (so Neo4j's query log ties back to the API) and
 * ends its one read transaction when execution is over: answered, failed, or cut off by the deadline (running
 * statements are then cancelled, and later ones refused).
 */
function useRequestTransaction(): Plugin<RequestContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as RequestContext;
      const operation = getOperationAST(args.document, args.operationName);
      context.requestDb.describe({
        api: 'graphql',
        operation: operation?.name?.value ?? args.operationName ?? 'anonymous',
        operationType: operation?.operation ?? 'query',
      });
      setExecuteFn(async (executeArgs: any) => {
        try {
          return await executeFn(executeArgs);
        } finally {
          await context.requestDb.end();
        }
      });
    },
  };
}

/** The GraphQL endpoint plus /healthz and /readyz, usable in process through `yoga.fetch`. */
export function createGraphQLServer(options: YogaOptions): YogaServerInstance<Record<string, unknown>, RequestContext> {
  const security: SecurityOptions = { ...DEFAULT_SECURITY, ...options.security };
  const query = { ...DEFAULT_QUERY_LIMITS, ...options.security?.query };
  const clients = { ...DEFAULT_CLIENT_LIMITS, ...options.security?.clients };
  const schema = buildSchema();
  const writable = (options.writeTokens ?? []).length > 0;
  const writerOf = createTokenCheck(options.writeTokens ?? []);
  const outage = new OutageTracker();
  const rateLimit = createRateLimiter(clients);
  let graphiqlCsp: string | undefined;
  const graphqlEndpoint = '/graphql';

  return createYoga<Record<string, unknown>, RequestContext>({
    schema,
    graphqlEndpoint,
    // Yoga's own health check answers 200 unconditionally; /healthz is ours (below). This path is never routed.
    healthCheckEndpoint: '/__yoga_health',
    landingPage: false,
    graphiql: options.graphiql ?? false,
    // GraphiQL from the installed bundle, inlined: no CDN. Its inline script is allowed by hash in its CSP.
    renderGraphiQL: (graphiqlOptions) => {
      const html = renderGraphiQL({ ...graphiqlOptions, title: 'kg-explorer GraphiQL' });
      graphiqlCsp ??= cspForInlineHtml(html);
      return html;
    },
    cors: corsOptions(security.allowedOrigins),
    logging: yogaLogger,
    // Unexpected errors reach clients as "Unexpected error." (no stack, no message); driver errors get their codes.
    maskedErrors: { maskError: createMaskError(outage, security.production), isDev: false },
    batching: false,
    // Yoga's own body limit pipes every request body through a counting stream (about 0.2 ms of CPU per request,
    // a tenth of its fixed cost). The limit holds without it: useRequestSizeLimit refuses a POST without a
    // Content-Length (411) or over the limit (413) before the body is read, and Node's HTTP parser reads exactly
    // Content-Length bytes and refuses a request that also says Transfer-Encoding (server.int.test.ts).
    maxRequestBodySize: false,
    context: ({ request, ...serverContext }) => {
      const deadline = Date.now() + security.requestTimeoutMs;
      const db = requestDatabase(options.db, { deadline, timeoutMs: security.requestTimeoutMs, maxSessions: security.maxSessionsPerRequest }, outage);
      return {
        db,
        requestDb: db,
        loaders: createLoaders(db),
        deadline,
        client: clientAddress(request, serverContext, clients.trustProxy),
        writer: writerOf(request.headers.get('authorization')),
        writable,
      };
    },
    plugins: [
      useSecurityHeaders(() => graphiqlCsp),
      useHealth(options.alive),
      useJsonOnlyPost(graphqlEndpoint),
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      useRequestSizeLimit(options.maxBodyBytes),
      useClientConcurrency(clients, graphqlEndpoint, security.requestTimeoutMs),
      useReadinessCheck({
        endpoint: '/readyz',
        check: async ({ fetchAPI }) => {
          try {
            await options.db.ping(1_500);
            outage.succeeded();
            return true;
          } catch (error) {
            outage.failed(error);
            const reason = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'unreachable';
            return new fetchAPI.Response(JSON.stringify({ status: 'unavailable', reason: `Neo4j: ${reason}` }), {
              status: 503,
              headers: { 'content-type': 'application/json' },
            });
          }
        },
      }),
      useQueryShapeLimits(query, { introspection: security.introspection, hideSuggestions: security.production }),
      useExecutionLimits(query, (shape, context: RequestContext) => rateLimit(shape, context.client)),
      useDeadline(security.requestTimeoutMs),
      // After the deadline, so it wraps it: the transaction ends when the answer is settled, deadline or not.
      useRequestTransaction(),
    ],
  });
}

/** /healthz: 200 while the process can serve or recover by itself, 503 when it cannot (an orchestrator should restart it). */
function useHealth(alive: (() => boolean) | undefined): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/healthz') return;
      const ok = alive?.() ?? true;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ status: ok ? 'ok' : 'failing' }), {
          status: ok ? 200 : 503,
          headers: { 'content-type': 'application/json' },
        }),
      );
    },
  };
}
