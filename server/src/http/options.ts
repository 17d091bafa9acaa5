import type { Config } from '../config.js';
import type { SecurityOptions } from './yoga.js';

/** The limits of the HTTP and GraphQL layer as configured (README, "Security and limits"). */
export function securityFromConfig(config: Config): SecurityOptions {
  return {
    production: config.production,
    introspection: config.KGX_INTROSPECTION ?? !config.production,
    allowedOrigins: config.KGX_ALLOWED_ORIGINS,
    requestTimeoutMs: config.KGX_REQUEST_TIMEOUT_MS,
    maxSessionsPerRequest: config.KGX_MAX_SESSIONS_PER_REQUEST,
    query: {
      maxDepth: config.KGX_MAX_DEPTH,
      maxAliases: config.KGX_MAX_ALIASES,
      maxDirectives: config.KGX_MAX_DIRECTIVES,
      maxTokens: config.KGX_MAX_TOKENS,
      maxCost: config.KGX_MAX_COST,
      maxRootFields: config.KGX_MAX_ROOT_FIELDS,
      maxResponseBytes: config.KGX_MAX_RESPONSE_BYTES,
      maxIdLength: config.KGX_MAX_ID_LENGTH,
      maxStringLength: config.KGX_MAX_STRING_LENGTH,
    },
    clients: {
      concurrency: config.KGX_CLIENT_CONCURRENCY,
      queue: config.KGX_CLIENT_QUEUE,
      writesPerMinute: config.KGX_RATE_WRITES_PER_MINUTE,
      expensivePerMinute: config.KGX_RATE_EXPENSIVE_PER_MINUTE,
      expensiveCost: config.KGX_EXPENSIVE_COST,
      trustProxy: config.KGX_TRUST_PROXY === true,
    },
  };
}

/** GraphiQL: as configured, else on in development and off in production. */
export function graphiqlFromConfig(config: Config): boolean {
  return config.KGX_GRAPHIQL ?? !config.production;
}
